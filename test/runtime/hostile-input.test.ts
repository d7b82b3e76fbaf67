/**
 * The runtime faces bundles and events from outside: attribute names that are special in
 * JavaScript, deeply nested or huge values, wrong shapes. Its contract (docs/bundle.md): a bundle
 * loads or is refused with a BundleError naming where; an event is decided or refused with an
 * EventError — never another exception, a hang, or a change to Object.prototype.
 */
import fc from 'fast-check';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { BundleError, EventError, decide, loadBundle, type LoadedBundle } from '../../language/src/runtime/index.js';
import { MAX_PROPERTY_JSON, hostileEvent, jsonFits, mutate, mutation } from '../helpers/hostile-bundles.js';
import { VOCABULARY } from '../helpers/vocabulary.js';
import { compile, eventError, load, rule, rules } from './fixtures.js';

afterEach(() => {
    // Nothing may have leaked onto every object.
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

/** Attributes named like Object.prototype's properties, read by a rule. */
async function specialNames(): Promise<LoadedBundle> {
    return load({
        'common.govrule': VOCABULARY,
        'special.govrule': `package t.special
import demo.common.*
attribute __proto__: number default 0
attribute constructor: enum { plain, fancy } default plain
attribute toString: text default ""
attribute hasOwnProperty: boolean default false
category c
rule r { category c severity minor responsible reviewer actions remove
    when __proto__ > 5 and constructor == fancy and toString == "x" and hasOwnProperty }
`,
    });
}

describe('attribute names that mean something to JavaScript', () => {
    test('__proto__, constructor, toString and hasOwnProperty are ordinary attributes', async () => {
        const loaded = await specialNames();
        const event = JSON.parse('{"category":"t.special.c","attributes":{"channel":"app","__proto__":9,"constructor":"fancy","toString":"x","hasOwnProperty":true}}');
        expect(decide(loaded, event).rule).toBe('t.special.r');
        const defaults = JSON.parse('{"category":"t.special.c","attributes":{"channel":"app"}}');
        const d = decide(loaded, defaults, { explain: true });
        expect(d.rule).toBeNull();
        // Their defaults are used, not whatever Object.prototype has under those names.
        expect(d.explain![0].condition.parts!.map(p => p.value)).toEqual([0, 'plain', '', false]);
    });

    test('a wrong value under such a name is an error naming it', async () => {
        const loaded = await specialNames();
        const event = JSON.parse('{"category":"t.special.c","attributes":{"channel":"app","__proto__":{"polluted":true}}}');
        const err = eventError(() => decide(loaded, event));
        expect([err.attribute, err.message]).toEqual(['__proto__', "attribute '__proto__' must be a number, not an object"]);
    });

    test('undeclared special keys are ignored, or reported when strict, and pollute nothing', async () => {
        const loaded = await load(rules(rule('r', 'category top severity minor')));
        const event = JSON.parse('{"category":"t.r.top","__proto__":{"polluted":true},"attributes":{"channel":"app","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}}');
        expect(decide(loaded, event).rule).toBe('t.r.r');
        expect(eventError(() => decide(loaded, event, { strict: true })).message).toBe('unknown key "__proto__" in the event (expected category, attributes, date, id)');
        const inner = JSON.parse('{"category":"t.r.top","attributes":{"channel":"app","__proto__":{"polluted":true}}}');
        expect(eventError(() => decide(loaded, inner, { strict: true })).message).toBe('unknown attribute "__proto__"');
    });

    test('only own properties count: inherited ones are not part of the event', async () => {
        const loaded = await load(rules(rule('r', 'category top severity minor')));
        const attributes = Object.create({ channel: 'app' });
        expect(eventError(() => decide(loaded, { category: 't.r.top', attributes })).attribute).toBe('channel');
        const event = Object.create({ category: 't.r.top' });
        expect(eventError(() => decide(loaded, event)).message).toBe('the event has no "category"');
    });
});

describe('shapes and sizes', () => {
    test.each([
        [null, 'an event is an object { "category", "attributes", "date" }, not null'],
        [[], 'an event is an object { "category", "attributes", "date" }, not an array'],
        ['t.r.top', 'an event is an object { "category", "attributes", "date" }, not the text "t.r.top"'],
        [42, 'an event is an object { "category", "attributes", "date" }, not the number 42'],
        [{ attributes: {} }, 'the event has no "category"'],
        [{ category: ['t.r.top'] }, 'the event\'s "category" must be a category id, not an array'],
        [{ category: 't.r.top', attributes: [['channel', 'app']] }, 'the event\'s "attributes" must be an object of attribute values, not an array'],
        [{ category: 't.r.top', attributes: 'channel=app' }, 'the event\'s "attributes" must be an object of attribute values, not the text "channel=app"'],
        [{ category: 't.r.top', attributes: { channel: 'app' }, date: 20260101 }, 'the event\'s "date" must be a calendar date YYYY-MM-DD, not the number 20260101'],
    ])('a malformed event is refused: %j', async (event, message) => {
        const loaded = await load(rules(rule('r', 'category top severity minor')));
        expect(eventError(() => decide(loaded, event)).message).toBe(message);
    });

    test('a value nested 100,000 levels deep is refused at once, without walking into it', async () => {
        const loaded = await load(rules(rule('r', 'category top severity minor')));
        const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
        const event = JSON.parse(`{"category":"t.r.top","attributes":{"channel":"app","reports":${deep},"unknown":${deep}}}`);
        expect(eventError(() => decide(loaded, event)).message).toBe("attribute 'reports' must be a number, not an array");
        const ignored = JSON.parse(`{"category":"t.r.top","attributes":{"channel":"app","unknown":${deep}}}`);
        expect(decide(loaded, ignored).rule).toBe('t.r.r');
    });

    test('a huge event is decided in reasonable time', async () => {
        const loaded = await load(rules(rule('r', 'category top severity minor when district == "x"')));
        const attributes: Record<string, unknown> = { channel: 'app', district: 'x' };
        for (let i = 0; i < 200_000; i++) {
            attributes[`extra${i}`] = i;
        }
        const started = performance.now();
        expect(decide(loaded, { category: 't.r.top', attributes }).rule).toBe('t.r.r');
        expect(performance.now() - started).toBeLessThan(5000);
    });

    test('a huge text value works, and messages quote only its start', async () => {
        const loaded = await load(rules(rule('r', 'category top severity minor when district == "x"')));
        const big = 'x'.repeat(10_000_000);
        expect(decide(loaded, { category: 't.r.top', attributes: { channel: 'app', district: big } }).rule).toBeNull();
        const err = eventError(() => decide(loaded, { category: 't.r.top', attributes: { channel: big } }));
        expect(err.message.length).toBeLessThan(200);
        const unknown = eventError(() => decide(loaded, { category: big, attributes: { channel: 'app' } }));
        expect(unknown.message.length).toBeLessThan(300);
    });

    test.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])('a number that JSON cannot carry is refused: %s', async value => {
        const loaded = await load(rules(rule('r', 'category top severity minor when reports > 1')));
        expect(eventError(() => decide(loaded, { category: 't.r.top', attributes: { channel: 'app', reports: value } })).attribute).toBe('reports');
    });
});

