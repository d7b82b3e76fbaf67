/**
 * Rule conditions in the runtime (§6, §9), on hand-made JsonLogic: what the loader accepts and
 * refuses, how each operator decides, what explain traces and how a condition is printed back.
 */
import { describe, expect, test } from 'vitest';
import {
    compileCondition, conditionText, fitsType, parseCondition, traceCondition,
    type AttributeInfo, type ConditionNode, type Values,
} from '../../language/src/runtime/conditions.js';
import { BundleError } from '../../language/src/runtime/errors.js';

const ATTRIBUTES: AttributeInfo[] = [
    { name: 'n', index: 0, type: 'number', values: null, default: 0 },
    { name: 'b', index: 1, type: 'boolean', values: null, default: false },
    { name: 't', index: 2, type: 'text', values: null, default: '' },
    { name: 'e', index: 3, type: 'enum', values: ['x', 'y', 'z'], default: 'x' },
];
const BY_NAME = new Map(ATTRIBUTES.map(a => [a.name, a]));
const WHERE = "rule 'r'";

function parse(logic: unknown): ConditionNode {
    return parseCondition(logic, BY_NAME, WHERE);
}

function refusal(logic: unknown): string {
    try {
        parse(logic);
    } catch (err) {
        if (err instanceof BundleError) return err.message;
        throw err;
    }
    throw new Error('expected a BundleError');
}

/** The condition decided on [n, b, t, e]. */
function holds(logic: unknown, values: Values): boolean {
    return compileCondition(parse(logic))(values);
}

const n = (op: string, value: unknown) => ({ [op]: [{ var: 'n' }, value] });

describe('checking a condition', () => {
    test.each([
        [null, 'a condition must be true or an object with one operator'],
        [false, 'a condition must be true or an object with one operator'],
        ['x', 'a condition must be true or an object with one operator'],
        [[n('>', 1)], 'a condition must be true or an object with one operator'],
        [{}, 'a condition must have exactly one operator, not 0'],
        [{ ...n('>', 1), ...n('<', 2) }, 'a condition must have exactly one operator, not 2'],
        [{ and: [] }, "'and' takes a list of conditions"],
        [{ or: n('>', 1) }, "'or' takes a list of conditions"],
        [{ like: [{ var: 't' }, 'a'] }, "unknown operator 'like'"],
        [{ '==': [{ var: 'n' }, 1] }, "unknown operator '=='"],
        [{ '>': [{ var: 'n' }] }, "'>' takes an attribute and a value"],
        [{ '>': [{ var: 'n' }, 1, 2] }, "'>' takes an attribute and a value"],
        [{ in: 'n' }, "'in' takes an attribute and a value"],
        [{ '>': [1, { var: 'n' }] }, 'a comparison must read an attribute as { "var": name }'],
        [{ '>': [null, 1] }, 'a comparison must read an attribute as { "var": name }'],
        [{ '>': [[{ var: 'n' }], 1] }, 'a comparison must read an attribute as { "var": name }'],
        [{ '>': [{ var: 'n', extra: 1 }, 1] }, 'a comparison must read an attribute as { "var": name }'],
        [{ '>': [{ var: 3 }, 1] }, 'a comparison must read an attribute as { "var": name }'],
        [{ '>': [{ var: 'size' }, 1] }, "the condition reads 'size', which is not an attribute of the bundle"],
        [{ in: [{ var: 'e' }, 'x'] }, "'in' takes a list of values for attribute 'e'"],
        [{ in: [{ var: 'e' }, ['x', 'w']] }, `"w" is not a value of attribute 'e' (enum: x, y, z)`],
        [{ in: [{ var: 'n' }, [1, '2']] }, `"2" is not a value of attribute 'n' (number)`],
        [{ '<': [{ var: 't' }, 'a'] }, "'<' orders numbers, but attribute 't' is text"],
        [{ '>=': [{ var: 'b' }, true] }, "'>=' orders numbers, but attribute 'b' is boolean"],
        [{ '<=': [{ var: 'e' }, 'x'] }, "'<=' orders numbers, but attribute 'e' is enum"],
        [{ '>': [{ var: 'e' }, 'x'] }, "'>' orders numbers, but attribute 'e' is enum"],
        [n('===', '1'), `"1" is not a value of attribute 'n' (number)`],
        [n('===', undefined), "undefined is not a value of attribute 'n' (number)"],
        [{ '!==': [{ var: 'b' }, 1] }, "1 is not a value of attribute 'b' (boolean)"],
        [{ and: [n('>', 1), { '!': { '===': [{ var: 't' }, 5] } }] }, "5 is not a value of attribute 't' (text)"],
    ])('%j is refused', (logic, message) => {
        expect(refusal(logic)).toBe(`${WHERE}: ${message}`);
    });

    test('`!` takes its operand bare or in a one-element list', () => {
        expect(parse({ '!': n('>', 1) })).toEqual({ kind: 'not', part: parse(n('>', 1)) });
        expect(parse({ '!': [n('>', 1)] })).toEqual({ kind: 'not', part: parse(n('>', 1)) });
        expect(refusal({ '!': [n('>', 1), n('<', 2)] })).toBe(`${WHERE}: a condition must be true or an object with one operator`);
    });

    test('the parts of `and` and `or`, and the literals of `in`, are kept in order', () => {
        expect(parse({ or: [n('>', 1), true] })).toEqual({ kind: 'or', parts: [parse(n('>', 1)), { kind: 'true' }] });
        expect(parse({ in: [{ var: 'e' }, ['z', 'x']] })).toEqual({ kind: 'in', attribute: BY_NAME.get('e'), literals: ['z', 'x'] });
        expect(parse({ in: [{ var: 'e' }, []] })).toEqual({ kind: 'in', attribute: BY_NAME.get('e'), literals: [] });
    });
});

