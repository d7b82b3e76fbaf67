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
import { childPath } from '../../language/src/runtime/json-path.js';

const ATTRIBUTES: AttributeInfo[] = [
    { name: 'n', index: 0, type: 'number', values: null, default: 0 },
    { name: 'b', index: 1, type: 'boolean', values: null, default: false },
    { name: 't', index: 2, type: 'text', values: null, default: '' },
    { name: 'e', index: 3, type: 'enum', values: ['x', 'y', 'z'], default: 'x' },
];
const BY_NAME = new Map(ATTRIBUTES.map(a => [a.name, a]));
const WHERE = "rule 'r'";
/** Where the loader checks a rule's condition: the first rule's `when`. */
const WHEN = '/rules/0/when';
const WHEN_PATH = childPath(childPath(childPath(undefined, 'rules'), 0), 'when');

function parse(logic: unknown): ConditionNode {
    return parseCondition(logic, BY_NAME, WHERE, WHEN_PATH);
}

/** A condition that breaks the bundle schema at `at` (below the rule's `when`). */
const shape = (at: string, detail: string) => ({ path: `${WHEN}${at}`, message: `the bundle does not match the bundle schema: ${WHEN}${at} ${detail}` });
/** A condition of the schema's shape that does not fit the bundle's attributes at `at`. */
const inconsistent = (at: string, detail: string) => ({ path: `${WHEN}${at}`, message: `the bundle is inconsistent at ${WHEN}${at}: ${WHERE}: ${detail}` });

