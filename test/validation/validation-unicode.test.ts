/**
 * Unicode that cannot deceive a reviewer (LANGUAGE.md §2, §10): invisible-character,
 * unnormalized-name, confusable-name, the lexer's message for characters it cannot read, and
 * `\u{X}` escapes.
 */
import { describe, expect, test } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import * as ast from '../../language/src/syntax/generated/ast.js';
import { MAX_INVISIBLE_REPORTS } from '../../language/src/validation/text-checks.js';
import { rangeOf } from '../helpers/ranges.js';
import { checkBody, checkFiles, fileWith, ruleText, withCode } from '../helpers/validation.js';
import { VOCABULARY, workspace } from '../helpers/workspace.js';

const RLO = '\u202E';

describe('invisible-character', () => {
    test('a right-to-left override in a label: an error at the character, with its escape as the fix', async () => {
        const body = `post p "审核员${RLO}abc"\n${ruleText({ clauses: { responsible: 'p' } })}`;
        const text = fileWith(body);
        const ws = await checkBody(body);
        const [d, ...rest] = withCode(ws, 'x.govrule', 'invisible-character');
        expect(rest).toEqual([]);
        expect(d.severity).toBe(DiagnosticSeverity.Error);
        expect(d.range).toEqual(rangeOf(text, RLO));
        expect(d.message).toBe('Invisible character in a string: U+202E RIGHT-TO-LEFT OVERRIDE can reorder how the text is displayed; write it as an escape (\\u{202E}) if it is meant');
        expect(d.data).toEqual({ replacement: '\\u{202E}' });
    });

    test.each([
        ['NUL', '\u0000', 'U+0000 NULL'],
        ['ESC', '\u001B', 'U+001B ESCAPE'],
        ['DEL', '\u007F', 'U+007F DELETE'],
        ['a C1 control', '\u0085', 'U+0085 NEXT LINE'],
        ['a zero-width space', '\u200B', 'U+200B ZERO WIDTH SPACE'],
        ['a word joiner', '\u2060', 'U+2060 WORD JOINER'],
        ['a byte-order mark', '\uFEFF', 'U+FEFF ZERO WIDTH NO-BREAK SPACE'],
        ['a tag character', '\u{E0041}', 'U+E0041 TAG LATIN CAPITAL LETTER A'],
        ['a Hangul filler', '\u3164', 'U+3164 HANGUL FILLER'],
    ])('%s in a label', async (_, char, named) => {
        const body = `post p "a${char}b"\n${ruleText({ clauses: { responsible: 'p' } })}`;
        const text = fileWith(body);
        const ws = await checkBody(body);
        const found = withCode(ws, 'x.govrule', 'invisible-character');
        expect(found.map(d => d.range)).toEqual([rangeOf(text, char)]);
        expect(found[0].message).toBe(`Invisible character in a string: ${named} cannot be seen; write it as an escape (\\u{${char.codePointAt(0)!.toString(16).toUpperCase()}}) if it is meant`);
    });

    test('each bidirectional isolate and embedding, in a comment (the "Trojan Source" shape)', async () => {
        const body = `// 审核 \u2067\u2066 disabled \u2069\u2069 ok\n${ruleText()}`;
        const text = fileWith(body);
        const ws = await checkBody(body);
        const found = withCode(ws, 'x.govrule', 'invisible-character');
        expect(found.map(d => [d.range, d.message, d.data])).toEqual([
            [rangeOf(text, '\u2067\u2066'), 'Invisible character in a comment: U+2067 RIGHT-TO-LEFT ISOLATE, U+2066 LEFT-TO-RIGHT ISOLATE can reorder how the text is displayed; remove it or write \\u{2067} \\u{2066}',
                { replacement: '\\u{2067}\\u{2066}' }],
            [rangeOf(text, '\u2069\u2069'), 'Invisible character in a comment: U+2069 POP DIRECTIONAL ISOLATE can reorder how the text is displayed; remove it or write \\u{2069}',
                { replacement: '\\u{2069}\\u{2069}' }],
        ]);
    });

    test('in a block comment and a doc comment too', async () => {
        const body = `/* a\u200Db */\n/** doc\u202D */\n${ruleText()}`;
        const ws = await checkBody(body);
        expect(withCode(ws, 'x.govrule', 'invisible-character').map(d => String(d.message).split(':')[0])).toEqual([
            'Invisible character in a comment', 'Invisible character in a comment',
        ]);
    });

    test('between tokens, characters the lexer takes for whitespace: an error whose fix removes them', async () => {
        const body = `post p\uFEFF\u2028\npost q\u000C\n${ruleText({ clauses: { responsible: 'p' } })}${ruleText({ name: 'r2', clauses: { responsible: 'q' } })}`;
        const text = fileWith(body);
        const ws = await checkBody(body);
        expect(withCode(ws, 'x.govrule', 'invisible-character').map(d => [d.range, d.message, d.data])).toEqual([
            [rangeOf(text, '\uFEFF\u2028'), 'Invisible character: U+FEFF ZERO WIDTH NO-BREAK SPACE, U+2028 LINE SEPARATOR cannot be seen; remove it', { replacement: '' }],
            [rangeOf(text, '\u000C'), 'Invisible character: U+000C FORM FEED cannot be seen; remove it', { replacement: '' }],
        ]);
        expect(withCode(ws, 'x.govrule', 'syntax')).toEqual([]);
    });

    test('characters the lexer cannot read are one syntax error each, named, and not reported twice', async () => {
        const body = `post p\u200B\n${ruleText({ clauses: { responsible: 'p' } })}`;
        const text = fileWith(body);
        const ws = await checkBody(body);
        expect(withCode(ws, 'x.govrule', 'invisible-character')).toEqual([]);
        const syntax = withCode(ws, 'x.govrule', 'syntax');
        expect(syntax.map(d => [d.range, d.message])).toEqual([[rangeOf(text, '\u200B'), 'Unexpected character U+200B ZERO WIDTH SPACE']]);
    });

    test('a right-to-left override outside a string: the lexer error names it and never quotes it', async () => {
        const body = `post p ${RLO}\n`;
        const ws = await checkBody(body);
        const [syntax] = withCode(ws, 'x.govrule', 'syntax');
        expect(syntax.message).toBe('Unexpected character U+202E RIGHT-TO-LEFT OVERRIDE');
        expect(ws.diagnostics('x.govrule').some(d => String(d.message).includes(RLO))).toBe(false);
    });

    // (A full-width comma is a slip with a message of its own: test/core/common-mistakes.test.ts.)
    test('visible characters the lexer cannot read are quoted and named', async () => {
        for (const [char, message] of [['！', "Unexpected character '！' (U+FF01 FULLWIDTH EXCLAMATION MARK)"], ['😀', "Unexpected character '😀' (U+1F600)"]]) {
            const body = `post p${char}\n`;
            const text = fileWith(body);
            const ws = await checkBody(body);
            const [syntax] = withCode(ws, 'x.govrule', 'syntax');
            expect([syntax.message, syntax.range.start]).toEqual([message, rangeOf(text, char).start]);
        }
    });

    test('escapes are the way to write them: no diagnostic, and the label holds the characters', async () => {
        const body = `post p "a\\u{202E}b\\u200Bc\\u{0}"\n${ruleText({ clauses: { responsible: 'p' } })}`;
        const ws = await checkBody(body);
        expect(ws.codes('x.govrule')).toEqual([]);
        const post = ws.documents.get('x.govrule')!.parseResult.value.elements.find(ast.isPost);
        expect(post?.label).toBe('a\u202Eb\u200Bc\u0000');
    });

    test('tab, the no-break space, the ideographic space and variation selectors are not invisible characters', async () => {
        const body = `post p "a\tb\u00A0c\u3000d 葛\uFE00"\n${ruleText({ clauses: { responsible: 'p' } })}`;
        const ws = await checkBody(body);
        expect(ws.codes('x.govrule')).toEqual([]);
    });

    test('a byte-order mark as the first character is not reported', async () => {
        const ws = await checkFiles({ 'x.govrule': `\uFEFF${fileWith(ruleText())}` });
        expect(withCode(ws, 'x.govrule', 'invisible-character')).toEqual([]);
    });

    test('a file full of them gets a bounded number of diagnostics', async () => {
        const labels = Array.from({ length: MAX_INVISIBLE_REPORTS + 50 }, (_, i) => `post p${i} "x\u200By"\n`).join('');
        const ws = await checkBody(labels);
        const found = withCode(ws, 'x.govrule', 'invisible-character');
        expect(found).toHaveLength(MAX_INVISIBLE_REPORTS + 1);
        expect(found[MAX_INVISIBLE_REPORTS].message).toBe('50 more places in this file have invisible or control characters');
    });

    test('a long run of one character is one diagnostic whose fix escapes all of it', async () => {
        const body = `post p "${'\u200B'.repeat(10_000)}"\n${ruleText({ clauses: { responsible: 'p' } })}`;
        const ws = await checkBody(body);
        const found = withCode(ws, 'x.govrule', 'invisible-character');
        expect(found).toHaveLength(1);
        expect((found[0].data as { replacement: string }).replacement).toBe('\\u{200B}'.repeat(10_000));
    });

    test('an escape above 10FFFF is invalid-literal, at the escape', async () => {
        const body = `post p "a\\u{110000}"\n${ruleText({ clauses: { responsible: 'p' } })}`;
        const text = fileWith(body);
        const ws = await checkBody(body);
        expect(withCode(ws, 'x.govrule', 'invalid-literal').map(d => [d.range, d.message]))
            .toEqual([[rangeOf(text, '\\u{110000}'), '\\u{110000} is not a Unicode code point (the largest is 10FFFF)']]);
    });

    test('messages that quote source text show invisible characters as escapes', async () => {
        // The parser's "but found" quotes the string token, which holds a raw override.
        const ws = await checkFiles({ 'x.govrule': `package t.x\npost "a${RLO}b"\n` });
        const messages = ws.diagnostics('x.govrule').map(d => String(d.message));
        expect(messages.some(m => m.includes('\\u{202E}'))).toBe(true);
        expect(messages.some(m => m.includes(RLO))).toBe(false);
    });
});

