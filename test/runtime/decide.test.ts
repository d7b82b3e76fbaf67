/**
 * The decision semantics of LANGUAGE.md §8, one rule of it at a time: the winner order, defaults,
 * required attributes, categories and their ancestors, effective dates, disabled rules, and the
 * errors an event can raise.
 */
import { describe, expect, test } from 'vitest';
import { decide, decisionJson, todayUtc, type LoadedBundle } from '../../language/src/runtime/index.js';
import { eventError, load, rule, rules } from './fixtures.js';

const DATE = '2026-06-15';

function decideOn(loaded: LoadedBundle, category: string, attributes: Record<string, unknown> = {}, date: string | undefined = DATE) {
    return decide(loaded, { category: `t.r.${category}`, attributes: { channel: 'app', ...attributes }, ...(date ? { date } : {}) });
}

describe('winner order (§8)', () => {
    test('the highest priority wins, whatever its severity or category depth', async () => {
        const loaded = await load(rules(
            rule('deepCritical', 'category top.mid.leaf severity critical escalate { after 1h to cac }')
            + rule('broadPriority', 'category top severity minor priority 3')));
        const d = decideOn(loaded, 'top.mid.leaf');
        expect(d.rule).toBe('t.r.broadPriority');
        expect(d.alsoMatched).toEqual(['t.r.deepCritical']);
    });

    test('at equal priority, the deepest matching category wins', async () => {
        const loaded = await load(rules(
            rule('onTop', 'category top severity critical escalate { after 1h to cac }')
            + rule('onMid', 'category top.mid severity minor')));
        expect(decideOn(loaded, 'top.mid.leaf').rule).toBe('t.r.onMid');
        expect(decideOn(loaded, 'top.mid').rule).toBe('t.r.onMid');
        const onTop = decideOn(loaded, 'top');
        expect([onTop.rule, onTop.alsoMatched]).toEqual(['t.r.onTop', []]);
    });

    test('a rule of several categories matches through its deepest one on the event\'s path', async () => {
        const loaded = await load(rules(
            rule('both', 'category other, top.mid severity minor')
            + rule('mid', 'category top severity critical escalate { after 1h to cac }')));
        // `both` is at depth 1 (top.mid) for a leaf event, `mid` at depth 0 (top).
        expect(decideOn(loaded, 'top.mid.leaf').rule).toBe('t.r.both');
        expect(decideOn(loaded, 'other').rule).toBe('t.r.both');
    });

    test('at equal priority and depth, the highest severity wins', async () => {
        const loaded = await load(rules(
            rule('low', 'category top severity minor')
            + rule('high', 'category top severity serious')));
        expect(decideOn(loaded, 'top').rule).toBe('t.r.high');
    });

    test('then the first in bundle order (rules are sorted by id)', async () => {
        const loaded = await load(rules(
            rule('zeta', 'category top severity minor')
            + rule('alpha', 'category top severity minor')));
        const d = decideOn(loaded, 'top');
        expect([d.rule, d.alsoMatched]).toEqual(['t.r.alpha', ['t.r.zeta']]);
    });

    test('alsoMatched lists the other matches in the order they would have won', async () => {
        const loaded = await load(rules(
            rule('a', 'category top severity minor')
            + rule('b', 'category top.mid severity minor')
            + rule('c', 'category top severity serious priority 1')
            + rule('d', 'category top severity critical priority 2 escalate { after 1h to cac }')
            + rule('e', 'category top severity minor when reports > 100')));
        const d = decideOn(loaded, 'top.mid');
        expect([d.rule, d.alsoMatched]).toEqual(['t.r.d', ['t.r.c', 't.r.b', 't.r.a']]);
    });

    test('the decision carries the winner\'s severity, actions with arguments, responsible post and escalation', async () => {
        const loaded = await load(rules(
            'rule r { category top severity serious responsible editor actions remove, fine(amount: 500 CNY) escalate { after 2h to reviewer after 1d to cac } }\n'));
        expect(decideOn(loaded, 'top')).toEqual({
            rule: 't.r.r',
            campaign: null,
            severity: 'demo.common.serious',
            actions: [{ action: 'demo.common.remove', args: {} }, { action: 'demo.common.fine', args: { amount: { amount: 500, currency: 'CNY' } } }],
            responsible: 'demo.common.editor',
            escalation: [
                { after: 'PT2H', afterSeconds: 7200, to: 'demo.common.reviewer', toKind: 'post' },
                { after: 'P1D', afterSeconds: 86400, to: 'demo.common.cac', toKind: 'authority' },
            ],
            alsoMatched: [],
        });
    });

    test('no match: every field empty', async () => {
        const loaded = await load(rules(rule('r', 'category top severity minor when reports > 5')));
        expect(decideOn(loaded, 'top')).toEqual({ rule: null, campaign: null, severity: null, actions: [], responsible: null, escalation: [], alsoMatched: [] });
        expect(decideOn(loaded, 'other').rule).toBeNull();
    });
});

