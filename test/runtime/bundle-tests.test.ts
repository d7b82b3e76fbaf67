/**
 * A bundle's `test` blocks run by the runtime (§7), as `govrule test` and the editor run them, and
 * the coverage of a test run (`govrule test --coverage`): in process, beside the CLI's tests.
 */
import { describe, expect, test } from 'vitest';
import { computeCoverage, durationText, loadBundle, runBundleTests, testsByRule, type LoadedBundle, type TestResult } from '../../language/src/runtime/index.js';
import { runCompiledTests } from '../../language/src/runtime/bundle-tests.js';
import { compile, rules } from './fixtures.js';

/** Rules on top { mid { leaf } } and other; the tests below exercise every kind of expectation. */
const RULES = `
rule r { category top.mid severity serious priority 1 responsible reviewer actions remove, fine(amount: 5 CNY)
    escalate { after 30m to editor after 2h to cac } when reports > 3 }
rule s { category top severity minor responsible editor actions remove when channel == app }
rule off { category other severity critical responsible reviewer actions remove escalate { after 1d to editor } disabled }
`;

const TESTS = `
test "all hold" {
    given top.mid { channel: app, reports: 5 }
    on 2026-06-01
    expect rule r
    expect severity serious
    expect responsible reviewer
    expect actions fine, remove
    expect escalation to editor within 1h
    expect escalation to cac
}
test "all fail" {
    given top.mid { channel: app, reports: 5 }
    on 2026-06-02
    expect rule s
    expect severity minor
    expect responsible editor
    expect actions remove
    expect escalation to editor within 10m
}
test "nothing matches" {
    given other { channel: website }
    expect rule none
    expect escalation to editor
}
test "the other rule" {
    given top.mid.leaf { channel: app }
    expect rule s
    expect actions remove
}
`;

async function suite(tests = TESTS): Promise<LoadedBundle> {
    return loadBundle(JSON.stringify(await compile(rules(RULES + tests))));
}

function byName(results: readonly TestResult[], name: string): TestResult {
    return results.find(r => r.test.name === name)!;
}

