/**
 * Nothing GovRule tells a person bypasses the catalogue: in every room that talks to people, a
 * message, a title, a reason or a problem is never an English string or template literal written
 * in place; it comes from `t(...)` (or a function that calls it).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT } from '../helpers/lsp-client.js';

const SOURCES = path.join(ROOT, 'language', 'src');

/**
 * Every room that talks to people. Not scanned: the runtime (English by contract, docs/decisions.md),
 * the bundle's types, the generated parser, and the catalogue itself.
 */
const SKIPPED = ['runtime/', 'bundle/', 'syntax/generated/', 'l10n/messages/'];

/** Texts meant for the authors of editors, not for the people who write rules (docs/decisions.md). */
const EXEMPT = ['lsp/server/param-guard.ts'];

/**
 * Where a person's text is given: `reason: …`, `accept(level, …)`, `message: …`, `title: …`, `error.message = …`,
 * `report(…)`, the linker's `this.error(info, code, …)`, `fileProblem(…)`, and what a function
 * returns (the helpers that word part of a message).
 */
const SITES = /\breason:\s*|\baccept\(\s*'(?:error|warning|info|hint)',\s*|\bmessage:\s*|\btitle:\s*|\.message\s*=\s*|\breport\(\s*|\bthis\.error\([^,]+,\s*[^,]+,\s*|\bfileProblem\([^;]*?,\s*(?=[`'"])|\breturn\s+(?:[^;]*?\?\s*)?/g;

/**
 * Two English words in a row, outside placeholders `${…}`: a sentence, not a code or a key. Words
 * in capitals alone are Unicode's character names (`RIGHT-TO-LEFT OVERRIDE`), which stay as Unicode
 * writes them in every language.
 */
const WORD = '[A-Za-z]*[a-z][A-Za-z]*';
const ENGLISH = new RegExp(`${WORD}[ ,;:'"()]+${WORD}`);

function* files(dir: string): Generator<string> {
    for (const name of fs.readdirSync(dir).sort()) {
        const file = path.join(dir, name);
        if (fs.statSync(file).isDirectory()) {
            if (name !== 'generated') {
                yield* files(file);
            }
        } else if (name.endsWith('.ts')) {
            yield file;
        }
    }
}

/** The literal that starts at `text[at]` (a quote or a backquote), without its quotes; undefined if none starts there. */
function literalAt(text: string, at: number): string | undefined {
    const quote = text[at];
    if (quote !== "'" && quote !== '"' && quote !== '`') {
        return undefined;
    }
    let depth = 0;
    for (let i = at + 1; i < text.length; i++) {
        const c = text[i];
        if (c === '\\') {
            i++;
        } else if (quote === '`' && c === '$' && text[i + 1] === '{') {
            depth++;
            i++;
        } else if (quote === '`' && depth > 0 && c === '}') {
            depth--;
        } else if (c === quote && depth === 0) {
            return text.slice(at + 1, i);
        }
    }
    return undefined;
}

/** Every English literal given as a person's text in `text`, as `line: literal`. */
export function englishLiterals(text: string): string[] {
    const found: string[] = [];
    for (const match of text.matchAll(SITES)) {
        const at = match.index! + match[0].length;
        const literal = literalAt(text, at);
        if (literal !== undefined && ENGLISH.test(literal.replace(/\$\{[^}]*\}/g, ' '))) {
            found.push(`${text.slice(0, at).split('\n').length}: ${literal}`);
        }
    }
    return found;
}

describe('every room that talks to people reads its sentences from the catalogue', () => {
    test('the check finds what it is for', () => {
        expect(englishLiterals("accept('error', `Rule ${quoted(r)} has no clause`, { node });")).toEqual(['1: Rule ${quoted(r)} has no clause']);
        expect(englishLiterals("problems.push({ code: 'config', message: 'Cannot read the file' });")).toEqual(["1: Cannot read the file"]);
        expect(englishLiterals("fixes.push({ title: `Add 'import ${path}'`, edits });")).toEqual(["1: Add 'import ${path}'"]);
        expect(englishLiterals("error.message = \"Use '==' to compare\";")).toEqual(["1: Use '==' to compare"]);
        expect(englishLiterals("return this.error(refInfo, 'wrong-kind', `Expected ${a} here`, []);")).toEqual(['1: Expected ${a} here']);
        expect(englishLiterals("return n === 1 ? `one more place` : 'more places';")).toEqual(['1: one more place']);
        expect(englishLiterals("return { ok: false, reason: `syntax error at ${line}`, problems };")).toEqual(['1: syntax error at ${line}']);
        expect(englishLiterals("accept('error', t('diagnostics.missing-clause', { rule }), { node, code: 'missing-clause' });")).toEqual([]);
        expect(englishLiterals("return { message: t('diagnostics.syntax.thousands', { number }), replacement: '' };")).toEqual([]);
    });

    test('no diagnostic, suggestion, quick-fix title, reason or message is an English literal', () => {
        const offenders: string[] = [];
        let scanned = 0;
        for (const file of files(SOURCES)) {
            const relative = path.relative(SOURCES, file).split(path.sep).join('/');
            if (SKIPPED.some(room => relative.startsWith(room)) || EXEMPT.includes(relative)) {
                continue;
            }
            scanned++;
            offenders.push(...englishLiterals(fs.readFileSync(file, 'utf8')).map(hit => `${relative}:${hit}`));
        }
        expect(scanned).toBeGreaterThan(100);
        expect(offenders).toEqual([]);
    });
});
