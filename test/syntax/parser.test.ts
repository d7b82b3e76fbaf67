/**
 * The grammar (LANGUAGE.md §1–§6): every form parses into the expected AST, and text the parser
 * cannot read gets a `syntax` diagnostic at the offending place.
 */
import { describe, expect, test } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import * as ast from '../../language/src/syntax/generated/ast.js';
import { docComment } from '../../language/src/model/documentation.js';
import { clausesOf } from '../../language/src/model/rules.js';
import { parseDuration } from '../../language/src/model/values.js';
import { rangeOf } from '../helpers/ranges.js';
import { VOCABULARY, workspace } from '../helpers/workspace.js';

/** Parses one file (with the shared vocabulary beside it, so names link) and returns its model. */
async function parse(text: string) {
    const ws = await workspace({ 'common.govrule': VOCABULARY, 'a.govrule': text });
    const doc = ws.documents.get('a.govrule')!;
    const diagnostics = ws.diagnostics('a.govrule');
    return {
        ws,
        model: doc.parseResult.value,
        syntax: diagnostics.filter(d => d.code === 'syntax'),
        errors: diagnostics.filter(d => d.severity === DiagnosticSeverity.Error),
    };
}

function ruleNamed(model: ast.Model, name: string): ast.Rule {
    const rule = model.elements.filter(ast.isRule).find(r => r.name === name);
    if (!rule) throw new Error(`no rule ${name}`);
    return rule;
}

/** A condition as a compact term, to check how the parser grouped it. */
function shape(condition: ast.Condition | undefined): string {
    if (!condition) return '∅';
    if (ast.isOr(condition)) return `or(${shape(condition.left)}, ${shape(condition.right)})`;
    if (ast.isAnd(condition)) return `and(${shape(condition.left)}, ${shape(condition.right)})`;
    if (ast.isNot(condition)) return `not(${shape(condition.operand)})`;
    const name = condition.attribute.$refText;
    if (condition.op) return `${name}${condition.op}${condition.value?.$cstNode?.text}`;
    if (condition.$cstNode?.text.includes('[')) {
        return `${name} ${condition.negated ? 'not in' : 'in'} [${condition.values.map(v => v.$cstNode?.text).join(',')}]`;
    }
    return name;
}

/** A rule around a condition over the vocabulary's attributes. */
function ruleWhen(condition: string): string {
    return `package t.p
import demo.common.*
category c
rule r {
    category c
    severity minor
    responsible reviewer
    actions remove
    when ${condition}
}
`;
}

async function conditionShape(condition: string): Promise<string> {
    const { model, errors } = await parse(ruleWhen(condition));
    expect(errors).toEqual([]);
    return shape(clausesOf(ruleNamed(model, 'r')).when?.condition);
}

describe('the example of §1', () => {
    const QINGLANG = `package chongqing.qinglang
import chongqing.common.*

category rumor "网络谣言" {
    category enterprise "涉企谣言"
    category disaster   "涉灾谣言"
}
category dataSecurity "网络数据安全" {
    category leak "数据泄露"
}

/** 自媒体在重点领域散布涉企谣言 */
rule enterpriseRumorSelfMedia "自媒体涉企谣言" {
    category rumor.enterprise
    severity severe
    when channel == selfMedia and sector in [auto, realEstate, finance]
    responsible reviewer
    actions remove, interview
    escalate {
        after 2h  to editor
        after 24h to chiefEditor
        after 3d  to cac
    }
    basis "《网络安全法》第十二条"
    effective 2026-03-01 .. 2026-12-31
}

rule dataLeak "数据泄露" {
    category dataSecurity.leak
    severity critical
    responsible chiefEditor
    actions rectify(deadline: 5d), fine(amount: 100000 CNY)
    escalate { after 4h to cac }
}
`;
    const COMMON = `package chongqing.common

/** 处置严重程度，从低到高 */
severities {
    minor    "一般"
    serious  "较重"
    severe   "严重"
    critical "特别严重"
}

post reviewer    "内容审核员"
post editor      "值班编辑"
post chiefEditor "总编辑"
authority cac    "市委网信办"

action remove    "删除信息"
action interview "约谈警示"
action rectify   "责令限期改正" (deadline: duration)
action fine      "罚款" (amount: money, note: text?)

attribute channel: enum { website, app, selfMedia, livestream } "发布渠道"
attribute sector:  enum { auto, realEstate, finance, other } default other "领域"
attribute reports: number default 0 "举报次数"
`;

    test('parses, links and validates without errors', async () => {
        const ws = await workspace({ 'common.govrule': COMMON, 'qinglang.govrule': QINGLANG });
        const errors = [...ws.documents.keys()].flatMap(f => ws.diagnostics(f)).filter(d => d.severity === DiagnosticSeverity.Error);
        expect(errors).toEqual([]);
        const common = ws.documents.get('common.govrule')!.parseResult.value;
        expect(common.name).toBe('chongqing.common');
        const scale = common.elements.find(ast.isSeverities)!;
        expect(scale.levels.map(l => [l.name, l.label])).toEqual([
            ['minor', '一般'], ['serious', '较重'], ['severe', '严重'], ['critical', '特别严重']]);
        const fine = common.elements.filter(ast.isAction).find(a => a.name === 'fine')!;
        expect(fine.params.map(p => [p.name, p.type, p.optional])).toEqual([['amount', 'money', false], ['note', 'text', true]]);
        const sector = common.elements.filter(ast.isAttribute).find(a => a.name === 'sector')!;
        expect(ast.isEnumType(sector.type) && sector.type.members.map(m => m.name)).toEqual(['auto', 'realEstate', 'finance', 'other']);
        expect(ast.isEnumLiteral(sector.default) && sector.default.member.ref?.name).toBe('other');
        expect(sector.label).toBe('领域');
    });
});

