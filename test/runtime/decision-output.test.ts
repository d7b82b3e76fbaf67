/**
 * What a decision says beyond its winner: decisionJson for any decision a caller holds, and the
 * reasons explain gives for each outcome.
 */
import { describe, expect, test } from 'vitest';
import { decide, decisionJson, loadBundle, type Decision } from '../../language/src/runtime/index.js';
import { compile, load, rule, rules } from './fixtures.js';

const DATE = '2026-06-15';
const EVENT = { category: 't.r.top.mid', attributes: { channel: 'app' }, date: DATE };

describe('decisionJson', () => {
    test('equals JSON.stringify for decisions a caller built or changed, after the same rule was written', async () => {
        const loaded = await load(rules(rule('r', 'category top severity minor') + rule('s', 'category top.mid severity serious when reports > 1')));
        const won = decide(loaded, EVENT);
        const none = decide(loaded, { ...EVENT, category: 't.r.other' });
        expect(decisionJson(won)).toBe(JSON.stringify(won));
        expect(decisionJson(none)).toBe(JSON.stringify(none));
        const changed: Decision[] = [
            { ...won, severity: 'demo.common.critical' },
            { ...won, rule: 't.r.s', severity: 'demo.common.serious' },
            { ...none, severity: 'demo.common.minor', responsible: 'demo.common.editor' },
            { ...won, actions: [{ action: 'demo.common.fine', args: { amount: { amount: 5, currency: 'CNY' } } }] },
            { ...won, alsoMatched: ['t.r.s', 't.r.t'] },
            { ...won, campaign: 't.r.spring' },
        ];
        for (const decision of changed) {
            expect(decisionJson(decision)).toBe(JSON.stringify(decision));
        }
        // A caller's own (unfrozen) action list is never remembered: changing it changes the text.
        const own: Decision = { ...won, actions: [{ action: 'demo.common.remove', args: {} }] };
        expect(decisionJson(own)).toBe(JSON.stringify(own));
        const later = { ...own, severity: 'demo.common.serious' };
        expect(decisionJson(later)).toBe(JSON.stringify(later));
        (own.actions as Decision['actions'][number][]).push({ action: 'demo.common.fine', args: {} });
        expect(decisionJson(own)).toBe(JSON.stringify(own));
    });

    test('with explain, the explanation follows alsoMatched', async () => {
        const loaded = await load(rules(rule('r', 'category top severity minor') + rule('s', 'category top.mid severity serious')));
        const explained = decide(loaded, { ...EVENT, id: 'e' }, { explain: true });
        const text = decisionJson(explained);
        expect(text).toBe(JSON.stringify(explained));
        expect(Object.keys(JSON.parse(text))).toEqual(['id', 'rule', 'campaign', 'severity', 'actions', 'responsible', 'escalation', 'alsoMatched', 'explain']);
    });
});

describe('explain reasons', () => {
    test('at equal priority, depth and severity, the first in the bundle wins, and says so', async () => {
        const loaded = await load(rules(rule('a', 'category top.mid severity minor') + rule('b', 'category top.mid severity minor')));
        const explain = decide(loaded, EVENT, { explain: true }).explain!;
        expect(explain.map(e => [e.rule, e.outcome, e.reason])).toEqual([
            ['t.r.a', 'won', 'won over 1 other match'],
            ['t.r.b', 'matched', "matched, but 't.r.a' wins by coming first in the bundle (ids in order)"],
        ]);
    });

    test('the only match, and an effective period told with its open end', async () => {
        const loaded = await load(rules(
            rule('only', 'category top severity minor priority 1')
            + rule('closed', 'category top severity minor effective 2020-01-01 .. 2020-12-31')
            + rule('future', 'category top severity minor effective 2027-01-01')));
        const explain = decide(loaded, EVENT, { explain: true }).explain!;
        expect(explain.map(e => [e.rule, e.outcome, e.priority, e.severity, e.reason])).toEqual([
            ['t.r.only', 'won', 1, 'demo.common.minor', 'the only rule that matched'],
            ['t.r.closed', 'not-in-force', 0, 'demo.common.minor', `not in force on ${DATE} (effective 2020-01-01 .. 2020-12-31)`],
            ['t.r.future', 'not-in-force', 0, 'demo.common.minor', `not in force on ${DATE} (effective 2027-01-01 .. …)`],
        ]);
        // A bundle written by hand may close the period only at its end.
        const bundle = await compile(rules(rule('until', 'category top severity minor effective 2020-01-01 .. 2020-12-31')));
        bundle.rules[0].effective = { from: null, to: '2020-12-31' };
        const until = loadBundle(bundle);
        expect(decide(until, EVENT, { explain: true }).explain![0].reason).toBe(`not in force on ${DATE} (effective … .. 2020-12-31)`);
        expect(decide(until, { ...EVENT, date: '2019-01-01' }).rule).toBe('t.r.until');
    });

    test('a disabled rule is told as disabled even when out of force or failing', async () => {
        const loaded = await load(rules(rule('off', 'category top severity minor effective 2020-01-01 .. 2020-12-31 when reports > 5 disabled')));
        expect(decide(loaded, EVENT, { explain: true }).explain!.map(e => [e.outcome, e.reason])).toEqual([['disabled', 'the rule is disabled']]);
    });

    test('the date bounds of explain are those of the decision: both ends inclusive', async () => {
        const loaded = await load(rules(rule('r', 'category top severity minor effective 2026-06-15 .. 2026-06-15')));
        expect(decide(loaded, EVENT, { explain: true }).explain![0].outcome).toBe('won');
        for (const date of ['2026-06-14', '2026-06-16']) {
            expect(decide(loaded, { ...EVENT, date }, { explain: true }).explain![0].outcome, date).toBe('not-in-force');
        }
    });
});
