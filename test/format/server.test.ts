/**
 * Formatting through the real language server (spawned with --stdio): document formatting
 * gives what `govrule fmt` writes, the bundle does not change, range and on-type formatting
 * stay in their place, and a file with syntax errors gets no edits.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TextEdit } from 'vscode-languageserver-protocol';
import { copyExamples, describeRun, runCli } from '../helpers/cli.js';
import { applyEdits, LspClient } from '../helpers/lsp-client.js';

const VOCABULARY = 'common/vocabulary.govrule';
const SCRATCH = 'scratch.govrule';
const OPTIONS = { tabSize: 2, insertSpaces: false };

let dir: string;
let client: LspClient;

beforeAll(async () => {
    dir = copyExamples();
    // Column alignment, as the examples were first written: something for the formatter to undo.
    const file = path.join(dir, VOCABULARY);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^(post|authority) (\w+) "/gm, (_, kw: string, name: string) => `${kw} ${name.padEnd(18)}"`));
    client = await LspClient.start(dir);
});

afterAll(async () => {
    await client?.stop();
});

describe('formatting through the language server', () => {
    test('advertises document, range and on-type formatting', () => {
        const capabilities = client.initializeResult.capabilities;
        expect(capabilities.documentFormattingProvider).toBeTruthy();
        expect(capabilities.documentRangeFormattingProvider).toBeTruthy();
        expect(capabilities.documentOnTypeFormattingProvider).toEqual({ firstTriggerCharacter: '}' });
    });

    test('document formatting gives the text govrule fmt writes, and the bundle stays the same', async () => {
        await client.open(VOCABULARY);
        const edits = await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri: client.uri(VOCABULARY) }, options: OPTIONS });
        expect(edits.length).toBeGreaterThan(0);
        const formatted = applyEdits(client.text(VOCABULARY), edits);

        const before = runCli(['compile', '-o', 'before.json'], { cwd: dir });
        expect(before.status, describeRun(before)).toBe(0);
        const fmt = runCli(['fmt'], { cwd: dir });
        expect(fmt.status, describeRun(fmt)).toBe(0);
        expect(fmt.stdout).toBe(`${VOCABULARY}\n`);
        expect(fs.readFileSync(path.join(dir, VOCABULARY), 'utf8')).toBe(formatted);
        const after = runCli(['compile', '-o', 'after.json'], { cwd: dir });
        expect(after.status, describeRun(after)).toBe(0);
        expect(fs.readFileSync(path.join(dir, 'after.json'), 'utf8')).toBe(fs.readFileSync(path.join(dir, 'before.json'), 'utf8'));

        await client.change(VOCABULARY, formatted);
        await client.settle();
        const again = await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri: client.uri(VOCABULARY) }, options: OPTIONS });
        expect(again).toEqual([]);
    });

    test('range formatting changes only the lines in the range', async () => {
        const text = 'package scratch\npost   a\npost   b\npost   c\n';
        await client.open(SCRATCH, text);
        await client.settle();
        const range = { start: { line: 2, character: 0 }, end: { line: 3, character: 0 } };
        const edits = await client.request<TextEdit[]>('textDocument/rangeFormatting', { textDocument: { uri: client.uri(SCRATCH) }, range, options: OPTIONS });
        expect(applyEdits(text, edits)).toBe('package scratch\npost   a\npost b\npost   c\n');
    });

    test('typing the closing `}` lays out its block', async () => {
        const text = 'package scratch\npost   a\nseverities {\nlow   high\n}\n';
        await client.change(SCRATCH, text);
        await client.settle();
        const edits = await client.request<TextEdit[]>('textDocument/onTypeFormatting', {
            textDocument: { uri: client.uri(SCRATCH) }, position: { line: 4, character: 1 }, ch: '}', options: OPTIONS,
        });
        expect(applyEdits(text, edits)).toBe('package scratch\npost   a\nseverities {\n    low\n    high\n}\n');
    });

    test('a document with syntax errors gets no edits', async () => {
        await client.change(SCRATCH, 'package scratch\npost   a @\n');
        await client.settle();
        const edits = await client.request<TextEdit[] | null>('textDocument/formatting', { textDocument: { uri: client.uri(SCRATCH) }, options: OPTIONS });
        expect(edits ?? []).toEqual([]);
        expect(client.alive).toBe(true);
    });
});
