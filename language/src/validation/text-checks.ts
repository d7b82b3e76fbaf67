/**
 * Checks on the raw text of a file (LANGUAGE.md §2), so that what a reviewer reads is what the
 * compiler reads:
 * - `invisible-character`: bidirectional controls, zero-width and control characters in strings,
 *   comments or between tokens (elsewhere the lexer already rejects them as `syntax`);
 * - `unnormalized-name`: an identifier that is not in Unicode normalization form C.
 * Both look at a file only when its text holds such characters (a clean text is checked once).
 */
import { AstUtils, CstUtils, isLeafCstNode, type LangiumDocument, type LeafCstNode, type ValidationAcceptor } from 'langium';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import type * as ast from '../syntax/generated/ast.js';
import { invalidEscapes } from '../syntax/value-converter.js';
import { containsInvisible, escapeSequence, invisiblePattern, isBidiControl } from '../unicode/characters.js';
import type { DiagnosticData } from '../diagnostics.js';
import { characterWords } from '../l10n/diagnostic-words.js';
import { enumeration } from '../l10n/diagnostic-words.js';
import { t } from '../l10n/index.js';

/** Beyond this many, one diagnostic says how many more there are (a file of nothing but them must not flood the editor). */
export const MAX_INVISIBLE_REPORTS = 100;

type Place = 'string' | 'comment' | 'text';

interface Run {
    readonly start: number;
    end: number;
    /** The distinct characters, in order of appearance. */
    readonly chars: Set<string>;
    text: string;
    readonly place: Place;
}

export class TextChecks {
    /** Texts found clean, by their document. */
    private readonly clean = new WeakMap<TextDocument, string>();

    checkText(model: ast.Model, accept: ValidationAcceptor): void {
        const document = AstUtils.getDocument(model);
        const text = document.textDocument.getText();
        // The editor revalidates every file on every change; a file whose text did not change
        // (the same string) and was clean is not scanned again.
        if (this.clean.get(document.textDocument) === text) {
            return;
        }
        const hasInvisible = containsInvisible(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
        const unnormalized = text.normalize('NFC') !== text;
        const braceEscapes = text.includes('\\u{');
        if (!hasInvisible && !unnormalized && !braceEscapes) {
            this.clean.set(document.textDocument, text);
            return;
        }
        // The tokens the parser read, comments included, in text order (a walk without recursion).
        const root = model.$cstNode;
        const tokens = root ? CstUtils.streamCst(root).filter(isLeafCstNode).toArray() : [];
        if (hasInvisible) {
            this.checkInvisible(document, text, tokens, model, accept);
        }
        if (unnormalized) {
            this.checkNormalized(document, tokens, model, accept);
        }
        if (braceEscapes) {
            this.checkEscapes(document, tokens, model, accept);
        }
    }

    private checkInvisible(document: LangiumDocument, text: string, tokens: LeafCstNode[], model: ast.Model, accept: ValidationAcceptor): void {
        // The lexer reports characters it cannot read (`syntax`); do not report them twice.
        const rejected = document.parseResult.lexerErrors;
        const runs: Run[] = [];
        let tokenIndex = 0;
        let errorIndex = 0;
        const pattern = invisiblePattern();
        for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
            const offset = match.index;
            while (errorIndex < rejected.length && rejected[errorIndex].offset + rejected[errorIndex].length <= offset) {
                errorIndex++;
            }
            if (errorIndex < rejected.length && rejected[errorIndex].offset <= offset) {
                // Skip the rest of what the lexer rejected at once: a megabyte of it is one error.
                pattern.lastIndex = rejected[errorIndex].offset + rejected[errorIndex].length;
                continue;
            }
            if (offset === 0 && match[0] === '\uFEFF') {
                continue;
            }
            while (tokenIndex < tokens.length && tokens[tokenIndex].end <= offset) {
                tokenIndex++;
            }
            const token = tokens[tokenIndex];
            const place: Place = token && token.offset <= offset ? placeOf(token) : 'text';
            const last = runs[runs.length - 1];
            if (last && last.end === offset && last.place === place) {
                last.end = offset + match[0].length;
                last.chars.add(match[0]);
                last.text += match[0];
            } else {
                runs.push({ start: offset, end: offset + match[0].length, chars: new Set([match[0]]), text: match[0], place });
            }
        }
        for (const run of runs.slice(0, MAX_INVISIBLE_REPORTS)) {
            const range: Range = { start: document.textDocument.positionAt(run.start), end: document.textDocument.positionAt(run.end) };
            const replacement = run.place === 'text' ? '' : escapeAll(run.text);
            accept('error', invisibleMessage(run), { node: model, range, code: 'invisible-character', data: { replacement } satisfies DiagnosticData });
        }
        if (runs.length > MAX_INVISIBLE_REPORTS) {
            const first = runs[MAX_INVISIBLE_REPORTS];
            const range: Range = { start: document.textDocument.positionAt(first.start), end: document.textDocument.positionAt(first.end) };
            accept('error', t('diagnostics.invisible-character.more', { count: runs.length - MAX_INVISIBLE_REPORTS }),
                { node: model, range, code: 'invisible-character' });
        }
    }