describe('categories', () => {
    test('a rule covers its category and every descendant, not its parent or siblings', async () => {
        const loaded = await load(rules(rule('r', 'category top.mid severity minor')));
        expect(['top', 'top.mid', 'top.mid.leaf', 'other'].map(c => decideOn(loaded, c).rule)).toEqual([null, 't.r.r', 't.r.r', null]);
    });

    test('an unknown category is an error with a suggestion', async () => {
        const loaded = await load(rules(rule('r', 'category top severity minor')));
        const err = eventError(() => decide(loaded, { category: 't.r.top.mdi', attributes: { channel: 'app' } }));
        expect(err.message).toBe('unknown category "t.r.top.mdi" (did you mean \'t.r.top.mid\'?)');
    });
});

describe('attributes', () => {
    test('a missing attribute takes its default; null counts as missing', async () => {
        const loaded = await load(rules(rule('r', 'category top severity minor when reports == 0 and not verified and district == ""')));
        expect(decideOn(loaded, 'top').rule).toBe('t.r.r');
        expect(decideOn(loaded, 'top', { reports: null, verified: null }).rule).toBe('t.r.r');
        expect(decideOn(loaded, 'top', { reports: 1 }).rule).toBeNull();
    });

    test('a missing required attribute is an error naming it, even when no rule reads it', async () => {
        const loaded = await load(rules(rule('r', 'category top severity minor')));
        for (const attributes of [{}, { channel: null }]) {
            const err = eventError(() => decide(loaded, { category: 't.r.top', attributes, date: DATE }));
            expect([err.message, err.attribute]).toEqual(["the event lacks required attribute 'channel' (no default)", 'channel']);
        }
        expect(eventError(() => decide(loaded, { category: 't.r.top' })).attribute).toBe('channel');
    });

    test.each([
        [{ reports: '5' }, 'reports', 'attribute \'reports\' must be a number, not the text "5"'],
        [{ reports: true }, 'reports', "attribute 'reports' must be a number, not true"],
        [{ channel: 'App' }, 'channel', 'attribute \'channel\' must be one of website, app, selfMedia, not the text "App"'],
        [{ channel: 1 }, 'channel', "attribute 'channel' must be one of website, app, selfMedia, not the number 1"],
        [{ verified: 'true' }, 'verified', 'attribute \'verified\' must be true or false, not the text "true"'],
        [{ district: 3 }, 'district', "attribute 'district' must be a text, not the number 3"],
        [{ district: ['a'] }, 'district', "attribute 'district' must be a text, not an array"],
        [{ reports: { value: 5 } }, 'reports', "attribute 'reports' must be a number, not an object"],
    ])('a value of the wrong type is an error naming the attribute: %j', async (attributes, name, message) => {
        const loaded = await load(rules(rule('r', 'category top severity minor')));
        const err = eventError(() => decide(loaded, { category: 't.r.top', attributes: { channel: 'app', ...attributes }, date: DATE }));
        expect([err.attribute, err.message]).toEqual([name, message]);
    });

    test('numbers need not be integers or positive', async () => {
        const loaded = await load(rules(rule('r', 'category top severity minor when reports > 5 and reports < 6')));
        expect(decideOn(loaded, 'top', { reports: 5.5 }).rule).toBe('t.r.r');
        expect(decideOn(loaded, 'top', { reports: -1 }).rule).toBeNull();
    });

    test('attributes the bundle does not declare are ignored, or rejected when strict', async () => {
        const loaded = await load(rules(rule('r', 'category top severity minor when reports > 5')));
        const event = { category: 't.r.top', attributes: { channel: 'app', reports: 9, report: 1 }, date: DATE };
        expect(decide(loaded, event).rule).toBe('t.r.r');
        const err = eventError(() => decide(loaded, event, { strict: true }));
        expect([err.message, err.attribute]).toEqual(['unknown attribute "report" (did you mean \'reports\'?)', 'report']);
        expect(eventError(() => decide(loaded, { ...event, attributes: { channel: 'app' }, extra: 1 } as never, { strict: true })).message)
            .toBe('unknown key "extra" in the event (expected category, attributes, date, id)');
        expect(decide(loaded, { ...event, extra: 1 } as never).rule).toBe('t.r.r');
    });
});

