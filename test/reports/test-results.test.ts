/**
 * Test results in words (reports/test-results.ts), as `govrule test` and the editor show them:
 * English keeps the runtime's text (ids, `2h`); Chinese shows labels with the name and durations
 * in words. In process, beside the CLI's and the language server's tests.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { setLocale } from '../../language/src/l10n/index.js';
import { expectationDetails, runBundleTests, type TestResult } from '../../language/src/runtime/index.js';
import { expectationRows, failureMessage, namesOf, ruleText } from '../../language/src/reports/test-results.js';
import { compile, rules } from '../runtime/fixtures.js';
import { loadBundle } from '../../language/src/runtime/index.js';

const RULES = `
rule r { category top.mid severity serious responsible reviewer actions remove, fine(amount: 5 CNY)
    escalate { after 30m to editor after 2h to cac } when reports > 3 }
rule s "小规则" { category top severity minor responsible editor actions remove when channel == app }
`;

const byName = (results: readonly TestResult[], name: string) => results.find(r => r.test.name === name)!;

const TESTS = `
test "all fail" {
    given top.mid { channel: app, reports: 5 }
    on 2026-06-02
    expect rule s
    expect severity minor
    expect responsible editor
    expect actions remove
    expect escalation to editor within 10m
    expect escalation to cac
}
test "nothing matches" {
    given other { channel: website }
    expect rule none
    expect actions remove
    expect escalation to editor
}
`;

/** The tests run on 2026-06-01; `undecidable` is the test without `on`, run on a date that does not exist. */
async function run(): Promise<{ results: TestResult[]; undecidable: TestResult; names: ReturnType<typeof namesOf> }> {
    const bundle = await compile(rules(RULES + TESTS));
    const loaded = loadBundle(JSON.stringify(bundle));
    const undecidable = byName(runBundleTests(loaded, { date: '2026-02-30' }), 'nothing matches');
    return { results: runBundleTests(loaded, { date: '2026-06-01' }), undecidable, names: namesOf(bundle) };
}

describe('test results in words', () => {
    afterEach(() => setLocale('en'));

    test('English rows are the runtime\'s own text, expectation by expectation', async () => {
        const { results, names } = await run();
        expect(results.length).toBe(2);
        for (const result of results) {
            expect(expectationRows(result, names).map(r => [r.kind, r.passed, r.what, r.expected, r.actual]))
                .toEqual(result.expectations.map(e => [e.kind, e.passed, e.kind, e.expected, e.actual]));
        }
    });

    test('Chinese rows show labels with the name, names without a label in quotes, durations in words', async () => {
        const { results, names } = await run();
        setLocale('zh-CN');
        expect(expectationRows(byName(results, 'all fail'), names).map(r => [r.passed ? '✓' : '✗', r.what, r.expected, r.actual])).toEqual([
            ['✗', '规则', '小规则（s）', '“t.r.r”'],
            ['✗', '处置措施', '删除信息（remove）', '删除信息（remove）、罚款（fine）'],
            ['✗', '严重程度', '一般（minor）', '较重（serious）'],
            ['✗', '责任岗位', '值班编辑（editor）', '内容审核员（reviewer）'],
            ['✗', '升级', '10 分钟内升级至值班编辑（editor）', '30 分钟后升级至值班编辑（editor）、2 小时后升级至市委网信办（cac）'],
            ['✓', '升级', '市委网信办（cac）', '30 分钟后升级至值班编辑（editor）、2 小时后升级至市委网信办（cac）'],
        ]);
        expect(expectationRows(byName(results, 'nothing matches'), names).map(r => [r.what, r.expected, r.actual])).toEqual([
            ['规则', '无', '无'],
            ['处置措施', '删除信息（remove）', '无'],
            ['升级', '值班编辑（editor）', '不升级'],
        ]);
        expect(ruleText('t.r.s', names)).toBe('小规则（s）');
        expect(ruleText('t.r.unknown', names)).toBe('“t.r.unknown”');
    });

    test('the editor\'s failure message: English as it always was, Chinese from the same rows', async () => {
        const { results, undecidable: undecided, names } = await run();
        const failed = byName(results, 'all fail');
        const severity = () => expectationRows(failed, names).find(r => r.kind === 'severity')!;
        expect(failureMessage(failed, severity(), names)).toBe('Test "all fail" failed: expected severity demo.common.minor, actual: demo.common.serious');
        const rule = () => expectationRows(failed, names).find(r => r.kind === 'rule')!;
        expect(failureMessage(failed, rule(), names)).toBe('Test "all fail" failed: expected rule t.r.s, actual: t.r.r; also matched: t.r.s');
        expect(failureMessage(undecided, undefined, names))
            .toBe(`Test "nothing matches" failed: its event cannot be decided: ${undecided.error} (decided on 2026-02-30, today: the test has no \`on\`)`);
        const today = byName(results, 'nothing matches');
        expect(failureMessage(today, expectationRows(today, names)[1], names))
            .toBe('Test "nothing matches" failed: expected actions demo.common.remove, actual: none (decided on 2026-06-01, today: the test has no `on`)');

        setLocale('zh-CN');
        expect(failureMessage(failed, severity(), names)).toBe('测试“all fail”未通过：预期严重程度：一般（minor），实际：较重（serious）');
        expect(failureMessage(failed, rule(), names)).toBe('测试“all fail”未通过：预期规则：小规则（s），实际：“t.r.r”；同时匹配：小规则（s）');
        expect(failureMessage(today, expectationRows(today, names)[1], names))
            .toBe('测试“nothing matches”未通过：预期处置措施：删除信息（remove），实际：无（判定日期：2026-06-01，即今天：测试未写 `on`）');
        expect(failureMessage(undecided, undefined, names))
            .toBe(`测试“nothing matches”未通过：其事件无法判定：${undecided.error}（判定日期：2026-02-30，即今天：测试未写 \`on\`）`);
    });

    test('an event that could not be decided has no expectation details', async () => {
        const { results, undecidable: undecided } = await run();
        expect(undecided.error).toBeDefined();
        expect(expectationDetails(undecided)).toEqual([]);
        expect(expectationDetails(byName(results, 'all fail')).map(d => d.kind)).toEqual(['rule', 'actions', 'severity', 'responsible', 'escalation', 'escalation']);
    });
});
