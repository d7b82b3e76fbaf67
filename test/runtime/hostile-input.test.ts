/**
 * The runtime faces events from outside: attribute names that are special in JavaScript, deeply
 * nested or huge values, wrong shapes. It must decide correctly or refuse with an EventError —
 * never crash, hang, or change Object.prototype.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { decide, type LoadedBundle } from '../../language/src/runtime/index.js';
import { COMMON, eventError, load, rule, rules } from './fixtures.js';

afterEach(() => {
    // Nothing may have leaked onto every object.
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

/** Attributes named like Object.prototype's properties, read by a rule. */
async function specialNames(): Promise<LoadedBundle> {
    return load({
        'common.govrule': COMMON,
        'special.govrule': `package t.special
import t.common.*
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