describe('unnormalized-name', () => {
    const F900 = '\uF900';

    test('a CJK compatibility ideograph in a name: an error naming both characters, with the NFC spelling', async () => {
        const body = `post ${F900}审核\n${ruleText({ clauses: { responsible: `${F900}审核` } })}`;
        const text = fileWith(body);
        const ws = await checkBody(body);
        const found = withCode(ws, 'x.govrule', 'unnormalized-name');
        expect(found.map(d => d.range)).toEqual([rangeOf(text, `${F900}审核`), rangeOf(text, `${F900}审核`, 1)]);
        expect(found[0].severity).toBe(DiagnosticSeverity.Error);
        expect(found[0].message).toBe(`Name '${F900}审核' is not in Unicode normalization form C: it contains '${F900}' (U+F900 CJK COMPATIBILITY IDEOGRAPH-F900), which is written '豈' (U+8C48 CJK UNIFIED IDEOGRAPH-8C48) in NFC; names that look alike must be spelt alike, so write '豈审核'`);
        expect(found[0].data).toEqual({ replacement: '豈审核' });
    });

    test('the two spellings of 豈审核 cannot name two posts silently', async () => {
        const ws = await checkBody(`post ${F900}审核\npost 豈审核\n`);
        expect(withCode(ws, 'x.govrule', 'unnormalized-name')).toHaveLength(1);
        // The NFC name is not also reported as a look-alike of a name that is already an error.
        expect(withCode(ws, 'x.govrule', 'confusable-name')).toEqual([]);
    });

    test('in package names, imports, references and enum members too', async () => {
        const ws = await workspace({
            'a.govrule': `package t.${F900}\nseverities { low high }\npost p\n`,
            'b.govrule': `package t.b\nimport t.${F900}.*\nattribute ch: enum { ${F900}a }\n`,
        });
        expect(withCode(ws, 'a.govrule', 'unnormalized-name')).toHaveLength(1);
        expect(withCode(ws, 'b.govrule', 'unnormalized-name')).toHaveLength(2);
    });

    test('names written in NFC, Chinese or with Latin diacritics, are fine', async () => {
        const ws = await checkBody(`post 豈审核\npost café\nattribute 渠道: enum { 网站, 应用 }\n${ruleText({ clauses: { responsible: '豈审核' } })}`);
        expect(ws.codes('x.govrule').filter(c => c === 'unnormalized-name' || c === 'confusable-name')).toEqual([]);
    });
});

