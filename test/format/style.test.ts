/**
 * The canonical style, case by case (docs/formatting.md). Every expected output is also checked
 * to be a fixed point: formatting it again changes nothing.
 */
import { describe, expect, test } from 'vitest';
import { formatText } from '../../language/src/format/formatter.js';

function format(text: string): string {
    const result = formatText(text);
    if (!result.ok) {
        throw new Error(result.reason);
    }
    const again = formatText(result.text);
    expect(again.ok && again.text).toBe(result.text);
    return result.text;
}

const lines = (...l: string[]) => `${l.join('\n')}\n`;

describe('layout of declarations', () => {
    test('one declaration per line, single spaces, no alignment', () => {
        expect(format('package   a.b\npost reviewer    "审核员"   post editor\nauthority  cac "网信办"')).toBe(lines(
            'package a.b',
            'post reviewer "审核员"',
            'post editor',
            'authority cac "网信办"',
        ));
    });

    test('blocks open on the same line and indent by four spaces', () => {
        expect(format('package a\nseverities{low "低" high}\ncategory top "顶" { category sub { category leaf } }')).toBe(lines(
            'package a',
            'severities {',
            '    low "低"',
            '    high',
            '}',
            'category top "顶" {',
            '    category sub {',
            '        category leaf',
            '    }',
            '}',
        ));
    });

    test('action parameters: no space before `(` after a name, one after a label', () => {
        expect(format('package a\naction fine "罚款"(amount : money , note:text ?)\naction warn (note: text)')).toBe(lines(
            'package a',
            'action fine "罚款" (amount: money, note: text?)',
            'action warn(note: text)',
        ));
    });

    test('an enum stays on one line unless it was written on several', () => {
        const input = 'package a\nattribute ch : enum {x,y ,z} default x "渠道"\nattribute list: enum {\n one, two,\n  three,\n} "列表"';
        expect(format(input)).toBe(lines(
            'package a',
            'attribute ch: enum { x, y, z } default x "渠道"',
            'attribute list: enum {',
            '    one,',
            '    two,',
            '    three,',
            '} "列表"',
        ));
    });

    test('empty blocks close on the same line', () => {
        expect(format('package a\nrule r {\n\n}\ncategory c {  }')).toBe(lines('package a', 'rule r {}', 'category c {}'));
    });
});

describe('layout of rules', () => {
    test('clauses one per line, in source order', () => {
        const input = 'package a\nrule r "规则" { severity high category x.y , z when ch==a responsible p actions f ( n : 5d ) , g disabled }';
        expect(format(input)).toBe(lines(
            'package a',
            'rule r "规则" {',
            '    severity high',
            '    category x.y, z',
            '    when ch == a',
            '    responsible p',
            '    actions f(n: 5d), g',
            '    disabled',
            '}',
        ));
    });

    test('conditions: spaces around operators, none inside brackets and parentheses', () => {
        const input = 'package a\nrule r { when ( a>3 or not b ) and c not in [ x,y ] and d in[z] and e<=1.5 }';
        expect(format(input)).toBe(lines(
            'package a',
            'rule r {',
            '    when (a > 3 or not b) and c not in [x, y] and d in [z] and e <= 1.5',
            '}',
        ));
    });

    test('literals keep their spelling', () => {
        const input = 'package a\nrule r { actions fine(amount: 200000.00 CNY) effective 2026-01-01..2026-12-31 priority 007 basis "a\\"b" }';
        expect(format(input)).toBe(lines(
            'package a',
            'rule r {',
            '    actions fine(amount: 200000.00 CNY)',
            '    effective 2026-01-01 .. 2026-12-31',
            '    priority 007',
            '    basis "a\\"b"',
            '}',
        ));
    });

    test('escalation steps one per line; a single step written on one line stays there', () => {
        const input = 'package a\nrule r {\nescalate { after 4h to cac }\n}\nrule s {\nescalate { after 2h  to p after 1d to cac }\n}\nrule t {\nescalate {\nafter 4h to cac }\n}';
        expect(format(input)).toBe(lines(
            'package a',
            'rule r {',
            '    escalate { after 4h to cac }',
            '}',
            'rule s {',
            '    escalate {',
            '        after 2h to p',
            '        after 1d to cac',
            '    }',
            '}',
            'rule t {',
            '    escalate {',
            '        after 4h to cac',
            '    }',
            '}',
        ));
    });

    test('line breaks after commas and around and/or are kept, one level deeper', () => {
        const input = lines(
            'package a',
            'rule r {',
            '  when a == 1 and',
            '  b == 2',
            '     or c',
            '  basis "x"',
            ', "y", "z"',
            '  actions f,',
            'g, h',
            '}',
        );
        expect(format(input)).toBe(lines(
            'package a',
            'rule r {',
            '    when a == 1',
            '        and b == 2',
            '        or c',
            '    basis "x",',
            '        "y", "z"',
            '    actions f,',
            '        g, h',
            '}',
        ));
    });

    test('other line breaks inside a clause are joined', () => {
        expect(format('package a\nrule r {\n  category\n x\n  severity\n\n high\n}')).toBe(lines(
            'package a',
            'rule r {',
            '    category x',
            '    severity high',
            '}',
        ));
    });
});

