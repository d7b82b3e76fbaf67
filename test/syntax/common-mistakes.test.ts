/**
 * The slips authors make at a Chinese keyboard or from habits of other languages (issue 9 §6):
 * each gives one error that says what is wrong, where, and the fix, and nothing else.
 */
import { AstUtils } from 'langium';
import { describe, expect, test } from 'vitest';
import * as ast from '../../language/src/syntax/generated/ast.js';
import { rangeOf } from '../helpers/ranges.js';
import { USES_VOCABULARY, VOCABULARY, workspace } from '../helpers/workspace.js';

/** The diagnostics of `text` (beside the shared vocabulary) as code, message, range and fix data. */
async function diagnose(text: string) {
    const ws = await workspace({ 'common.govrule': VOCABULARY, 'a.govrule': text });
    return {
        ws,
        model: ws.documents.get('a.govrule')!.parseResult.value,
        found: ws.diagnostics('a.govrule').map(d => ({ code: d.code, message: d.message, range: d.range, data: d.data })),
    };
}

function edited(from: string, to: string): string {
    expect(USES_VOCABULARY).toContain(from);
    return USES_VOCABULARY.replace(from, to);
}

interface Case {
    readonly from: string;
    readonly to: string;
    readonly message: string;
    /** The text the diagnostic marks. */
    readonly at: string;
    readonly replacement?: string;
    readonly code?: string;
}

const CASES: Record<string, Case> = {
    'full-width comma': { from: 'remove, rectify', to: 'remove， rectify', at: '，', replacement: ',', message: "Use ASCII ',' instead of the full-width '，'" },
    'ideographic comma': { from: 'remove, rectify', to: 'remove、rectify', at: '、', replacement: ', ', message: "Use ASCII ',' instead of the full-width '、'" },
    'full-width colon': { from: 'deadline: 5d', to: 'deadline：5d', at: '：', replacement: ': ', message: "Use ASCII ':' instead of the full-width '：'" },
    'full-width semicolon': { from: 'district == "x"', to: 'district == "x"；', at: '；', replacement: '', message: "Remove the full-width '；': GovRule needs no ';'" },
    'full-width quotes': { from: 'district == "x"', to: 'district == “x”', at: '“x”', replacement: '"x"', message: 'Use ASCII quotes \'"\' instead of the full-width \'“\' and \'”\'' },
    'full-width quotes around ASCII ones': { from: 'district == "x"', to: 'district == “say "hi"”', at: '“say "hi"”', replacement: '"say \\"hi\\""', message: 'Use ASCII quotes \'"\' instead of the full-width \'“\' and \'”\'' },
    '= in a condition': { from: 'channel == app', to: 'channel = app', at: '=', replacement: '==', message: "Use '==' to compare: '=' is not an operator" },
    '= before an argument': { from: 'deadline: 5d', to: 'deadline = 5d', at: '=', replacement: ':', message: "Use ':' instead of '='" },
    '&&': { from: 'app and reports', to: 'app && reports', at: '&&', replacement: 'and', message: "Use 'and' instead of '&&'" },
    '|| without spaces': { from: 'app and reports', to: 'app||reports', at: '||', replacement: ' or ', message: "Use 'or' instead of '||'" },
    '!': { from: 'and verified', to: 'and !verified', at: '!', replacement: 'not ', message: "Use 'not' instead of '!'" },
    '5 days': { from: 'deadline: 5d', to: 'deadline: 5 days', at: '5 days', replacement: '5d', message: "'5 days' is not a duration: write 5d" },
    '30 Minutes': { from: 'deadline: 5d', to: 'deadline: 30 Minutes', at: '30 Minutes', replacement: '30m', message: "'30 Minutes' is not a duration: write 30m" },
    '1 周': { from: 'deadline: 5d', to: 'deadline: 1 周', at: '1 周', replacement: '1w', message: "'1 周' is not a duration: write 1w" },
    '5天': { from: 'deadline: 5d', to: 'deadline: 5天', at: '5天', replacement: '5d', message: "'5天' is not a duration: write 5d" },
    '2小时 in an escalation': { from: 'after 1h', to: 'after 2小时', at: '2小时', replacement: '2h', message: "'2小时' is not a duration: write 2h" },
    '100000元': { from: '100 CNY', to: '100000元', at: '100000元', replacement: '100000 CNY', code: 'invalid-literal', message: "'100000元' is not money: write 100000 CNY" },
    '1.5万元': { from: '100 CNY', to: '1.5万元', at: '1.5万元', replacement: '15000 CNY', code: 'invalid-literal', message: "'1.5万元' is not money: write 15000 CNY" },
    '100,000 CNY': { from: '100 CNY', to: '100,000 CNY', at: '100,000', replacement: '100000', message: 'Numbers have no thousands separators: write 100000' },
    'priority -1': { from: 'severity critical', to: 'severity critical\n    priority -1', at: '-1', message: 'A priority is a whole number ≥ 0, not -1' },
    'a negative number elsewhere': { from: 'reports > 1', to: 'reports > -1', at: '-1', message: 'Numbers have no sign: -1 cannot be written here' },
};

