/**
 * What a test explorer asks of the server, through the real server over stdio:
 * `govrule.listTests` (the tests of each file, with their ranges) and `govrule.runSelectedTests`
 * (a selection across files in one run, each expectation in words, and the run's coverage
 * placed in the files), checked against what `govrule test --coverage` reports.
 */
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Range } from 'vscode-languageserver-protocol';
import { CLI_BIN, LspClient } from '../helpers/lsp-client.js';
import { fixtureWorkspace } from './fixture.js';

const TESTS_FILE = 'tests/tests.govrule';
const MORE_FILE = 'tests/more.govrule';

// Against the fixture's rules: enterpriseRumor decides the first test, the second expects the
// wrong severity of disasterRumor, the third an escalation to cac sooner than it comes.
const TESTS = `package demo.tests
import demo.common.*
import demo.rules.*

test "自媒体涉企谣言" {
    given rumor.enterprise { channel: selfMedia, reports: 5 }
    expect rule enterpriseRumor
    expect actions remove, rectify
}

test "涉灾谣言" {
    given rumor.disaster { channel: app }
    on 2026-06-01
    expect rule disasterRumor
    expect severity minor
    expect actions remove, fine
}

test "升级太慢" {
    given rumor.enterprise { channel: selfMedia, reports: 9 }
    expect escalation to editor within 2h
    expect escalation to cac within 2h
}
`;

const MORE = `package demo.more
import demo.common.*
import demo.rules.*

test "举报少不处置" {
    given rumor.enterprise { channel: selfMedia, reports: 1 }
    expect rule none
}
`;

interface Row { kind: string; what: string; expected: string; actual: string; passed: boolean; range: Range; message?: string }
interface TestReport { name: string; line: number; range: Range; passed: boolean; failures: string[]; expectations: Row[]; error?: string }
interface RunSummary { uri: string; passed: number; failed: number; date: string; tests: TestReport[] }
interface Declaration { kind: 'rule' | 'category'; id: string; range: Range; tests: number }
interface SelectionReport { date: string; files: RunSummary[]; coverage?: Array<{ uri: string; declarations: Declaration[] }> }
interface TestFile { uri: string; tests: Array<{ name: string; range: Range }> }

let client: LspClient;

beforeAll(async () => {
    client = await LspClient.start(fixtureWorkspace({ [TESTS_FILE]: TESTS, [MORE_FILE]: MORE }));
});
afterAll(async () => client.stop());

function command<T>(name: string, ...args: unknown[]): Promise<T> {
    return client.request<T>('workspace/executeCommand', { command: name, arguments: args });
}

/** The range of a block of `file` that starts with `start` and ends at the first `end` after it (inclusive). */
function blockRange(file: string, start: string, end = '}'): Range {
    const text = client.text(file);
    const from = text.indexOf(start);
    const to = text.indexOf(end, from) + end.length;
    return { start: client.position(file, start), end: client.position(file, text.slice(from, to), text.slice(from, to).length) };
}

describe('govrule.listTests', () => {
    test('is offered, and lists the files with tests, each test with its name and whole block', async () => {
        expect(client.initializeResult.capabilities.executeCommandProvider?.commands).toEqual(expect.arrayContaining(['govrule.listTests', 'govrule.runSelectedTests']));
        const files = await command<TestFile[]>('govrule.listTests');
        expect(files.map(f => f.uri)).toEqual([client.uri(MORE_FILE), client.uri(TESTS_FILE)]);
        const [, tests] = files;
        expect(tests!.tests).toEqual([
            { name: '自媒体涉企谣言', range: blockRange(TESTS_FILE, 'test "自媒体涉企谣言"', '\n}') },
            { name: '涉灾谣言', range: blockRange(TESTS_FILE, 'test "涉灾谣言"', '\n}') },
            { name: '升级太慢', range: blockRange(TESTS_FILE, 'test "升级太慢"', '\n}') },
        ]);
    });

    test('with a file, lists that file only (a file without tests has an empty list)', async () => {
        expect(await command<TestFile[]>('govrule.listTests', client.uri(MORE_FILE))).toEqual([
            { uri: client.uri(MORE_FILE), tests: [{ name: '举报少不处置', range: blockRange(MORE_FILE, 'test "举报少不处置"', '\n}') }] },
        ]);
        expect(await command<TestFile[]>('govrule.listTests', { uri: client.uri('rules/rules.govrule') })).toEqual([{ uri: client.uri('rules/rules.govrule'), tests: [] }]);
        await expect(command('govrule.listTests', client.uri('nowhere.govrule'))).rejects.toThrow('is not a GovRule file of the workspace');
    });
});

