/**
 * Untitled buffers are checked on their own (issue 13, "Scratch buffers"): an unsaved GovRule
 * buffer with errors, or with names that clash with the workspace's, changes nothing for the
 * saved files — their diagnostics, test counts, test runs and bundle — and sees nothing of them.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LspClient, writeWorkspace } from '../helpers/lsp-client.js';
import { FILES, RULES, VOCAB } from './fixture.js';

const TESTS = `package demo.tests
import demo.common.*
import demo.rules.*

test "自媒体涉企谣言" {
    given rumor.enterprise { channel: selfMedia, reports: 5 }
    expect rule enterpriseRumor
}
`;

const SCRATCH = 'untitled:Untitled-1';

interface Bundle { rules: Array<{ id: string }>; tests: Array<{ name: string }> }
interface RunSummary { passed: number; failed: number }
interface Lens { range: { start: { line: number } }; command?: { title: string } }

describe('an untitled GovRule buffer', () => {
    let client: LspClient;

    beforeAll(async () => {
        client = await LspClient.start(writeWorkspace({ ...FILES, 'tests/tests.govrule': TESTS }));
    });

    afterAll(async () => {
        await client?.stop();
    });

    const compile = (...args: unknown[]) => client.request<Bundle>('workspace/executeCommand', { command: 'govrule.compile', arguments: args });
    const runTests = (uri: string) => client.request<RunSummary>('workspace/executeCommand', { command: 'govrule.runTests', arguments: [uri] });
    const ruleLens = async () => {
        const lenses = await client.request<Lens[]>('textDocument/codeLens', { textDocument: { uri: client.uri('rules/rules.govrule') } });
        const line = client.text('rules/rules.govrule').split('\n').findIndex(l => l.startsWith('rule enterpriseRumor'));
        return lenses.filter(l => l.range.start.line === line).map(l => l.command?.title);
    };

    test('with errors and a copy of the workspace\'s names: the saved files are untouched', async () => {
        const before = Object.fromEntries(Object.keys(FILES).filter(f => f.endsWith('.govrule')).map(f => [f, client.codes(f)]));
        // A copy of the vocabulary and the rules (same package, same names) plus an unresolved post.
        await client.open(SCRATCH, `${VOCAB}\n${RULES.replace('package demo.rules\nimport demo.common.*\n', '').replace('responsible reviewer', 'responsible nobody')}\ncategory rumor { category enterprise category disaster }\ncategory leak\n`.replace('package demo.common', 'package demo.rules'));
        await client.settle();
        const scratch = client.diagnostics(SCRATCH);
        // Checked on its own: its own error, and no clash with the workspace it cannot see.
        expect(scratch.filter(d => d.code === 'unresolved-reference').map(d => d.message)).toEqual(["Cannot find a post named 'nobody'"]);
        expect(scratch.filter(d => d.code === 'duplicate-name')).toEqual([]);
        expect(scratch.filter(d => d.code === 'severity-scale')).toEqual([]);
        // The saved files have exactly the diagnostics they had.
        for (const [file, codes] of Object.entries(before)) {
            expect(client.codes(file), file).toEqual(codes);
        }
        // Tests count and run, and the workspace compiles, as without the buffer.
        expect(await ruleLens()).toEqual(['1 test']);
        expect(await runTests(client.uri('tests/tests.govrule'))).toMatchObject({ passed: 1, failed: 0 });
        const bundle = await compile();
        expect(bundle.rules.map(r => r.id)).toEqual(['demo.rules.dataLeak', 'demo.rules.disasterRumor', 'demo.rules.enterpriseRumor']);
        expect(bundle.tests.map(t => t.name)).toEqual(['自媒体涉企谣言']);
        // The buffer itself cannot be compiled while it has errors, and says so.
        await expect(compile(SCRATCH)).rejects.toThrow(/^Cannot compile: 1 error \(first: Untitled-1:/);
    });

    test('names of the workspace are not visible in it; its own names are', async () => {
        await client.change(SCRATCH, 'package demo.scratch\nimport demo.common.*\n\nseverities { low high }\npost mine\n\ncategory c\n\nrule r {\n    category c\n    severity high\n    responsible mine\n    actions remove\n}\n');
        await client.settle();
        const codes = client.diagnostics(SCRATCH).map(d => `${String(d.code)}: ${d.message}`);
        expect(codes).toContain("unresolved-import: No package 'demo.common' in the workspace");
        expect(codes.filter(c => c.startsWith('unresolved-reference') && /'(mine|c|high)'/.test(c))).toEqual([]);
        // Its own scale is the one its rules are judged by.
        expect(codes).toContain("critical-without-authority: Rule 'r' is at the top severity 'high' but its escalation never reaches an authority");
        expect(codes.some(c => c.startsWith('unresolved-reference') && c.includes("'remove'"))).toBe(true);
        await client.close(SCRATCH);
        await client.settle();
        expect(await ruleLens()).toEqual(['1 test']);
    });
});
