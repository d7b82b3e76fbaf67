/**
 * Test blocks in the editor, through the real server: the "Run test" / "Run all tests" lenses,
 * `govrule.runTests` with its results inline (lens titles, `test-failed` diagnostics merged
 * with the build's), results dropped when the workspace changes, and the per-rule test counts,
 * checked against what `govrule test` itself reports.
 */
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CodeLens, Diagnostic } from 'vscode-languageserver-protocol';
import { CLI_BIN, LspClient, startOnExamples } from '../helpers/lsp-client.js';
import { fixtureWorkspace } from './fixture.js';

const TESTS_FILE = 'tests/tests.govrule';

// Against the fixture's rules: enterpriseRumor decides the first and last test, disasterRumor
// the third (which expects another rule), nothing the second; dataLeak no test. The post is
// unused, so the file also has a build diagnostic (unused-declaration).
const TESTS = `package demo.tests
import demo.common.*
import demo.rules.*

post spare "备用岗位"

test "自媒体涉企谣言" {
    given rumor.enterprise { channel: selfMedia, reports: 5 }
    expect rule enterpriseRumor
    expect actions remove, rectify
    expect escalation to cac within 1d
}

test "举报少不处置" {
    given rumor.enterprise { channel: selfMedia, reports: 1 }
    expect rule none
}

test "涉灾谣言" {
    given rumor.disaster { channel: app }
    on 2026-06-01
    expect rule enterpriseRumor
    expect severity critical
}

test "举报很多" {
    given rumor.enterprise { channel: selfMedia, reports: 50 }
    expect responsible reviewer
}
`;

const DISABLED = `package demo.rules
import demo.common.*

rule oldLeak {
    category leak
    severity minor
    responsible reviewer
    actions remove
    disabled
}
`;

interface CliJson {
    tests: Array<{ name: string; passed: boolean; decision?: { rule: string | null } }>;
}

/** `govrule test --reporter json` in the folder: the CLI's view of the same tests. */
function cliTests(cwd: string): CliJson {
    const result = spawnSync(process.execPath, [CLI_BIN, 'test', '--reporter', 'json'], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(result.status === 0 || result.status === 1, result.stderr).toBe(true);
    return JSON.parse(result.stdout) as CliJson;
}

/** The CLI's count of tests decided by each rule. */
function cliCounts(cwd: string): Map<string, number> {
    const counts = new Map<string, number>();
    for (const t of cliTests(cwd).tests) {
        const rule = t.decision?.rule;
        if (rule) {
            counts.set(rule, (counts.get(rule) ?? 0) + 1);
        }
    }
    return counts;
}

function countTitle(count: number | undefined): string {
    return !count ? 'no tests' : count === 1 ? '1 test' : `${count} tests`;
}

async function lenses(client: LspClient, file: string): Promise<CodeLens[]> {
    return client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: client.uri(file) } });
}

/** `line: title` (1-based lines), in order: compact to assert on. */
async function titles(client: LspClient, file: string): Promise<string[]> {
    return (await lenses(client, file))
        .sort((a, b) => a.range.start.line - b.range.start.line)
        .map(lens => `${lens.range.start.line + 1}: ${lens.command?.title ?? ''}`);
}

function runTests(client: LspClient, ...args: unknown[]): Promise<RunSummary> {
    return client.request<RunSummary>('workspace/executeCommand', { command: 'govrule.runTests', arguments: args });
}

interface RunSummary {
    uri: string;
    passed: number;
    failed: number;
    date: string;
    tests: Array<{ name: string; line: number; passed: boolean; failures: string[] }>;
}

function lineOf(client: LspClient, file: string, needle: string, occurrence = 1): number {
    return client.position(file, needle, 0, occurrence).line + 1;
}

function failures(client: LspClient, file: string): Diagnostic[] {
    return client.diagnostics(file).filter(d => d.code === 'test-failed');
}