describe('running test blocks', () => {
    test('every expectation holds: each is reported with both sides', async () => {
        const result = byName(runBundleTests(await suite()), 'all hold');
        expect(result.passed).toBe(true);
        expect(result.date).toBe('2026-06-01');
        expect(result.error).toBeUndefined();
        expect(result.decision?.rule).toBe('t.r.r');
        expect(result.expectations).toEqual([
            { kind: 'rule', passed: true, expected: 't.r.r', actual: 't.r.r' },
            { kind: 'actions', passed: true, expected: 'demo.common.fine, demo.common.remove', actual: 'demo.common.remove, demo.common.fine' },
            { kind: 'severity', passed: true, expected: 'demo.common.serious', actual: 'demo.common.serious' },
            { kind: 'responsible', passed: true, expected: 'demo.common.reviewer', actual: 'demo.common.reviewer' },
            { kind: 'escalation', passed: true, expected: 'demo.common.editor within 1h', actual: 'demo.common.editor after 30m, demo.common.cac after 2h' },
            { kind: 'escalation', passed: true, expected: 'demo.common.cac', actual: 'demo.common.editor after 30m, demo.common.cac after 2h' },
        ]);
    });

    test('every expectation fails: the test fails, and each side is told', async () => {
        const result = byName(runBundleTests(await suite()), 'all fail');
        expect(result.passed).toBe(false);
        expect(result.expectations).toEqual([
            { kind: 'rule', passed: false, expected: 't.r.s', actual: 't.r.r' },
            { kind: 'actions', passed: false, expected: 'demo.common.remove', actual: 'demo.common.remove, demo.common.fine' },
            { kind: 'severity', passed: false, expected: 'demo.common.minor', actual: 'demo.common.serious' },
            { kind: 'responsible', passed: false, expected: 'demo.common.editor', actual: 'demo.common.reviewer' },
            { kind: 'escalation', passed: false, expected: 'demo.common.editor within 10m', actual: 'demo.common.editor after 30m, demo.common.cac after 2h' },
        ]);
    });

    test('no decision: "none" for the rule, "no escalation" when an escalation was expected', async () => {
        const result = byName(runBundleTests(await suite()), 'nothing matches');
        expect(result.decision?.rule).toBeNull();
        expect(result.expectations).toEqual([
            { kind: 'rule', passed: true, expected: 'none', actual: 'none' },
            { kind: 'escalation', passed: false, expected: 'demo.common.editor', actual: 'no escalation' },
        ]);
        expect(result.passed).toBe(false);
    });

    test('expectations on a decision without a rule compare with "none"', async () => {
        const result = byName(runBundleTests(await suite(`
test "empty" {
    given other { channel: website }
    expect actions remove
    expect severity minor
    expect responsible editor
}
`)), 'empty');
        expect(result.expectations).toEqual([
            { kind: 'actions', passed: false, expected: 'demo.common.remove', actual: 'none' },
            { kind: 'severity', passed: false, expected: 'demo.common.minor', actual: 'none' },
            { kind: 'responsible', passed: false, expected: 'demo.common.editor', actual: 'none' },
        ]);
    });

    test('actions compare as sets: the same action twice does not stand for a missing one', async () => {
        const result = byName(runBundleTests(await suite(`
test "twice" {
    given top.mid { channel: app, reports: 5 }
    expect actions remove, remove
}
`)), 'twice');
        expect(result.expectations).toEqual([
            { kind: 'actions', passed: false, expected: 'demo.common.remove, demo.common.remove', actual: 'demo.common.remove, demo.common.fine' },
        ]);
    });

    test('an escalation within exactly its delay holds; an escalation to a target the rule does not reach fails', async () => {
        const result = byName(runBundleTests(await suite(`
test "edges" {
    given top.mid { channel: app, reports: 5 }
    expect escalation to editor within 30m
    expect escalation to cac within 119m
}
`)), 'edges');
        expect(result.expectations.map(e => [e.expected, e.passed])).toEqual([
            ['demo.common.editor within 30m', true],
            ['demo.common.cac within 119m', false],
        ]);
        const other = byName(runBundleTests(await suite()), 'the other rule');
        expect(other.decision?.escalation).toEqual([]);
        expect(other.passed).toBe(true);
    });

    test('tests without `on` are decided on the run\'s date, else today in UTC', async () => {
        const loaded = await suite();
        const dated = runBundleTests(loaded, { date: '2027-01-31' });
        expect(dated.map(r => [r.test.name, r.date])).toEqual([
            ['all hold', '2026-06-01'], ['all fail', '2026-06-02'], ['nothing matches', '2027-01-31'], ['the other rule', '2027-01-31'],
        ]);
        const today = new Date().toISOString().slice(0, 10);
        const undated = runBundleTests(loaded);
        // Around midnight the date may turn between the two readings.
        expect([today, new Date().toISOString().slice(0, 10)]).toContain(byName(undated, 'the other rule').date);
    });

    test('an event the bundle cannot decide fails its test with the error, and runs no expectation', async () => {
        const results = runBundleTests(await suite(), { date: '2026-02-30' });
        const failed = byName(results, 'the other rule');
        expect(failed).toMatchObject({ passed: false, date: '2026-02-30', expectations: [] });
        expect(failed.error).toBe('the event\'s "date" must be a calendar date YYYY-MM-DD, not the text "2026-02-30"');
        expect(failed.decision).toBeUndefined();
        expect(byName(results, 'all hold').passed).toBe(true);
    });

    test('an error that is not the event\'s is not swallowed', async () => {
        const loaded = await suite();
        const broken = Object.create(loaded) as LoadedBundle;
        Object.defineProperty(broken, 'rulesFor', { value: () => { throw new TypeError('broken index'); } });
        expect(() => runBundleTests(broken, { date: '2026-06-01' })).toThrow(TypeError);
    });

    test('the compiler\'s own bundle runs without the schema check, but with the consistency checks', async () => {
        const bundle = await compile(rules(RULES + TESTS));
        const { loaded, results } = runCompiledTests(bundle, { date: '2026-06-03' });
        expect(loaded.bundle).toBe(bundle);
        expect(results.map(r => r.passed)).toEqual([true, false, false, true]);
        const extra = { ...bundle, unknownKey: true };
        expect(runCompiledTests(extra as typeof bundle).results).toHaveLength(4);
        const inconsistent = { ...bundle, rules: bundle.rules.map(r => ({ ...r, severity: 'demo.common.grave' })) };
        expect(() => runCompiledTests(inconsistent)).toThrow("rule 't.r.off' has unknown severity 'demo.common.grave'");
    });
});

