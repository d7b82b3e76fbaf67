/**
 * What the loader checks beyond the schema (§9), on bundles changed by hand: duplicate ids of
 * every kind, enum attributes without values, the category tree, the effective period, and
 * which schema complaint is reported when there are several. Messages are matched on the part
 * that names the problem.
 */
import { describe, expect, test } from 'vitest';
import type { Bundle } from '../../language/src/bundle/types.js';
import { BundleError, loadBundle } from '../../language/src/runtime/index.js';
import { compile, rule, rules } from './fixtures.js';

function refusal(input: unknown, options?: Parameters<typeof loadBundle>[1]): string {
    try {
        loadBundle(input, options);
    } catch (err) {
        if (err instanceof BundleError) return err.message;
        throw err;
    }
    throw new Error('expected a BundleError');
}

/** The JSON Pointer the refusal carries. */
function refusalPath(input: unknown, options?: Parameters<typeof loadBundle>[1]): string {
    try {
        loadBundle(input, options);
    } catch (err) {
        if (err instanceof BundleError) return err.path;
        throw err;
    }
    throw new Error('expected a BundleError');
}

async function sample(): Promise<Bundle> {
    return compile(rules(rule('r', 'category top.mid severity serious priority 2 when channel == app and reports > 1')
        + rule('s', 'category other severity minor escalate { after 1h to cac } effective 2026-01-01 .. 2026-12-31')));
}

async function changed(change: (bundle: Record<string, any>) => void): Promise<Record<string, any>> {
    const bundle = await sample() as unknown as Record<string, any>;
    change(bundle);
    return bundle;
}

describe('duplicates', () => {
    test.each([
        ['severity levels', (b: any) => { b.severities[1].id = b.severities[0].id; }, '/severities/1/id', "two severity levels have the id 'demo.common.minor'"],
        ['posts', (b: any) => { b.posts[1].id = b.posts[0].id; }, '/posts/1/id', "two posts have the id 'demo.common.chiefEditor'"],
        ['authorities', (b: any) => { b.authorities.push({ ...b.authorities[0] }); }, '/authorities/1/id', "two authorities have the id 'demo.common.cac'"],
        ['actions', (b: any) => { b.actions[1].id = b.actions[0].id; }, '/actions/1/id', "two actions have the id 'demo.common.fine'"],
        ['attributes', (b: any) => { b.attributes[1].id = b.attributes[0].id; }, '/attributes/1/id', "two attributes have the id 'demo.common.channel'"],
        ['categories', (b: any) => { b.categories[1].id = b.categories[0].id; }, '/categories/1/id', "two categories have the id 't.r.other'"],
    ])('two %s of one id', async (_kind, change, path, message) => {
        const bundle = await changed(change);
        // The second of the two is named, by its JSON path.
        const text = refusal(bundle);
        expect(text).toBe(`the bundle is inconsistent at ${path}: ${message}`);
        expect(refusalPath(bundle)).toBe(path);
        // The same without the schema check: the loader itself finds it.
        expect(refusal(bundle, { schema: false })).toBe(text);
    });
});

describe('attributes', () => {
    test('an enum attribute without values is refused, with or without the schema check', async () => {
        for (const values of [[], null]) {
            const bundle = await changed(b => { b.attributes[0].values = values; b.attributes[0].default = null; });
            expect(refusal(bundle, { schema: false })).toContain("enum attribute 'channel' lists no values");
        }
    });

    test('a default of the wrong type, and a null default (required), are told apart', async () => {
        const reports = (b: any) => b.attributes.find((a: any) => a.name === 'reports');
        expect(refusal(await changed(b => { reports(b).default = 'many'; }), { schema: false }))
            .toContain(`the default of attribute 'reports' is the text "many", not a value of its type`);
        const required = loadBundle(await changed(b => { reports(b).default = null; }));
        expect(required.attributes.get('reports')!.default).toBeNull();
    });

    test('only an enum attribute has values, whatever a hand-made bundle says', async () => {
        const bundle = await changed(b => {
            b.attributes.find((a: any) => a.name === 'reports').values = ['x'];
            b.rules[0].when = { '===': [{ var: 'reports' }, 'x'] };
        });
        expect(refusal(bundle, { schema: false })).toContain(`"x" is not a value of attribute 'reports' (number)`);
    });

    test('attributes are indexed in bundle order with their type and enum values', async () => {
        const loaded = loadBundle(await sample());
        expect(loaded.attributeList.map(a => [a.name, a.index, a.type, a.values, a.default])).toEqual([
            ['channel', 0, 'enum', ['website', 'app', 'selfMedia'], null],
            ['district', 1, 'text', null, ''],
            ['reports', 2, 'number', null, 0],
            ['verified', 3, 'boolean', null, false],
        ]);
        expect(loaded.attributes.get('reports')).toBe(loaded.attributeList[2]);
    });
});

