/**
 * "Evaluate…" and "Save as test" through the real server: the rule lenses for a client that names
 * its command, `govrule.eventTemplate`, `govrule.evaluate` (checked against `govrule eval` on the
 * compiled bundle) and `govrule.testBlock`, whose block passes when run by `govrule.runTests`.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CodeLens } from 'vscode-languageserver-protocol';
import { CLI_BIN, LspClient } from '../helpers/lsp-client.js';
import { fixtureWorkspace, RULES } from './fixture.js';

const EVALUATE = 'client.evaluateRule';
const TESTS_FILE = 'tests/saved.govrule';
const TESTS = `package demo.tests
import demo.common.*
import demo.rules.*

test "举报少不处置" {
    given rumor.enterprise { channel: selfMedia, reports: 1 }
    expect rule none
}
`;

interface Template {
    rule: string;
    event: { category: string; attributes: Record<string, unknown>; date: string };
}

interface Evaluation {
    markdown: string;
    decision?: { rule: string | null; actions: unknown[]; escalation: unknown[]; alsoMatched: string[] };
}

interface RunSummary {
    passed: number;
    failed: number;
    tests: Array<{ name: string; passed: boolean; failures: string[] }>;
}

function command<T>(client: LspClient, name: string, ...args: unknown[]): Promise<T> {
    return client.request<T>('workspace/executeCommand', { command: name, arguments: args });
}

/** Today in UTC, as the server dates events without one. */
function today(): string {
    return new Date().toISOString().slice(0, 10);
}