/** The refusal's message and the JSON Pointer it carries. */
function refusal(logic: unknown): { path: string; message: string } {
    try {
        parse(logic);
    } catch (err) {
        if (err instanceof BundleError) return { path: err.path, message: err.message };
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
    const NOT_A_CONDITION = 'must be a condition (an object with one operator, or true)';
    const READ = 'must read an attribute as { "var": name }';
    test.each([
        [null, shape('', `${NOT_A_CONDITION}, not null`)],
        [false, shape('', `${NOT_A_CONDITION}, not false`)],
        ['x', shape('', `${NOT_A_CONDITION}, not the text "x"`)],
        [[n('>', 1)], shape('', `${NOT_A_CONDITION}, not an array`)],
        [{}, shape('', 'must be a condition with exactly one operator, not 0')],
        [{ ...n('>', 1), ...n('<', 2) }, shape('', 'must be a condition with exactly one operator, not 2')],
        [{ and: [] }, shape('/and', 'must be a list of at least two conditions, not an array of 0')],
        [{ and: [n('>', 1)] }, shape('/and', 'must be a list of at least two conditions, not an array of 1')],
        [{ or: n('>', 1) }, shape('/or', 'must be a list of at least two conditions, not an object')],
        [{ or: [n('>', 1), true] }, shape('/or/1', 'must be a condition (an object with one operator), not true')],
        [{ and: [n('>', 1), { or: [n('<', 0), null] }] }, shape('/and/1/or/1', 'must be a condition (an object with one operator), not null')],
        [{ '!': true }, shape('/!', 'must be a condition (an object with one operator), not true')],
        [{ like: [{ var: 't' }, 'a'] }, shape('', "has the unknown operator 'like' (expected one of and, or, !, ===, !==, <, <=, >, >=, in)")],
        [{ '==': [{ var: 'n' }, 1] }, shape('', "has the unknown operator '==' (expected one of and, or, !, ===, !==, <, <=, >, >=, in)")],
        [{ '>': [{ var: 'n' }] }, shape('/>', 'must be [{ "var": attribute }, a value], not an array of 1')],
        [{ '>': [{ var: 'n' }, 1, 2] }, shape('/>', 'must be [{ "var": attribute }, a value], not an array of 3')],
        [{ in: 'n' }, shape('/in', 'must be [{ "var": attribute }, a list of values], not the text "n"')],
        [{ '>': [1, { var: 'n' }] }, shape('/>/0', `${READ}, not the number 1`)],
        [{ '>': [null, 1] }, shape('/>/0', `${READ}, not null`)],
        [{ '>': [[{ var: 'n' }], 1] }, shape('/>/0', `${READ}, not an array`)],
        [{ '>': [{ var: 'n', extra: 1 }, 1] }, shape('/>/0', `${READ}, not an object`)],
        [{ '>': [{ var: 3 }, 1] }, shape('/>/0/var', 'must be an attribute name, not the number 3')],
        [{ '>': [{ var: 'size' }, 1] }, inconsistent('/>/0/var', "the condition reads 'size', which is not an attribute of the bundle")],
        [{ in: [{ var: 'e' }, 'x'] }, shape('/in/1', 'must be a list of values, not the text "x"')],
        [{ in: [{ var: 'e' }, ['x', 'w']] }, inconsistent('/in/1/1', `the text "w" is not a value of attribute 'e' (enum: x, y, z)`)],
        [{ in: [{ var: 'n' }, [1, '2']] }, inconsistent('/in/1/1', `the text "2" is not a value of attribute 'n' (number)`)],
        // The schema lets `<`, `<=`, `>` and `>=` compare with numbers only ...
        [{ '<': [{ var: 't' }, 'a'] }, shape('/</1', 'must be a number, not the text "a"')],
        [{ '>=': [{ var: 'b' }, true] }, shape('/>=/1', 'must be a number, not true')],
        [{ '<=': [{ var: 'e' }, 'x'] }, shape('/<=/1', 'must be a number, not the text "x"')],
        [{ '>': [{ var: 'e' }, 'x'] }, shape('/>/1', 'must be a number, not the text "x"')],
        // ... and the loader, of number attributes only.
        [{ '<': [{ var: 't' }, 1] }, inconsistent('/<', "'<' orders numbers, but attribute 't' is text")],
        [{ '>=': [{ var: 'b' }, 1] }, inconsistent('/>=', "'>=' orders numbers, but attribute 'b' is boolean")],
        [{ '<=': [{ var: 'e' }, 1] }, inconsistent('/<=', "'<=' orders numbers, but attribute 'e' is enum")],
        [{ '>': [{ var: 'e' }, 1] }, inconsistent('/>', "'>' orders numbers, but attribute 'e' is enum")],
        [n('===', '1'), inconsistent('/===/1', `the text "1" is not a value of attribute 'n' (number)`)],
        [n('===', undefined), shape('/===/1', 'must be a number, a text or a boolean, not undefined')],
        [{ '!==': [{ var: 'b' }, 1] }, inconsistent('/!==/1', "the number 1 is not a value of attribute 'b' (boolean)")],
        [{ and: [n('>', 1), { '!': { '===': [{ var: 't' }, 5] } }] }, inconsistent('/and/1/!/===/1', "the number 5 is not a value of attribute 't' (text)")],
    ])('%j is refused', (logic, expected) => {
        expect(refusal(logic)).toEqual(expected);
    });

    test('`!` takes its operand bare, as the schema requires; a run of `!` folds to one `not` or none', () => {
        expect(parse({ '!': n('>', 1) })).toEqual({ kind: 'not', part: parse(n('>', 1)) });
        expect(refusal({ '!': [n('>', 1)] })).toEqual(shape('/!', 'must be a condition (an object with one operator), not an array'));
        expect(refusal({ '!': [n('>', 1), n('<', 2)] })).toEqual(shape('/!', 'must be a condition (an object with one operator), not an array'));
        expect(parse({ '!': { '!': n('>', 1) } })).toEqual(parse(n('>', 1)));
        expect(parse({ '!': { '!': { '!': n('>', 1) } } })).toEqual({ kind: 'not', part: parse(n('>', 1)) });
        expect(parse({ and: [{ '!': { '!': n('>', 1) } }, n('<', 5)] })).toEqual({ kind: 'and', parts: [parse(n('>', 1)), parse(n('<', 5))] });
    });

    test('the parts of `and` and `or`, and the literals of `in`, are kept in order', () => {
        expect(parse({ or: [n('>', 1), n('<', 0)] })).toEqual({ kind: 'or', parts: [parse(n('>', 1)), parse(n('<', 0))] });
        expect(parse({ and: [n('<', 5), n('>', 1), n('!==', 3)] })).toEqual({ kind: 'and', parts: [parse(n('<', 5)), parse(n('>', 1)), parse(n('!==', 3))] });
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

    test('`and` and `or` of two and many parts (one part is refused when checked)', () => {
        const gt = (k: number) => n('>', k);
        for (const count of [2, 3, 5]) {
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
        expect(trace({ '!': { '!': n('>', 1) } }, [5, false, '', 'x'])).toEqual({ condition: 'n > 1', holds: true, attribute: 'n', value: 5 });
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
        [{ and: [n('>', 1), { or: [n('<', 0), n('===', 3)] }] }, 'n > 1 and (n < 0 or n == 3)'],
        [{ or: [n('>', 1), { and: [n('<', 0), n('!==', 3)] }] }, 'n > 1 or n < 0 and n != 3'],
        [{ and: [{ '!': n('>', 1) }, { and: [n('<', 5), n('<', 6)] }] }, 'not (n > 1) and n < 5 and n < 6'],
        [{ or: [{ or: [n('>', 1), n('<', 0)] }, n('===', 3)] }, 'n > 1 or n < 0 or n == 3'],
        [{ '!': { and: [n('>', 1), n('<', 3)] } }, 'not (n > 1 and n < 3)'],
    ])('%j', (logic, text) => {
        expect(conditionText(parse(logic))).toBe(text);
    });
});
