/**
 * A strict JSON reader (RFC 8259) that knows where things are. govrule.json's diagnostics need
 * what JSON.parse does not give: the position of a syntax error, of every key and value, and
 * keys given twice in one object (JSON.parse silently keeps the last).
 */
import { t } from './l10n/index.js';

/** Offsets into the text, end exclusive. */
export interface Span {
    readonly start: number;
    readonly end: number;
}

/** A key given again in the same object; the last value is the one that counts, as in JSON.parse. */
export interface DuplicateKey {
    readonly path: readonly (string | number)[];
    readonly key: string;
    /** The repeated key. */
    readonly span: Span;
    /** Its first occurrence. */
    readonly first: Span;
}

export type JsonReading =
    | {
        readonly ok: true;
        readonly value: unknown;
        /** Where each key and value is, by `pathKey(path)`; for a repeated key, its last occurrence. */
        readonly keys: ReadonlyMap<string, Span>;
        readonly values: ReadonlyMap<string, Span>;
        readonly duplicates: readonly DuplicateKey[];
    }
    | { readonly ok: false; readonly message: string; readonly span: Span };

/** Deeper nesting is refused, so that no text makes the reader recurse without bound. */
export const MAX_JSON_DEPTH = 64;

export function pathKey(path: readonly (string | number)[]): string {
    return JSON.stringify(path);
}

class JsonSyntaxError extends Error {
    constructor(message: string, readonly span: Span) {
        super(message);
    }
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

export function readJson(text: string): JsonReading {
    const keys = new Map<string, Span>();
    const values = new Map<string, Span>();
    const duplicates: DuplicateKey[] = [];
    let pos = 0;

    const fail = (message: string, start = pos, end = Math.min(start + 1, text.length)): never => {
        throw new JsonSyntaxError(message, { start, end: Math.max(end, start) });
    };
    const skipSpace = () => {
        for (;;) {
            const c = text.charCodeAt(pos);
            if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) {
                pos++;
            } else {
                return;
            }
        }
    };
    const expectEnd = (what: string) => {
        if (pos >= text.length) {
            fail(t('diagnostics.json.expected-end', { what }));
        }
    };
    const unexpected = (what: string): never => {
        expectEnd(what);
        if (text.startsWith('//', pos) || text.startsWith('/*', pos)) {
            fail(t('diagnostics.json.comment'), pos, pos + 2);
        }
        return fail(t('diagnostics.json.expected-found', { what, found: describeCharacter(text, pos) }), pos, pos + charLength(text, pos));
    };

