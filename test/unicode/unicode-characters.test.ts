/**
 * The Unicode helpers (language/src/unicode/): which characters are invisible, how messages name
 * them, the escapes, and UTS #39 skeletons.
 */
import { describe, expect, test } from 'vitest';
import { GovRuleTerminals } from '../../language/src/syntax/generated/ast.js';
import { decodeString, invalidEscapes } from '../../language/src/syntax/value-converter.js';
import { characterName, containsInvisible, describeCharacter, escapeInvisible, invisiblePattern, isBidiControl, isInvisible } from '../../language/src/unicode/characters.js';
import { CONFUSABLE_PROTOTYPES } from '../../language/src/unicode/confusables-table.js';
import { differingCharacters, skeleton } from '../../language/src/unicode/confusables.js';

describe('the invisible characters', () => {
    test.each([
        [0x0000], [0x0001], [0x0007], [0x000b], [0x000c], [0x001b], [0x001f], [0x007f], [0x0080], [0x0085], [0x009f],
        [0x00ad], [0x034f], [0x061c], [0x115f], [0x1160], [0x17b4], [0x180e], [0x200b], [0x200c], [0x200d], [0x200e], [0x200f],
        [0x2028], [0x2029], [0x202a], [0x202b], [0x202c], [0x202d], [0x202e], [0x2060], [0x2063], [0x2066], [0x2067], [0x2068],
        [0x2069], [0x206f], [0x3164], [0xfeff], [0xffa0], [0xfff9], [0x1d173], [0xe0001], [0xe0041], [0xe007f],
    ])('U+%s is invisible', codePoint => {
        expect(isInvisible(codePoint)).toBe(true);
        expect(escapeInvisible(`a${String.fromCodePoint(codePoint)}b`)).toBe(`a\\u{${codePoint.toString(16).toUpperCase()}}b`);
    });

    test.each([
        ['tab', 0x09], ['line feed', 0x0a], ['carriage return', 0x0d], ['space', 0x20], ['a letter', 0x61], ['no-break space', 0xa0],
        ['ideographic space', 0x3000], ['a CJK ideograph', 0x4e2d], ['full-width comma', 0xff0c], ['a variation selector', 0xfe0f],
        ['an emoji', 0x1f4e2], ['dotless i', 0x0131],
    ])('%s is not', (_, codePoint) => {
        expect(isInvisible(codePoint)).toBe(false);
    });

    test('bidirectional controls are the ones the issue lists, plus the marks', () => {
        const bidi = [0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069];
        for (let cp = 0; cp < 0x3000; cp++) {
            expect(isBidiControl(cp), cp.toString(16)).toBe(bidi.includes(cp));
            if (bidi.includes(cp)) {
                expect(isInvisible(cp)).toBe(true);
            }
        }
    });

    test('every invisible character has a name, so no message falls back to a bare code point', () => {
        const missing: string[] = [];
        for (let cp = 0; cp <= 0xe01ef; cp++) {
            if ((cp < 0xd800 || cp > 0xdfff) && isInvisible(cp) && !characterName(cp)) {
                missing.push(cp.toString(16));
            }
        }
        expect(missing).toEqual([]);
    });

    test('the fast scan agrees with the definition for every BMP character and the astral invisible ones', () => {
        const disagree: string[] = [];
        const astral = [0x1d172, 0x1d173, 0x1d17a, 0x1d17b, 0x1f600, 0xdffff, 0xe0000, 0xe0041, 0xe007f, 0xe0080, 0xe0100, 0x10ffff];
        for (const cp of [...Array.from({ length: 0x10000 }, (_, i) => i), ...astral]) {
            if (cp >= 0xd800 && cp <= 0xdfff) {
                continue;
            }
            const char = String.fromCodePoint(cp);
            if (containsInvisible(`ab${char}中c`) !== isInvisible(cp) || containsInvisible(char) !== isInvisible(cp)) {
                disagree.push(cp.toString(16));
            }
        }
        expect(disagree).toEqual([]);
        expect(containsInvisible('')).toBe(false);
        expect(containsInvisible('涉企谣言，（）：“”；abc\t\n')).toBe(false);
    });

    test('the scanning pattern is fresh on every call (a shared global regex would skip matches)', () => {
        const text = '\u202Ea\u202E';
        expect([...text.matchAll(invisiblePattern())].map(m => m.index)).toEqual([0, 2]);
        expect(invisiblePattern().test(text)).toBe(true);
        expect(invisiblePattern().test(text)).toBe(true);
    });
});

