/**
 * The language server's formatting provider on documents parsed by a workspace: document,
 * range and on-type formatting give the formatter's edits, and range formatting touches
 * nothing outside its range.
 */
import fc from 'fast-check';
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range, TextEdit } from 'vscode-languageserver-types';
import { describe, expect, test } from 'vitest';
import { formatText } from '../../language/src/format/formatter.js';
import { createGovRuleCoreServices } from '../../language/src/govrule-module.js';
import { GovRuleFormatter } from '../../language/src/lsp/features/formatting-provider.js';
import { projectArb, scramble } from './arbitrary.js';

const { GovRule } = createGovRuleCoreServices(EmptyFileSystem);
const formatter = new GovRuleFormatter(GovRule);
const OPTIONS = { tabSize: 4, insertSpaces: true };
let count = 0;

function documentOf(text: string): LangiumDocument {
    return GovRule.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`file:///ws/doc${++count}.govrule`));
}

function applied(text: string, edits: readonly TextEdit[]): string {
    return TextDocument.applyEdits(TextDocument.create('file:///x', 'govrule', 1, text), [...edits]);
}

function params(document: LangiumDocument) {
    return { textDocument: { uri: document.uri.toString() }, options: OPTIONS };
}

/** The range from the start of line `from` to the start of line `to` (0-based). */
const lines = (from: number, to: number): Range => ({ start: { line: from, character: 0 }, end: { line: to, character: 0 } });

const MESSY = [
    'package   a',
    'post   p "P"',
    'rule r {',
    'category   c',
    '      severity s',
    '  responsible   p',
    '}',
    'rule q { actions   f }',
    '',
].join('\n');

describe('document formatting', () => {
    test('gives edits that turn the document into the formatter\'s text', () => {
        const document = documentOf(MESSY);
        const edits = formatter.formatDocument(document, params(document));
        expect(edits.length).toBeGreaterThan(0);
        const expected = formatText(MESSY);
        expect(expected.ok && applied(MESSY, edits)).toBe(expected.ok && expected.text);
    });

    test('gives no edits for a formatted document', () => {
        const document = documentOf('package a\n\npost p "P"\n');
        expect(formatter.formatDocument(document, params(document))).toEqual([]);
    });

    test('gives no edits for a document with syntax errors', () => {
        const broken = 'package   a\npost   p\nrule r {\n  severity\n';
        const document = documentOf(broken);
        expect(formatter.formatDocument(document, params(document))).toEqual([]);
        expect(formatter.formatDocumentRange(document, { ...params(document), range: lines(0, 2) })).toEqual([]);
    });
});

describe('range formatting', () => {
    test('formats the lines of the range and leaves the others as they are', () => {
        const document = documentOf(MESSY);
        const edits = formatter.formatDocumentRange(document, { ...params(document), range: lines(3, 5) });
        expect(applied(MESSY, edits)).toBe([
            'package   a',
            'post   p "P"',
            'rule r {',
            '    category c',
            '    severity s',
            '  responsible   p',
            '}',
            'rule q { actions   f }',
            '',
        ].join('\n'));
    });

    test('on random layouts, edits stay inside the range and formatting the rest later gives the canonical text', () => {
        fc.assert(fc.property(projectArb, fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 100 }), fc.nat(), fc.nat(),
            (project, picks, a, b) => {
                const text = scramble(project.rules, picks);
                const document = documentOf(text);
                const lineCount = document.textDocument.lineCount;
                const [from, to] = [a % lineCount, b % lineCount].sort((x, y) => x - y);
                const range = lines(from, to + 1);
                const start = document.textDocument.offsetAt(range.start);
                const end = document.textDocument.offsetAt(range.end);
                const edits = formatter.formatDocumentRange(document, { ...params(document), range });
                for (const edit of edits) {
                    expect(document.textDocument.offsetAt(edit.range.start)).toBeGreaterThanOrEqual(start);
                    expect(document.textDocument.offsetAt(edit.range.end)).toBeLessThanOrEqual(end);
                }
                const partly = applied(text, edits);
                expect(partly.slice(0, start)).toBe(text.slice(0, start));
                expect(partly.slice(partly.length - (text.length - end))).toBe(text.slice(end));
                const whole = formatText(text);
                const afterwards = formatText(partly);
                expect(afterwards.ok && afterwards.text).toBe(whole.ok && whole.text);
            }), { numRuns: 60 });
    });
});

describe('on-type formatting', () => {
    test('is offered for `}`', () => {
        expect(formatter.formatOnTypeOptions.firstTriggerCharacter).toBe('}');
    });

    test('typing the `}` that closes a block formats that block only', () => {
        const text = 'package   a\nrule q {  actions   f }\nrule r {\ncategory   c\n  severity s\n}\n';
        const document = documentOf(text);
        const position = { line: 5, character: 1 };
        const edits = formatter.formatDocumentOnType(document, { ...params(document), position, ch: '}' });
        expect(applied(text, edits)).toBe('package   a\nrule q {  actions   f }\nrule r {\n    category c\n    severity s\n}\n');
    });

    test('gives nothing after another character or inside a comment', () => {
        const text = 'package a\nrule r {\ncategory   c // }\n}\n';
        const document = documentOf(text);
        expect(formatter.formatDocumentOnType(document, { ...params(document), position: { line: 2, character: 17 }, ch: '}' })).toEqual([]);
        expect(formatter.formatDocumentOnType(document, { ...params(document), position: { line: 2, character: 12 }, ch: 'c' })).toEqual([]);
    });
});