    private checkNormalized(document: LangiumDocument, tokens: LeafCstNode[], model: ast.Model, accept: ValidationAcceptor): void {
        for (const token of tokens) {
            if (token.tokenType.name !== 'ID') {
                continue;
            }
            const name = token.text;
            const nfc = name.normalize('NFC');
            if (nfc === name) {
                continue;
            }
            const changed = [...name].filter(c => c.normalize('NFC') !== c);
            const first = changed[0] ?? name;

            const range: Range = {
                start: document.textDocument.positionAt(token.offset),
                end: document.textDocument.positionAt(token.end),
            };
            accept('error', t('diagnostics.unnormalized-name', { name, char: characterWords(first), nfcChar: characterWords(first.normalize('NFC')), nfc }),
                { node: model, range, code: 'unnormalized-name', data: { replacement: nfc } satisfies DiagnosticData });
        }
    }

    /** invalid-literal: `\u{110000}` and above name no character. */
    private checkEscapes(document: LangiumDocument, tokens: LeafCstNode[], model: ast.Model, accept: ValidationAcceptor): void {
        for (const token of tokens) {
            if (token.tokenType.name !== 'STRING') {
                continue;
            }
            for (const escape of invalidEscapes(token.text)) {
                const at = token.offset + token.text.indexOf(escape);
                const range: Range = { start: document.textDocument.positionAt(at), end: document.textDocument.positionAt(at + escape.length) };
                accept('error', t('diagnostics.invalid-literal.code-point', { escape }), { node: model, range, code: 'invalid-literal' });
            }
        }
    }
}

function placeOf(token: LeafCstNode): Place {
    const type = token.tokenType.name;
    return type === 'STRING' ? 'string' : type === 'ML_COMMENT' || type === 'SL_COMMENT' ? 'comment' : 'text';
}

function invisibleMessage(run: Run): string {
    const distinct = [...run.chars];
    const list = enumeration(distinct.slice(0, 3).map(characterWords));
    const chars = distinct.length > 3 ? t('diagnostics.invisible-character.and-more', { list, count: distinct.length - 3 }) : list;
    const bidi = distinct.some(c => isBidiControl(c.codePointAt(0)!));
    const escapes = distinct.slice(0, 3).map(c => escapeSequence(c.codePointAt(0)!)).join(' ');
    switch (run.place) {
        case 'string': return bidi ? t('diagnostics.invisible-character.string-bidi', { chars, escapes }) : t('diagnostics.invisible-character.string', { chars, escapes });
        case 'comment': return bidi ? t('diagnostics.invisible-character.comment-bidi', { chars, escapes }) : t('diagnostics.invisible-character.comment', { chars, escapes });
        case 'text': return bidi ? t('diagnostics.invisible-character.text-bidi', { chars }) : t('diagnostics.invisible-character.text', { chars });
    }
}

function escapeAll(text: string): string {
    let out = '';
    for (const char of text) {
        out += escapeSequence(char.codePointAt(0)!);
    }
    return out;
}
