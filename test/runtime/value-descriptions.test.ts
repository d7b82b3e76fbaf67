/**
 * How the runtime's messages describe a value it refuses: short, and never a serialisation of a
 * hostile structure. The two error types carry their names.
 */
import { describe, expect, test } from 'vitest';
import { BundleError, EventError, describeValue } from '../../language/src/runtime/errors.js';

describe('describeValue', () => {
    test.each([
        [null, 'null'],
        [[1, 2], 'an array'],
        [{ a: 1 }, 'an object'],
        ['', 'the text ""'],
        ['a"b', 'the text "a\\"b"'],
        ['x'.repeat(40), `the text "${'x'.repeat(40)}"`],
        ['x'.repeat(41), `the text "${'x'.repeat(40)}"…`],
        [0, 'the number 0'],
        [-1.5, 'the number -1.5'],
        [true, 'true'],
        [false, 'false'],
        [10n, 'a bigint'],
        [() => 1, 'a function'],
    ])('%s', (value, text) => {
        expect(describeValue(value)).toBe(text);
    });
});

describe('the error types', () => {
    test('are Errors with their own names; an EventError may name the attribute', () => {
        const bundle = new BundleError('b');
        const event = new EventError('e', 'channel');
        expect([bundle instanceof Error, bundle.name, bundle.message]).toEqual([true, 'BundleError', 'b']);
        expect([event instanceof Error, event.name, event.message, event.attribute]).toEqual([true, 'EventError', 'e', 'channel']);
        expect(new EventError('e').attribute).toBeUndefined();
        expect(String(event)).toBe('EventError: e');
    });
});