describe('test lenses on the fixture workspace', () => {
    let client: LspClient;
    let refreshes = 0;
    beforeAll(async () => {
        client = await LspClient.start(fixtureWorkspace({ [TESTS_FILE]: TESTS, 'rules/disabled.govrule': DISABLED }), {
            capabilities: { workspace: { codeLens: { refreshSupport: true } } },
        });
        client.connection.onRequest('workspace/codeLens/refresh', () => {
            refreshes++;
            return null;
        });
    });
    afterAll(async () => client.stop());

    test('the server offers code lenses and the run command', () => {
        expect(client.initializeResult.capabilities.codeLensProvider).toBeDefined();
        expect(client.initializeResult.capabilities.executeCommandProvider?.commands).toContain('govrule.runTests');
    });

    test('"Run all tests" at the top, "Run test" above each test, each with its command', async () => {
        const uri = client.uri(TESTS_FILE);
        const found = (await lenses(client, TESTS_FILE)).sort((a, b) => a.range.start.line - b.range.start.line);
        expect(found.map(l => [l.range.start.line + 1, l.command])).toEqual([
            [1, { title: 'Run all tests', command: 'govrule.runTests', arguments: [uri] }],
            [lineOf(client, TESTS_FILE, 'test "自媒体涉企谣言"'), { title: 'Run test', command: 'govrule.runTests', arguments: [uri, '自媒体涉企谣言'] }],
            [lineOf(client, TESTS_FILE, 'test "举报少不处置"'), { title: 'Run test', command: 'govrule.runTests', arguments: [uri, '举报少不处置'] }],
            [lineOf(client, TESTS_FILE, 'test "涉灾谣言"'), { title: 'Run test', command: 'govrule.runTests', arguments: [uri, '涉灾谣言'] }],
            [lineOf(client, TESTS_FILE, 'test "举报很多"'), { title: 'Run test', command: 'govrule.runTests', arguments: [uri, '举报很多'] }],
        ]);
        // A file without tests has no run lenses.
        expect((await titles(client, 'common/vocab.govrule')).filter(t => t.includes('Run'))).toEqual([]);
    });

    test('each rule shows how many tests it decides, as govrule test counts them', async () => {
        const counts = cliCounts(client.root);
        expect(counts).toEqual(new Map([['demo.rules.enterpriseRumor', 2], ['demo.rules.disasterRumor', 1]]));
        const file = 'rules/rules.govrule';
        expect(await titles(client, file)).toEqual([
            `${lineOf(client, file, 'rule enterpriseRumor')}: ${countTitle(counts.get('demo.rules.enterpriseRumor'))}`,
            `${lineOf(client, file, 'rule disasterRumor')}: ${countTitle(counts.get('demo.rules.disasterRumor'))}`,
            `${lineOf(client, file, 'rule dataLeak')}: no tests`,
        ]);
        expect(await titles(client, 'rules/disabled.govrule')).toEqual([`${lineOf(client, 'rules/disabled.govrule', 'rule oldLeak')}: disabled: no test can reach it`]);
    });

    test('running all tests of a file: a failure is a diagnostic on its expect line, passes are marked', async () => {
        const before = refreshes;
        const summary = await runTests(client, client.uri(TESTS_FILE));
        expect(summary).toMatchObject({ uri: client.uri(TESTS_FILE), passed: 3, failed: 1 });
        expect(summary.tests.map(t => [t.name, t.passed])).toEqual([['自媒体涉企谣言', true], ['举报少不处置', true], ['涉灾谣言', false], ['举报很多', true]]);
        // The CLI agrees on which tests pass.
        expect(cliTests(client.root).tests.map(t => [t.name, t.passed])).toEqual(summary.tests.map(t => [t.name, t.passed]));

        await client.waitFor(() => failures(client, TESTS_FILE).length > 0, 'test-failed diagnostics');
        const expectLine = lineOf(client, TESTS_FILE, 'expect rule enterpriseRumor', 2);
        const [failure, ...others] = failures(client, TESTS_FILE);
        expect(others).toEqual([]);
        expect(failure.severity).toBe(1);
        expect(failure.range).toEqual({
            start: { line: expectLine - 1, character: 4 },
            end: { line: expectLine - 1, character: '    expect rule enterpriseRumor'.length },
        });
        expect(failure.message).toBe('Test "涉灾谣言" failed: expected rule demo.rules.enterpriseRumor, actual: demo.rules.disasterRumor');
        expect(failure.codeDescription?.href).toMatch(/diagnostics\.md#test-failed$/);
        expect(failure.relatedInformation).toEqual([{
            location: { uri: client.uri('rules/rules.govrule'), range: { start: client.position('rules/rules.govrule', 'rule disasterRumor'), end: client.position('rules/rules.govrule', 'rule disasterRumor') } },
            message: 'demo.rules.disasterRumor decided the test',
        }]);
        expect(summary.tests[2].failures).toEqual([failure.message]);
        // The build's own diagnostics stay.
        expect(client.codes(TESTS_FILE)).toEqual([`unused-declaration ${lineOf(client, TESTS_FILE, 'post spare')}:6`, `test-failed ${expectLine}:5`]);

        expect(await titles(client, TESTS_FILE)).toEqual([
            '1: ✗ 3 passed, 1 failed — Run all tests',
            `${lineOf(client, TESTS_FILE, 'test "自媒体涉企谣言"')}: ✓ passed — Run again`,
            `${lineOf(client, TESTS_FILE, 'test "举报少不处置"')}: ✓ passed — Run again`,
            `${lineOf(client, TESTS_FILE, 'test "涉灾谣言"')}: ✗ failed — Run again`,
            `${lineOf(client, TESTS_FILE, 'test "举报很多"')}: ✓ passed — Run again`,
        ]);
        // The client was asked to fetch the new lens titles.
        await client.waitFor(() => refreshes > before, 'a code lens refresh');
    });

    test('results hold while the workspace is unchanged: a rebuild keeps them with the build diagnostics', async () => {
        // Opening a file with its text on disk rebuilds the workspace but changes nothing.
        await client.open('rules/rules.govrule');
        await client.settle();
        expect(client.codes(TESTS_FILE).map(c => c.split(' ')[0])).toEqual(['unused-declaration', 'test-failed']);
        expect((await titles(client, TESTS_FILE))[0]).toBe('1: ✗ 3 passed, 1 failed — Run all tests');
    });

    test('an edit fixing the test drops the stale results; running it again passes it alone', async () => {
        const fixed = client.text(TESTS_FILE).replace(/(test "涉灾谣言"[\s\S]*?)expect rule enterpriseRumor/, '$1expect rule disasterRumor');
        expect(fixed).not.toBe(client.text(TESTS_FILE));
        await client.change(TESTS_FILE, fixed);
        await client.settle();
        await client.waitFor(() => failures(client, TESTS_FILE).length === 0, 'the stale failure to be cleared');
        expect(client.codes(TESTS_FILE).map(c => c.split(' ')[0])).toEqual(['unused-declaration']);
        expect((await titles(client, TESTS_FILE)).filter(t => /passed|failed/.test(t))).toEqual([]);

        const summary = await runTests(client, client.uri(TESTS_FILE), '涉灾谣言');
        expect(summary.tests.map(t => [t.name, t.passed, t.failures])).toEqual([['涉灾谣言', true, []]]);
        expect(failures(client, TESTS_FILE)).toEqual([]);
        expect(await titles(client, TESTS_FILE)).toEqual([
            '1: ✓ 1 passed, 3 not run — Run all tests',
            `${lineOf(client, TESTS_FILE, 'test "自媒体涉企谣言"')}: Run test`,
            `${lineOf(client, TESTS_FILE, 'test "举报少不处置"')}: Run test`,
            `${lineOf(client, TESTS_FILE, 'test "涉灾谣言"')}: ✓ passed — Run again`,
            `${lineOf(client, TESTS_FILE, 'test "举报很多"')}: Run test`,
        ]);
    });

    test('a change in another file drops the results too: any rule may decide a test', async () => {
        await runTests(client, { uri: client.uri(TESTS_FILE), test: '举报很多' });
        expect((await titles(client, TESTS_FILE))[0]).toBe('1: ✓ 2 passed, 2 not run — Run all tests');
        // A rule on the same category with a higher priority now decides '举报很多'.
        await client.change('rules/disabled.govrule', `${DISABLED}
rule massReports {
    category rumor.enterprise
    severity critical
    when reports >= 20
    responsible editor
    actions remove
    priority 10
}
`);
        await client.settle();
        expect((await titles(client, TESTS_FILE))[0]).toBe('1: Run all tests');
        const summary = await runTests(client, client.uri(TESTS_FILE), '举报很多');
        // Without `on`, the event is decided on today's date, as govrule test does; the message says so.
        expect(summary.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(summary.tests[0].failures).toEqual([
            `Test "举报很多" failed: expected responsible demo.common.reviewer, actual: demo.common.editor (decided on ${summary.date}, today: the test has no \`on\`)`,
        ]);
        const line = lineOf(client, TESTS_FILE, 'expect responsible reviewer');
        await client.waitFor(() => failures(client, TESTS_FILE).length === 1, 'the new failure');
        expect(failures(client, TESTS_FILE)[0].range.start).toEqual({ line: line - 1, character: 4 });
        // The counts follow the new rule.
        expect(await titles(client, 'rules/disabled.govrule')).toContain(`${lineOf(client, 'rules/disabled.govrule', 'rule massReports')}: 1 test`);
        expect(await titles(client, 'rules/rules.govrule')).toContain(`${lineOf(client, 'rules/rules.govrule', 'rule enterpriseRumor')}: 1 test`);
        await client.change('rules/disabled.govrule', DISABLED);
        await client.settle();
        await client.waitFor(() => failures(client, TESTS_FILE).length === 0, 'the failure to be cleared');
    });

    test('with errors in the workspace nothing runs, and the rule lenses say why they show no count', async () => {
        const broken = client.text('rules/rules.govrule').replace('responsible reviewer', 'responsible nobody');
        await client.change('rules/rules.govrule', broken);
        await client.settle();
        const failure = await runTests(client, client.uri(TESTS_FILE)).then(() => undefined, (err: { message: string; data?: { problems: unknown[] } }) => err);
        expect(failure?.message).toMatch(/^Cannot run the tests: 1 error \(first: rules\/rules\.govrule:\d+:\d+ Cannot find a post named 'nobody'/);
        expect(failure?.data?.problems).toHaveLength(1);
        expect(failures(client, TESTS_FILE)).toEqual([]);
        expect(await titles(client, 'rules/rules.govrule')).toContain(`${lineOf(client, 'rules/rules.govrule', 'rule dataLeak')}: tests not counted: the workspace has errors`);
        await client.close('rules/rules.govrule');
        await client.settle();
        expect(await titles(client, 'rules/rules.govrule')).toContain(`${lineOf(client, 'rules/rules.govrule', 'rule dataLeak')}: no tests`);
    });

    test('a test name that the file does not have, or a file outside the workspace, is an error', async () => {
        await expect(runTests(client, client.uri(TESTS_FILE), 'nope')).rejects.toThrow('There is no test named "nope" in tests/tests.govrule');
        await expect(runTests(client, client.uri('nowhere.govrule'))).rejects.toThrow('is not a GovRule file of the workspace');
        await expect(runTests(client)).rejects.toThrow('needs the URI of a file');
        expect(client.alive).toBe(true);
    });
});

describe('the Chongqing example', () => {
    let client: LspClient;
    let root: string;
    beforeAll(async () => {
        ({ client, root } = await startOnExamples());
    });
    afterAll(async () => client.stop());

    test('every rule lens has the count of govrule test, and every test file runs green', async () => {
        const counts = cliCounts(root);
        const compiled = spawnSync(process.execPath, [CLI_BIN, 'compile'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
        expect(compiled.status, compiled.stderr).toBe(0);
        const bundle = JSON.parse(compiled.stdout) as {
            rules: Array<{ id: string; enabled: boolean; source: { file: string; line: number } }>;
            tests: Array<{ source: { file: string } }>;
        };
        for (const rule of bundle.rules) {
            const title = rule.enabled ? countTitle(counts.get(rule.id)) : 'disabled: no test can reach it';
            expect(await titles(client, rule.source.file), rule.id).toContain(`${rule.source.line}: ${title}`);
        }
        const testFiles = [...new Set(bundle.tests.map(t => t.source.file))];
        expect(testFiles.length).toBeGreaterThan(0);
        for (const file of testFiles) {
            const summary = await runTests(client, client.uri(file));
            expect(summary.failed, file).toBe(0);
            expect(summary.passed).toBe(bundle.tests.filter(t => t.source.file === file).length);
            expect((await titles(client, file))[0]).toBe(`1: ✓ ${summary.passed} passed — Run all tests`);
        }
        // The example covers every enabled rule.
        expect(bundle.rules.length).toBeGreaterThan(40);
        expect(counts.size).toBe(bundle.rules.filter(r => r.enabled).length);
    });
});
