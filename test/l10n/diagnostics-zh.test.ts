/**
 * Diagnostics in Chinese, in-process: at least one message of every code of the language package,
 * built with the process's language set to zh-CN, and the same file in English unchanged.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { setLocale } from '../../language/src/l10n/index.js';
import { CODES, codeSummary, type DiagnosticCode } from '../../language/src/diagnostics.js';
import { parseConfig } from '../../language/src/config/config.js';
import { internalError } from '../../language/src/internal-errors.js';
import { describeIoError } from '../../language/src/io-errors.js';
import { readSources } from '../../language/src/project/files.js';
import { workspace, VOCABULARY, USES_VOCABULARY } from '../helpers/workspace.js';
import { tempFolder } from '../helpers/temp.js';
import { A_RULE } from '../helpers/vocabulary.js';

afterEach(() => setLocale('en'));

const RULE = A_RULE;

function rule(from: string, to: string): string {
    expect(RULE).toContain(from);
    return RULE.replace(from, to);
}

/** The messages of `code` when `files` (beside the vocabulary) are built in Chinese. */
async function chinese(files: Record<string, string>, code: DiagnosticCode): Promise<string[]> {
    setLocale('zh-CN');
    const ws = await workspace({ 'common.govrule': VOCABULARY, 'uses.govrule': USES_VOCABULARY, ...files });
    return [...ws.documents.keys()].flatMap(name => ws.diagnostics(name)).filter(d => d.code === code).map(d => String(d.message));
}

