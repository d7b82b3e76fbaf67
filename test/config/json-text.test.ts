/** The strict JSON reader behind govrule.json's diagnostics (language/src/json-text.ts). */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { MAX_JSON_DEPTH, pathKey, positionsOf, readJson } from '../../language/src/json-text.js';

describe('readJson', () => {
    test('reads what JSON.parse reads, to the same value', () => {
        fc.assert(fc.property(fc.jsonValue({ maxDepth: 6 }), fc.boolean(), (value, pretty) => {
            const text = JSON.stringify(value, null, pretty ? 2 : undefined);
            const reading = readJson(text);
            expect(reading.ok).toBe(true);
            expect(reading.ok && reading.value).toEqual(JSON.parse(text));
        }), { numRuns: 300 });
    });

    test('refuses what JSON.parse refuses', () => {
        for (const text of ['{', '[1,]', '{"a":1,}', "{'a':1}", '01', '1.', '.5', '"\\x"', '"\\u12"', 'tru', 'NaN', '{"a" 1}', '[1 2]', '"a\tb"', '// c\n{}', '{} {}']) {
            expect(() => JSON.parse(text), text).toThrow();
            expect(readJson(text).ok, text).toBe(false);
        }
    });

    test('knows where each key and value is', () => {
        const text = '{\n  "lint": { "shadowed-rule": "off" },\n  "include": ["a", "b"]\n}';
        const reading = readJson(text);
        if (!reading.ok) throw new Error(reading.message);
        const at = (span: { start: number; end: number } | undefined) => span && text.slice(span.start, span.end);
        expect(at(reading.keys.get(pathKey(['lint', 'shadowed-rule'])))).toBe('"shadowed-rule"');
        expect(at(reading.values.get(pathKey(['lint', 'shadowed-rule'])))).toBe('"off"');
        expect(at(reading.values.get(pathKey(['include', 1])))).toBe('"b"');
        expect(at(reading.keys.get(pathKey(['include'])))).toBe('"include"');
    });

    test('reports every repeated key with its first occurrence; the last value counts', () => {
        const text = '{"a":1,"b":{"c":1,"c":2},"a":3}';
        const reading = readJson(text);
        if (!reading.ok) throw new Error(reading.message);
        expect(reading.value).toEqual({ a: 3, b: { c: 2 } });
        expect(reading.duplicates.map(d => [d.path, d.key, text.slice(d.span.start, d.span.end), d.first.start])).toEqual([
            [['b'], 'c', '"c"', 12],
            [[], 'a', '"a"', 1],
        ]);
    });

    test('"__proto__" is an ordinary key, as with JSON.parse', () => {
        const reading = readJson('{"__proto__": {"polluted": true}}');
        if (!reading.ok) throw new Error(reading.message);
        expect(Object.keys(reading.value as object)).toEqual(['__proto__']);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect(Object.getPrototypeOf(reading.value)).toBe(Object.prototype);
    });

    test(`nesting deeper than ${MAX_JSON_DEPTH} levels is an error, not a stack overflow`, () => {
        expect(readJson('['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH)).ok).toBe(true);
        const deep = readJson('['.repeat(200_000));
        expect(deep).toEqual({ ok: false, message: `nested more than ${MAX_JSON_DEPTH} levels deep`, span: { start: MAX_JSON_DEPTH, end: MAX_JSON_DEPTH + 1 } });
    });

    test('characters outside printable ASCII are named by code point', () => {
        expect(readJson('{"a": \u202E1}')).toMatchObject({ ok: false, message: 'expected a value, found character U+202E' });
        expect(readJson('{"a": 1}\u00A0x')).toMatchObject({ ok: false, message: 'unexpected character U+00A0 after the end of the JSON value' });
    });
});

describe('positionsOf', () => {
    test('gives 0-based lines and UTF-16 columns', () => {
        const position = positionsOf('ab\n审核\n\nx');
        expect([0, 2, 3, 5, 6, 7].map(position)).toEqual([
            { line: 0, character: 0 }, { line: 0, character: 2 }, { line: 1, character: 0 },
            { line: 1, character: 2 }, { line: 2, character: 0 }, { line: 3, character: 0 },
        ]);
    });
});
