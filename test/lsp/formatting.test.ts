/**
 * Formatting through the real server (the formatter itself is tested in test/format): document,
 * range and on-type formatting answer with edits that leave canonical text, and a file with
 * syntax errors is left alone.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { TextEdit } from 'vscode-languageserver-protocol';
import { applyEdits, LspClient, positionAt } from '../helpers/lsp-client.js';
import { RULES, fixtureWorkspace } from './fixture.js';

const FILE = 'rules/rules.govrule';
const OPTIONS = { tabSize: 4, insertSpaces: true };
let client: LspClient;
let canonical: string;

beforeAll(async () => {
    client = await LspClient.start(fixtureWorkspace());
    await client.open(FILE);
    const edits = await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri: client.uri(FILE) }, options: OPTIONS });
    canonical = applyEdits(RULES, edits);
});
afterAll(async () => client.stop());

test('the server announces document, range and on-type formatting', () => {
    const capabilities = client.initializeResult.capabilities;
    expect(capabilities.documentFormattingProvider).toBe(true);
    expect(capabilities.documentRangeFormattingProvider).toBe(true);
    expect(capabilities.documentOnTypeFormattingProvider?.firstTriggerCharacter).toBe('}');
});

test('document formatting makes messy text canonical', async () => {
    const messy = canonical.replace(/\n {4}/g, '\n        ').replace('severity serious', 'severity    serious');
    await client.change(FILE, messy);
    const edits = await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri: client.uri(FILE) }, options: OPTIONS });
    expect(edits.length).toBeGreaterThan(0);
    expect(applyEdits(messy, edits)).toBe(canonical);
});

test('range formatting changes only the range', async () => {
    const messy = canonical.replace('    severity serious', '  severity    serious').replace('    severity critical', '          severity critical');
    await client.change(FILE, messy);
    const line = positionAt(messy, messy.indexOf('severity    serious')).line;
    const range = { start: { line, character: 0 }, end: { line: line + 1, character: 0 } };
    const edits = await client.request<TextEdit[]>('textDocument/rangeFormatting', { textDocument: { uri: client.uri(FILE) }, range, options: OPTIONS });
    const result = applyEdits(messy, edits);
    expect(result).toContain('\n    severity serious\n');
    expect(result).toContain('\n          severity critical\n');
});

test('a file with syntax errors gets no edits', async () => {
    const broken = `${canonical.replace(/\n {4}/g, '\n  ')}\nrule {`;
    await client.change(FILE, broken);
    expect(await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri: client.uri(FILE) }, options: OPTIONS })).toEqual([]);
});
