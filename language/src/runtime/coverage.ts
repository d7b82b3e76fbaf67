/**
 * What a test run reached (§7, `govrule test --coverage`): the enabled rules that decided some
 * test, the leaf categories some test's event is in, and the escalation targets of enabled rules
 * that some decision escalates to. Disabled rules are left out: they can never be reached.
 */
import type { LoadedBundle } from './bundle-loader.js';
import type { TestResult } from './bundle-tests.js';

export interface CoverageItem {
    /** Ids, sorted. */
    readonly covered: readonly string[];
    readonly missed: readonly string[];
    /** covered / (covered + missed) × 100; 100 when there is nothing to cover. */
    readonly percent: number;
}

export interface Coverage {
    readonly rules: CoverageItem;
    readonly leafCategories: CoverageItem;
    readonly escalationTargets: CoverageItem;
}

export function computeCoverage(loaded: LoadedBundle, results: readonly TestResult[]): Coverage {
    const eventCategories = new Set<string>();
    const reachedTargets = new Set<string>();
    for (const result of results) {
        eventCategories.add(result.test.given.category);
        if (result.decision?.rule) {
            for (const step of result.decision.escalation) {
                reachedTargets.add(step.to);
            }
        }
    }
    const enabled = loaded.rules.filter(r => r.enabled);
    const leaves = [...loaded.categories.values()].filter(c => c.leaf).map(c => c.id);
    const targets = new Set(enabled.flatMap(r => r.rule.escalation.map(s => s.to)));
    return {
        rules: item(enabled.map(r => r.id), testsByRule(results)),
        leafCategories: item(leaves, eventCategories),
        escalationTargets: item([...targets], reachedTargets),
    };
}

/**
 * The tests each rule covers: a test covers the rule that wins its decision, whether or not its
 * expectations hold (the editor's per-rule counts come from here too).
 */
export function testsByRule(results: readonly TestResult[]): Map<string, TestResult[]> {
    const byRule = new Map<string, TestResult[]>();
    for (const result of results) {
        const rule = result.decision?.rule;
        if (rule) {
            const tests = byRule.get(rule);
            if (tests) {
                tests.push(result);
            } else {
                byRule.set(rule, [result]);
            }
        }
    }
    return byRule;
}

function item(all: readonly string[], reached: { has(id: string): boolean }): CoverageItem {
    const sorted = [...new Set(all)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const covered = sorted.filter(id => reached.has(id));
    const missed = sorted.filter(id => !reached.has(id));
    return { covered, missed, percent: sorted.length === 0 ? 100 : (100 * covered.length) / sorted.length };
}
