/**
 * The event "Evaluate…" starts from (lsp/features/event-template.ts), in process: the rule's
 * category, the attributes its condition reads with values that let it match where one is plain
 * to see, and a date on which it is in force; checked against the runtime's own decision.
 */
import { describe, expect, test } from 'vitest';
import { eventTemplate } from '../../language/src/lsp/features/event-template.js';
import { decide, loadBundle } from '../../language/src/runtime/index.js';
import type { Bundle, BundleRule } from '../../language/src/bundle/types.js';
import { compile, rules } from '../runtime/fixtures.js';

const RULES = `
rule equal { category top.mid severity minor responsible reviewer actions remove when channel == selfMedia and reports > 3 }
rule member { category top severity minor responsible reviewer actions remove when channel in [app, website] and reports <= 2 }
rule negated { category top severity minor responsible reviewer actions remove when not (channel == app) and district != "x" }
rule bare { category top severity minor responsible reviewer actions remove when verified or reports >= 10 }
rule always { category other severity minor responsible reviewer actions remove }
rule later { category other severity minor responsible reviewer actions remove effective 2999-01-01 }
rule earlier { category other severity minor responsible reviewer actions remove effective 2000-01-01 .. 2000-12-31 }
rule between { category other severity minor responsible reviewer actions remove effective 2000-01-01 .. 2999-12-31 }
`;

const TODAY = '2026-06-01';

function ruleOf(bundle: Bundle, name: string): BundleRule {
    return bundle.rules.find(r => r.name === name)!;
}

describe('the event template', () => {
    test('== and in give their first value, ordering comparisons a number that holds; the rule then matches', async () => {
        const bundle = await compile(rules(RULES));
        const loaded = loadBundle(bundle);
        const equal = eventTemplate(bundle, ruleOf(bundle, 'equal'), TODAY);
        expect(equal).toEqual({ category: 't.r.top.mid', attributes: { channel: 'selfMedia', reports: 4 }, date: TODAY });
        expect(decide(loaded, equal).rule).toBe('t.r.equal');
        const member = eventTemplate(bundle, ruleOf(bundle, 'member'), TODAY);
        expect(member.attributes).toEqual({ channel: 'app', reports: 2 });
        expect([decide(loaded, member).rule, ...decide(loaded, member).alsoMatched]).toContain('t.r.member');
        expect(eventTemplate(bundle, ruleOf(bundle, 'bare'), TODAY).attributes).toEqual({ verified: true, reports: 10 });
    });

    test('under a `not` or for `!=`: the default, else the first value of the type; a rule without a condition reads nothing', async () => {
        const bundle = await compile(rules(RULES));
        // channel has no default: its first member; district's default is "".
        expect(eventTemplate(bundle, ruleOf(bundle, 'negated'), TODAY).attributes).toEqual({ channel: 'website', district: '' });
        expect(eventTemplate(bundle, ruleOf(bundle, 'always'), TODAY)).toEqual({ category: 't.r.other', attributes: {}, date: TODAY });
    });

    test('the date: today when the rule is in force, else the nearer end of its effective period', async () => {
        const bundle = await compile(rules(RULES));
        expect(eventTemplate(bundle, ruleOf(bundle, 'later'), TODAY).date).toBe('2999-01-01');
        expect(eventTemplate(bundle, ruleOf(bundle, 'earlier'), TODAY).date).toBe('2000-12-31');
        expect(eventTemplate(bundle, ruleOf(bundle, 'between'), TODAY).date).toBe(TODAY);
    });

    test('a condition nested thousands deep is walked without recursion, and the walk is bounded', async () => {
        const bundle = await compile(rules(RULES));
        const nested = (pairs: number) => {
            let when: BundleRule['when'] = { '===': [{ var: 'channel' }, 'app'] };
            for (let i = 0; i < pairs; i++) {
                when = { '!': { '!': when } };
            }
            return { ...ruleOf(bundle, 'always'), when };
        };
        // 10,000 levels, as deep as the parser lets a condition go.
        expect(eventTemplate(bundle, nested(5_000), TODAY).attributes).toEqual({ channel: 'app' });
        // Beyond the walk's budget (100,000 nodes) the rest is left out rather than walked.
        expect(eventTemplate(bundle, nested(60_000), TODAY).attributes).toEqual({});
    });
});
