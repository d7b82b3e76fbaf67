/**
 * The bundle's writer (bundle/serialize.ts) on its own: lists of thunks one element per line,
 * anything else (an empty list among them) on its key's line, and what a failing element becomes.
 */
import { describe, expect, test } from 'vitest';
import { bundleText, serializeBundle, type BundleItem } from '../../language/src/bundle/serialize.js';
import type { Bundle } from '../../language/src/bundle/types.js';

const text = (entries: ReadonlyArray<readonly [string, unknown]>) => [...bundleText(entries)].join('');

describe('bundleText', () => {
    test('thunks one per line; values, empty lists and lists of values on the key\'s line', () => {
        expect(text([['a', 1], ['b', [() => ({ x: 1 }), () => 'y']], ['c', []], ['d', [1, 2]], ['e', { f: null }]])).toBe(
            '{\n  "a": 1,\n  "b": [\n    {"x":1},\n    "y"\n  ],\n  "c": [],\n  "d": [1,2],\n  "e": {"f":null}\n}\n');
        expect(text([])).toBe('{\n}\n');
    });

    test('an element that cannot be written: the failure hook decides what is thrown, else the error itself', () => {
        const broken: BundleItem = Object.assign(() => ({ n: 1n }), { file: '/src/x.govrule' });
        const seen: unknown[] = [];
        const hooked = () => [...bundleText([['rules', [broken]]], (err, item) => {
            seen.push(err instanceof TypeError, item.file);
            return new Error('named');
        })];
        expect(hooked).toThrow('named');
        expect(seen).toEqual([true, '/src/x.govrule']);
        expect(() => [...bundleText([['rules', [broken]]])]).toThrow(TypeError);
    });
});

describe('serializeBundle', () => {
    test('a bundle object in the layout the compiler streams; a value JSON cannot hold throws its own error', () => {
        const bundle = {
            format: 'govrule-bundle', formatVersion: 1, compiler: { name: 'govrule', version: '0' },
            packages: [{ id: 'p', files: ['a.govrule'] }], severities: [], rules: [{ id: 'r' }, { id: 's' }],
        } as unknown as Bundle;
        expect(serializeBundle(bundle)).toBe('{\n  "format": "govrule-bundle",\n  "formatVersion": 1,\n  "compiler": {"name":"govrule","version":"0"},\n'
            + '  "packages": [{"id":"p","files":["a.govrule"]}],\n  "severities": [],\n  "rules": [\n    {"id":"r"},\n    {"id":"s"}\n  ]\n}\n');
        const cyclic: Record<string, unknown> = { id: 'r' };
        cyclic.self = cyclic;
        expect(() => serializeBundle({ ...bundle, rules: [cyclic] } as unknown as Bundle)).toThrow(TypeError);
    });
});