/** A loaded bundle, or undefined after a BundleError that names a path in one line; anything else fails. */
function loadOrRefuse(input: unknown): LoadedBundle | undefined {
    try {
        return loadBundle(input);
    } catch (err) {
        if (!(err instanceof BundleError)) throw err;
        expect(err.message).not.toMatch(/[\n\r\u2028\u2029]/);
        expect(err.message.length).toBeLessThanOrEqual(1001);
        expect(err.path).toMatch(/^(\/[^/]*)*$/);
        return undefined;
    }
}

/** Decides the event every way a caller can; each gives a decision or an EventError. */
function decideOrRefuse(loaded: LoadedBundle, event: unknown): void {
    for (const options of [{}, { explain: true }, { strict: true, date: '2026-06-01' }]) {
        try {
            const decision = decide(loaded, event, options);
            expect(decision.rule === null || loaded.rules.some(r => r.id === decision.rule)).toBe(true);
            expect(typeof JSON.stringify(decision)).toBe('string');
        } catch (err) {
            if (!(err instanceof EventError)) throw err;
            expect(err.message).not.toMatch(/[\n\r\u2028\u2029]/);
        }
    }
}

describe('the contract on hostile bundles and events (property)', () => {
    let base: Record<string, any>;
    let categories: string[];
    let attributes: string[];

    beforeAll(async () => {
        base = JSON.parse(JSON.stringify(await compile(rules(`/** doc */
rule r "label" {
    category top.mid severity serious responsible reviewer actions fine(amount: 100 CNY), remove
    when channel in [app, selfMedia] and (reports > 1 or not verified) and district != "x"
    escalate { after 1h to cac after 1d to editor }
    basis "x"
    effective 2026-01-01 .. 2026-12-31
}
${rule('s', 'category other severity minor priority 2')}
test "t" { given top.mid { channel: app, reports: 2 } on 2026-06-01 expect rule r expect escalation to cac within 2h }
`))));
        categories = base.categories.map((c: { id: string }) => c.id);
        attributes = base.attributes.map((a: { name: string }) => a.name);
    });

    test('any bundle loads or is refused with a BundleError; a loaded one decides or refuses each event with an EventError', () => {
        fc.assert(fc.property(
            fc.array(mutation, { minLength: 1, maxLength: 3 }),
            fc.constantFrom('object', 'text', 'cut text'),
            fc.nat(),
            fc.array(hostileEvent(categories, attributes), { minLength: 1, maxLength: 4 }),
            (mutations, form, cut, events) => {
                const bundle = mutate(base, mutations);
                fc.pre(jsonFits(bundle, MAX_PROPERTY_JSON));
                const text = form === 'object' ? undefined : JSON.stringify(bundle);
                const loaded = loadOrRefuse(text === undefined ? bundle : form === 'text' ? text : text.slice(0, cut % (text.length + 1)));
                if (loaded) {
                    for (const event of events) decideOrRefuse(loaded, event);
                }
            },
        ), { numRuns: 60 });
    }, 180_000);

    test('the valid bundle decides every hostile event or refuses it with an EventError', () => {
        const loaded = loadBundle(base);
        fc.assert(fc.property(hostileEvent(categories, attributes), event => decideOrRefuse(loaded, event)), { numRuns: 400 });
    });

    test('values JSON cannot hold are refused with their path, whatever their place', () => {
        for (const [value, what] of [[undefined, 'undefined'], [() => 1, 'a function'], [Number.NaN, 'the number NaN'], [Number.POSITIVE_INFINITY, 'the number Infinity'], [10n, 'a bigint'], [new Date(0), 'an object that is not plain JSON data']] as const) {
            const bundle = structuredClone(base);
            bundle.rules[0].basis = ['x', value];
            const err = (() => { try { loadBundle(bundle); } catch (e) { return e as BundleError; } throw new Error('loaded'); })();
            expect([err.name, err.path, err.message]).toEqual(['BundleError', '/rules/0/basis/1', `the bundle does not match the bundle schema: /rules/0/basis/1 is ${what}, which JSON cannot hold`]);
        }
    });

    test('messages stay on one line and short, whatever the bundle names hold', () => {
        const bundle = structuredClone(base);
        bundle.rules[0].severity = `demo.common.${'x'.repeat(100_000)}`;
        const err = (() => { try { loadBundle(bundle, { schema: false }); } catch (e) { return e as BundleError; } throw new Error('loaded'); })();
        expect(err.message).toBe(`the bundle is inconsistent at /rules/0/severity: rule 't.r.r' has unknown severity 'demo.common.${'x'.repeat(48)}…'`);
        bundle.rules[0].severity = 'demo.common.minor';
        bundle.rules[0]['we\night'] = 1;
        expect(() => loadBundle(bundle)).toThrow("the bundle does not match the bundle schema: /rules/0 must NOT have additional properties ('we\\night')");
    });
});