describe('durationText', () => {
    test.each([
        [0, '0d'], [86400, '1d'], [172800, '2d'], [3600, '1h'], [90000, '25h'], [60, '1m'], [5400, '90m'], [1, '1s'], [61, '61s'], [86460, '1441m'],
    ])('%i seconds: %s', (seconds, text) => {
        expect(durationText(seconds)).toBe(text);
    });
});

describe('coverage of a test run', () => {
    test('rules that won some test, leaf categories of some event, escalation targets some decision reached', async () => {
        const loaded = await suite();
        const coverage = computeCoverage(loaded, runBundleTests(loaded, { date: '2026-06-01' }));
        expect(coverage).toEqual({
            // r won twice (even where its expectations failed), s once; off is disabled, so not counted.
            rules: { covered: ['t.r.r', 't.r.s'], missed: [], percent: 100 },
            leafCategories: { covered: ['t.r.other', 't.r.top.mid.leaf'], missed: [], percent: 100 },
            escalationTargets: { covered: ['demo.common.cac', 'demo.common.editor'], missed: [], percent: 100 },
        });
    });

    test('what no test reaches is missed, sorted; nothing to cover is 100%', async () => {
        const loaded = await suite(`
test "nothing" { given other { channel: website } expect rule none }
`);
        const coverage = computeCoverage(loaded, runBundleTests(loaded, { date: '2026-06-01' }));
        expect(coverage.rules).toEqual({ covered: [], missed: ['t.r.r', 't.r.s'], percent: 0 });
        expect(coverage.leafCategories).toEqual({ covered: ['t.r.other'], missed: ['t.r.top.mid.leaf'], percent: 50 });
        // The disabled rule's target does not count; the enabled rules' targets are missed.
        expect(coverage.escalationTargets).toEqual({ covered: [], missed: ['demo.common.cac', 'demo.common.editor'], percent: 0 });
        const empty = computeCoverage(loaded, []);
        const bare = loadBundle(JSON.stringify(await compile(rules(''))));
        expect(computeCoverage(bare, []).rules).toEqual({ covered: [], missed: [], percent: 100 });
        expect(empty.rules.percent).toBe(0);
    });

    test('a test whose event could not be decided covers its category but no rule', async () => {
        const loaded = await suite();
        const results = runBundleTests(loaded, { date: 'never' });
        const coverage = computeCoverage(loaded, results);
        expect(coverage.rules.covered).toEqual(['t.r.r']);
        expect(coverage.leafCategories.covered).toEqual(['t.r.other', 't.r.top.mid.leaf']);
        expect(coverage.escalationTargets.covered).toEqual(['demo.common.cac', 'demo.common.editor']);
    });

    test('testsByRule: the tests each winning rule decided, in run order', async () => {
        const results = runBundleTests(await suite(), { date: '2026-06-01' });
        const byRule = testsByRule(results);
        expect([...byRule.keys()]).toEqual(['t.r.r', 't.r.s']);
        expect(byRule.get('t.r.r')!.map(r => r.test.name)).toEqual(['all hold', 'all fail']);
        expect(byRule.get('t.r.s')!.map(r => r.test.name)).toEqual(['the other rule']);
    });
});