describe('lexical structure (§2)', () => {
    test('identifiers may be CJK ideographs, Latin letters with diacritics, digits and underscores', async () => {
        const { model, errors } = await parse(`package t.p
import demo.common.*
category 涉企谣言 "涉企谣言" { category 汽车_2 }
post rédacteur
authority Behörde_für_Medien
attribute größe: number default 1
attribute _intern: enum { ça, déjà_vu, 𠀀 } default ça
rule 规则一 {
    category 涉企谣言.汽车_2
    severity minor
    responsible rédacteur
    actions remove
    when größe > 2 and _intern == déjà_vu
    escalate { after 1h to Behörde_für_Medien }
}
`);
        // U+20000 lies outside the letter ranges of §2: one syntax error for it, nothing else.
        expect(errors.map(e => e.code)).toEqual(['syntax']);
        const names = model.elements.map(e => 'name' in e ? e.name : e.$type);
        expect(names).toEqual(['涉企谣言', 'rédacteur', 'Behörde_für_Medien', 'größe', '_intern', '规则一']);
        const category = model.elements.find(ast.isCategory)!;
        expect(category.children.map(c => c.name)).toEqual(['汽车_2']);
        const rule = ruleNamed(model, '规则一');
        expect(clausesOf(rule).category?.categories[0].ref?.name).toBe('汽车_2');
        expect(clausesOf(rule).responsible?.post.ref?.name).toBe('rédacteur');
    });

    test('CJK identifiers resolve and link with no diagnostics', async () => {
        const { errors, model } = await parse(`package t.p
import demo.common.*
category 涉企谣言 { category 汽车 }
rule 规则 { category 涉企谣言.汽车 severity minor responsible reviewer actions remove }
`);
        expect(errors).toEqual([]);
        expect(clausesOf(ruleNamed(model, '规则')).category?.categories[0].ref?.$container).toBe(model.elements.find(ast.isCategory));
    });

    test('a character outside the letter ranges is a syntax error at that character', async () => {
        const text = 'package t.p\npost a€b\n';
        const { syntax } = await parse(text);
        expect(syntax.length).toBeGreaterThanOrEqual(1);
        expect(syntax[0].range).toEqual(rangeOf(text, '€'));
        expect(syntax[0].message).toBe("Unexpected character '€' (U+20AC EURO SIGN)");
    });

    test('doc comments document the next declaration or rule; other comments do not', async () => {
        const { ws, model, errors } = await parse(`package t.p
import demo.common.*

/** 一线审核
 * 第二行 */
post first
/* a block comment */
post second
// a line comment
post third
/**
 * Covers leaks.
 */
rule r { category leak severity minor responsible first actions remove } // trailing
/** 数据泄露 */ category leak
`);
        expect(errors).toEqual([]);
        const comments = ws.services.documentation.CommentProvider;
        const docs = model.elements.map(e => docComment(comments, e));
        expect(docs).toEqual(['一线审核\n第二行', null, null, 'Covers leaks.', '数据泄露']);
    });

    test('string escapes \\" \\\\ \\n \\t and \\uXXXX are decoded', async () => {
        const { model, errors } = await parse(String.raw`package t.p
post a "say \"hi\" \\ back\nnext\tcol \u4E2D\u6587 \u00e9"
`);
        expect(errors).toEqual([]);
        expect(model.elements.find(ast.isPost)?.label).toBe('say "hi" \\ back\nnext\tcol 中文 é');
    });

    test.each([
        ['an unknown escape', String.raw`"a\q"`, '"'],
        ['a short \\u escape', String.raw`"\u12"`, '"'],
        ['a string over two lines', '"a\nb"', '"'],
        ['an unterminated string', '"abc', '"'],
    ])('%s is a syntax error', async (_, literal, first) => {
        const text = `package t.p\npost a ${literal}\n`;
        const { syntax } = await parse(text);
        expect(syntax.length).toBeGreaterThanOrEqual(1);
        expect(syntax[0].severity).toBe(DiagnosticSeverity.Error);
        expect(syntax[0].range.start).toEqual(rangeOf(text, first, 0).start);
    });

    test('numbers, durations 30m/2h/3d/1w, money, dates and booleans', async () => {
        const { model, errors } = await parse(`package t.p
import demo.common.*
category c
action pay (amount: money, period: duration, times: number, note: text, loud: boolean)
rule r {
    category c
    severity critical
    responsible reviewer
    actions pay(amount: 12.50 USD, period: 1w, times: 12.5, note: "x", loud: true), fine(amount: 100000 CNY)
    when reports >= 12 and verified == false
    escalate { after 30m to editor after 2h to cac }
    effective 2026-03-01 .. 2026-12-31
    priority 7
}
rule s {
    category c
    severity minor
    responsible reviewer
    actions remove
    escalate { after 3d to editor }
    effective 2024-02-29
    disabled
}
`);
        expect(errors).toEqual([]);
        const r = clausesOf(ruleNamed(model, 'r'));
        const [pay, fine] = r.actions!.calls;
        const values = pay.args.map(a => [a.param.ref?.name, a.value.$type, a.value.$cstNode?.text]);
        expect(values).toEqual([
            ['amount', 'MoneyLiteral', '12.50 USD'],
            ['period', 'DurationLiteral', '1w'],
            ['times', 'NumberLiteral', '12.5'],
            ['note', 'StringLiteral', '"x"'],
            ['loud', 'BooleanLiteral', 'true'],
        ]);
        const money = fine.args[0].value as ast.MoneyLiteral;
        expect([money.amount, money.currency]).toEqual(['100000', 'CNY']);
        expect(r.escalate!.steps.map(s => [s.after, parseDuration(s.after)?.seconds])).toEqual([['30m', 1800], ['2h', 7200]]);
        expect(parseDuration('1w')).toEqual({ iso: 'P7D', seconds: 604800 });
        expect([r.effective?.from, r.effective?.to]).toEqual(['2026-03-01', '2026-12-31']);
        expect(r.priority?.value).toBe('7');
        const s = clausesOf(ruleNamed(model, 's'));
        expect(s.escalate!.steps[0].after).toBe('3d');
        expect([s.effective?.from, s.effective?.to]).toEqual(['2024-02-29', undefined]);
        expect(s.disabled).toBeDefined();
        const when = r.when!.condition as ast.And;
        expect(((when.right as ast.Comparison).value as ast.BooleanLiteral).value).toBe(false);
    });

    test.each([
        ['a signed number', 'reports > -3', '-'],
        ['a number with an exponent', 'reports > 1e5', 'e5'],
    ])('%s is a syntax error', async (_, condition, where) => {
        const text = ruleWhen(condition);
        const { syntax } = await parse(text);
        expect(syntax.length).toBeGreaterThanOrEqual(1);
        expect(syntax[0].range.start).toEqual(rangeOf(text, where).start);
    });

    test('a duration needs one of the units m, h, d, w glued to it', async () => {
        const text = `package t.p
import demo.common.*
category c
rule r { category c severity minor responsible reviewer actions remove escalate { after 2y to editor } }
`;
        const { syntax } = await parse(text);
        expect(syntax).toHaveLength(1);
        expect(syntax[0].range).toEqual(rangeOf(text, '2'));
        expect(syntax[0].message).toBe("Expected a duration such as 2h or 3d but found '2'");
    });

    test('keywords are reserved', async () => {
        const text = 'package t.p\npost rule\n';
        const { syntax } = await parse(text);
        expect(syntax.length).toBeGreaterThanOrEqual(1);
        expect(syntax[0].range.start).toEqual(rangeOf(text, 'rule').start);
        expect(syntax[0].message).toBe("'rule' is a reserved word; choose another name");
    });
});