/** Text that reads as English: three lower-case words in a row, outside code examples. */
function looksEnglish(message: string): boolean {
    return /\b[a-z]{2,} [a-z]{2,} [a-z]{2,}\b/.test(message.replace(/`[^`]*`/g, ''));
}

// [code, what the case shows, files, a Chinese message of that code]
const CASES: Array<[DiagnosticCode, string, Record<string, string>, string]> = [
    ['syntax', 'a full-width comma', { 'r.govrule': rule('actions remove', 'actions remove，rectify(deadline: 5d)') }, '请用半角“,”代替全角“，”'],
    ['syntax', 'a misspelt clause', { 'r.govrule': rule('responsible reviewer', 'responsibel reviewer') }, '未知子句“responsibel”；是否应为“responsible”？'],
    ['syntax', 'a duration in words', { 'r.govrule': rule('actions remove', 'actions rectify(deadline: 5天)') }, '“5天”不是时长的写法：请写作 5d'],
    ['syntax', 'what the parser expected', { 'r.govrule': rule('severity serious', 'severity }') }, '此处应为名称，实际是“}”'],
    ['unresolved-reference', 'a misspelt name', { 'r.govrule': rule('responsible reviewer', 'responsible reviwer') }, '找不到名为“reviwer”的岗位；是否应为“reviewer”？'],
    ['unresolved-reference', 'a name another package declares', { 'r.govrule': rule('import demo.common.*\n', '') }, '找不到名为“reviewer”的岗位。“reviewer”声明于包 demo.common；请添加 `import demo.common.*`'],
    ['ambiguous-reference', 'two imports supply the name', {
        'a.govrule': 'package t.a\npost helper\n', 'b.govrule': 'package t.b\npost helper\n',
        'r.govrule': rule('import demo.common.*', 'import demo.common.*\nimport t.a.*\nimport t.b.*').replace('responsible reviewer', 'responsible helper'),
    }, '“helper”有歧义：可能是“t.a.helper”（导入 t.a.*）或“t.b.helper”（导入 t.b.*）。请写完整名称。'],
    ['wrong-kind', 'an action where a post belongs', { 'r.govrule': rule('responsible reviewer', 'responsible remove') }, '此处应为岗位，但“remove”是处置措施（demo.common.remove）'],
    ['duplicate-name', 'a post declared twice', { 'dup.govrule': 'package demo.common\npost editor\n' }, '“demo.common.editor”重复声明（另见 '],
    ['duplicate-clause', 'two severities', { 'r.govrule': rule('severity serious', 'severity serious\n    severity minor') }, '规则“r”有多个“severity”子句'],
    ['missing-clause', 'no actions', { 'r.govrule': rule('    actions remove\n', '') }, '规则“r”缺少“actions”子句'],
    ['missing-clause', 'a test without given', { 'r.govrule': `${RULE}\ntest "空" {\n    expect rule none\n}\n` }, '测试“空”缺少“given”：请写出事件，如 `given category { attribute: value }`'],
    ['severity-scale', 'a second scale', { 'scale.govrule': 'package t.more\nseverities {\n    low\n    high\n}\n' }, '规则包中有 2 个严重程度等级表；只能有一个'],
    ['duplicate-attribute', 'an attribute name twice', { 'attr.govrule': 'package t.other\nattribute reports: number default 0\n' }, '属性名“reports”也被 demo.common.reports 使用；属性名是事件的字段名，在规则包中必须唯一'],
    ['action-arguments', 'a missing argument', { 'r.govrule': rule('actions remove', 'actions rectify') }, '处置措施“rectify”缺少参数 deadline: duration；请写作 rectify(deadline: 5d)'],
    ['action-arguments', 'a mistyped argument', { 'r.govrule': rule('actions remove', 'actions rectify(deadline: 5)') }, '处置措施“rectify”的参数“deadline”应为时长（如 5d），不能是数值'],
    ['type-mismatch', 'text compared with a number', { 'r.govrule': rule('actions remove', 'actions remove\n    when reports == "3"') }, '"3" 不是属性“reports”（数值）的取值'],
    ['escalation-order', 'steps out of order', { 'r.govrule': rule('actions remove', 'actions remove\n    escalate { after 2h to editor after 1h to cac }') }, '升级步骤的时间必须严格递增：1 小时并不晚于 2 小时'],
    ['escalation-target', 'the same target twice', { 'r.govrule': rule('actions remove', 'actions remove\n    escalate { after 1h to editor after 2h to editor }') }, '“editor”已是本次升级的升级对象'],
    ['invalid-literal', 'an impossible date', { 'r.govrule': rule('actions remove', 'actions remove\n    effective 2026-02-30 .. 2026-12-31') }, '2026-02-30 不是有效的日期'],
    ['invalid-literal', 'yuan written in Chinese', { 'r.govrule': rule('actions remove', 'actions fine(amount: 100元)') }, '“100元”不是金额的写法：请写作 100 CNY'],
    ['effective-range', 'an end before the start', { 'r.govrule': rule('actions remove', 'actions remove\n    effective 2026-12-31 .. 2026-01-01') }, '规则的结束日期（2026-01-01）早于开始日期（2026-12-31）'],
    ['unresolved-import', 'a misspelt package', { 'r.govrule': rule('import demo.common.*', 'import demo.common.*\nimport demo.comon.*') }, '工作区中没有包“demo.comon”；是否应为“demo.common”？'],
    ['invisible-character', 'a bidirectional control in a string', { 'r.govrule': rule('actions remove', 'actions remove\n    basis "a\u202Eb"') }, '字符串中有不可见字符：U+202E RIGHT-TO-LEFT OVERRIDE 会改变文本的显示顺序；如确需使用，请写成转义序列（\\u{202E}）'],
    ['unnormalized-name', 'a compatibility ideograph', { 'r.govrule': `${RULE}post \uF900审核\n` },
        '名称“\uF900审核”不是 Unicode 规范化形式 C（NFC）：其中的“\uF900”（U+F900 CJK COMPATIBILITY IDEOGRAPH-F900）在 NFC 中写作“豈”（U+8C48 CJK UNIFIED IDEOGRAPH-8C48）；看起来相同的名称必须写法相同，请写作“豈审核”'],
    ['escalates-to-responsible', 'a step to the responsible post', { 'r.govrule': rule('actions remove', 'actions remove\n    escalate { after 1h to reviewer }') }, '此步骤升级至“reviewer”，即本规则自己的责任岗位'],
    ['duplicate-action', 'an action twice', { 'r.govrule': rule('actions remove', 'actions remove, remove') }, '处置措施“remove”在本规则中重复列出'],
    ['effective-range', 'a campaign that ends before it starts', { 'r.govrule': `${RULE}campaign spring "春季专项" effective 2026-05-31 .. 2026-03-01\n` }, '专项行动的结束日期（2026-03-01）早于开始日期（2026-05-31）'],
    ['campaign-period', 'a rule outside its campaign', {
        'r.govrule': rule('actions remove', 'actions remove\n    campaign spring\n    effective 2025-01-01 .. 2025-12-31') + 'campaign spring "春季专项" effective 2026-03-01 .. 2026-05-31\n',
    }, '规则“r”的生效期为 2025-01-01 .. 2025-12-31，与专项行动“spring”的期限（2026-03-01 .. 2026-05-31）没有重叠，该规则永远不会适用'],
    ['unused-declaration', 'a campaign no rule joins', { 'r.govrule': `${RULE}campaign spring "春季专项" effective 2026-03-01\n` }, '没有规则加入专项行动“spring”'],
    ['unused-declaration', 'a post nothing uses', { 'r.govrule': `${RULE}post spare "备用岗位"\n` }, '岗位“spare”未被使用'],
    ['uncovered-category', 'a leaf category no rule covers', { 'r.govrule': `${RULE}category lonely\n` }, '没有启用的规则覆盖类别“t.rules.lonely”'],
    ['critical-without-authority', 'the top severity without an authority', { 'r.govrule': rule('severity serious', 'severity critical') }, '规则“r”为最高严重程度“critical”，但其升级对象中没有主管部门'],
    ['unreachable-rule', 'a condition that cannot hold', { 'r.govrule': rule('actions remove', 'actions remove\n    when reports > 5 and reports < 3') }, '规则“r”永远不会匹配：“reports > 5”与“reports < 3”不可能同时成立'],
    ['shadowed-rule', 'a rule that never wins', {
        'r.govrule': `${RULE}\nrule r2 {\n    category misc\n    severity serious\n    responsible reviewer\n    actions remove\n    priority 1\n}\n`,
    }, '规则“r”永远不会胜出：凡是它匹配的事件，规则“r2”都匹配，且因优先级更高（1 > 0）胜出'],
    ['confusable-name', 'a look-alike name', { 'r.govrule': `${RULE}post rev\u0131ewer\n` }, '“revıewer”与“reviewer”（岗位 demo.common.reviewer）看起来相同：前者的“ı”（U+0131 LATIN SMALL LETTER DOTLESS I）在后者中是“i”（U+0069 LATIN SMALL LETTER I）；请重命名其中一个，使二者一眼可辨'],
    ['surface-attribute', 'surfaces without a surface attribute', { 'p.govrule': 'package t.desks\npost desk manages information\n' },
        '岗位“desk”声明了管理对象，但包“t.desks”没有指定管理对象属性：请把包中的一个枚举属性声明为 `managed attribute`'],
    ['post-surface', 'a rule on a surface its post does not manage', {
        'p.govrule': 'package t.desks\nmanaged attribute place: enum { information, comment }\npost desk manages information\n',
        'r.govrule': rule('responsible reviewer', 'responsible t.desks.desk\n    when t.desks.place == comment'),
    }, '规则的条件把案件限定在comment，但责任岗位“desk”不管理这些对象（它管理information）'],
];

describe('every diagnostic of a rule file, in Chinese', () => {
    test.each(CASES)('%s: %s', async (code, _what, files, expected) => {
        const messages = await chinese(files, code);
        expect(messages.some(m => m.includes(expected)), `${code}: ${JSON.stringify(messages)}`).toBe(true);
        for (const message of messages) {
            expect(looksEnglish(message), message).toBe(false);
        }
    });

    test('a label written where a name belongs: did you mean the name, with its label', async () => {
        expect(await chinese({ 'r.govrule': rule('responsible reviewer', 'responsible 内容审核员') }, 'unresolved-reference'))
            .toEqual(['找不到名为“内容审核员”的岗位；是否应为“reviewer”（内容审核员）？']);
        setLocale('en');
        const ws = await workspace({ 'common.govrule': VOCABULARY, 'uses.govrule': USES_VOCABULARY, 'r.govrule': rule('severity serious', 'severity 较重') });
        const [d] = ws.diagnostics('r.govrule');
        expect([d?.code, d?.message, d?.data]).toEqual([
            'unresolved-reference', "Cannot find a severity level named '较重'; did you mean 'serious' (较重)?",
            { code: 'unresolved-reference', refText: '较重', suggestions: ['serious'] },
        ]);
    });

    test('labels of an escalation target and of an action, and a label that belongs to a declaration of another kind', async () => {
        const text = rule('actions remove', 'actions 删除信息\n    escalate { after 2h to 市委网信办 }');
        expect((await chinese({ 'r.govrule': text }, 'unresolved-reference')).sort()).toEqual([
            '找不到名为“删除信息”的处置措施；是否应为“remove”（删除信息）？',
            '找不到名为“市委网信办”的岗位或主管部门；是否应为“cac”（市委网信办）？',
        ]);
        // 删除信息 is an action's label: where a post belongs it is no hint.
        expect(await chinese({ 'r.govrule': rule('responsible reviewer', 'responsible 删除信息') }, 'unresolved-reference'))
            .toEqual(['找不到名为“删除信息”的岗位']);
    });

    test('a label of a nested category gives its name as this file writes it', async () => {
        const categories = 'package t.rules\ncategory rumor "网络谣言" {\n    category enterprise "涉企谣言"\n}\n';
        const text = rule('category misc "其他"\n', '').replace('category misc', 'category 涉企谣言');
        setLocale('zh-CN');
        const ws = await workspace({ 'common.govrule': VOCABULARY, 'cat.govrule': categories, 'r.govrule': text });
        const found = ws.diagnostics('r.govrule').filter(d => d.code === 'unresolved-reference');
        expect(found.map(d => [d.message, (d.data as { suggestions?: string[] }).suggestions])).toEqual([
            ['找不到名为“涉企谣言”的类别；是否应为“rumor.enterprise”（涉企谣言）？', ['rumor.enterprise']],
        ]);
    });

    test('the same files in English are worded as before', async () => {
        setLocale('en');
        const ws = await workspace({ 'common.govrule': VOCABULARY, 'uses.govrule': USES_VOCABULARY, 'r.govrule': rule('responsible reviewer', 'responsible reviwer') });
        expect(ws.diagnostics('r.govrule').map(d => d.message)).toEqual(["Cannot find a post named 'reviwer'; did you mean 'reviewer'?"]);
    });
});

describe('the diagnostics of files and configuration, in Chinese', () => {
    test('config: an unknown setting, and the file it is in', () => {
        setLocale('zh-CN');
        const config = parseConfig('{ "includes": [] }', '/project');
        expect(config.problems.map(p => [p.code, p.message])).toEqual([['config', '未知设置“includes”（可用设置：include、out、lint）']]);
    });

    test('config: a level that is not one', () => {
        setLocale('zh-CN');
        const config = parseConfig('{ "lint": { "shadowed-rule": "loud" } }', '/project');
        expect(config.problems.map(p => p.message)).toEqual(['“shadowed-rule”的级别必须是 error、warning、info、hint、off 之一']);
    });

    test('config: not JSON, with what the reader expected', () => {
        setLocale('zh-CN');
        expect(parseConfig('{ "out": "a.json", }', '/project').problems.map(p => p.message)).toEqual(['govrule.json 不是有效的 JSON：“}”之前有逗号：JSON 不允许末尾逗号']);
        expect(parseConfig('{ "out" "a.json" }', '/project').problems.map(p => p.message)).toEqual(['govrule.json 不是有效的 JSON：此处应为键“out”之后的“:”，实际是“"”']);
    });

    test('config-duplicate-key', () => {
        setLocale('zh-CN');
        const config = parseConfig('{\n  "out": "a.json",\n  "out": "b.json"\n}', '/project');
        expect(config.problems.map(p => [p.code, p.message])).toEqual([['config-duplicate-key', '键“out”重复（首次出现在第 2 行）；以最后一个为准']]);
    });

    test('unreadable-file: not UTF-8, and not readable at all', () => {
        setLocale('zh-CN');
        const dir = tempFolder({ 'bad.govrule': Buffer.from([0x70, 0x61, 0xff, 0x0a]) });
        const reading = readSources([path.join(dir, 'bad.govrule'), path.join(dir, 'missing.govrule')]);
        expect(reading.unreadable.map(p => [p.code, p.message])).toEqual([
            ['unreadable-file', '不是有效的 UTF-8：此处的字节 0xFF 不属于任何 UTF-8 字符；请将文件另存为 UTF-8 编码'],
            ['unreadable-file', '无法读取此文件：文件或文件夹不存在（ENOENT）'],
        ]);
        expect(fs.existsSync(dir)).toBe(true);
    });

    test('internal-error: the phase in words, the data in English', () => {
        setLocale('zh-CN');
        const d = internalError('linking', new TypeError('x is undefined'));
        expect([d.code, d.message, (d.data as { phase: string }).phase]).toEqual(['internal-error', '解析名称时发生内部错误（请报告此问题）：TypeError: x is undefined', 'linking']);
    });

    test('I/O errors in words, with the system code', () => {
        setLocale('zh-CN');
        expect(describeIoError({ code: 'EACCES' })).toBe('权限不足（EACCES）');
        expect(describeIoError({ code: 'EWHATEVER' })).toBe('EWHATEVER');
        setLocale('en');
        expect(describeIoError({ code: 'EACCES' })).toBe('permission denied (EACCES)');
    });
});

test('the summary of every code: the registry\'s words in English, its own in Chinese', () => {
    for (const code of Object.keys(CODES) as DiagnosticCode[]) {
        setLocale('en');
        expect(codeSummary(code)).toBe(CODES[code].summary);
        setLocale('zh-CN');
        expect(codeSummary(code), code).not.toBe(CODES[code].summary);
        expect(looksEnglish(codeSummary(code)), code).toBe(false);
    }
    setLocale('zh-CN');
    expect(codeSummary('shadowed-rule')).toBe('永远不会胜出的已启用规则');
});

test('every code of the language package has a Chinese case here (test-failed and analysis-budget are shown elsewhere)', () => {
    // test-failed is worded by the test runner (its own tests); analysis-budget needs a workspace
    // of millions of rule pairs, and its text is checked with the catalogue's other entries.
    const covered = new Set<string>([...CASES.map(c => c[0]), 'config', 'config-duplicate-key', 'unreadable-file', 'internal-error', 'test-failed', 'analysis-budget']);
    expect(Object.keys(CODES).filter(code => !covered.has(code))).toEqual([]);
});
