/**
 * Differential testing of the runtime: for random bundles and random events, the decision equals
 * a straightforward reference evaluation of §8 written here independently (conditions evaluated
 * by json-logic-js), and every rule's compiled condition agrees with json-logic-js.
 */
import fc from 'fast-check';
import jsonLogic from 'json-logic-js';
import { describe, expect, test } from 'vitest';
import type { Bundle, BundleRule } from '../../language/src/bundle/types.js';
import { EventError, decide, loadBundle, normalizeEvent } from '../../language/src/runtime/index.js';

type Scalar = string | number | boolean;
type AttrType = 'number' | 'boolean' | 'text' | 'enum';
interface Attr { name: string; type: AttrType; values: string[] | null; default: Scalar | null }

// Names that are special to JavaScript objects are in the pool on purpose.
const NAMES = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'reports', 'channel', '渠道', 'a', 'b'];
const NUMBERS = [-1, 0, 0.5, 1, 2, 3, 10];
const TEXTS = ['', 'a', 'b', '两江新区'];
const MEMBERS = ['x', 'y', 'z', '__proto__'];
const DATES = ['2025-12-31', '2026-01-01', '2026-03-15', '2026-06-01', '2026-12-31', '2027-01-01'];
const DEFAULT_DATE = '2026-06-01';
const SOURCE = { file: 'a.govrule', line: 1, column: 1 };

function valueArb(attr: Pick<Attr, 'type' | 'values'>): fc.Arbitrary<Scalar> {
    switch (attr.type) {
        case 'number': return fc.constantFrom(...NUMBERS);
        case 'boolean': return fc.boolean();
        case 'text': return fc.constantFrom(...TEXTS);
        case 'enum': return fc.constantFrom(...attr.values!);
    }
}

const attrArb: fc.Arbitrary<Omit<Attr, 'name'>> = fc.constantFrom<AttrType>('number', 'boolean', 'text', 'enum').chain(type =>
    (type === 'enum' ? fc.uniqueArray(fc.constantFrom(...MEMBERS), { minLength: 1, maxLength: 4 }) : fc.constant(null)).chain(values =>
        fc.option(valueArb({ type, values }), { nil: null, freq: 3 }).map(def => ({ type, values, default: def }))));

const attrsArb: fc.Arbitrary<Attr[]> = fc.uniqueArray(fc.constantFrom(...NAMES), { minLength: 1, maxLength: 4 }).chain(names =>
    fc.tuple(...names.map(() => attrArb)).map(types => names.map((name, i) => ({ name, ...types[i] }))));

function comparisonArb(attr: Attr): fc.Arbitrary<object> {
    const v = { var: attr.name };
    const ops = attr.type === 'number' ? ['===', '!==', '<', '<=', '>', '>='] : ['===', '!=='];
    return fc.oneof(
        fc.tuple(fc.constantFrom(...ops), valueArb(attr)).map(([op, literal]) => ({ [op]: [v, literal] })),
        fc.uniqueArray(valueArb(attr), { maxLength: 3 }).map(list => ({ in: [v, list] })),
    );
}

/** Conditions up to `depth` levels of and/or/not over the attributes. */
function logicArb(attrs: Attr[], depth: number): fc.Arbitrary<object> {
    const leaf = fc.constantFrom(...attrs).chain(comparisonArb);
    if (depth === 0) {
        return leaf;
    }
    const sub = logicArb(attrs, depth - 1);
    return fc.oneof(
        { arbitrary: leaf, weight: 3 },
        { arbitrary: fc.array(sub, { minLength: 2, maxLength: 3 }).map(parts => ({ and: parts })), weight: 1 },
        { arbitrary: fc.array(sub, { minLength: 2, maxLength: 3 }).map(parts => ({ or: parts })), weight: 1 },
        { arbitrary: sub.map(part => ({ '!': part })), weight: 1 },
    );
}

const effectiveArb = fc.tuple(fc.option(fc.constantFrom(...DATES), { nil: null }), fc.option(fc.constantFrom(...DATES), { nil: null }))
    .map(([from, to]) => (from !== null && to !== null && to < from ? { from: to, to: from } : { from, to }));

function element(id: string) {
    return { id, name: id.split('.').pop()!, label: null, doc: null, source: SOURCE };
}

