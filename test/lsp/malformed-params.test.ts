/**
 * Malformed messages over stdio: a request gets InvalidParams, a notification is dropped with a
 * warning in the log, and the server goes on serving every document as before.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { paramsProblem } from '../../language/src/lsp/server/param-guard.js';
import { LspClient } from '../helpers/lsp-client.js';
import { fixtureWorkspace } from './fixture.js';

const INVALID_PARAMS = -32602;
let client: LspClient;

beforeAll(async () => {
    client = await LspClient.start(fixtureWorkspace());
}, 60_000);

afterAll(async () => client?.stop());

/** A round trip: the server handles messages in order, so what it logged for earlier ones has arrived. */
async function roundTrip(): Promise<void> {
    await client.request('textDocument/documentSymbol', { textDocument: { uri: client.uri('common/vocab.govrule') } });
}

async function requestError(method: string, params: unknown): Promise<{ code?: number; message?: string }> {
    return client.request(method, params).then(
        answer => ({ message: `answered ${JSON.stringify(answer)}` }),
        (err: { code?: number; message?: string }) => err,
    );
}

describe('notifications', () => {
    test('didOpen with a text that is not a string is ignored with a warning; other documents are unaffected', async () => {
        const uri = client.uri('rules/broken.govrule');
        await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'govrule', version: 1, text: 42 } });
        await roundTrip();
        expect(client.stderr).toContain('GovRule: ignored a textDocument/didOpen notification with invalid params: params.textDocument.text must be a string');
        expect(client.published.has(uri)).toBe(false);
        // The server still follows edits: a broken rule file gets its diagnostics.
        await client.change('rules/rules.govrule', `${client.text('rules/rules.govrule')}\nrule bad {\n    category nowhere\n}\n`);
        await client.waitFor(() => client.codes('rules/rules.govrule').some(c => c.startsWith('unresolved-reference')), 'diagnostics after the malformed didOpen');
        expect(client.alive).toBe(true);
    });

    test('didChange without contentChanges, and with a change that is not text, are ignored', async () => {
        const file = 'rules/categories.govrule';
        await client.open(file);
        await client.settle();
        const before = client.diagnostics(file);
        await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: client.uri(file), version: 9 } });
        await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: client.uri(file), version: 10 }, contentChanges: [{ text: null }] });
        await roundTrip();
        expect(client.stderr.match(/ignored a textDocument\/didChange notification/g)).toHaveLength(2);
        expect(client.stderr).toContain('params.contentChanges is missing');
        expect(client.stderr).toContain('params.contentChanges[0].text must be a string');
        // A well-formed edit afterwards applies to the text the editor had.
        await client.change(file, `${client.text(file)}\n`);
        await client.settle();
        expect(client.diagnostics(file)).toEqual(before);
    });
});

describe('requests', () => {
    test.each([
        ['textDocument/hover', { textDocument: { uri: 1 }, position: { line: 0, character: 0 } }, 'params.textDocument.uri must be a string'],
        ['textDocument/hover', { textDocument: { uri: 'file:///x.govrule' }, position: { line: -1, character: 0 } }, 'params.position.line must be a whole number ≥ 0'],
        ['textDocument/completion', { textDocument: { uri: 'file:///x.govrule' } }, 'params.position is missing'],
        ['textDocument/rename', { textDocument: { uri: 'file:///x.govrule' }, position: { line: 0, character: 0 }, newName: ['x'] }, 'params.newName must be a string'],
        ['textDocument/codeAction', { textDocument: { uri: 'file:///x.govrule' }, range: { start: { line: 0, character: 0 } }, context: { diagnostics: [] } }, 'params.range.end is missing'],
        ['textDocument/formatting', { textDocument: { uri: 'file:///x.govrule' } }, 'params.options is missing'],
        ['textDocument/semanticTokens/full', {}, 'params.textDocument is missing'],
        ['textDocument/inlayHint', { textDocument: { uri: 'file:///x.govrule' }, range: 'all' }, 'params.range must be an object'],
        ['workspace/symbol', { query: 7 }, 'params.query must be a string'],
        ['workspace/executeCommand', { command: 'govrule.compile', arguments: 'x' }, 'params.arguments must be an array'],
    ])('%s with bad params: InvalidParams', async (method, params, problem) => {
        const error = await requestError(method, params);
        expect(error.code, error.message).toBe(INVALID_PARAMS);
        expect(error.message).toBe(`Invalid ${method} params: ${problem}`);
    });

    test('after all that, well-formed requests are answered', async () => {
        const symbols = await client.request<Array<{ name: string }>>('textDocument/documentSymbol', { textDocument: { uri: client.uri('common/vocab.govrule') } });
        expect(symbols.map(s => s.name)).toEqual(['demo.common']);
        expect(client.alive).toBe(true);
    });
});

describe('the checks themselves', () => {
    test('well-formed params pass; optional fields may be absent', () => {
        expect(paramsProblem('textDocument/didOpen', { textDocument: { uri: 'file:///a', languageId: 'govrule', version: 1, text: '' } })).toBeUndefined();
        expect(paramsProblem('workspace/executeCommand', { command: 'x' })).toBeUndefined();
        expect(paramsProblem('textDocument/didChange', { textDocument: { uri: 'file:///a', version: 2 }, contentChanges: [{ text: 'x', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } }] })).toBeUndefined();
        expect(paramsProblem('textDocument/didOpen', { textDocument: { uri: 'file:///a', languageId: 'govrule', version: 1.5, text: '' } })).toBe('params.textDocument.version must be an integer');
    });
});