describe('one error with its fix for each slip', () => {
    test.each(Object.entries(CASES))('%s', async (_name, c) => {
        const text = edited(c.from, c.to);
        const { found } = await diagnose(text);
        // Syntax errors carry their code in `data`; validation checks only what they were given.
        const code = c.code ?? 'syntax';
        const data = code === 'syntax' ? { code, ...(c.replacement === undefined ? {} : { replacement: c.replacement }) } : { replacement: c.replacement };
        expect(found).toEqual([{ code: c.code ?? 'syntax', message: c.message, range: rangeOf(text, c.at), data }]);
    });

    test('full-width parentheses: one error each, and the condition keeps its shape', async () => {
        const text = edited('when channel == app and reports > 1', 'when （channel == app or reports > 1） and reports > 1');
        const { found, model } = await diagnose(text);
        expect(found.map(d => [d.message, d.range, d.data])).toEqual([
            ["Use ASCII '(' instead of the full-width '（'", rangeOf(text, '（'), { code: 'syntax', replacement: '(' }],
            ["Use ASCII ')' instead of the full-width '）'", rangeOf(text, '）'), { code: 'syntax', replacement: ')' }],
        ]);
        let leftmost = model.elements.filter(ast.isRule)[0].clauses.find(ast.isWhenClause)!.condition;
        while (ast.isAnd(leftmost)) {
            leftmost = leftmost.left;
        }
        expect(leftmost.$type).toBe('Or');
    });

    test('a misspelt clause keyword: unknown clause with did-you-mean, and no missing-clause error', async () => {
        const text = edited('responsible reviewer', 'responsibel reviewer');
        const { found } = await diagnose(text);
        expect(found.filter(d => d.code !== 'unused-declaration')).toEqual([{
            code: 'syntax', message: "Unknown clause 'responsibel'; did you mean 'responsible'?", range: rangeOf(text, 'responsibel'),
            data: { code: 'syntax', suggestions: ['responsible'] },
        }]);
    });

    test('a misspelt declaration keyword and a misspelt test item', async () => {
        const text = 'package t.p\nrul r {\n}\n';
        expect((await diagnose(text)).found[0].message).toBe("Unknown declaration 'rul'; did you mean 'rule'?");
        const test = 'package t.p\ntest "t" {\n    gven misc\n}\n';
        expect((await diagnose(test)).found[0].message).toBe("Unknown test item 'gven'; did you mean 'given'?");
    });

    test('a reserved word as a name: one error, read as the name, no phantom test block', async () => {
        // The use of the name is read quietly: the declaration carries the error.
        const text = 'package t.p\nimport demo.common.*\npost test "测试"\nrule r {\n    category c\n    severity minor\n    responsible test\n    actions remove\n}\ncategory c\n';
        const { found, model } = await diagnose(text);
        expect(found).toEqual([{ code: 'syntax', message: "'test' is a reserved word; choose another name", range: rangeOf(text, 'test'), data: { code: 'syntax' } }]);
        expect(model.elements.map(e => e.$type)).toEqual(['Post', 'Rule', 'Category']);
        expect(model.elements.filter(ast.isPost)[0].name).toBe('test');
    });

    test('a keyword that legitimately follows a keyword stays a keyword', async () => {
        const text = 'package t.p\nimport demo.common.*\ncategory c\ntest "t" {\n    given c { channel: app }\n    expect rule none\n}\n';
        const { found, model } = await diagnose(text);
        expect(found.filter(d => d.code === 'syntax')).toEqual([]);
        expect(model.elements.filter(ast.isTest)[0].items.filter(ast.isExpectRule)[0].none).toBe(true);
    });

    test('three capitals after an amount are a currency, even when they spell a unit', async () => {
        const text = edited('100 CNY', '100 DAY');
        const { found, model } = await diagnose(text);
        expect(found).toEqual([]);
        const money = AstUtils.streamAst(model).filter(ast.isMoneyLiteral).head()!;
        expect([money.amount, money.currency]).toEqual(['100', 'DAY']);
    });

    test('forms that look like slips but are valid stay valid', async () => {
        const text = edited('reports > 1', 'reports in [1,000]');
        const { found, model } = await diagnose(text);
        expect(found).toEqual([]);
        const when = model.elements.filter(ast.isRule)[0].clauses.find(ast.isWhenClause)!;
        const membership = AstUtils.streamAst(when).filter(ast.isComparison).find(c => c.membership)!;
        expect(membership.values.map(v => v.$cstNode?.text)).toEqual(['1', '000']);
    });
});