const bundleArb: fc.Arbitrary<Bundle> = attrsArb.chain(attrs => fc.record({
    severityCount: fc.integer({ min: 2, max: 4 }),
    // Category i's parent is one of the categories before it, or none.
    parents: fc.array(fc.nat(), { minLength: 1, maxLength: 7 }).map(picks => picks.map((p, i) => (i === 0 || p % 3 === 0 ? null : p % i))),
}).chain(({ severityCount, parents }) => fc.array(fc.record({
    categories: fc.uniqueArray(fc.nat({ max: parents.length - 1 }), { minLength: 1, maxLength: 2 }),
    severity: fc.nat({ max: severityCount - 1 }),
    priority: fc.nat({ max: 2 }),
    enabled: fc.nat({ max: 4 }).map(n => n > 0),
    effective: effectiveArb,
    when: fc.option(logicArb(attrs, 3), { nil: true as const, freq: 4 }),
    escalate: fc.boolean(),
}), { minLength: 1, maxLength: 8 }).map(rules => {
    const categoryId = (i: number) => `p.c${i}`;
    const bundle: Bundle = {
        format: 'govrule-bundle',
        formatVersion: 2,
        compiler: { name: 'govrule', version: '0.1.0' },
        packages: [{ id: 'p', files: ['a.govrule'] }],
        severities: Array.from({ length: severityCount }, (_, i) => ({ ...element(`p.s${i}`), rank: i })),
        posts: [element('p.editor'), element('p.reviewer')].map(post => ({ ...post, surfaces: [], surfaceAttribute: null })),
        authorities: [element('p.cac')],
        actions: [{ ...element('p.remove'), params: [] }],
        attributes: attrs.map(a => ({ ...element(`p.${a.name}`), name: a.name, type: a.type, values: a.values, default: a.default })),
        categories: parents.map((parent, i) => ({ ...element(categoryId(i)), parent: parent === null ? null : categoryId(parent) })),
        campaigns: [],
        rules: rules.map((r, i): BundleRule => ({
            ...element(`p.r${String(i).padStart(2, '0')}`),
            categories: r.categories.map(categoryId),
            severity: `p.s${r.severity}`,
            responsible: 'p.reviewer',
            actions: [{ action: 'p.remove', args: {} }],
            escalation: r.escalate ? [{ after: 'PT1H', afterSeconds: 3600, to: 'p.cac', toKind: 'authority' }] : [],
            when: r.when as BundleRule['when'],
            priority: r.priority,
            enabled: r.enabled,
            effective: r.effective,
            basis: [],
            campaign: null,
        })),
        tests: [],
    };
    return bundle;
})));

/** Events for a bundle: mostly well-typed, sometimes with a value left out, null, mistyped or unknown. */
function eventArb(bundle: Bundle): fc.Arbitrary<{ category: string; attributes: Record<string, unknown>; date?: string }> {
    const attrs = bundle.attributes as Attr[];
    const slot = (attr: Attr) => fc.oneof(
        { arbitrary: valueArb(attr).map(v => ({ v })), weight: 12 },
        { arbitrary: fc.constant(undefined), weight: 3 },
        { arbitrary: fc.constant({ v: null }), weight: 1 },
        { arbitrary: fc.constantFrom<unknown>('1', 1, true, [], {}).map(v => ({ v })), weight: 1 },
    );
    return fc.record({
        category: fc.constantFrom(...bundle.categories.map(c => c.id)),
        slots: fc.tuple(...attrs.map(slot)),
        extra: fc.boolean(),
        date: fc.option(fc.constantFrom(...DATES), { nil: undefined }),
    }).map(({ category, slots, extra, date }) => {
        const attributes: Record<string, unknown> = {};
        attrs.forEach((attr, i) => {
            const s = slots[i];
            if (s !== undefined) {
                // defineProperty: `__proto__` must be an own key, as JSON.parse makes it.
                Object.defineProperty(attributes, attr.name, { value: s.v, enumerable: true, writable: true, configurable: true });
            }
        });
        if (extra) {
            attributes.notAnAttribute = 'ignored';
        }
        return { category, attributes, ...(date ? { date } : {}) };
    });
}

// ---- the reference: §8 read literally ----

type Reference = { error: Set<string> } | { rule: string | null; alsoMatched: string[] };

function fits(value: unknown, attr: Attr): boolean {
    switch (attr.type) {
        case 'number': return typeof value === 'number' && Number.isFinite(value);
        case 'boolean': return typeof value === 'boolean';
        case 'text': return typeof value === 'string';
        case 'enum': return typeof value === 'string' && attr.values!.includes(value);
    }
}

/** The attribute values as json-logic-js reads them, or the attributes that make the event invalid. */
function referenceData(bundle: Bundle, attributes: Record<string, unknown>): { data: Record<string, unknown> } | { bad: Set<string> } {
    const data: Record<string, unknown> = {};
    const bad = new Set<string>();
    for (const attr of bundle.attributes as Attr[]) {
        const given = Object.prototype.hasOwnProperty.call(attributes, attr.name) ? attributes[attr.name] : undefined;
        let value: unknown;
        if (given === undefined || given === null) {
            if (attr.default === null) bad.add(attr.name);
            value = attr.default;
        } else if (!fits(given, attr)) {
            bad.add(attr.name);
        } else {
            value = given;
        }
        Object.defineProperty(data, attr.name, { value, enumerable: true });
    }
    return bad.size > 0 ? { bad } : { data };
}

