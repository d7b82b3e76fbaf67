/**
 * `workspace/executeCommand govrule.compile` through the real server: the same bundle as
 * `govrule compile`, a file's package closure, and errors with the problems attached.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TextEdit } from 'vscode-languageserver-protocol';
import { applyEdits, CLI_BIN, FileChangeType, LspClient, startOnExamples, writeFile, writeWorkspace } from '../helpers/lsp-client.js';
import { fixtureWorkspace } from './fixture.js';

interface Bundle {
    packages: Array<{ id: string }>;
    rules: Array<{ id: string }>;
    [key: string]: unknown;
}

function cliBundle(cwd: string): Bundle {
    const result = spawnSync(process.execPath, [CLI_BIN, 'compile'], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(result.status, result.stderr).toBe(0);
    return JSON.parse(result.stdout) as Bundle;
}

/** The bundle without `source` positions, which move with the layout. */
function withoutSources(bundle: Bundle): unknown {
    return JSON.parse(JSON.stringify(bundle, (key, value: unknown) => (key === 'source' ? undefined : value)));
}

function compile(client: LspClient, ...args: unknown[]): Promise<Bundle> {
    return client.request<Bundle>('workspace/executeCommand', { command: 'govrule.compile', arguments: args });
}

describe('the fixture workspace', () => {
    let client: LspClient;
    beforeAll(async () => {
        client = await LspClient.start(fixtureWorkspace({
            'extra/extra.govrule': 'package demo.extra\nimport demo.common.*\ncategory misc "其他"\nrule other {\n    category misc\n    severity minor\n    responsible reviewer\n    actions remove\n}\n',
        }));
    });
    afterAll(async () => client.stop());

    test('the command is announced', () => {
        expect(client.initializeResult.capabilities.executeCommandProvider?.commands).toContain('govrule.compile');
    });

    test('compiling the workspace gives the bundle the CLI writes', async () => {
        expect(await compile(client)).toEqual(cliBundle(client.root));
    });

    test("compiling a file gives its package closure", async () => {
        const bundle = await compile(client, { uri: client.uri('extra/extra.govrule') });
        expect(bundle.packages.map(p => p.id)).toEqual(['demo.common', 'demo.extra']);
        expect(bundle.rules.map(r => r.id)).toEqual(['demo.extra.other']);
        const rules = await compile(client, client.uri('rules/rules.govrule'));
        expect(rules.packages.map(p => p.id)).toEqual(['demo.common', 'demo.rules']);
    });

    test('errors fail the command and come back as problems; other closures still compile', async () => {
        await client.change('rules/rules.govrule', client.text('rules/rules.govrule').replace('responsible reviewer', 'responsible nobody'));
        await client.settle();
        const failure = await compile(client).then(() => undefined, (err: { message: string; data?: unknown }) => err);
        expect(failure?.message).toMatch(/^Cannot compile: 1 error \(first: rules\/rules\.govrule:9:17 Cannot find a post named 'nobody'/);
        expect(failure?.data).toEqual({ problems: [{ file: client.path('rules/rules.govrule'), path: 'rules/rules.govrule', line: 9, column: 17, code: 'unresolved-reference', message: "Cannot find a post named 'nobody'" }] });
        const extra = await compile(client, { uri: client.uri('extra/extra.govrule') });
        expect(extra.rules.map(r => r.id)).toEqual(['demo.extra.other']);
        await client.close('rules/rules.govrule');
        await client.settle();
    });

    test('formatting (through the server) and compiling again gives the same bundle, positions aside', async () => {
        const files = ['common/vocab.govrule', 'rules/categories.govrule', 'rules/rules.govrule', 'extra/extra.govrule'];
        // Off-canonical layout, as people type it.
        await client.change('rules/rules.govrule', client.text('rules/rules.govrule').replace(/\n {4}/g, '\n  ').replace('severity serious', 'severity   serious'));
        await client.settle();
        const before = await compile(client);
        let edited = 0;
        for (const file of files) {
            const edits = await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri: client.uri(file) }, options: { tabSize: 4, insertSpaces: true } });
            edited += edits.length > 0 ? 1 : 0;
            await client.change(file, applyEdits(client.text(file), edits));
        }
        expect(edited).toBeGreaterThan(1);
        await client.settle();
        expect(withoutSources(await compile(client))).toEqual(withoutSources(before));
        // Formatted text is canonical: formatting again changes nothing.
        for (const file of files) {
            expect(await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri: client.uri(file) }, options: { tabSize: 4, insertSpaces: true } })).toEqual([]);
        }
    });

    test('a file outside the workspace is an error', async () => {
        await expect(compile(client, { uri: client.uri('nowhere.govrule') })).rejects.toThrow('is not part of the workspace');
    });
});

describe('the Chongqing example', () => {
    let client: LspClient;
    let root: string;
    beforeAll(async () => {
        ({ client, root } = await startOnExamples());
    });
    afterAll(async () => client.stop());

    test('has no problems in the editor and compiles to the CLI bundle', async () => {
        for (const [uri, diagnostics] of client.published) {
            expect(diagnostics, uri).toEqual([]);
        }
        const files = (fs.readdirSync(root, { recursive: true }) as string[]).filter(f => f.endsWith('.govrule'));
        expect(files.length).toBeGreaterThan(5);
        expect(client.published.size).toBe(files.length);
        expect(await compile(client)).toEqual(cliBundle(root));
    });
});

describe('a workspace with no GovRule file yet', () => {
    let client: LspClient;
    beforeAll(async () => {
        client = await LspClient.start(writeWorkspace({ 'README.md': 'rules will go here\n' }));
    });
    afterAll(async () => client.stop());

    test('compiles to an empty bundle, also while it rebuilds after a govrule.json change', async () => {
        const empty = await compile(client);
        expect(empty.packages).toEqual([]);
        expect(empty.rules).toEqual([]);
        writeFile(client.root, 'govrule.json', '{ "include": ["rules/**/*.govrule"] }\n');
        await client.watched([{ file: 'govrule.json', type: FileChangeType.Created }]);
        expect((await compile(client)).rules).toEqual([]);
    });
});