describe('effective dates and disabled rules', () => {
    test('both ends are inclusive', async () => {
        const loaded = await load(rules(rule('r', 'category top severity minor effective 2026-03-01 .. 2026-12-31')));
        const on = (date: string) => decideOn(loaded, 'top', {}, date).rule;
        expect(['2026-02-28', '2026-03-01', '2026-07-01', '2026-12-31', '2027-01-01'].map(on)).toEqual([null, 't.r.r', 't.r.r', 't.r.r', null]);
    });

    test('an open end: in force from a date on', async () => {
        const loaded = await load(rules(rule('r', 'category top severity minor effective 2026-03-01')));
        expect(decideOn(loaded, 'top', {}, '2099-01-01').rule).toBe('t.r.r');
        expect(decideOn(loaded, 'top', {}, '2026-02-28').rule).toBeNull();
    });

    test('without a date: the date option, else the current UTC date', async () => {
        const today = todayUtc();
        const loaded = await load(rules(rule('today', `category top severity minor effective ${today} .. ${today}`)));
        expect(decide(loaded, { category: 't.r.top', attributes: { channel: 'app' } }).rule).toBe('t.r.today');
        expect(decide(loaded, { category: 't.r.top', attributes: { channel: 'app' } }, { date: '2000-01-01' }).rule).toBeNull();
        // The event's own date comes first.
        expect(decide(loaded, { category: 't.r.top', attributes: { channel: 'app' }, date: today }, { date: '2000-01-01' }).rule).toBe('t.r.today');
    });

    test.each(['2026-02-30', '2026-6-1', '20260601', 'today', ''])('an impossible date is an error: %j', async date => {
        const loaded = await load(rules(rule('r', 'category top severity minor')));
        expect(eventError(() => decide(loaded, { category: 't.r.top', attributes: { channel: 'app' }, date })).message)
            .toMatch(/^the event's "date" must be a calendar date YYYY-MM-DD/);
    });

    test('a disabled rule never matches, whatever its priority', async () => {
        const loaded = await load(rules(
            rule('off', 'category top severity critical priority 9 disabled escalate { after 1h to cac }')
            + rule('active', 'category top severity minor')));
        const d = decideOn(loaded, 'top');
        expect([d.rule, d.alsoMatched]).toEqual(['t.r.active', []]);
    });
});

describe('the decision object', () => {
    test('an event id is copied into the decision', async () => {
        const loaded = await load(rules(rule('r', 'category top severity minor')));
        expect(decide(loaded, { id: 'e-1', category: 't.r.top', attributes: { channel: 'app' } }).id).toBe('e-1');
        expect(decide(loaded, { id: 7, category: 't.r.top', attributes: { channel: 'app' } }).id).toBe(7);
        expect(eventError(() => decide(loaded, { id: { x: 1 } as never, category: 't.r.top', attributes: { channel: 'app' } })).message)
            .toBe('the event\'s "id" must be a string or a number, not an object');
    });

    test('decisionJson is JSON.stringify of the decision', async () => {
        const loaded = await load(rules(rule('r', 'category top severity minor when reports > 1') + rule('s', 'category top severity minor')));
        for (const event of [
            { category: 't.r.top', attributes: { channel: 'app', reports: 2 } },
            { category: 't.r.top', attributes: { channel: 'app' }, id: 'x"y' },
            { category: 't.r.other', attributes: { channel: 'app' }, id: 3 },
        ]) {
            for (let i = 0; i < 2; i++) {
                const d = decide(loaded, event);
                expect(decisionJson(d)).toBe(JSON.stringify(d));
            }
            const explained = decide(loaded, event, { explain: true });
            expect(decisionJson(explained)).toBe(JSON.stringify(explained));
        }
    });

    test('a caller changing a decision cannot change the next one', async () => {
        const loaded = await load(rules(rule('r', 'category top severity minor')));
        const first = decideOn(loaded, 'top');
        expect(() => (first.actions as unknown[]).push({})).toThrow();
        expect(() => { (first.actions[0] as { action: string }).action = 'x'; }).toThrow();
        expect(decideOn(loaded, 'top').actions).toEqual([{ action: 'demo.common.remove', args: {} }]);
    });
});

describe('explain', () => {
    test('every rule covering the category, with its outcome, reason and condition parts', async () => {
        const loaded = await load(rules(
            rule('winner', 'category top severity serious priority 2 when reports >= 3 and (verified or channel == app)')
            + rule('loser', 'category top.mid severity minor when reports > 1')
            + rule('failed', 'category top severity minor when reports > 100 or district == "x"')
            + rule('later', 'category top severity minor effective 2027-01-01')
            + rule('off', 'category top severity minor disabled')
            + rule('elsewhere', 'category other severity minor')));
        const d = decide(loaded, { category: 't.r.top.mid', attributes: { channel: 'app', reports: 5 }, date: DATE }, { explain: true });
        expect(d.explain!.map(e => [e.rule, e.outcome, e.category, e.reason])).toEqual([
            ['t.r.winner', 'won', 't.r.top', 'won over 1 other match'],
            ['t.r.loser', 'matched', 't.r.top.mid', "matched, but 't.r.winner' wins by priority (2 > 0)"],
            ['t.r.failed', 'condition-failed', 't.r.top', 'its condition does not hold'],
            ['t.r.later', 'not-in-force', 't.r.top', 'not in force on 2026-06-15 (effective 2027-01-01 .. …)'],
            ['t.r.off', 'disabled', 't.r.top', 'the rule is disabled'],
        ]);
        expect(d.explain![0].condition).toEqual({
            condition: 'reports >= 3 and (verified or channel == app)',
            holds: true,
            parts: [
                { condition: 'reports >= 3', holds: true, attribute: 'reports', value: 5 },
                {
                    condition: 'verified or channel == app', holds: true, parts: [
                        { condition: 'verified', holds: false, attribute: 'verified', value: false, defaulted: true },
                        { condition: 'channel == app', holds: true, attribute: 'channel', value: 'app' },
                    ],
                },
            ],
        });
        expect(d.explain![2].condition.parts!.map(p => [p.condition, p.holds])).toEqual([['reports > 100', false], ['district == "x"', false]]);
        expect(d.explain![3].condition).toEqual({ condition: 'true', holds: true });
    });

    test('the reason names the step of the order that decided', async () => {
        const loaded = await load(rules(
            rule('a', 'category top.mid severity minor')
            + rule('b', 'category top severity minor')
            + rule('c', 'category top.mid severity minor')
            + rule('d', 'category top.mid severity serious')));
        const reasons = decide(loaded, { category: 't.r.top.mid', attributes: { channel: 'app' } }, { explain: true }).explain!.map(e => e.reason);
        expect(reasons).toEqual([
            'won over 3 other matches',
            "matched, but 't.r.d' wins by severity (serious > minor)",
            "matched, but 't.r.d' wins by severity (serious > minor)",
            "matched, but 't.r.d' wins by a more specific category ('t.r.top.mid' is inside 't.r.top')",
        ]);
    });

    test('between equals in everything but their place in the bundle, the place decides', async () => {
        const loaded = await load(rules(
            rule('b', 'category top.mid severity minor priority 1')
            + rule('a', 'category top.mid severity minor priority 1')
            + rule('c', 'category top severity minor priority 1')));
        const d = decide(loaded, { category: 't.r.top.mid.leaf', attributes: { channel: 'app' } }, { explain: true });
        expect(d.explain!.map(e => [e.rule, e.reason])).toEqual([
            ['t.r.a', 'won over 2 other matches'],
            ['t.r.b', "matched, but 't.r.a' wins by coming first in the bundle (ids in order)"],
            ['t.r.c', "matched, but 't.r.a' wins by a more specific category ('t.r.top.mid' is inside 't.r.top')"],
        ]);
    });

    test('negated comparisons and lists are printed as written', async () => {
        const loaded = await load(rules(rule('r', 'category top severity minor when channel not in [website, selfMedia] and not (reports > 3) and not verified')));
        const d = decide(loaded, { category: 't.r.top', attributes: { channel: 'app' } }, { explain: true });
        expect(d.explain![0].condition.condition).toBe('channel not in [website, selfMedia] and not (reports > 3) and not verified');
        expect(d.explain![0].condition.parts!.map(p => [p.condition, p.holds, p.value])).toEqual([
            ['channel not in [website, selfMedia]', true, 'app'], ['not (reports > 3)', true, 0], ['not verified', true, false]]);
    });
});