describe('packages, imports and declarations (§3, §4)', () => {
    test('imports of a whole package and of one element', async () => {
        const { model } = await parse('package a.b.c\nimport demo.common.*\nimport demo.common.reviewer\n');
        expect(model.name).toBe('a.b.c');
        expect(model.imports.map(i => i.path)).toEqual(['demo.common.*', 'demo.common.reviewer']);
    });

    test('every declaration form, with and without labels and parameters', async () => {
        const { model, errors } = await parse(`package t.p
post p
post q "Q"
authority a
authority b "B"
action x
action y "Y"
action z (d: duration, m: money?, n: number, t: text, b: boolean?)
attribute e1: enum { one } "E"
attribute e2: enum { one, two, } default two
attribute n1: number default 12.5
attribute b1: boolean default true "B1"
attribute t1: text
category top { category mid "M" { category leaf } }
category alone
`);
        expect(errors.filter(e => e.code === 'syntax')).toEqual([]);
        expect(model.elements.map(e => e.$type)).toEqual([
            'Post', 'Post', 'Authority', 'Authority', 'Action', 'Action', 'Action',
            'Attribute', 'Attribute', 'Attribute', 'Attribute', 'Attribute', 'Category', 'Category']);
        const labels = model.elements.map(e => (e as { label?: string }).label ?? null);
        expect(labels).toEqual([null, 'Q', null, 'B', null, 'Y', null, 'E', null, null, 'B1', null, null, null]);
        const z = model.elements.filter(ast.isAction)[2];
        expect(z.params.map(p => `${p.name}:${p.type}${p.optional ? '?' : ''}`)).toEqual(['d:duration', 'm:money?', 'n:number', 't:text', 'b:boolean?']);
        const attributes = model.elements.filter(ast.isAttribute);
        expect(attributes.map(a => ast.isEnumType(a.type) ? `enum(${a.type.members.map(m => m.name)})` : a.type.kind))
            .toEqual(['enum(one)', 'enum(one,two)', 'number', 'boolean', 'text']);
        expect(attributes.map(a => a.default?.$cstNode?.text ?? null)).toEqual([null, 'two', '12.5', 'true', null]);
        const top = model.elements.find(ast.isCategory)!;
        expect(top.children[0].name).toBe('mid');
        expect(top.children[0].label).toBe('M');
        expect(top.children[0].children[0].name).toBe('leaf');
    });

    test('rule clauses come in any order', async () => {
        const { model, errors } = await parse(`package t.p
import demo.common.*
category c
rule r "R" {
    disabled
    basis "a", "b"
    priority 3
    actions remove
    escalate { after 1h to cac }
    effective 2026-01-01
    responsible reviewer
    when reports > 1
    severity critical
    category c
}
`);
        expect(errors).toEqual([]);
        const rule = ruleNamed(model, 'r');
        expect(rule.label).toBe('R');
        expect(rule.clauses.map(c => c.$type)).toEqual(['DisabledClause', 'BasisClause', 'PriorityClause', 'ActionsClause',
            'EscalateClause', 'EffectiveClause', 'ResponsibleClause', 'WhenClause', 'SeverityClause', 'CategoryClause']);
        expect(clausesOf(rule).basis?.texts).toEqual(['a', 'b']);
    });
});

