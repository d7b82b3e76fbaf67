/**
 * Running a bundle's `test` blocks (§7) with the runtime: each test's event is decided and every
 * expectation compared with the decision. `govrule test` and the editor report these results;
 * a platform can also run them against the very bundle it deploys.
 */
import type { Bundle, BundleTest, Value } from '../bundle/types.js';
import { loadBundle, type LoadedBundle } from './bundle-loader.js';
import { decide, type Decision } from './decide.js';
import { EventError } from './errors.js';

export type ExpectationKind = 'rule' | 'actions' | 'arguments' | 'severity' | 'responsible' | 'escalation';

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

/**
 * An expectation with both sides as ids, for front ends that show them in words (labels, the
 * reader's language). `expected`/`actual` of ExpectationResult are the same, as short text.
 */
export type ExpectationDetail =
    | { readonly kind: 'rule'; readonly passed: boolean; readonly expected: string | null; readonly actual: string | null }
    | { readonly kind: 'actions'; readonly passed: boolean; readonly expected: readonly string[]; readonly actual: readonly string[] }
    | {
        /** One expected call's named arguments; `actual` holds the decided values of the same names (null: the action was not decided). */
        readonly kind: 'arguments'; readonly passed: boolean; readonly action: string;
        readonly expected: Readonly<Record<string, Value>>; readonly actual: Readonly<Record<string, Value>> | null;
    }
    | { readonly kind: 'severity' | 'responsible'; readonly passed: boolean; readonly expected: string; readonly actual: string | null }
    | {
        readonly kind: 'escalation'; readonly passed: boolean;
        readonly expected: { readonly to: string; readonly withinSeconds: number | null };
        readonly actual: ReadonlyArray<{ readonly to: string; readonly afterSeconds: number }>;
    };

/** The expectations of a test result, with ids, in the order of `result.expectations`; none when undecided. */
export function expectationDetails(result: Pick<TestResult, 'test' | 'decision'>): ExpectationDetail[] {
    return result.decision ? compare(result.test, result.decision) : [];
}

/** Every expectation of the test against the decision: the one place that compares them. */
function compare(test: BundleTest, decision: Decision): ExpectationDetail[] {
    const expect = test.expect;
    const details: ExpectationDetail[] = [];
    if (expect.rule !== undefined) {
        details.push({ kind: 'rule', passed: expect.rule === decision.rule, expected: expect.rule, actual: decision.rule });
    }
    if (expect.actions !== undefined) {
        // The same actions, in any order: the order of a rule's actions carries no meaning.
        const actual = decision.actions.map(a => a.action);
        details.push({ kind: 'actions', passed: sameSet(expect.actions, actual), expected: expect.actions, actual });
    }
    for (const call of expect.actionArguments ?? []) {
        details.push(compareArguments(call, decision));
    }
    if (expect.severity !== undefined) {
        details.push({ kind: 'severity', passed: decision.severity === expect.severity, expected: expect.severity, actual: decision.severity });
    }
    if (expect.responsible !== undefined) {
        details.push({ kind: 'responsible', passed: decision.responsible === expect.responsible, expected: expect.responsible, actual: decision.responsible });
    }
    const steps = decision.escalation.map(s => ({ to: s.to, afterSeconds: s.afterSeconds }));
    for (const escalation of expect.escalations ?? []) {
        const step = decision.escalation.find(s => s.to === escalation.to);
        const passed = step !== undefined && (escalation.within === null || step.afterSeconds <= escalation.within.seconds);
        details.push({ kind: 'escalation', passed, expected: { to: escalation.to, withinSeconds: escalation.within?.seconds ?? null }, actual: steps });
    }
    return details;
}

/** The arguments an expectation names against the decided action's; the others are not checked. */
function compareArguments(call: { action: string; args: Record<string, Value> }, decision: Decision): ExpectationDetail {
    const decided = decision.actions.find(a => a.action === call.action);
    if (decided === undefined) {
        return { kind: 'arguments', passed: false, action: call.action, expected: call.args, actual: null };
    }
    const actual: Record<string, Value> = {};
    let passed = true;
    for (const name of Object.keys(call.args)) {
        const value = Object.prototype.hasOwnProperty.call(decided.args, name) ? decided.args[name] : undefined;
        if (value !== undefined) {
            actual[name] = value;
        }
        passed &&= value !== undefined && sameValue(call.args[name]!, value);
    }
    return { kind: 'arguments', passed, action: call.action, expected: call.args, actual };
}

/** Durations by length (`1d` is `24h`), money by amount and currency, the rest as they are. */
export function sameValue(a: Value, b: Value): boolean {
    if (typeof a === 'object' && typeof b === 'object') {
        if ('seconds' in a && 'seconds' in b) return a.seconds === b.seconds;
        if ('amount' in a && 'amount' in b) return a.amount === b.amount && a.currency === b.currency;
        return false;
    }
    return a === b;
}

function checkExpectations(test: BundleTest, decision: Decision): ExpectationResult[] {
    return compare(test, decision).map(detail => ({ kind: detail.kind, passed: detail.passed, ...sidesAsText(detail) }));
}

/** Both sides as the runtime words them (ids, GovRule's durations, "none"). */
function sidesAsText(detail: ExpectationDetail): { expected: string; actual: string } {
    switch (detail.kind) {
        case 'rule':
        case 'severity':
        case 'responsible':
            return { expected: detail.expected ?? NONE, actual: detail.actual ?? NONE };
        case 'actions':
            return { expected: listText(detail.expected), actual: listText(detail.actual) };
        case 'arguments':
            return {
                expected: callText(detail.action, detail.expected),
                actual: detail.actual === null ? `no ${detail.action}` : callText(detail.action, detail.actual),
            };
        case 'escalation': {
            const { to, withinSeconds } = detail.expected;
            return {
                expected: withinSeconds === null ? to : `${to} within ${durationText(withinSeconds)}`,
                actual: detail.actual.length === 0 ? 'no escalation' : detail.actual.map(s => `${s.to} after ${durationText(s.afterSeconds)}`).join(', '),
            };
        }
    }
}

function callText(action: string, args: Readonly<Record<string, Value>>): string {
    return `${action}(${Object.entries(args).map(([name, value]) => `${name}: ${valueText(value)}`).join(', ')})`;
}

/** A value as GovRule writes it: `5d`, `100000 CNY`, `"text"`. */
export function valueText(value: Value): string {
    if (typeof value === 'object') {
        return 'seconds' in value ? durationText(value.seconds) : `${value.amount} ${value.currency}`;
    }
    return typeof value === 'string' ? JSON.stringify(value) : String(value);
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