describe('Evaluate… and Save as test on the fixture workspace', () => {
    let client: LspClient;
    let root: string;
    beforeAll(async () => {
        root = fixtureWorkspace({ [TESTS_FILE]: TESTS });
        client = await LspClient.start(root, { initializationOptions: { evaluateCommand: EVALUATE } });
    });
    afterAll(async () => client.stop());

    test('every rule has an "Evaluate…" lens that runs the client\'s command with the file and the rule', async () => {
        const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: client.uri('rules/rules.govrule') } });
        const evaluate = lenses.filter(lens => lens.command?.command === EVALUATE)
            .sort((a, b) => a.range.start.line - b.range.start.line)
            .map(lens => [lens.range.start.line, lens.command!.title, lens.command!.arguments]);
        const uri = client.uri('rules/rules.govrule');
        expect(evaluate).toEqual([
            [client.position('rules/rules.govrule', 'rule enterpriseRumor').line, 'Evaluate…', [uri, 'demo.rules.enterpriseRumor']],
            [client.position('rules/rules.govrule', 'rule disasterRumor').line, 'Evaluate…', [uri, 'demo.rules.disasterRumor']],
            [client.position('rules/rules.govrule', 'rule dataLeak').line, 'Evaluate…', [uri, 'demo.rules.dataLeak']],
        ]);
    });

    test('the event template: the rule\'s category, the attributes its condition reads, values that let it match', async () => {
        const uri = client.uri('rules/rules.govrule');
        const template = await command<Template>(client, 'govrule.eventTemplate', { uri, rule: 'demo.rules.enterpriseRumor' });
        expect(template).toEqual({
            rule: 'demo.rules.enterpriseRumor',
            event: { category: 'demo.rules.rumor.enterprise', attributes: { channel: 'selfMedia', reports: 4 }, date: today() },
        });
        // By position: the rule around the cursor; a rule without a condition reads no attribute.
        const inside = client.position('rules/rules.govrule', 'responsible editor');
        const byPosition = await command<Template>(client, 'govrule.eventTemplate', { uri, position: inside });
        expect(byPosition).toEqual({ rule: 'demo.rules.disasterRumor', event: { category: 'demo.rules.rumor.disaster', attributes: {}, date: today() } });
        // A bare boolean and a `!=` on text: true, and the default.
        const leak = await command<Template>(client, 'govrule.eventTemplate', { uri, rule: 'demo.rules.dataLeak' });
        expect(leak.event.attributes).toEqual({ verified: true, district: '' });
        // Outside any rule: refused with a reason.
        await expect(command(client, 'govrule.eventTemplate', { uri, position: { line: 0, character: 0 } })).rejects.toThrow('The cursor is not in a rule of rules/rules.govrule');
        await expect(command(client, 'govrule.eventTemplate', { uri, rule: 'demo.rules.nothing' })).rejects.toThrow('There is no rule demo.rules.nothing in rules/rules.govrule');
    });

    test('the decision is the one `govrule eval` gives on the compiled bundle, in words with its timeline', async () => {
        const uri = client.uri('rules/rules.govrule');
        const { event } = await command<Template>(client, 'govrule.eventTemplate', { uri, rule: 'demo.rules.enterpriseRumor' });
        const result = await command<Evaluation>(client, 'govrule.evaluate', { event: JSON.stringify(event, null, 2) });

        const bundle = path.join(root, 'bundle.json');
        const compiled = spawnSync(process.execPath, [CLI_BIN, 'compile', '-o', bundle], { cwd: root, encoding: 'utf8' });
        expect(compiled.status, compiled.stderr).toBe(0);
        fs.writeFileSync(path.join(root, 'event.json'), JSON.stringify(event));
        const cli = spawnSync(process.execPath, [CLI_BIN, 'eval', '--bundle', bundle, '--event', 'event.json'], { cwd: root, encoding: 'utf8' });
        expect(cli.status, cli.stderr).toBe(0);
        const expected = JSON.parse(cli.stdout);
        expect(result.decision).toEqual(expected);
        expect(result.decision?.rule).toBe('demo.rules.enterpriseRumor');

        const md = result.markdown;
        expect(md).toContain('## Decision for `demo.rules.rumor.enterprise` (涉企谣言) on ' + today());
        expect(md).toContain('### Winning rule: `demo.rules.enterpriseRumor` (涉企谣言处置)');
        expect(md).toContain('- Actions: `demo.common.remove` (删除信息), `demo.common.rectify` (责令限期改正) (deadline: 5d)');
        expect(md).toContain('- Responsible post: `demo.common.reviewer` (内容审核员)');
        expect(md).toContain('1. after 2h to `demo.common.editor` (值班编辑)\n2. after 1d to `demo.common.cac` (市委网信办)');
        expect(md).toContain('- ✓ `demo.rules.enterpriseRumor` (涉企谣言处置) — won: the only rule that matched');
        expect(md).toContain('`channel == selfMedia and reports > 3` ✓');
    });

    test('an event that cannot be decided says why; the view is not a failure', async () => {
        const notJson = await command<Evaluation>(client, 'govrule.evaluate', { event: '{ "category": ' });
        expect(notJson.decision).toBeUndefined();
        expect(notJson.markdown).toMatch(/^This event cannot be decided: the event is not valid JSON: /);
        const unknown = await command<Evaluation>(client, 'govrule.evaluate', { event: '{ "category": "demo.rules.nothing" }' });
        expect(unknown.decision).toBeUndefined();
        expect(unknown.markdown).toContain('This event cannot be decided: ');
        expect(unknown.markdown).toContain('demo.rules.nothing');
        const none = await command<Evaluation>(client, 'govrule.evaluate', { event: { category: 'demo.rules.rumor.enterprise', attributes: { channel: 'app' } } });
        expect(none.decision?.rule).toBeNull();
        expect(none.markdown).toContain('No rule matches this event.');
        expect(none.markdown).toContain('— condition does not hold: its condition does not hold');
    });

    test('"Save as test": the block for an existing file uses its names and passes when run', async () => {
        const event = { category: 'demo.rules.rumor.enterprise', attributes: { channel: 'selfMedia', reports: 5 }, date: '2026-06-01' };
        const { text } = await command<{ text: string }>(client, 'govrule.testBlock', { event, uri: client.uri(TESTS_FILE) });
        expect(text).toBe([
            'test "涉企谣言处置 decides this event" {',
            '    given rumor.enterprise { channel: selfMedia, reports: 5 }',
            '    on 2026-06-01',
            '    expect rule enterpriseRumor',
            '    expect actions remove, rectify',
            '    expect severity serious',
            '    expect responsible reviewer',
            '    expect escalation to editor within 2h',
            '    expect escalation to cac within 1d',
            '}',
            '',
        ].join('\n'));
        await client.open(TESTS_FILE);
        await client.change(TESTS_FILE, `${TESTS}\n${text}`);
        const run = await command<RunSummary>(client, 'govrule.runTests', client.uri(TESTS_FILE));
        expect(run.tests.map(t => [t.name, t.passed])).toEqual([['举报少不处置', true], ['涉企谣言处置 decides this event', true]]);
        // Saving the same event again gives the test a name of its own.
        const again = await command<{ text: string }>(client, 'govrule.testBlock', { event, uri: client.uri(TESTS_FILE) });
        expect(again.text.split('\n')[0]).toBe('test "涉企谣言处置 decides this event (2)" {');
    });

    test('"Save as test" into a new file: a file of the rule\'s package whose test passes', async () => {
        const event = { category: 'demo.rules.leak', attributes: { channel: 'app', verified: true, district: '渝中区' } };
        const { text } = await command<{ text: string }>(client, 'govrule.testBlock', { event });
        expect(text).toBe([
            'package demo.rules',
            'import demo.common.*',
            '',
            'test "数据泄露 decides this event" {',
            '    given leak { channel: app, verified: true, district: "渝中区" }',
            `    on ${today()}`,
            '    expect rule dataLeak',
            '    expect actions fine',
            '    expect severity critical',
            '    expect responsible chiefEditor',
            '    expect escalation to cac within 1h',
            '}',
            '',
        ].join('\n'));
        await client.open('tests/new.govrule', text);
        const run = await command<RunSummary>(client, 'govrule.runTests', client.uri('tests/new.govrule'));
        expect(run).toMatchObject({ passed: 1, failed: 0 });
    });

    test('the decision follows the rules: an edit that makes another rule win shows at once', async () => {
        const event = { category: 'demo.rules.rumor.enterprise', attributes: { channel: 'selfMedia', reports: 5 } };
        const before = await command<Evaluation>(client, 'govrule.evaluate', { event });
        expect(before.decision?.rule).toBe('demo.rules.enterpriseRumor');
        await client.open('rules/rules.govrule');
        const extra = `${RULES}\nrule stricter "更严处置" {\n    category rumor\n    severity critical\n    priority 5\n    responsible chiefEditor\n    actions remove\n}\n`;
        await client.change('rules/rules.govrule', extra);
        const after = await command<Evaluation>(client, 'govrule.evaluate', { event });
        expect(after.decision?.rule).toBe('demo.rules.stricter');
        expect(after.decision?.alsoMatched).toEqual(['demo.rules.enterpriseRumor']);
        expect(after.markdown).toContain('— matched: matched, but `demo.rules.stricter` (更严处置) wins by priority (5 > 0)');
        // With an error in the workspace, nothing is decided: the request fails with the reason.
        await client.change('rules/rules.govrule', extra.replace('responsible chiefEditor', 'responsible chiefEditr'));
        await expect(command(client, 'govrule.evaluate', { event })).rejects.toThrow(/Cannot compile: 1 error/);
        await client.change('rules/rules.govrule', RULES);
    });
});

describe('Evaluate… for other clients', () => {
    test('without `evaluateCommand` no rule gets the lens, and the commands still answer', async () => {
        const client = await LspClient.start(fixtureWorkspace());
        try {
            const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: client.uri('rules/rules.govrule') } });
            expect(lenses.filter(lens => lens.command?.title === 'Evaluate…')).toEqual([]);
            expect(client.initializeResult.capabilities.executeCommandProvider?.commands).toEqual(expect.arrayContaining(['govrule.eventTemplate', 'govrule.evaluate', 'govrule.testBlock']));
        } finally {
            await client.stop();
        }
    });
});