describe('fitsType', () => {
    const [num, bool, text, en] = ATTRIBUTES;
    test.each([
        [num, 1.5, true], [num, -0, true], [num, Number.NaN, false], [num, Number.POSITIVE_INFINITY, false], [num, '1', false],
        [bool, false, true], [bool, 0, false], [bool, 'true', false],
        [text, '', true], [text, 1, false], [text, null, false],
        [en, 'y', true], [en, 'w', false], [en, 1, false], [en, ['x'], false],
    ])('%j: %j is %s', (attribute, value, fits) => {
        expect(fitsType(value, attribute)).toBe(fits);
    });
});

describe('deciding', () => {
    const values = (n: number, b = false, t = '', e = 'x'): Values => [n, b, t, e];

    test.each([
        ['===', [[2, true], [3, false]]], ['!==', [[2, false], [3, true]]],
        ['<', [[1, true], [2, false], [3, false]]], ['<=', [[1, true], [2, true], [3, false]]],
        ['>', [[1, false], [2, false], [3, true]]], ['>=', [[1, false], [2, true], [3, true]]],
    ] as const)('%s 2', (op, cases) => {
        for (const [value, expected] of cases) {
            expect(holds(n(op, 2), values(value)), `${value} ${op} 2`).toBe(expected);
        }
    });

    test('true always holds; `!` negates', () => {
        expect(holds(true, values(0))).toBe(true);
        expect(holds({ '!': n('>', 1) }, values(0))).toBe(true);
        expect(holds({ '!': n('>', 1) }, values(2))).toBe(false);
    });

    test('`in` holds for a listed value, short list or long', () => {
        const short = ['a', 'b', 'c'];
        const long = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'];
        for (const list of [short, long, long.slice(0, 8), long.slice(0, 9)]) {
            const logic = { in: [{ var: 't' }, list] };
            expect(holds(logic, values(0, false, 'c')), `${list.length} values`).toBe(true);
            expect(holds(logic, values(0, false, list[list.length - 1])), `${list.length} values`).toBe(true);
            expect(holds(logic, values(0, false, 'z')), `${list.length} values`).toBe(false);
            expect(holds(logic, values(0, false, '')), `${list.length} values`).toBe(false);
        }
        expect(holds({ in: [{ var: 'n' }, []] }, values(0))).toBe(false);
    });

    test('`and` and `or` of one, two and many parts', () => {
        const gt = (k: number) => n('>', k);
        for (const count of [1, 2, 3, 5]) {
            const parts = Array.from({ length: count }, (_, i) => gt(i));
            // n > 0 .. n > count-1: all hold when n >= count, one holds when n = 1.
            expect(holds({ and: parts }, values(count)), `and of ${count} at ${count}`).toBe(true);
            expect(holds({ and: parts }, values(count - 1)), `and of ${count} at ${count - 1}`).toBe(false);
            expect(holds({ or: parts }, values(1)), `or of ${count} at 1`).toBe(true);
            expect(holds({ or: parts }, values(0)), `or of ${count} at 0`).toBe(false);
            // The last part alone decides.
            const lastOnly = [...Array.from({ length: count - 1 }, () => n('<', 0)), gt(-1)];
            expect(holds({ or: lastOnly }, values(0)), `or of ${count}, last holds`).toBe(true);
            const firstFails = [n('<', 0), ...Array.from({ length: count - 1 }, () => gt(-1))];
            expect(holds({ and: firstFails }, values(0)), `and of ${count}, first fails`).toBe(false);
        }
    });
});

