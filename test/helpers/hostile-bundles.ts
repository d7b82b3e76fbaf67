/**
 * Hostile bundles and events for property tests of the runtime's contract: a valid bundle with
 * one or a few parts replaced by something wrong, deep, wide, oddly named or at the edge of what
 * numbers and strings can be. Mutations are plain data, so a shrunk counterexample reads well.
 */
import fc from 'fast-check';

type Key = string | number;
type Json = Record<string, any>;

/** Every path (list of keys) to a value inside `root`, containers included, root excluded. */
export function pathsOf(root: unknown): Key[][] {
    const paths: Key[][] = [];
    const stack: Array<{ value: unknown; path: Key[] }> = [{ value: root, path: [] }];
    while (stack.length > 0) {
        const { value, path } = stack.pop()!;
        if (path.length > 0) paths.push(path);
        if (typeof value === 'object' && value !== null) {
            for (const [key, child] of Object.entries(value)) {
                stack.push({ value: child, path: [...path, Array.isArray(value) ? Number(key) : key] });
            }
        }
    }
    return paths;
}

/** Arrays, objects or `!` conditions nested `depth` levels deep. */
function nested(kind: 'array' | 'object' | 'not', depth: number): unknown {
    let value: unknown = kind === 'not' ? { '===': [{ var: 'reports' }, 1] } : 0;
    for (let i = 0; i < depth; i++) {
        value = kind === 'array' ? [value] : kind === 'object' ? { a: value } : { '!': value };
    }
    return value;
}

/** `a or (b and (c or ...))` with `levels` levels of and/or. */
function alternating(levels: number): unknown {
    let value: unknown = { '>': [{ var: 'reports' }, 0] };
    for (let i = 0; i < levels; i++) {
        value = { [i % 2 === 0 ? 'and' : 'or']: [{ '===': [{ var: 'verified' }, true] }, value] };
    }
    return value;
}

const EDGE_SCALARS: readonly unknown[] = [
    null, true, false, 0, -0, 1, -1, 0.5, 1e308, -1e308, 5e-324, 2 ** 53 + 1, -(2 ** 31),
    '', ' ', 'NaN', 'Infinity', '-Infinity', '-0', '1e309', '0x10', 'null', 'true',
    '\n', 'a\nb', '\u2028', '\u0000', '\ud800', '💥', 'x'.repeat(100_000),
    '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf',
    'P1D', 'PT0S', '2026-02-30', '9999-12-31', 'a.b', 'a..b', '.a', 'a b', 'app', 'minor',
];

/** Values a field should not hold (and some it may): scalars at the edges, JSON, deep and wide structures. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
    { arbitrary: fc.constantFrom(...EDGE_SCALARS), weight: 6 },
    { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 3 },
    { arbitrary: fc.tuple(fc.constantFrom<'array' | 'object' | 'not'>('array', 'object', 'not'), fc.integer({ min: 1, max: 1100 })).map(([k, d]) => nested(k, d)), weight: 2 },
    { arbitrary: fc.integer({ min: 1, max: 400 }).map(alternating), weight: 1 },
    // Wide, but at most a few MB as JSON: 20,000 copies of the 100,000-character string would not fit in a JavaScript string.
    { arbitrary: fc.tuple(fc.integer({ min: 0, max: 20_000 }), fc.constantFrom(...EDGE_SCALARS)).map(([n, v]) => new Array(typeof v === 'string' && v.length > 1000 ? Math.min(n, 20) : n).fill(v)), weight: 1 },
    // Own `__proto__` and `constructor` keys, as JSON.parse makes them.
    { arbitrary: fc.constantFrom('{"__proto__":{"polluted":true}}', '{"constructor":{"prototype":{"polluted":true}}}', '{"__proto__":[]}', '{"var":"__proto__"}').map(t => JSON.parse(t)), weight: 1 },
    { arbitrary: fc.constantFrom<unknown>({ like: [{ var: 'district' }, 'x'] }, { '!': [{ '===': [{ var: 'reports' }, 1] }] }, { and: [] }, { or: [true] }, { in: [{ var: 'channel' }, 'app'] }, { '<': [{ var: 'district' }, 1] }, { '===': [{ var: 'nope' }, 1] }, { '===': [{ var: 'channel' }, 'phone'] }, { '===': [{ var: 'reports' }, 1], '!==': [{ var: 'reports' }, 2] }), weight: 2 },
);

const hostileKey = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', '', 'extra', '!', 'var', 'a/b', '~1', 'a\nb'), fc.string({ maxLength: 8 }));

/** One change to a bundle, as data. */
export type Mutation =
    | { readonly kind: 'set'; readonly path: number; readonly value: unknown }
    | { readonly kind: 'delete'; readonly path: number }
    | { readonly kind: 'add'; readonly path: number; readonly key: string; readonly value: unknown }
    | { readonly kind: 'duplicate'; readonly list: string; readonly from: number; readonly to: number }
    | { readonly kind: 'repeat'; readonly list: string; readonly times: number }
    | { readonly kind: 'chain'; readonly length: number };

