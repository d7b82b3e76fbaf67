/**
 * Events as the runtime reads them (§8): the date, missing and unknown attributes, long names,
 * and what `given` records for explain.
 */
import { describe, expect, test, vi } from 'vitest';
import { decide, normalizeEvent, type LoadedBundle } from '../../language/src/runtime/index.js';
import { VOCABULARY } from '../helpers/vocabulary.js';
import { eventError, load, rule, rules } from './fixtures.js';

const DATE = '2026-06-15';

async function bundle(): Promise<LoadedBundle> {
    return load(rules(rule('r', 'category top severity minor effective 2026-01-01 .. 2026-12-31')));
}

describe('the date', () => {
    test('the first event a process decides has its date checked too', async () => {
        // A fresh copy of the runtime, as a new process has: no date seen yet.
        vi.resetModules();
        const fresh = await import('../../language/src/runtime/index.js');
        const loaded = fresh.loadBundle(JSON.stringify((await bundle()).bundle));
        for (const date of ['', '2026-02-30']) {
            expect(() => fresh.decide(loaded, { category: 't.r.top', attributes: { channel: 'app' }, date }), JSON.stringify(date))
                .toThrow(`the event's "date" must be a calendar date YYYY-MM-DD, not the text ${JSON.stringify(date)}`);
        }
    });

    test('a date of null is no date: the date option applies', async () => {
        const loaded = await bundle();
        const event = { category: 't.r.top', attributes: { channel: 'app' }, date: null } as never;
        expect(decide(loaded, event, { date: DATE }).rule).toBe('t.r.r');
        expect(decide(loaded, event, { date: '2027-06-15' }).rule).toBeNull();
        expect(normalizeEvent(loaded, event, { date: DATE }).date).toBe(DATE);
    });

    test('a valid date after an invalid one, and an invalid one after a valid one', async () => {
        const loaded = await bundle();
        const on = (date: unknown) => () => decide(loaded, { category: 't.r.top', attributes: { channel: 'app' }, date } as never);
        expect(on(DATE)().rule).toBe('t.r.r');
        expect(() => on('2026-13-01')()).toThrow('must be a calendar date');
        expect(on(DATE)().rule).toBe('t.r.r');
        expect(() => on(['2026-06-15'])()).toThrow('not an array');
        expect(on('2027-06-15')().rule).toBeNull();
        expect(normalizeEvent(loaded, { category: 't.r.top', attributes: { channel: 'app' }, date: '2027-06-15' }).date).toBe('2027-06-15');
    });
});

describe('attributes', () => {
    test('several missing required attributes are all named; the error points at the first', async () => {
        const loaded = await load({
            'common.govrule': `${VOCABULARY}attribute region: enum { north, south }\n`,
            'rules.govrule': 'package t.r\nimport demo.common.*\ncategory top\nrule r { category top severity minor responsible reviewer actions remove when region == north }\n',
        });
        const err = eventError(() => decide(loaded, { category: 't.r.top', attributes: { reports: 2 }, date: DATE }));
        expect([err.message, err.attribute]).toEqual(["the event lacks required attributes 'channel', 'region' (no default)", 'channel']);
        const one = eventError(() => decide(loaded, { category: 't.r.top', attributes: { region: 'north' }, date: DATE }));
        expect([one.message, one.attribute]).toEqual(["the event lacks required attribute 'channel' (no default)", 'channel']);
    });

    test('unknown names get a suggestion only when close and at most 64 characters long; messages show 200', async () => {
        // docs/decisions.md, "Did-you-mean is bounded": names over 64 characters get no suggestion.
        const a64 = 'a'.repeat(64);
        const e65 = 'e'.repeat(65);
        const b201 = 'b'.repeat(201);
        const loaded = await load({
            'common.govrule': `${VOCABULARY}attribute ${a64}: number default 0\nattribute ${e65}: number default 0\nattribute ${b201}: number default 0\n`,
            'rules.govrule': `package t.r\nimport demo.common.*\ncategory top\ncategory ${'c'.repeat(60)}\ncategory ${'d'.repeat(61)}\ncategory ${'f'.repeat(197)}\n`
                + 'rule r { category top severity minor responsible reviewer actions remove }\n',
        });
        const strict = (name: string) => eventError(() => decide(loaded, { category: 't.r.top', attributes: { channel: 'app', [name]: 1 }, date: DATE }, { strict: true }));
        expect(strict('zzzzzzzz').message).toBe('unknown attribute "zzzzzzzz"');
        expect(strict('A'.repeat(64)).message).toBe(`unknown attribute "${'A'.repeat(64)}" (did you mean '${a64}'?)`);
        // Only the letter case differs, but the name is over 64 characters: no suggestion.
        expect(strict('E'.repeat(65)).message).toBe(`unknown attribute "${'E'.repeat(65)}"`);
        const long = strict('B'.repeat(201));
        expect(long.message).toBe(`unknown attribute "${'B'.repeat(200)}"`);
        expect(long.attribute).toBe('B'.repeat(201));

        const unknown = (category: string) => eventError(() => decide(loaded, { category, attributes: { channel: 'app' }, date: DATE })).message;
        expect(unknown('zzzzzzzzzzzz')).toBe('unknown category "zzzzzzzzzzzz"');
        const c64 = `T.R.${'C'.repeat(60)}`;
        expect(unknown(c64)).toBe(`unknown category "${c64}" (did you mean 't.r.${'c'.repeat(60)}'?)`);
        const d65 = `T.R.${'D'.repeat(61)}`;
        expect(unknown(d65)).toBe(`unknown category "${d65}"`);
        expect(unknown(`T.R.${'F'.repeat(197)}`)).toBe(`unknown category "T.R.${'F'.repeat(196)}"`);
    });

    test('an id must be a finite number or a text', async () => {
        const loaded = await bundle();
        for (const id of [Number.NaN, Number.POSITIVE_INFINITY, true, null]) {
            expect(eventError(() => decide(loaded, { id, category: 't.r.top', attributes: { channel: 'app' }, date: DATE } as never)).message)
                .toMatch(/^the event's "id" must be a string or a number, not /);
        }
        expect(decide(loaded, { id: 0, category: 't.r.top', attributes: { channel: 'app' }, date: DATE }).id).toBe(0);
        expect('id' in decide(loaded, { category: 't.r.top', attributes: { channel: 'app' }, date: DATE })).toBe(false);
    });

    test('`given` records which values the event gave, only when asked', async () => {
        const loaded = await bundle();
        const event = { category: 't.r.top', attributes: { channel: 'app', verified: null, reports: 3 }, date: DATE };
        const names = loaded.attributeList.map(a => a.name);
        const tracked = normalizeEvent(loaded, event, { trackGiven: true });
        expect(Object.fromEntries(names.map((name, i) => [name, tracked.given[i]])))
            .toEqual({ channel: true, reports: true, verified: false, district: false });
        expect(Object.fromEntries(names.map((name, i) => [name, tracked.values[i]])))
            .toEqual({ channel: 'app', reports: 3, verified: false, district: '' });
        expect(normalizeEvent(loaded, event).given).toEqual([]);
        expect(normalizeEvent(loaded, event, { trackGiven: false }).given).toEqual([]);
    });
});