    const readString = (): string => {
        const start = pos;
        pos++; // the opening quote
        let result = '';
        let chunk = pos;
        for (;;) {
            if (pos >= text.length) {
                fail(t('diagnostics.json.unclosed-string'), start, text.length);
            }
            const c = text.charCodeAt(pos);
            if (c === 0x22) {
                result += text.slice(chunk, pos);
                pos++;
                return result;
            }
            if (c === 0x0a || c === 0x0d) {
                fail(t('diagnostics.json.unclosed-string-line'), start, pos);
            }
            if (c < 0x20) {
                fail(t('diagnostics.json.control-character', { char: describeCharacter(text, pos) }));
            }
            if (c === 0x5c) {
                result += text.slice(chunk, pos);
                const e = text[pos + 1];
                if (e === 'u') {
                    const hex = text.slice(pos + 2, pos + 6);
                    if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
                        fail(t('diagnostics.json.unicode-escape'), pos, pos + 2);
                    }
                    result += String.fromCharCode(parseInt(hex, 16));
                    pos += 6;
                } else if (e !== undefined && Object.prototype.hasOwnProperty.call(ESCAPES, e)) {
                    result += ESCAPES[e];
                    pos += 2;
                } else {
                    fail(t('diagnostics.json.unknown-escape', { escape: `\\${e ?? ''}` }), pos, Math.min(pos + 2, text.length));
                }
                chunk = pos;
                continue;
            }
            pos++;
        }
    };

    const readValue = (path: (string | number)[], depth: number): unknown => {
        skipSpace();
        const start = pos;
        let value: unknown;
        const c = text[pos];
        if (c === '{' || c === '[') {
            if (depth >= MAX_JSON_DEPTH) {
                fail(t('diagnostics.json.too-deep', { max: MAX_JSON_DEPTH }));
            }
            value = c === '{' ? readObject(path, depth + 1) : readArray(path, depth + 1);
        } else if (c === '"') {
            value = readString();
        } else if (c === '-' || (c >= '0' && c <= '9')) {
            NUMBER.lastIndex = pos;
            const match = NUMBER.exec(text);
            if (!match) {
                fail(t('diagnostics.json.not-a-number', { char: c }));
            }
            value = Number(match![0]);
            pos += match![0].length;
        } else if (text.startsWith('true', pos)) {
            value = true;
            pos += 4;
        } else if (text.startsWith('false', pos)) {
            value = false;
            pos += 5;
        } else if (text.startsWith('null', pos)) {
            value = null;
            pos += 4;
        } else {
            unexpected(t('diagnostics.json.what.value'));
        }
        values.set(pathKey(path), { start, end: pos });
        return value;
    };

    const readObject = (path: (string | number)[], depth: number): Record<string, unknown> => {
        pos++; // {
        const result: Record<string, unknown> = {};
        const seen = new Map<string, Span>();
        skipSpace();
        if (text[pos] === '}') {
            pos++;
            return result;
        }
        for (;;) {
            skipSpace();
            if (text[pos] !== '"') {
                if (text[pos] === '}' && seen.size > 0) {
                    fail(t('diagnostics.json.trailing-comma', { bracket: '}' }));
                }
                unexpected(t('diagnostics.json.what.key'));
            }
            const keyStart = pos;
            const key = readString();
            const span = { start: keyStart, end: pos };
            const first = seen.get(key);
            const memberPath = [...path, key];
            if (first) {
                duplicates.push({ path, key, span, first });
            } else {
                seen.set(key, span);
            }
            keys.set(pathKey(memberPath), span);
            skipSpace();
            if (text[pos] !== ':') {
                unexpected(t('diagnostics.json.what.colon', { key }));
            }
            pos++;
            // A data property even for "__proto__", as JSON.parse makes it.
            Object.defineProperty(result, key, { value: readValue(memberPath, depth), enumerable: true, writable: true, configurable: true });
            skipSpace();
            if (text[pos] === ',') {
                pos++;
            } else if (text[pos] === '}') {
                pos++;
                return result;
            } else {
                unexpected(t('diagnostics.json.what.after-value', { key }));
            }
        }
    };

    const readArray = (path: (string | number)[], depth: number): unknown[] => {
        pos++; // [
        const result: unknown[] = [];
        skipSpace();
        if (text[pos] === ']') {
            pos++;
            return result;
        }
        for (;;) {
            skipSpace();
            if (text[pos] === ']' && result.length > 0) {
                fail(t('diagnostics.json.trailing-comma', { bracket: ']' }));
            }
            result.push(readValue([...path, result.length], depth));
            skipSpace();
            if (text[pos] === ',') {
                pos++;
            } else if (text[pos] === ']') {
                pos++;
                return result;
            } else {
                unexpected(t('diagnostics.json.what.after-element'));
            }
        }
    };

    try {
        const value = readValue([], 0);
        skipSpace();
        if (pos < text.length) {
            fail(t('diagnostics.json.after-end', { char: describeCharacter(text, pos) }), pos, pos + charLength(text, pos));
        }
        return { ok: true, value, keys, values, duplicates };
    } catch (err) {
        if (err instanceof JsonSyntaxError) {
            return { ok: false, message: err.message, span: err.span };
        }
        throw err;
    }
}

function charLength(text: string, pos: number): number {
    const c = text.codePointAt(pos) ?? 0;
    return c > 0xffff ? 2 : 1;
}

/** A character as a message shows it: printable ASCII quoted, anything else by code point. */
function describeCharacter(text: string, pos: number): string {
    const c = text.codePointAt(pos) ?? 0;
    if (c > 0x20 && c < 0x7f) {
        return t('diagnostics.words.quoted', { name: String.fromCodePoint(c) });
    }
    return t('diagnostics.json.code-point', { codePoint: c.toString(16).toUpperCase().padStart(4, '0') });
}

/** Line and character (0-based, UTF-16 units, as in LSP) of each offset, for one text. */
export function positionsOf(text: string): (offset: number) => { line: number; character: number } {
    const lineStarts = [0];
    for (let i = 0; i < text.length; i++) {
        if (text.charCodeAt(i) === 0x0a) {
            lineStarts.push(i + 1);
        }
    }
    return offset => {
        let low = 0;
        let high = lineStarts.length - 1;
        while (low < high) {
            const mid = (low + high + 1) >> 1;
            if (lineStarts[mid] <= offset) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return { line: low, character: offset - lineStarts[low] };
    };
}