describe('layout of tests', () => {
    test('items one per line; `given` attributes as written (one line or one per line)', () => {
        const input = 'package a\ntest "t" { given c.d { ch: x, n: 3 } on 2026-06-01 expect rule r expect actions f,g expect escalation to cac within 3d }\n'
            + 'test "u" {\ngiven c {\nch: x,\nn: 3,\n}\nexpect rule none\n}';
        expect(format(input)).toBe(lines(
            'package a',
            'test "t" {',
            '    given c.d { ch: x, n: 3 }',
            '    on 2026-06-01',
            '    expect rule r',
            '    expect actions f, g',
            '    expect escalation to cac within 3d',
            '}',
            'test "u" {',
            '    given c {',
            '        ch: x,',
            '        n: 3,',
            '    }',
            '    expect rule none',
            '}',
        ));
    });
});

describe('blank lines and line ends', () => {
    test('runs of blank lines become one; none after `{`, before `}` or at either end of the file', () => {
        const input = '\n\n  package a\n\n\n\npost p\npost q\n\nrule r {\n\n\n  severity s\n\n\n  responsible p\n\n}\n\n\n';
        expect(format(input)).toBe(lines(
            'package a',
            '',
            'post p',
            'post q',
            '',
            'rule r {',
            '    severity s',
            '',
            '    responsible p',
            '}',
        ));
    });

    test('trailing whitespace goes, the file ends with exactly one line end', () => {
        expect(format('package a   \npost p   // note   ')).toBe('package a\npost p // note\n');
    });

    test('a file written with CRLF keeps CRLF', () => {
        expect(format('package a\r\n\r\n\r\npost  p\r\n/* x\r\n * y  \r\n */\r\npost q')).toBe('package a\r\n\r\npost p\r\n/* x\r\n * y\r\n */\r\npost q\r\n');
    });
});

describe('comments', () => {
    test('trailing comments stay on their line; comments on their own line are indented like the next line', () => {
        const input = lines(
            '// header',
            'package a // the package',
            'rule r { // opening',
            '        // about severity',
            'severity s /* inline */ responsible p',
            '   actions f, // first',
            '  g',
            '// closing',
            '}',
            '   // end',
        );
        expect(format(input)).toBe(lines(
            '// header',
            'package a // the package',
            'rule r { // opening',
            '    // about severity',
            '    severity s /* inline */',
            '    responsible p',
            '    actions f, // first',
            '        g',
            '    // closing',
            '}',
            '// end',
        ));
    });

    test('starred block comments are re-indented under their opening, others keep their lines', () => {
        const input = lines(
            'package a',
            'category c {',
            '/**',
            '       * 子分类',
            '          *   缩进保留',
            '  */',
            'category d',
            '       /* free',
            '   form */',
            'category e',
            '}',
        );
        expect(format(input)).toBe(lines(
            'package a',
            'category c {',
            '    /**',
            '     * 子分类',
            '     *   缩进保留',
            '     */',
            '    category d',
            '    /* free',
            '   form */',
            '    category e',
            '}',
        ));
    });

    test('a comment between `{` and `}` keeps the block open', () => {
        expect(format('package a\nrule r { /* nothing yet */ }\nrule s { // todo\n\n\n}\nrule t { // first\n\n  severity s\n}')).toBe(lines(
            'package a',
            'rule r { /* nothing yet */',
            '}',
            'rule s { // todo',
            '}',
            'rule t { // first',
            '    severity s',
            '}',
        ));
    });
});

describe('files that do not parse', () => {
    test.each([
        ['an unexpected character', 'package a\npost p @ "x"\n', "syntax error at line 2, column 8: Unexpected character '@' (U+0040 COMMERCIAL AT)"],
        ['a missing name', 'package a\npost\n', 'syntax error at line 2, column 5: Expected a name but found the end of the file'],
        ['an unclosed block', 'package a\nrule r {\n  severity s\n', "syntax error at line 3, column 13: Expected '}' but found the end of the file"],
        ['a misplaced keyword', 'package a\nrule r { severity }\n', "syntax error at line 2, column 19: Expected a name but found '}'"],
    ])('are refused, saying why: %s', (_, text, reason) => {
        const result = formatText(text);
        expect(result.ok).toBe(false);
        expect(!result.ok && result.reason).toBe(reason);
        expect(!result.ok && result.problems.length).toBeGreaterThan(0);
    });
});