describe('confusable-name', () => {
    test('a dotless ı beside the imported reviewer: a warning at the local declaration naming both', async () => {
        const body = `post revıewer\n${ruleText({ clauses: { responsible: 'revıewer' } })}`;
        const text = fileWith(body);
        const ws = await checkBody(body);
        const found = withCode(ws, 'x.govrule', 'confusable-name');
        expect(found.map(d => [d.range, d.severity])).toEqual([[rangeOf(text, 'revıewer'), DiagnosticSeverity.Warning]]);
        expect(found[0].message).toBe("'revıewer' looks like 'reviewer' (post demo.common.reviewer): it has 'ı' (U+0131 LATIN SMALL LETTER DOTLESS I) where that has 'i' (U+0069 LATIN SMALL LETTER I); rename one of them so that they differ visibly");
    });

    test('two declarations in one package, in two files: reported in each file', async () => {
        const ws = await checkFiles({
            'x.govrule': fileWith(ruleText()),
            'y.govrule': 'package t.x\npost seIf\n',
            'z.govrule': 'package t.x\npost self\n',
        });
        expect(withCode(ws, 'y.govrule', 'confusable-name').map(d => d.message)).toEqual([
            "'seIf' looks like 'self' (post t.x.self): it has 'I' (U+0049 LATIN CAPITAL LETTER I) where that has 'l' (U+006C LATIN SMALL LETTER L); rename one of them so that they differ visibly",
        ]);
        expect(withCode(ws, 'z.govrule', 'confusable-name').map(d => d.message)).toEqual([
            "'self' looks like 'seIf' (post t.x.seIf): it has 'l' (U+006C LATIN SMALL LETTER L) where that has 'I' (U+0049 LATIN CAPITAL LETTER I); rename one of them so that they differ visibly",
        ]);
    });

    test('nested categories compare by path', async () => {
        const body = `category rumor { category enterprise category enterprıse }\n`;
        const ws = await checkBody(body);
        expect(withCode(ws, 'x.govrule', 'confusable-name').map(d => String(d.message).split(' (')[0])).toEqual([
            "'rumor.enterprise' looks like 'rumor.enterprıse'", "'rumor.enterprıse' looks like 'rumor.enterprise'",
        ]);
    });

    test('both from imports: reported at the import that brings in the second', async () => {
        const ws = await checkFiles({
            'a.govrule': 'package t.a\npost revıewer\n',
            'x.govrule': `package t.x\nimport demo.common.*\nimport t.a.*\ncategory c\n${ruleText()}`,
        });
        const text = `package t.x\nimport demo.common.*\nimport t.a.*\ncategory c\n${ruleText()}`;
        const found = withCode(ws, 'x.govrule', 'confusable-name');
        expect(found.map(d => d.range)).toEqual([rangeOf(text, 't.a.*')]);
        expect(found[0].message).toBe("'revıewer' looks like 'reviewer' (post demo.common.reviewer): it has 'ı' (U+0131 LATIN SMALL LETTER DOTLESS I) where that has 'i' (U+0069 LATIN SMALL LETTER I); rename one of them so that they differ visibly");
    });

    test('an imported name against a declaration in another file of the package: at the import', async () => {
        const ws = await checkFiles({
            'a.govrule': 'package t.a\npost revıewer\n',
            'x.govrule': `package t.x\nimport t.a.revıewer\ncategory c\n${ruleText()}`,
            'y.govrule': 'package t.x\npost reviewer\n',
        });
        expect(withCode(ws, 'x.govrule', 'confusable-name').map(d => String(d.message).split(':')[0]))
            .toEqual(["'revıewer' looks like 'reviewer' (post t.x.reviewer)"]);
        // y.govrule does not import t.a, so there the two names are not both visible.
        expect(withCode(ws, 'y.govrule', 'confusable-name')).toEqual([]);
    });

    test('a package that is not imported is not visible: no warning', async () => {
        const ws = await checkFiles({ 'a.govrule': 'package t.a\npost revıewer\n', 'x.govrule': fileWith(ruleText()) });
        expect(withCode(ws, 'a.govrule', 'confusable-name')).toEqual([]);
        expect(withCode(ws, 'x.govrule', 'confusable-name')).toEqual([]);
    });

    test('parameters of one action and members of one enum, among themselves', async () => {
        const body = 'action act (amount: money, arnount: money?)\nattribute ch: enum { seIf, self, other }\n';
        const ws = await checkBody(body);
        expect(withCode(ws, 'x.govrule', 'confusable-name').map(d => String(d.message).split(':')[0])).toEqual([
            "'amount' looks like 'arnount' (another parameter here)", "'arnount' looks like 'amount' (another parameter here)",
            "'seIf' looks like 'self' (another enum member here)", "'self' looks like 'seIf' (another enum member here)",
        ]);
    });

    test('case, similar spelling and the same name again are not look-alikes', async () => {
        const ws = await checkFiles({
            'common.govrule': VOCABULARY,
            'x.govrule': `package t.x\nimport demo.common.*\npost Reviewer\npost reviewers\npost editors\npost reviewer\ncategory c\n${ruleText()}`,
        });
        expect(withCode(ws, 'x.govrule', 'confusable-name')).toEqual([]);
    });

    test('it is a lint: an ignore comment silences it', async () => {
        const ws = await checkBody(`// govrule-ignore confusable-name\npost revıewer\n`);
        expect(withCode(ws, 'x.govrule', 'confusable-name')).toEqual([]);
    });
});
