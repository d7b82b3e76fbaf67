/**
 * The status item (issue 13, item 9): what it says for the server's real `govrule.summary`
 * answers, and `govrule.runAllTests`, which its click runs. Through the bundled server over stdio.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { RUN_ALL_TESTS_COMMAND, statusView, SUMMARY_COMMAND } from '../../extension/src/status-text.js';
import { LspClient } from '../helpers/lsp-client.js';
import { fixtureWorkspace } from '../lsp/fixture.js';

const TESTS = `package demo.tests
import demo.common.*
import demo.rules.*

test "自媒体涉企谣言" {
    given rumor.enterprise { channel: selfMedia, reports: 5 }
    expect rule enterpriseRumor
}

test "数据泄露" {
    given leak { channel: app, verified: true }
    expect rule dataLeak
}
`;

describe('the status text', () => {
    test('rules and tests, passing, failing, none; never the problem counts VS Code shows itself', () => {
        expect(statusView({ errors: 0, rules: 48, tests: 59, passed: 59, failed: 0 }, true))
            .toEqual({ text: 'GovRule: 48 rules · 59 tests ✓', tooltip: expect.stringContaining('all 59 tests pass'), command: RUN_ALL_TESTS_COMMAND });
        expect(statusView({ errors: 0, rules: 1, tests: 3, passed: 1, failed: 2 }, true).text).toBe('GovRule: 1 rule · 2 of 3 tests failing ✗');
        expect(statusView({ errors: 0, rules: 2, tests: 0, passed: 0, failed: 0 }, true).text).toBe('GovRule: 2 rules · no tests');
    });

    test('errors: the tests wait, and a click opens the Problems view', () => {
        expect(statusView({ errors: 3 }, true)).toEqual({
            text: '$(circle-slash) GovRule: tests wait for 3 errors',
            tooltip: expect.stringContaining('fix them to compile the rules and run the tests'),
            command: 'workbench.actions.view.problems',
        });
    });

    test('Restricted Mode: counts without results', () => {
        expect(statusView({ errors: 0, rules: 48, tests: 59, passed: 59, failed: 0 }, false).text).toBe('GovRule: 48 rules · 59 tests');
    });

    test('a missing or malformed answer is unknown, never a pass', () => {
        for (const answer of [undefined, null, {}, { errors: 0 }, { errors: 0, rules: 1, tests: 2, passed: 2, failed: 1 }, { errors: -1 }, 'x']) {
            expect(statusView(answer, true).text, JSON.stringify(answer)).toBe('$(question) GovRule');
        }
    });
});

describe('through the server', () => {
    let client: LspClient;

    beforeAll(async () => {
        client = await LspClient.start(fixtureWorkspace({ 'tests/tests.govrule': TESTS }));
    });

    afterAll(async () => {
        await client?.stop();
    });

    const command = <T>(name: string) => client.request<T>('workspace/executeCommand', { command: name, arguments: [] });

    test('the summary of the workspace, as the status item shows it', async () => {
        const summary = await command(SUMMARY_COMMAND);
        expect(summary).toEqual({ errors: 0, rules: 3, tests: 2, passed: 2, failed: 0 });
        expect(statusView(summary, true).text).toBe('GovRule: 3 rules · 2 tests ✓');
    });

    test('a failing test, then an error: the summary follows the text', async () => {
        await client.change('tests/tests.govrule', TESTS.replace('expect rule dataLeak', 'expect rule enterpriseRumor'));
        await client.settle();
        expect(statusView(await command(SUMMARY_COMMAND), true).text).toBe('GovRule: 3 rules · 1 of 2 tests failing ✗');
        // An untitled buffer with an error is not part of it.
        await client.open('untitled:Untitled-1', 'package x\nrule r { category nowhere }\n');
        await client.settle();
        expect(statusView(await command(SUMMARY_COMMAND), true).text).toBe('GovRule: 3 rules · 1 of 2 tests failing ✗');
        await client.close('untitled:Untitled-1');
        await client.change('rules/rules.govrule', client.text('rules/rules.govrule').replace('responsible reviewer', 'responsible nobody'));
        await client.settle();
        expect(await command(SUMMARY_COMMAND)).toEqual({ errors: 1 });
        await client.close('rules/rules.govrule');
        await client.settle();
    });

    test('the click runs every file\'s tests and shows the failures in the file', async () => {
        const runs = await command<Array<{ uri: string; passed: number; failed: number }>>(RUN_ALL_TESTS_COMMAND);
        expect(runs.map(r => [r.uri, r.passed, r.failed])).toEqual([[client.uri('tests/tests.govrule'), 1, 1]]);
        expect(client.diagnostics('tests/tests.govrule').filter(d => d.code === 'test-failed')).toHaveLength(1);
    });
});