describe('conditions (§6)', () => {
    test('`or` binds looser than `and`, which binds looser than `not`', async () => {
        expect(await conditionShape('verified or reports > 1 and not verified')).toBe('or(verified, and(reports>1, not(verified)))');
        expect(await conditionShape('not verified and reports > 1 or verified')).toBe('or(and(not(verified), reports>1), verified)');
        expect(await conditionShape('not not verified')).toBe('not(not(verified))');
    });

    test('parentheses group', async () => {
        expect(await conditionShape('(verified or reports > 1) and verified')).toBe('and(or(verified, reports>1), verified)');
        expect(await conditionShape('not (verified and reports < 2)')).toBe('not(and(verified, reports<2))');
        expect(await conditionShape('((((verified))))')).toBe('verified');
    });

    test('`and` and `or` chains group to the left', async () => {
        expect(await conditionShape('verified or verified or reports > 3')).toBe('or(or(verified, verified), reports>3)');
        expect(await conditionShape('verified and reports > 1 and reports < 9')).toBe('and(and(verified, reports>1), reports<9)');
    });

    test('every comparison operator, `in`, `not in` and a bare boolean', async () => {
        expect(await conditionShape('reports == 1 or reports != 2 or reports < 3 or reports <= 4 or reports > 5 or reports >= 6'))
            .toBe('or(or(or(or(or(reports==1, reports!=2), reports<3), reports<=4), reports>5), reports>=6)');
        expect(await conditionShape('channel in [app, website]')).toBe('channel in [app,website]');
        expect(await conditionShape('channel not in [selfMedia]')).toBe('channel not in [selfMedia]');
        expect(await conditionShape('not channel in [app] and district == "x"')).toBe('and(not(channel in [app]), district=="x")');
        expect(await conditionShape('verified')).toBe('verified');
        expect(await conditionShape('verified == true and district != ""')).toBe('and(verified==true, district!="")');
    });

    test('an empty list parses (and means nothing matches)', async () => {
        expect(await conditionShape('channel in []')).toBe('channel in []');
    });

    test('enum members in a condition link to their attribute', async () => {
        const { model } = await parse(ruleWhen('channel in [app, selfMedia]'));
        const comparison = clausesOf(ruleNamed(model, 'r')).when!.condition as ast.Comparison;
        const members = comparison.values.map(v => (v as ast.EnumLiteral).member.ref);
        expect(members.map(m => m?.name)).toEqual(['app', 'selfMedia']);
        expect(members.every(m => m?.$container.$container === comparison.attribute.ref)).toBe(true);
    });
});

