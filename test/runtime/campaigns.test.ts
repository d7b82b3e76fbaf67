/**
 * Campaigns in the runtime (LANGUAGE.md §5.1, docs/bundle.md "Campaigns"): a rule is in force
 * within its campaign's period, the decision names the winning rule's campaign, and a bundle that
 * contradicts itself about campaigns is refused.
 */
import { describe, expect, test } from 'vitest';
import { BundleError, decide, decisionJson, loadBundle } from '../../language/src/runtime/index.js';
import type { Bundle } from '../../language/src/bundle/types.js';
import { compile, load, rule, rules } from './fixtures.js';

const CAMPAIGN = 'campaign spring "春季专项" effective 2026-03-01 .. 2026-05-31\n';
const SOURCES = rules(CAMPAIGN
    + rule('standing', 'category top severity minor')
    + rule('inCampaign', 'category top severity serious priority 5 campaign spring')
    + rule('narrowed', 'category top.mid severity serious priority 9 campaign spring effective 2026-04-01 .. 2026-12-31'));

function on(date: string, category = 't.r.top') {
    return { category, attributes: { channel: 'app' }, date };
}

function refusal(bundle: Bundle): BundleError {
    try {
        loadBundle(JSON.stringify(bundle));
    } catch (err) {
        expect(err).toBeInstanceOf(BundleError);
        return err as BundleError;
    }
    throw new Error('the bundle was loaded');
}

describe('campaigns at run time', () => {
    test('a campaign rule wins only while the campaign runs, and the decision names its campaign', async () => {
        const loaded = await load(SOURCES);
        const before = decide(loaded, on('2026-02-28'));
        const first = decide(loaded, on('2026-03-01'));
        const last = decide(loaded, on('2026-05-31'));
        const after = decide(loaded, on('2026-06-01'));
        expect([before.rule, before.campaign]).toEqual(['t.r.standing', null]);
        expect([first.rule, first.campaign, first.alsoMatched]).toEqual(['t.r.inCampaign', 't.r.spring', ['t.r.standing']]);
        expect([last.rule, last.campaign]).toEqual(['t.r.inCampaign', 't.r.spring']);
        expect([after.rule, after.campaign]).toEqual(['t.r.standing', null]);
    });

    test('a rule\'s own period and its campaign\'s intersect: in force from the later start to the earlier end', async () => {
        const loaded = await load(SOURCES);
        const mid = (date: string) => decide(loaded, on(date, 't.r.top.mid')).rule;
        expect([mid('2026-03-31'), mid('2026-04-01'), mid('2026-05-31'), mid('2026-06-01')])
            .toEqual(['t.r.inCampaign', 't.r.narrowed', 't.r.narrowed', 't.r.standing']);
        const bundle = await compile(SOURCES);
        expect(bundle.rules.find(r => r.id === 't.r.narrowed')!.effective).toEqual({ from: '2026-04-01', to: '2026-05-31' });
        expect(bundle.campaigns).toEqual([expect.objectContaining({ id: 't.r.spring', label: '春季专项', effective: { from: '2026-03-01', to: '2026-05-31' } })]);
    });

    test('no match: the campaign is null; decisionJson writes the campaign after the rule', async () => {
        const loaded = await load(SOURCES);
        const none = decide(loaded, on('2026-04-15', 't.r.other'));
        expect(none.campaign).toBeNull();
        const won = decide(loaded, { ...on('2026-04-15'), id: 7 });
        expect(decisionJson(won)).toBe(JSON.stringify(won));
        expect(decisionJson(won)).toMatch(/^\{"id":7,"rule":"t\.r\.inCampaign","campaign":"t\.r\.spring","severity":/);
    });

    test('explain says a rule is out of force within its campaign', async () => {
        const loaded = await load(SOURCES);
        const explain = decide(loaded, on('2026-07-01', 't.r.top.mid'), { explain: true }).explain!;
        expect(explain.find(e => e.rule === 't.r.narrowed')).toMatchObject({
            outcome: 'not-in-force',
            reason: "not in force on 2026-07-01 (effective 2026-04-01 .. 2026-05-31, within campaign 't.r.spring')",
        });
        expect(explain.find(e => e.rule === 't.r.standing')!.outcome).toBe('won');
    });

    test('refused: a rule of an unknown campaign, a rule in force outside its campaign, a campaign that ends before it starts', async () => {
        const unknown = await compile(SOURCES);
        unknown.rules.find(r => r.id === 't.r.inCampaign')!.campaign = 't.r.sprung';
        const u = refusal(unknown);
        expect(u.path).toMatch(/^\/rules\/\d+\/campaign$/);
        expect(u.message).toBe("the bundle is inconsistent at /rules/0/campaign: rule 't.r.inCampaign' joins unknown campaign 't.r.sprung' (did you mean 't.r.spring'?)");

        const outside = await compile(SOURCES);
        outside.rules.find(r => r.id === 't.r.narrowed')!.effective = { from: '2026-04-01', to: '2026-12-31' };
        const o = refusal(outside);
        expect(o.path).toMatch(/^\/rules\/\d+\/effective$/);
        expect(o.message).toContain("rule 't.r.narrowed' is in force 2026-04-01 .. 2026-12-31, outside its campaign 't.r.spring' (2026-03-01 .. 2026-05-31)");

        const open = await compile(SOURCES);
        open.rules.find(r => r.id === 't.r.inCampaign')!.effective = { from: null, to: '2026-05-31' };
        expect(refusal(open).message).toContain("rule 't.r.inCampaign' is in force … .. 2026-05-31, outside its campaign");

        const inverted = await compile(SOURCES);
        inverted.campaigns[0].effective = { from: '2026-06-01', to: '2026-03-01' };
        const i = refusal(inverted);
        expect([i.path, i.message]).toEqual(['/campaigns/0/effective',
            "the bundle is inconsistent at /campaigns/0/effective: campaign 't.r.spring' runs from 2026-06-01 to 2026-03-01, which ends before it starts"]);
    });

    test('the schema wants campaigns and each rule\'s campaign', async () => {
        const noList = await compile(SOURCES) as Partial<Bundle>;
        delete noList.campaigns;
        expect(refusal(noList as Bundle).message).toBe("the bundle does not match the bundle schema: / must have required property 'campaigns'");
        const noField = await compile(SOURCES);
        delete (noField.rules[0] as Partial<Bundle['rules'][number]>).campaign;
        expect(refusal(noField).message).toBe("the bundle does not match the bundle schema: /rules/0 must have required property 'campaign'");
    });

    test('a version-1 bundle is refused with the advice to recompile', async () => {
        const old = { ...await compile(SOURCES), formatVersion: 1 } as unknown as Bundle;
        const error = refusal(old);
        expect([error.path, error.message]).toEqual(['/formatVersion',
            'outdated bundle: "formatVersion" is 1, an older format this runtime no longer reads (it reads version 2); recompile the rules with a current govrule and load the new bundle']);
    });
});