describe('explain traces', () => {
    const given = [true, false, true, true];
    const trace = (logic: unknown, values: Values) => traceCondition(parse(logic), values, given);

    test('a comparison names its attribute and value, and marks a default', () => {
        expect(trace(n('>', 1), [5, false, '', 'x'])).toEqual({ condition: 'n > 1', holds: true, attribute: 'n', value: 5 });
        expect(trace({ '===': [{ var: 'b' }, true] }, [5, false, '', 'x']))
            .toEqual({ condition: 'b', holds: false, attribute: 'b', value: false, defaulted: true });
        expect(trace({ in: [{ var: 'e' }, ['y']] }, [5, false, '', 'y'])).toEqual({ condition: 'e in [y]', holds: true, attribute: 'e', value: 'y' });
    });

    test('`not` of a comparison is one line; `not` of a group keeps the group as its part', () => {
        expect(trace({ '!': n('>', 1) }, [5, false, '', 'x'])).toEqual({ condition: 'not (n > 1)', holds: false, attribute: 'n', value: 5 });
        expect(trace({ '!': { or: [n('>', 1), n('<', 0)] } }, [5, false, '', 'x'])).toEqual({
            condition: 'not (n > 1 or n < 0)', holds: false, parts: [{
                condition: 'n > 1 or n < 0', holds: true, parts: [
                    { condition: 'n > 1', holds: true, attribute: 'n', value: 5 },
                    { condition: 'n < 0', holds: false, attribute: 'n', value: 5 },
                ],
            }],
        });
        expect(trace({ '!': true }, [5, false, '', 'x'])).toEqual({ condition: 'not (true)', holds: false, parts: [{ condition: 'true', holds: true }] });
    });

    test('every part is traced: `and` holds when all do, `or` when one does', () => {
        const both = [n('>', 1), n('<', 3)];
        expect(trace({ and: both }, [2, false, '', 'x']).holds).toBe(true);
        expect(trace({ and: both }, [3, false, '', 'x']).holds).toBe(false);
        expect(trace({ or: both }, [3, false, '', 'x']).holds).toBe(true);
        expect(trace({ or: [n('>', 5), n('<', 0)] }, [3, false, '', 'x']).holds).toBe(false);
        expect(trace({ and: both }, [3, false, '', 'x']).parts!.map(p => p.holds)).toEqual([true, false]);
    });
});

describe('printing a condition', () => {
    test.each([
        [true, 'true'],
        [n('===', 1), 'n == 1'],
        [n('!==', 1.5), 'n != 1.5'],
        [n('<=', -2), 'n <= -2'],
        [n('>=', 0), 'n >= 0'],
        [{ '===': [{ var: 't' }, 'a "b"'] }, 't == "a \\"b\\""'],
        [{ '===': [{ var: 'e' }, 'y'] }, 'e == y'],
        [{ '===': [{ var: 'b' }, true] }, 'b'],
        [{ '===': [{ var: 'b' }, false] }, 'b == false'],
        [{ '!==': [{ var: 'b' }, true] }, 'b != true'],
        [{ '!': { '===': [{ var: 'b' }, true] } }, 'not b'],
        [{ '!': { '===': [{ var: 'b' }, false] } }, 'not (b == false)'],
        [{ '!': { in: [{ var: 't' }, ['a', 'b']] } }, 't not in ["a", "b"]'],
        [{ in: [{ var: 'e' }, ['x', 'z']] }, 'e in [x, z]'],
        [{ in: [{ var: 'n' }, []] }, 'n in []'],
        [{ and: [n('>', 1), { or: [n('<', 0), true] }] }, 'n > 1 and (n < 0 or true)'],
        [{ or: [n('>', 1), { and: [n('<', 0), true] }] }, 'n > 1 or n < 0 and true'],
        [{ and: [{ '!': n('>', 1) }, { and: [n('<', 5), n('<', 6)] }] }, 'not (n > 1) and n < 5 and n < 6'],
        [{ or: [{ or: [n('>', 1), n('<', 0)] }, n('===', 3)] }, 'n > 1 or n < 0 or n == 3'],
        [{ '!': { and: [n('>', 1), n('<', 3)] } }, 'not (n > 1 and n < 3)'],
    ])('%j', (logic, text) => {
        expect(conditionText(parse(logic))).toBe(text);
    });
});
