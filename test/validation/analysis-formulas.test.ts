/**
 * The formulas of analysis-constraints.ts without a workspace: a rule without a condition holds
 * for every event, and its negation for none.
 */
import { describe, expect, test } from 'vitest';
import { implies, satisfiability, toFormula } from '../../language/src/validation/analysis-constraints.js';

describe('a rule without a condition', () => {
    test('holds for every event; its negation for none, with no contradiction to name', () => {
        expect(satisfiability(toFormula(undefined))).toEqual({ result: 'sat' });
        expect(satisfiability(toFormula(undefined, true))).toEqual({ result: 'unsat', conflicts: [] });
    });

    test('is implied by another rule without a condition', () => {
        const always = toFormula(undefined);
        expect(implies(always, always, () => toFormula(undefined, true))).toBe(true);
    });
});
