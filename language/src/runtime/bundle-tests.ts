/**
 * Running a bundle's `test` blocks (§7) with the runtime: each test's event is decided and every
 * expectation compared with the decision. `govrule test` and the editor report these results;
 * a platform can also run them against the very bundle it deploys.
 */
import type { Bundle, BundleTest } from '../bundle/types.js';
import { loadBundle, type LoadedBundle } from './bundle-loader.js';
import { decide, type Decision } from './decide.js';
import { EventError } from './errors.js';

export type ExpectationKind = 'rule' | 'actions' | 'severity' | 'responsible' | 'escalation';

export interface ExpectationResult {
    readonly kind: ExpectationKind;
    readonly passed: boolean;
    /** Both sides as short text, for a side-by-side report. */
    readonly expected: string;
    readonly actual: string;
}

export interface TestResult {
    readonly test: BundleTest;
    readonly passed: boolean;
    /** The date the event was decided on (the test's `on`, else the run's date). */
    readonly date: string;
    readonly expectations: readonly ExpectationResult[];
    /** Set when the event could not be decided; the test then fails. */
    readonly error?: string;
    readonly decision?: Decision;
}

export interface RunOptions {
    /** The date of tests without `on` (default: the current UTC date). */
    readonly date?: string;
}

export function runBundleTests(loaded: LoadedBundle, options: RunOptions = {}): TestResult[] {
    const date = options.date ?? new Date().toISOString().slice(0, 10);
    return loaded.bundle.tests.map(test => runTest(loaded, test, test.on ?? date));
}

/**
 * Runs the tests of a bundle that this process's compiler just made (`govrule test`, the editor):
 * the schema check is skipped, the runtime's consistency checks still run.
 */
export function runCompiledTests(bundle: Bundle, options: RunOptions = {}): { loaded: LoadedBundle; results: TestResult[] } {
    const loaded = loadBundle(bundle, { schema: false });
    return { loaded, results: runBundleTests(loaded, options) };
}

function runTest(loaded: LoadedBundle, test: BundleTest, date: string): TestResult {
    let decision: Decision;
    try {
        decision = decide(loaded, { category: test.given.category, attributes: test.given.attributes, date });
    } catch (err) {
        if (err instanceof EventError) {
            return { test, passed: false, date, expectations: [], error: err.message };
        }
        throw err;
    }
    const expectations = checkExpectations(test, decision);
    return { test, passed: expectations.every(e => e.passed), date, expectations, decision };
}

const NONE = 'none';

function checkExpectations(test: BundleTest, decision: Decision): ExpectationResult[] {
    const expect = test.expect;
    const results: ExpectationResult[] = [];
    if (expect.rule !== undefined) {
        const expected = expect.rule ?? NONE;
        const actual = decision.rule ?? NONE;
        results.push({ kind: 'rule', passed: expected === actual, expected, actual });
    }
    if (expect.actions !== undefined) {
        // The same actions, in any order: the order of a rule's actions carries no meaning.
        const actual = decision.actions.map(a => a.action);
        const passed = sameSet(expect.actions, actual);
        results.push({ kind: 'actions', passed, expected: listText(expect.actions), actual: listText(actual) });
    }
    if (expect.severity !== undefined) {
        const actual = decision.severity ?? NONE;
        results.push({ kind: 'severity', passed: actual === expect.severity, expected: expect.severity, actual });
    }
    if (expect.responsible !== undefined) {
        const actual = decision.responsible ?? NONE;
        results.push({ kind: 'responsible', passed: actual === expect.responsible, expected: expect.responsible, actual });
    }
    for (const escalation of expect.escalations ?? []) {
        const step = decision.escalation.find(s => s.to === escalation.to);
        const passed = step !== undefined && (escalation.within === null || step.afterSeconds <= escalation.within.seconds);
        const expected = escalation.within === null ? escalation.to : `${escalation.to} within ${durationText(escalation.within.seconds)}`;
        const actual = decision.escalation.length === 0
            ? 'no escalation'
            : decision.escalation.map(s => `${s.to} after ${durationText(s.afterSeconds)}`).join(', ');
        results.push({ kind: 'escalation', passed, expected, actual });
    }
    return results;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
    const x = new Set(a);
    const y = new Set(b);
    return x.size === y.size && [...x].every(item => y.has(item));
}

function listText(items: readonly string[]): string {
    return items.length === 0 ? NONE : items.join(', ');
}

/** Seconds as GovRule writes durations: the largest whole unit of days, hours or minutes. */
export function durationText(seconds: number): string {
    if (seconds % 86400 === 0) return `${seconds / 86400}d`;
    if (seconds % 3600 === 0) return `${seconds / 3600}h`;
    if (seconds % 60 === 0) return `${seconds / 60}m`;
    return `${seconds}s`;
}