describe('imports', () => {
    const RULES = (imp: string) => `package city.rules\nimport ${imp}\ncategory misc\nrule r {\n    category misc\n    severity serious\n    responsible reviewer\n    actions remove\n}\n`;
    const COMMON = 'package city.common\nseverities { minor serious }\npost reviewer\naction remove\n';

    test('a misspelt package: did-you-mean over packages, and one hint on each name it leaves unresolved', async () => {
        const text = RULES('city.comon.*');
        const ws = await workspace({ 'common.govrule': COMMON, 'a.govrule': text });
        const found = ws.diagnostics('a.govrule').sort((a, b) => a.range.start.line - b.range.start.line).map(d => [d.code, d.message, d.data?.suggestions]);
        expect(found).toEqual([
            ['unresolved-import', "No package 'city.comon' in the workspace; did you mean 'city.common'?", ['city.common.*']],
            ['unresolved-reference', "Cannot find a severity level named 'serious'. 'serious' is declared in city.common; add import city.common.*", []],
            ['unresolved-reference', "Cannot find a post named 'reviewer'. 'reviewer' is declared in city.common; add import city.common.*", []],
            ['unresolved-reference', "Cannot find an action named 'remove'. 'remove' is declared in city.common; add import city.common.*", []],
        ]);
    });

    test('a misspelt element import suggests the element', async () => {
        const ws = await workspace({ 'common.govrule': COMMON, 'a.govrule': RULES('city.common.reviwer') });
        const imp = ws.diagnostics('a.govrule').find(d => d.code === 'unresolved-import')!;
        expect([imp.message, imp.data?.suggestions]).toEqual(["'city.common.reviwer' names no element of a package in the workspace; did you mean 'city.common.reviewer'?", ['city.common.reviewer']]);
    });

    test('a name declared in several other packages: one hint naming them', async () => {
        const other = 'package city.other\npost reviewer\n';
        const ws = await workspace({ 'common.govrule': COMMON, 'other.govrule': other, 'a.govrule': RULES('city.common.remove') });
        const reviewer = ws.diagnostics('a.govrule').find(d => String(d.message).includes("'reviewer'"))!;
        expect(reviewer.message).toBe("Cannot find a post named 'reviewer'. 'reviewer' is declared in city.common, city.other; import one of them");
    });
});

describe('nesting past the limit', () => {
    // Deep enough to exhaust any stack the parser may run on.
    test('categories nested 5,000 deep: the error names categories, at the deepest one', async () => {
        const depth = 5000;
        const text = `package t.deep\n${Array.from({ length: depth }, (_, i) => `category c${i} {\n`).join('')}${'}\n'.repeat(depth)}`;
        const { found } = await diagnose(text);
        const syntax = found.filter(d => d.code === 'syntax');
        expect(syntax.map(d => [d.message, d.range])).toEqual([[
            `Categories are nested too deeply to read (${depth} levels of categories); make the category tree shallower`, rangeOf(text, `c${depth - 1}`),
        ]]);
    });
});

describe('long words', () => {
    test('a long stray word is shown shortened and compared with no keyword', async () => {
        const word = 'x'.repeat(100_000);
        const text = `package t.p\nrule r {\n    ${word} reviewer\n}\n`;
        const { found } = await diagnose(text);
        expect(found.filter(d => d.code === 'syntax').map(d => d.message)).toEqual([
            `Unknown clause '${'x'.repeat(40)}…' (expected one of 'category', 'severity', 'responsible', 'actions', 'when', 'escalate', 'basis', 'priority', 'effective', 'disabled', 'campaign')`,
        ]);
    });
});