describe('syntax errors', () => {
    test('a file must start with its package', async () => {
        const text = 'post a\n';
        const { syntax } = await parse(text);
        expect(syntax).toHaveLength(1);
        expect(syntax[0]).toMatchObject({ code: 'syntax', severity: DiagnosticSeverity.Error, message: "Expected 'package' but found 'post'" });
        expect(syntax[0].range).toEqual(rangeOf(text, 'post'));
    });

    test('a missing name at the end of the file', async () => {
        const text = 'package t.p\npost';
        const { syntax } = await parse(text);
        expect(syntax).toHaveLength(1);
        expect(syntax[0].message).toBe('Expected a name but found the end of the file');
        expect(syntax[0].range.start.line).toBe(1);
    });

    test('a clause without its reference', async () => {
        const text = ruleWhen('verified').replace('severity minor', 'severity }\nrule q {');
        const { syntax } = await parse(text);
        expect(syntax[0].message).toBe("Expected a name but found '}'");
        expect(syntax[0].range).toEqual(rangeOf(text, '}'));
    });

    test('an unknown clause keyword', async () => {
        const text = 'package t.p\nrule r { colour red }\n';
        const { syntax } = await parse(text);
        expect(syntax[0].message).toBe("Unknown clause 'colour' (expected one of 'category', 'severity', 'responsible', 'actions', 'when', 'escalate', 'basis', 'priority', 'effective', 'disabled', 'campaign')");
        expect(syntax[0].range).toEqual(rangeOf(text, 'colour'));
    });

    test('a condition that stops after an operator lists what may come next', async () => {
        const text = ruleWhen('reports == ');
        const { syntax } = await parse(text);
        expect(syntax).toHaveLength(1);
        expect(syntax[0].message).toBe("Expected a number, a string, 'true', 'false' or a name but found '}'");
        expect(syntax[0].range.start).toEqual(rangeOf(text, '}').start);
    });

    test('a condition cannot start with a literal', async () => {
        const text = ruleWhen('3 > reports');
        const { syntax } = await parse(text);
        expect(syntax[0].message).toBe("Expected 'not', '(' or a name but found '3'");
        expect(syntax[0].range).toEqual(rangeOf(text, '3'));
    });

    test('an unclosed parenthesis', async () => {
        const text = ruleWhen('(verified or verified');
        const { syntax } = await parse(text);
        expect(syntax[0].message).toBe("Expected ')' but found '}'");
    });

    test('a broken rule does not hide later declarations', async () => {
        const { model, syntax } = await parse('package t.p\nrule r { severity }\npost later\n');
        expect(syntax).toHaveLength(1);
        expect(model.elements.some(e => ast.isPost(e) && e.name === 'later')).toBe(true);
    });

    test('every syntax diagnostic carries its code and no other code reports an internal error', async () => {
        const { ws } = await parse('package t.p\nrule r { escalate { after 2x to a } severity }\n');
        const all = ws.diagnostics('a.govrule');
        expect(all.every(d => typeof d.code === 'string' && d.code !== '')).toBe(true);
        expect(all.map(d => d.code)).not.toContain('internal-error');
        expect(all.map(d => d.message).join('\n')).not.toMatch(/internal error/i);
    });
});