describe('the category tree', () => {
    test('depth, parent and leaf of every category', async () => {
        const loaded = loadBundle(await sample());
        const info = (id: string) => {
            const c = loaded.categories.get(id)!;
            return [c.depth, c.parent?.id ?? null, c.leaf];
        };
        expect(info('t.r.top')).toEqual([0, null, false]);
        expect(info('t.r.top.mid')).toEqual([1, 't.r.top', false]);
        expect(info('t.r.top.mid.leaf')).toEqual([2, 't.r.top.mid', true]);
        expect(info('t.r.other')).toEqual([0, null, true]);
        expect(loaded.categories.get('t.r.top.mid')!.parent).toBe(loaded.categories.get('t.r.top'));
    });

    test('categories listed children first still get their depths', async () => {
        const loaded = loadBundle(await changed(b => { b.categories.reverse(); }));
        expect(loaded.categories.get('t.r.top.mid.leaf')!.depth).toBe(2);
        expect(loaded.categories.get('t.r.top.mid.leaf')!.parent!.parent!.id).toBe('t.r.top');
    });

    test('a cycle of two, and a category that is its own parent', async () => {
        expect(refusal(await changed(b => {
            b.categories.find((c: any) => c.id === 't.r.top').parent = 't.r.top.mid';
        }))).toContain("is its own ancestor");
        expect(refusal(await changed(b => {
            b.categories.find((c: any) => c.id === 't.r.other').parent = 't.r.other';
        }))).toContain("category 't.r.other' is its own ancestor");
    });
});

describe('rules', () => {
    test('an effective period may be a single day, and open at either end', async () => {
        for (const effective of [{ from: '2026-06-01', to: '2026-06-01' }, { from: null, to: '2026-06-01' }, { from: '2026-06-01', to: null }, { from: null, to: null }]) {
            const loaded = loadBundle(await changed(b => { b.rules[1].effective = effective; }));
            expect([loaded.rules[1].from, loaded.rules[1].to]).toEqual([effective.from ?? '', effective.to ?? '~']);
        }
        expect(refusal(await changed(b => { b.rules[1].effective = { from: '2026-06-02', to: '2026-06-01' }; })))
            .toContain("rule 't.r.s' is in force from 2026-06-02 to 2026-06-01, which ends before it starts");
    });

    test('an unknown category with no close name gets no suggestion', async () => {
        const text = refusal(await changed(b => { b.rules[0].categories = ['zzzzzzzz']; }));
        expect(text).toContain("rule 't.r.r' covers unknown category 'zzzzzzzz'");
        expect(text).not.toContain('did you mean');
    });

    test('escalation to an authority that is not declared', async () => {
        expect(refusal(await changed(b => { b.rules[1].escalation[0].to = 'demo.common.nobody'; })))
            .toContain("rule 't.r.s' escalates to unknown authority 'demo.common.nobody'");
        const asPost = loadBundle(await changed(b => { b.rules[1].escalation[0] = { ...b.rules[1].escalation[0], to: 'demo.common.editor', toKind: 'post' }; }));
        expect(asPost.rules[1].escalation[0].to).toBe('demo.common.editor');
    });

    test('a rule\'s fields as the runtime indexes them', async () => {
        const loaded = loadBundle(await changed(b => { b.rules[1].enabled = false; }));
        const [r, s] = loaded.rules;
        expect([r.id, r.order, r.enabled, r.priority, r.rank]).toEqual(['t.r.r', 0, true, 2, 1]);
        expect([s.id, s.order, s.enabled, s.priority, s.rank]).toEqual(['t.r.s', 1, false, 0, 0]);
        expect(Object.isFrozen(s.escalation) && Object.isFrozen(s.escalation[0])).toBe(true);
        expect(s.escalation).toEqual(s.rule.escalation);
        expect(s.escalation).not.toBe(s.rule.escalation);
        expect(loaded.severityRanks).toEqual(new Map([['demo.common.minor', 0], ['demo.common.serious', 1], ['demo.common.critical', 2]]));
    });

    test('a rule naming one category twice covers it once', async () => {
        const loaded = loadBundle(await changed(b => { b.rules[0].categories = ['t.r.top.mid', 't.r.top.mid', 't.r.top']; }));
        const covering = loaded.rulesFor(loaded.categories.get('t.r.top.mid.leaf')!);
        expect(covering.all.map(c => [c.rule.id, c.category.id])).toEqual([['t.r.r', 't.r.top.mid']]);
        expect(loaded.rulesFor(loaded.categories.get('t.r.top.mid.leaf')!)).toBe(covering);
    });
});

describe('which schema complaint is told', () => {
    test('the deepest one, and a concrete one before a mismatch of an alternative', async () => {
        expect(refusal(await changed(b => { b.rules[0].when = { '===': [{ var: 'channel' }, { nested: 1 }] }; })))
            .toMatch(/^the bundle does not match the bundle schema: \/rules\/0\/when\/===\/1 /);
        expect(refusal(await changed(b => { b.rules[0].source.line = 'one'; })))
            .toBe('the bundle does not match the bundle schema: /rules/0/source/line must be integer');
        expect(refusal(await changed(b => { delete b.rules[0].source.file; })))
            .toBe("the bundle does not match the bundle schema: /rules/0/source must have required property 'file'");
        expect(refusal(await changed(b => { b.extra = 1; })))
            .toBe("the bundle does not match the bundle schema: / must NOT have additional properties ('extra')");
    });

    test('without the schema check, a bundle with unknown keys loads', async () => {
        const bundle = await changed(b => { b.extra = 1; b.rules[0].weight = 2; });
        expect(loadBundle(bundle, { schema: false }).rules).toHaveLength(2);
        expect(refusal(bundle, { schema: true })).toContain("must NOT have additional properties ('extra')");
    });
});