function reference(bundle: Bundle, event: { category: string; attributes: Record<string, unknown>; date?: string }): Reference {
    const values = referenceData(bundle, event.attributes);
    if ('bad' in values) {
        return { error: values.bad };
    }
    const parent = new Map(bundle.categories.map(c => [c.id, c.parent]));
    const depth = (id: string) => {
        let d = 0;
        for (let p = parent.get(id); p; p = parent.get(p)) d++;
        return d;
    };
    const path: string[] = [];
    for (let c: string | null | undefined = event.category; c; c = parent.get(c)) path.push(c);
    const date = event.date ?? DEFAULT_DATE;
    const rank = new Map(bundle.severities.map(s => [s.id, s.rank]));
    const matches: Array<{ id: string; priority: number; depth: number; rank: number; index: number }> = [];
    bundle.rules.forEach((rule, index) => {
        if (!rule.enabled) return;
        if (rule.effective.from !== null && date < rule.effective.from) return;
        if (rule.effective.to !== null && date > rule.effective.to) return;
        const covering = rule.categories.filter(c => path.includes(c));
        if (covering.length === 0) return;
        if (!jsonLogic.truthy(jsonLogic.apply(rule.when as jsonLogic.RulesLogic, values.data))) return;
        matches.push({ id: rule.id, priority: rule.priority, depth: Math.max(...covering.map(depth)), rank: rank.get(rule.severity)!, index });
    });
    matches.sort((a, b) => b.priority - a.priority || b.depth - a.depth || b.rank - a.rank || a.index - b.index);
    return { rule: matches[0]?.id ?? null, alsoMatched: matches.slice(1).map(m => m.id) };
}

const scenarioArb = bundleArb.chain(bundle => fc.tuple(fc.constant(bundle), fc.array(eventArb(bundle), { minLength: 1, maxLength: 12 })));

describe('differential: runtime against a reference evaluation', () => {
    test('decisions equal the reference (winner, its fields, other matches) or both reject the event', () => {
        fc.assert(fc.property(scenarioArb, ([bundle, events]) => {
            // Through JSON text, as a platform loads a bundle file (and through the schema check).
            const loaded = loadBundle(JSON.stringify(bundle));
            for (const event of events) {
                const expected = reference(bundle, event);
                let actual;
                try {
                    actual = decide(loaded, event, { date: DEFAULT_DATE });
                } catch (err) {
                    expect(err).toBeInstanceOf(EventError);
                    expect('error' in expected, `the runtime refused a valid event: ${(err as Error).message}`).toBe(true);
                    expect([...(expected as { error: Set<string> }).error]).toContain((err as EventError).attribute);
                    continue;
                }
                expect('error' in expected, 'the runtime decided an event the reference rejects').toBe(false);
                const ref = expected as { rule: string | null; alsoMatched: string[] };
                const winner = bundle.rules.find(r => r.id === ref.rule);
                expect(actual).toEqual({
                    rule: ref.rule,
                    campaign: winner?.campaign ?? null,
                    severity: winner?.severity ?? null,
                    actions: winner?.actions ?? [],
                    responsible: winner?.responsible ?? null,
                    escalation: winner?.escalation ?? [],
                    alsoMatched: ref.alsoMatched,
                });
            }
        }), { numRuns: 400 });
    });

    test('every compiled condition agrees with json-logic-js', () => {
        fc.assert(fc.property(scenarioArb, ([bundle, events]) => {
            const loaded = loadBundle(bundle);
            for (const event of events) {
                const values = referenceData(bundle, event.attributes);
                if ('bad' in values) continue;
                const normalized = normalizeEvent(loaded, event, { date: DEFAULT_DATE });
                for (const info of loaded.rules) {
                    const expected = jsonLogic.truthy(jsonLogic.apply(info.rule.when as jsonLogic.RulesLogic, values.data));
                    expect(info.test(normalized.values), JSON.stringify(info.rule.when)).toBe(expected);
                }
            }
        }), { numRuns: 400 });
    });

    test('explain agrees with the decision and with json-logic-js for every covering rule', () => {
        fc.assert(fc.property(scenarioArb, ([bundle, events]) => {
            const loaded = loadBundle(bundle);
            for (const event of events) {
                const values = referenceData(bundle, event.attributes);
                if ('bad' in values) continue;
                const d = decide(loaded, event, { date: DEFAULT_DATE, explain: true });
                const won = d.explain!.filter(e => e.outcome === 'won').map(e => e.rule);
                expect(won).toEqual(d.rule === null ? [] : [d.rule]);
                expect(d.explain!.filter(e => e.outcome === 'matched').map(e => e.rule)).toEqual(d.alsoMatched);
                for (const e of d.explain!) {
                    const rule = bundle.rules.find(r => r.id === e.rule)!;
                    expect(e.condition.holds).toBe(jsonLogic.truthy(jsonLogic.apply(rule.when as jsonLogic.RulesLogic, values.data)));
                }
            }
        }), { numRuns: 200 });
    });
});