describe('naming a character', () => {
    test.each([
        ['\u202E', 'U+202E RIGHT-TO-LEFT OVERRIDE'],
        ['\u0000', 'U+0000 NULL'],
        ['\u0085', 'U+0085 NEXT LINE'],
        ['\u200B', 'U+200B ZERO WIDTH SPACE'],
        ['\uFEFF', 'U+FEFF ZERO WIDTH NO-BREAK SPACE'],
        ['\u2066', 'U+2066 LEFT-TO-RIGHT ISOLATE'],
        ['\u{E0041}', 'U+E0041 TAG LATIN CAPITAL LETTER A'],
        ['\u3000', 'U+3000 IDEOGRAPHIC SPACE'],
        [' ', 'U+0020 SPACE'],
        ['\u0301', 'U+0301 COMBINING ACUTE ACCENT'],
        ['，', "'，' (U+FF0C FULLWIDTH COMMA)"],
        ['：', "'：' (U+FF1A FULLWIDTH COLON)"],
        ['“', "'“' (U+201C LEFT DOUBLE QUOTATION MARK)"],
        ['€', "'€' (U+20AC EURO SIGN)"],
        ['ı', "'ı' (U+0131 LATIN SMALL LETTER DOTLESS I)"],
        ['豈', "'豈' (U+8C48 CJK UNIFIED IDEOGRAPH-8C48)"],
        ['\uF900', "'\uF900' (U+F900 CJK COMPATIBILITY IDEOGRAPH-F900)"],
        ['😀', "'😀' (U+1F600)"],
    ])('%j is %s', (char, expected) => {
        expect(describeCharacter(char)).toBe(expected);
    });

    test('a character that cannot be shown is never quoted raw', () => {
        for (const char of ['\u202E', '\u0000', '\u200B', '\u{E0041}', '\u3164', '\u115F', '\u0301', '\uE000']) {
            expect(describeCharacter(char)).not.toContain(char);
        }
    });
});

describe('string escapes', () => {
    test('\\u{X} takes one to six hex digits, any plane', () => {
        expect(decodeString(String.raw`"\u{202E}|\u{1F4E2}|\u{41}|\u{0000e9}|\u4E2D|\\u{41}"`)).toBe('\u202E|\u{1F4E2}|A|é|中|\\u{41}');
    });

    test('a code point above 10FFFF decodes to U+FFFD and is listed as invalid', () => {
        expect(decodeString(String.raw`"a\u{110000}b"`)).toBe('a\uFFFDb');
        expect(invalidEscapes(String.raw`"a\u{110000}b\u{10FFFF}\\u{FFFFFF}"`)).toEqual([String.raw`\u{110000}`]);
    });

    test('decoding restores control and invisible characters written as escapes', () => {
        const value = 'a\u202Eb\u0000c\n"\\\t\u{E0041}\r中';
        expect(decodeString(String.raw`"a\u{202E}b\u{0}c\n\"\\\t\u{E0041}\u{D}中"`)).toBe(value);
    });
});

describe('confusable skeletons (UTS #39)', () => {
    test.each([
        ['revıewer', 'reviewer'],
        ['seIf', 'self'],
        ['modern', 'rnodern'],
        ['level0', 'levelO'],
        ['\uF900审核', '豈审核'],
        ['café', 'cafe\u0301'],
    ])('%s and %s have one skeleton', (a, b) => {
        expect(skeleton(a)).toBe(skeleton(b));
    });

    test.each([
        ['Reviewer', 'reviewer'],
        ['reviewer', 'reviewers'],
        ['涉企谣言', '涉灾谣言'],
        ['editor', 'edltor'],
    ])('%s and %s do not', (a, b) => {
        expect(skeleton(a)).not.toBe(skeleton(b));
    });

    test('the generated table holds only characters identifiers can contain, and maps ı to i', () => {
        expect(CONFUSABLE_PROTOTYPES.get(0x0131)).toBe('i');
        expect(CONFUSABLE_PROTOTYPES.size).toBeGreaterThan(100);
        const id = new RegExp(`^(?:${GovRuleTerminals.ID.source})$`);
        const identifierCharacters = new Set<string>();
        for (let cp = 0; cp <= 0xffff; cp++) {
            const c = String.fromCodePoint(cp);
            if (id.test(c) || id.test(`_${c}`)) {
                for (const d of c.normalize('NFD')) {
                    identifierCharacters.add(d);
                }
            }
        }
        expect([...CONFUSABLE_PROTOTYPES.keys()].filter(cp => !identifierCharacters.has(String.fromCodePoint(cp)))).toEqual([]);
    });

    test('the differing characters, for messages', () => {
        expect(differingCharacters('revıewer', 'reviewer')).toEqual(['ı']);
        expect(differingCharacters('modern', 'rnodern')).toEqual(['m']);
        expect(differingCharacters('rnodern', 'modern')).toEqual(['r', 'n']);
    });
});
