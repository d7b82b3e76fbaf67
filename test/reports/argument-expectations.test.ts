/**
 * Argument-level expectations (`expect actions rectify(deadline: 5d), fine(amount: 100 CNY)`): the
 * compiler keeps the arguments written, the runtime checks only those, and reports put both sides
 * next to each other, in English and Chinese. In process, beside the CLI's test (test/cli/test-arguments.test.ts).
 */
import { afterEach, describe, expect, test } from 'vitest';
import { setLocale } from '../../language/src/l10n/index.js';
import { expectationDetails, loadBundle, runBundleTests, type TestResult } from '../../language/src/runtime/index.js';
import { sameValue } from '../../language/src/runtime/bundle-tests.js';
import { expectationRows, failureMessage, namesOf } from '../../language/src/reports/test-results.js';
import { compile, rules } from '../runtime/fixtures.js';

const RULES = `
rule r { category top severity serious responsible reviewer actions remove, rectify(deadline: 5d), fine(amount: 100000 CNY, note: "从重") }
`;

const TESTS = `
test "all hold" {
    given top { channel: app }
    on 2026-06-01
    expect actions remove, rectify(deadline: 120h), fine(amount: 100000.00 CNY)
}
test "deadline and amount differ" {
    given top { channel: app }
    on 2026-06-01
    expect actions remove, rectify(deadline: 3d), fine(amount: 10000 CNY, note: "从重")
}
test "other currency" {
    given top { channel: app }
    on 2026-06-01
    expect actions remove, rectify, fine(amount: 100000 USD)
}
test "not decided" {
    given other { channel: app }
    on 2026-06-01
    expect actions rectify(deadline: 5d)
}
`;

const byName = (results: readonly TestResult[], name: string) => results.find(r => r.test.name === name)!;

async function run() {
    const bundle = await compile(rules(RULES + TESTS));
    const results = runBundleTests(loadBundle(JSON.stringify(bundle)));
    return { bundle, results, names: namesOf(bundle) };
}

describe('argument expectations', () => {
    afterEach(() => setLocale('en'));

    test('the bundle keeps the arguments written, by action, and only for actions written with them', async () => {
        const { bundle } = await run();
        const tests = new Map(bundle.tests.map(t => [t.name, t.expect]));
        expect(tests.get('all hold')).toEqual({
            actions: ['demo.common.remove', 'demo.common.rectify', 'demo.common.fine'],
            actionArguments: [
                { action: 'demo.common.rectify', args: { deadline: { iso: 'PT120H', seconds: 432000 } } },
                { action: 'demo.common.fine', args: { amount: { amount: 100000, currency: 'CNY' } } },
            ],
        });
        expect(tests.get('other currency')!.actionArguments).toEqual([{ action: 'demo.common.fine', args: { amount: { amount: 100000, currency: 'USD' } } }]);
    });

    test('equal values pass: durations by length, money by amount; unnamed arguments are not checked', async () => {
        const { results } = await run();
        const result = byName(results, 'all hold');
        expect(result.passed).toBe(true);
        expect(result.expectations.map(e => [e.kind, e.passed])).toEqual([['actions', true], ['arguments', true], ['arguments', true]]);
    });

    test('a different value fails, each call on its own, with both sides in the runtime\'s words', async () => {
        const { results } = await run();
        const result = byName(results, 'deadline and amount differ');
        expect(result.passed).toBe(false);
        expect(result.expectations.filter(e => e.kind === 'arguments')).toEqual([
            { kind: 'arguments', passed: false, expected: 'demo.common.rectify(deadline: 3d)', actual: 'demo.common.rectify(deadline: 5d)' },
            { kind: 'arguments', passed: false, expected: 'demo.common.fine(amount: 10000 CNY, note: "从重")', actual: 'demo.common.fine(amount: 100000 CNY, note: "从重")' },
        ]);
        expect(byName(results, 'other currency').expectations.find(e => e.kind === 'arguments')).toMatchObject({ passed: false, expected: 'demo.common.fine(amount: 100000 USD)' });
    });

    test('an action the decision does not take fails the arguments too', async () => {
        const { results } = await run();
        const result = byName(results, 'not decided');
        const details = expectationDetails(result);
        expect(details[1]).toEqual({ kind: 'arguments', passed: false, action: 'demo.common.rectify', expected: { deadline: { iso: 'P5D', seconds: 432000 } }, actual: null });
        expect(result.expectations[1]).toMatchObject({ expected: 'demo.common.rectify(deadline: 5d)', actual: 'no demo.common.rectify' });
    });

    test('report rows: English keeps ids and GovRule values; Chinese shows labels and values in words', async () => {
        const { results, names } = await run();
        const result = byName(results, 'deadline and amount differ');
        const rows = expectationRows(result, names).filter(r => r.kind === 'arguments');
        expect(rows.map(r => [r.what, r.expected, r.actual])).toEqual([
            ['arguments of demo.common.rectify', 'deadline: 3d', 'deadline: 5d'],
            ['arguments of demo.common.fine', 'amount: 10000 CNY, note: "从重"', 'amount: 100000 CNY, note: "从重"'],
        ]);
        expect(failureMessage(result, rows[0], names)).toBe('Test "deadline and amount differ" failed: expected arguments of demo.common.rectify deadline: 3d, actual: deadline: 5d');
        setLocale('zh-CN');
        const chinese = expectationRows(result, names).filter(r => r.kind === 'arguments');
        expect(chinese.map(r => [r.what, r.expected, r.actual])).toEqual([
            ['责令限期改正（rectify）的参数', 'deadline：3 天', 'deadline：5 天'],
            ['罚款（fine）的参数', 'amount：10,000 元（CNY）、note："从重"', 'amount：100,000 元（CNY）、note："从重"'],
        ]);
        const absent = expectationRows(byName(results, 'not decided'), names)[1]!;
        expect(absent.actual).toBe('未采取责令限期改正（rectify）');
    });

    test('sameValue compares by meaning and never across kinds', () => {
        expect(sameValue({ iso: 'P1D', seconds: 86400 }, { iso: 'PT24H', seconds: 86400 })).toBe(true);
        expect(sameValue({ amount: 1, currency: 'CNY' }, { amount: 1, currency: 'USD' })).toBe(false);
        expect(sameValue({ amount: 1, currency: 'CNY' }, { iso: 'PT1S', seconds: 1 })).toBe(false);
        expect(sameValue(5, '5')).toBe(false);
        expect(sameValue(true, true)).toBe(true);
    });
});