const LISTS = ['severities', 'posts', 'authorities', 'actions', 'attributes', 'categories', 'rules', 'tests', 'packages'];

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    { arbitrary: fc.record({ kind: fc.constant('set' as const), path: fc.nat(), value: hostileValue }), weight: 8 },
    { arbitrary: fc.record({ kind: fc.constant('delete' as const), path: fc.nat() }), weight: 1 },
    { arbitrary: fc.record({ kind: fc.constant('add' as const), path: fc.nat(), key: hostileKey, value: hostileValue }), weight: 2 },
    { arbitrary: fc.record({ kind: fc.constant('duplicate' as const), list: fc.constantFrom(...LISTS), from: fc.nat(), to: fc.nat() }), weight: 2 },
    { arbitrary: fc.record({ kind: fc.constant('repeat' as const), list: fc.constantFrom(...LISTS), times: fc.integer({ min: 2, max: 500 }) }), weight: 1 },
    { arbitrary: fc.record({ kind: fc.constant('chain' as const), length: fc.integer({ min: 1, max: 1100 }) }), weight: 1 },
);

/**
 * Whether `value` as JSON takes at most `limit` UTF-16 units (an upper estimate, stopping early).
 * Mutations compound (a wide value set into a rule, then the rules repeated 500 times), so a
 * property checks this before it writes the bundle out, instead of failing on its own input.
 */
export function jsonFits(value: unknown, limit: number): boolean {
    let size = 0;
    const stack: unknown[] = [value];
    while (stack.length > 0) {
        const item = stack.pop();
        if (typeof item === 'string') size += item.length * 6 + 2;
        else if (typeof item === 'object' && item !== null) {
            for (const [key, child] of Object.entries(item)) {
                size += key.length * 6 + 4;
                stack.push(child);
            }
            size += 2;
        } else size += 24;
        if (size > limit) return false;
    }
    return true;
}

/** The largest bundle or event a property writes out: 32 MB of JSON. */
export const MAX_PROPERTY_JSON = 32 * 1024 * 1024;

/** A fresh copy of `base` with the mutations applied in order. */
export function mutate(base: Json, mutations: readonly Mutation[]): Json {
    const bundle = structuredClone(base);
    for (const m of mutations) {
        apply(bundle, m);
    }
    return bundle;
}

function apply(bundle: Json, m: Mutation): void {
    if (m.kind === 'duplicate' || m.kind === 'repeat') {
        const list = bundle[m.list];
        if (!Array.isArray(list) || list.length === 0) return;
        if (m.kind === 'repeat') {
            bundle[m.list] = Array.from({ length: m.times }, (_, i) => structuredClone(list[i % list.length]));
        } else {
            const from = list[m.from % list.length];
            const to = list[m.to % list.length];
            if (from && to && typeof from === 'object' && typeof to === 'object') {
                to.id = from.id;
                if ('name' in from) to.name = from.name;
            }
        }
        return;
    }
    if (m.kind === 'chain') {
        // A category tree `length` levels deep, the rules' first category at its root.
        const categories = bundle.categories;
        if (!Array.isArray(categories) || categories.length === 0 || typeof categories[0] !== 'object') return;
        const template = categories[0];
        for (let i = 0; i < m.length; i++) {
            categories.push({ ...template, id: `chain.c${i}`, name: `c${i}`, parent: i === 0 ? null : `chain.c${i - 1}` });
        }
        return;
    }
    const paths = pathsOf(bundle);
    if (paths.length === 0) return;
    const path = paths[m.path % paths.length];
    let parent: any = bundle;
    for (const key of path.slice(0, -1)) parent = parent[key];
    const last = path[path.length - 1];
    if (m.kind === 'set') {
        parent[last] = m.value;
    } else if (m.kind === 'delete') {
        if (Array.isArray(parent)) parent.splice(Number(last), 1); else delete parent[last];
    } else {
        const target = parent[last];
        if (typeof target === 'object' && target !== null && !Array.isArray(target)) {
            // defineProperty: `__proto__` becomes an own key, as in parsed JSON.
            Object.defineProperty(target, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
        }
    }
}

/** Events: some well-formed for `categories` and `attributes`, most with hostile parts. */
export function hostileEvent(categories: readonly string[], attributes: readonly string[]): fc.Arbitrary<unknown> {
    const names = fc.oneof(fc.constantFrom(...(attributes.length > 0 ? attributes : ['x'])), hostileKey);
    const record = fc.record({
        category: fc.oneof(fc.constantFrom(...(categories.length > 0 ? categories : ['x'])), hostileValue),
        attributes: fc.oneof(fc.array(fc.tuple(names, fc.oneof(hostileValue, fc.constantFrom<unknown>('app', 'selfMedia', 1, true, 'x'))), { maxLength: 6 }).map(entries => {
            const attrs: Record<string, unknown> = {};
            for (const [k, v] of entries) Object.defineProperty(attrs, k, { value: v, enumerable: true, writable: true, configurable: true });
            return attrs;
        }), hostileValue),
        date: fc.oneof(fc.constantFrom<unknown>(undefined, '2026-06-01', '2026-02-29', '2024-02-29', '0000-01-01'), hostileValue),
        id: fc.oneof(fc.constant(undefined), hostileValue),
    }, { requiredKeys: ['category'] });
    return fc.oneof({ arbitrary: record, weight: 5 }, { arbitrary: hostileValue, weight: 1 });
}
