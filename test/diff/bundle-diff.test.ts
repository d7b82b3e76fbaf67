/**
 * diffBundles in-process: each kind of rule change is named once and by its meaning, and what
 * cannot change a decision (layout, doc comments, a delay written in other units) is no change.
 */
import { describe, expect, test } from 'vitest';
import { diffBundles, isEmpty, type RuleChange } from '../../language/src/diff/bundle-diff.js';
import { changeLines } from '../../language/src/diff/render.js';
import { load, rules } from '../runtime/fixtures.js';

async function changesOf(before: string, after: string): Promise<RuleChange[]> {
    const diff = diffBundles(await load(rules(before)), await load(rules(after)));
    expect(diff.rules.added).toEqual([]);
    expect(diff.rules.removed).toEqual([]);
    return diff.rules.changed.flatMap(r => r.changes);
}

async function linesOf(before: string, after: string): Promise<string[]> {
    return (await changesOf(before, after)).flatMap(changeLines);
}

const BASE = 'category top severity minor responsible reviewer';

describe('diffBundles', () => {
    test('actions: added and removed with their arguments; a new order alone shows both lists', async () => {
        expect(await linesOf(`rule r { ${BASE} actions remove }`, `rule r { ${BASE} actions fine(amount: 500 CNY) }`))
            .toEqual(['actions + fine(amount: 500 CNY), − remove']);
        expect(await linesOf(`rule r { ${BASE} actions remove, fine(amount: 1 CNY) }`, `rule r { ${BASE} actions fine(amount: 1 CNY), remove }`))
            .toEqual(['actions remove, fine(amount: 1 CNY) → fine(amount: 1 CNY), remove']);
        expect(await linesOf(`rule r { ${BASE} actions fine(amount: 1 CNY) }`, `rule r { ${BASE} actions fine(amount: 2 CNY) }`))
            .toEqual(['actions + fine(amount: 2 CNY), − fine(amount: 1 CNY)']);
    });

    test('escalation: steps retimed, added and removed, matched by target', async () => {
        const before = `rule r { ${BASE} actions remove escalate { after 2h to editor after 1d to cac } }`;
        expect(await linesOf(before, `rule r { ${BASE} actions remove escalate { after 1h to editor } }`))
            .toEqual(['escalation step 2h → 1h to editor', 'escalation − after 1d to cac']);
        expect(await linesOf(`rule r { ${BASE} actions remove }`, `rule r { ${BASE} actions remove escalate { after 30m to editor } }`))
            .toEqual(['escalation + after 30m to editor']);
        // The same delay in other units is no change.
        expect(await linesOf(before, `rule r { ${BASE} actions remove escalate { after 120m to editor after 24h to cac } }`)).toEqual([]);
    });

    test('categories, responsible, label, basis, enabled again', async () => {
        const lines = await linesOf(
            `rule r "旧" { category top severity minor responsible reviewer actions remove basis "A" disabled }`,
            `rule r "新" { category top.mid severity minor responsible editor actions remove basis "B" }`);
        expect(lines).toEqual([
            'label "旧" → "新"',
            'categories + t.r.top.mid, − t.r.top',
            'responsible reviewer → editor',
            'enabled again',
            'basis + "B", − "A"',
        ]);
    });

    test('effective periods with open ends, and priority', async () => {
        expect(await linesOf(`rule r { ${BASE} actions remove effective 2026-01-01 }`, `rule r { ${BASE} actions remove effective 2026-01-01 .. 2026-06-30 priority 3 }`))
            .toEqual(['priority 0 → 3', 'effective 2026-01-01 .. → 2026-01-01 .. 2026-06-30']);
    });

    test('layout, comments and doc comments are no difference', async () => {
        const before = await load(rules(`rule r { ${BASE} actions remove when channel == app }`));
        const after = await load(rules(`/** why */\n// note\nrule r {\n    ${BASE}\n    actions remove\n    when (channel == app)\n}`));
        expect(isEmpty(diffBundles(before, after))).toBe(true);
    });

    test('a renamed rule whose meaning also changed is removed and added, not renamed', async () => {
        const diff = diffBundles(await load(rules(`rule a { ${BASE} actions remove }`)), await load(rules(`rule b { ${BASE} actions remove priority 2 }`)));
        expect(diff.rules.renamed).toEqual([]);
        expect(diff.rules.removed.map(r => r.id)).toEqual(['t.r.a']);
        expect(diff.rules.added.map(r => r.id)).toEqual(['t.r.b']);
    });
});

describe('campaigns in the diff', () => {
    const SPRING = 'campaign spring "春季" effective 2026-03-01 .. 2026-05-31\ncampaign autumn effective 2026-09-01\n';

    test('a rule that joins a campaign: the campaign by name, and the period in force it brings', async () => {
        expect(await linesOf(`${SPRING}rule r { ${BASE} actions remove }`, `${SPRING}rule r { ${BASE} actions remove campaign spring }`))
            .toEqual(['effective always → 2026-03-01 .. 2026-05-31', 'campaign none → spring']);
        expect(await linesOf(`${SPRING}rule r { ${BASE} actions remove campaign spring }`, `${SPRING}rule r { ${BASE} actions remove campaign autumn }`))
            .toEqual(['effective 2026-03-01 .. 2026-05-31 → 2026-09-01 ..', 'campaign spring → autumn']);
    });

    test('a rule renamed within its campaign is a rename, not a removal and an addition', async () => {
        const diff = diffBundles(
            await load(rules(`${SPRING}rule a { ${BASE} actions remove campaign spring }`)),
            await load(rules(`${SPRING}rule b { ${BASE} actions remove campaign spring }`)));
        expect(diff.rules.renamed.map(r => [r.from, r.to])).toEqual([['t.r.a', 't.r.b']]);
        const moved = diffBundles(
            await load(rules(`${SPRING}rule a { ${BASE} actions remove campaign spring effective 2026-03-01 .. 2026-05-31 }`)),
            await load(rules(`${SPRING}rule b { ${BASE} actions remove effective 2026-03-01 .. 2026-05-31 }`)));
        // Leaving the campaign, with the same period in force, is still a different rule.
        expect(moved.rules.renamed).toEqual([]);
    });
});
