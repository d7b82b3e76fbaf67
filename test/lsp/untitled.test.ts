/**
 * Untitled buffers (issue 13, "Scratch buffers"): an unsaved GovRule buffer sees the workspace, as
 * if it were saved beside it, but with errors, or with names that clash with the workspace's, it
 * changes nothing for the saved files: their diagnostics, test counts, test runs and bundle.
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
        // Checked as if saved: its own error, and its copies clash with the saved names (there, not in the saved files).
        expect(scratch.filter(d => d.code === 'unresolved-reference').map(d => d.message)).toEqual(["Cannot find a post named 'nobody'"]);
        expect(scratch.filter(d => d.code === 'duplicate-name').length).toBeGreaterThan(0);
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
        await expect(compile(SCRATCH)).rejects.toThrow(/^Cannot compile: \d+ errors \(first: Untitled-1:/);
    });

    test('it sees the workspace\'s names; the workspace sees none of its own', async () => {
        const before = Object.fromEntries(Object.keys(FILES).filter(f => f.endsWith('.govrule')).map(f => [f, client.codes(f)]));
        await client.change(SCRATCH, 'package demo.scratch\nimport demo.common.*\n\npost mine "试用岗位"\n\ncategory c "试用"\n\nrule r {\n    category c\n    severity minor\n    responsible mine\n    actions remove\n}\n');
        await client.settle();
        // The workspace's vocabulary resolves; no second scale, no missing one.
        expect(client.diagnostics(SCRATCH).filter(d => d.severity === 1).map(d => `${String(d.code)}: ${d.message}`)).toEqual([]);
        // A saved file cannot import the buffer's package, and its rule is in no bundle.
        await client.change('rules/categories.govrule', client.text('rules/categories.govrule').replace('import demo.common.*', 'import demo.common.*\nimport demo.scratch.*'));
        await client.settle();
        expect(client.diagnostics('rules/categories.govrule').map(d => `${String(d.code)}: ${d.message}`)).toContain("unresolved-import: No package 'demo.scratch' in the workspace");
        await client.change('rules/categories.govrule', client.text('rules/categories.govrule').replace('\nimport demo.scratch.*', ''));
        await client.settle();
        for (const [file, codes] of Object.entries(before)) {
            expect(client.codes(file), file).toEqual(codes);
        }
        expect((await compile()).rules.map(r => r.id)).not.toContain('demo.scratch.r');
        // The buffer compiles with what it uses of the workspace.
        const own = await compile(SCRATCH);
        expect(own.rules.map(r => r.id)).toEqual(['demo.scratch.r']);
        await client.close(SCRATCH);
        await client.settle();
        expect(await ruleLens()).toEqual(['1 test']);
    });
});