describe('govrule.runSelectedTests', () => {
    test('runs a selection across files in one run: each expectation in words, on its expect line', async () => {
        const report = await command<SelectionReport>('govrule.runSelectedTests', {
            tests: [{ uri: client.uri(TESTS_FILE), name: '涉灾谣言' }, { uri: client.uri(TESTS_FILE), name: '升级太慢' }, { uri: client.uri(MORE_FILE) }],
        });
        expect(report.coverage).toBeUndefined();
        expect(report.files.map(f => [f.uri, f.passed, f.failed])).toEqual([[client.uri(TESTS_FILE), 0, 2], [client.uri(MORE_FILE), 1, 0]]);
        const [disaster, slow] = report.files[0]!.tests;

        expect(disaster!.name).toBe('涉灾谣言');
        expect(disaster!.range).toEqual(blockRange(TESTS_FILE, 'test "涉灾谣言"', '\n}'));
        expect(disaster!.expectations.map(({ range: _range, message: _message, ...row }) => row)).toEqual([
            { kind: 'rule', what: 'rule', expected: 'demo.rules.disasterRumor', actual: 'demo.rules.disasterRumor', passed: true },
            { kind: 'actions', what: 'actions', expected: 'demo.common.remove, demo.common.fine', actual: 'demo.common.remove, demo.common.fine', passed: true },
            { kind: 'severity', what: 'severity', expected: 'demo.common.minor', actual: 'demo.common.critical', passed: false },
        ]);
        const severity = disaster!.expectations[2]!;
        expect(severity.range).toEqual(blockRange(TESTS_FILE, 'expect severity minor', 'minor'));
        expect(severity.message).toBe('Test "涉灾谣言" failed: expected severity demo.common.minor, actual: demo.common.critical');
        expect(disaster!.failures).toEqual([severity.message]);
        expect(disaster!.expectations.filter(e => e.passed).map(e => e.message)).toEqual([undefined, undefined]);

        // Each `expect escalation` line has its own row, on its own line.
        expect(slow!.expectations.map(e => [e.range.start.line + 1, e.expected, e.actual, e.passed])).toEqual([
            [client.position(TESTS_FILE, 'expect escalation to editor').line + 1, 'demo.common.editor within 2h', 'demo.common.editor after 2h, demo.common.cac after 1d', true],
            [client.position(TESTS_FILE, 'expect escalation to cac').line + 1, 'demo.common.cac within 2h', 'demo.common.editor after 2h, demo.common.cac after 1d', false],
        ]);
        expect(slow!.error).toBeUndefined();
        expect(slow!.failures).toEqual([slow!.expectations[1]!.message]);

        // The results show in the editor as `govrule.runTests` shows them: test-failed diagnostics.
        await client.waitFor(() => client.codes(TESTS_FILE).filter(c => c.startsWith('test-failed')).length === 2, 'two test-failed diagnostics');
        expect(client.diagnostics(TESTS_FILE).filter(d => d.code === 'test-failed').map(d => d.message)).toEqual([severity.message, slow!.failures[0]]);
    });

    test('with coverage: every enabled rule and leaf category in its file, as govrule test --coverage counts them', async () => {
        const report = await command<SelectionReport>('govrule.runSelectedTests', { coverage: true });
        expect(report.files.map(f => [f.uri, f.tests.length])).toEqual([[client.uri(MORE_FILE), 1], [client.uri(TESTS_FILE), 3]]);
        const coverage = report.coverage!;
        expect(coverage.map(f => f.uri)).toEqual([client.uri('rules/categories.govrule'), client.uri('rules/rules.govrule')]);
        const [categories, rules] = coverage;
        expect(rules!.declarations.map(d => [d.kind, d.id, d.tests])).toEqual([
            ['rule', 'demo.rules.enterpriseRumor', 2],
            ['rule', 'demo.rules.disasterRumor', 1],
            ['rule', 'demo.rules.dataLeak', 0],
        ]);
        expect(rules!.declarations[0]!.range).toEqual(blockRange('rules/rules.govrule', 'rule enterpriseRumor', '\n    }\n}'));
        // Leaf categories only: rumor is a parent. Three tests' events are in rumor.enterprise.
        expect(categories!.declarations.map(d => [d.kind, d.id, d.tests])).toEqual([
            ['category', 'demo.rules.rumor.enterprise', 3],
            ['category', 'demo.rules.rumor.disaster', 1],
            ['category', 'demo.rules.leak', 0],
        ]);
        expect(categories!.declarations[1]!.range).toEqual(blockRange('rules/categories.govrule', 'category disaster', '"涉灾谣言"'));

        // The CLI agrees on what is covered.
        const cli = spawnSync(process.execPath, [CLI_BIN, 'test', '--coverage', '--reporter', 'json'], { cwd: client.root, encoding: 'utf8' });
        const json = JSON.parse(cli.stdout) as { coverage: { rules: { covered: string[] }; leafCategories: { covered: string[] } } };
        const covered = (kind: string) => coverage.flatMap(f => f.declarations).filter(d => d.kind === kind && d.tests > 0).map(d => d.id).sort();
        expect(covered('rule')).toEqual(json.coverage.rules.covered);
        expect(covered('category')).toEqual(json.coverage.leafCategories.covered);
    });

    test('coverage of a partial run counts only the tests that ran', async () => {
        const report = await command<SelectionReport>('govrule.runSelectedTests', { tests: [{ uri: client.uri(MORE_FILE) }], coverage: true });
        const declarations = report.coverage!.flatMap(f => f.declarations).filter(d => d.tests > 0).map(d => d.id);
        // `rule none`: no rule won; the event's category was reached.
        expect(declarations).toEqual(['demo.rules.rumor.enterprise']);
    });

    test('a malformed selection or an unknown test is refused with a message; the server goes on', async () => {
        const message = 'govrule.runSelectedTests takes an object with "tests"';
        await expect(command('govrule.runSelectedTests', 'all')).rejects.toThrow(message);
        await expect(command('govrule.runSelectedTests', { tests: 'x' })).rejects.toThrow(message);
        await expect(command('govrule.runSelectedTests', { tests: [{ name: 'x' }] })).rejects.toThrow(message);
        await expect(command('govrule.runSelectedTests', { coverage: 'yes' })).rejects.toThrow(message);
        await expect(command('govrule.runSelectedTests', { tests: [{ uri: client.uri(MORE_FILE), name: 'nope' }] }))
            .rejects.toThrow('There is no test named "nope" in tests/more.govrule');
        expect(client.alive).toBe(true);
    });

    test('with errors in the workspace nothing runs; listing still works', async () => {
        const original = client.text('rules/rules.govrule');
        await client.change('rules/rules.govrule', original.replace('responsible reviewer', 'responsible nobody'));
        await client.settle();
        await expect(command('govrule.runSelectedTests', {})).rejects.toThrow(/^Cannot run the tests: 1 error \(first: rules\/rules\.govrule:\d+:\d+ Cannot find a post named 'nobody'/);
        expect((await command<TestFile[]>('govrule.listTests')).map(f => f.tests.length)).toEqual([1, 3]);
        await client.change('rules/rules.govrule', original);
        await client.settle();
    });
});
