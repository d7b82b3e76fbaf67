/**
 * The rulebook as plain data: what each page shows, computed once from the compiled bundle, the
 * conditions as the authors wrote them and the results of the test blocks. The pages only render
 * it, so what the site says is decided here and tested without HTML.
 */
import type { Bundle, BundleElement, BundlePost, BundleRule, Source, Value } from '../bundle/types.js';
import type { TestResult } from '../runtime/bundle-tests.js';

export interface Named {
    readonly id: string;
    readonly name: string;
    readonly label: string | null;
    readonly doc: string | null;
}

export interface RulebookInput {
    readonly bundle: Bundle;
    /** The source text of each rule's `when` condition, by rule id (rules without one are absent). */
    readonly conditions: ReadonlyMap<string, string>;
    readonly results: readonly TestResult[];
    /** The date tests without `on` were run on. */
    readonly date: string;
    readonly version: string;
}

export interface PackageEntry {
    readonly id: string;
    /** Its categories, parents first in source order, each with its depth below the package. */
    readonly categories: ReadonlyArray<{ readonly id: string; readonly depth: number }>;
    readonly rules: readonly string[];
}

export interface CategoryEntry extends Named {
    readonly package: string;
    readonly parent: string | null;
    /** From the root down to the parent. */
    readonly ancestors: readonly string[];
    readonly children: readonly string[];
    /** Rules that name this category, in source order. */
    readonly rules: readonly string[];
    /** Enabled or not, rules that name a broader category and so apply here too. */
    readonly inherited: readonly string[];
}

export interface ArgumentEntry {
    readonly name: string;
    readonly value: Value;
}

export interface TestEntry {
    readonly name: string;
    readonly source: Source;
    readonly date: string;
    readonly passed: boolean;
    /** `expects`: its `expect rule` names the rule; `decided`: the rule won its decision. */
    readonly roles: ReadonlyArray<'expects' | 'decided'>;
}

export interface RuleEntry extends Named {
    readonly package: string;
    readonly categories: readonly string[];
    /** The category whose page describes the rule in full (its first); the others link there. */
    readonly home: string;
    readonly severity: string;
    readonly responsible: string;
    readonly actions: ReadonlyArray<{ readonly action: string; readonly args: readonly ArgumentEntry[] }>;
    /** The `when` condition as written; null: the rule applies to every case of its categories. */
    readonly condition: string | null;
    readonly basis: readonly string[];
    readonly campaign: string | null;
    readonly effective: { readonly from: string | null; readonly to: string | null };
    readonly priority: number;
    readonly enabled: boolean;
    readonly escalation: BundleRule['escalation'];
    readonly source: Source;
    readonly tests: readonly TestEntry[];
}

export interface PostEntry extends Named {
    readonly kind: 'post' | 'authority';
    /** What the post manages (comments, pages, …); empty when the sources do not say. */
    readonly surfaces: readonly string[];
    readonly responsibleFor: readonly string[];
    readonly receives: ReadonlyArray<{ readonly rule: string; readonly after: string; readonly afterSeconds: number }>;
}

export interface CampaignEntry extends Named {
    readonly from: string | null;
    readonly to: string | null;
    readonly rules: readonly string[];
}

export interface RulebookModel {
    readonly version: string;
    /** The run's date, when some test had no `on` of its own (its result depends on it); else null. */
    readonly testsDate: string | null;
    readonly packages: readonly PackageEntry[];
    readonly categories: ReadonlyMap<string, CategoryEntry>;
    readonly rules: ReadonlyMap<string, RuleEntry>;
    readonly posts: readonly PostEntry[];
    readonly authorities: readonly PostEntry[];
    readonly campaigns: readonly CampaignEntry[];
    /** Severities, actions, posts and authorities by id, for showing their labels. */
    readonly names: ReadonlyMap<string, Named>;
    readonly testCount: number;
    readonly passedCount: number;
    /** The tests that fail, in source order, whatever rule they pin (or none). */
    readonly failing: ReadonlyArray<{ readonly name: string; readonly source: Source; readonly rule: string | null }>;
}

/** The campaigns of a bundle, each with the rules that join it (by id, as the bundle lists them). */
export function campaignsOf(bundle: Bundle): CampaignEntry[] {
    const joining = groupBy(bundle.rules.filter(rule => rule.campaign !== null), rule => rule.campaign!);
    return bundle.campaigns.map(campaign => ({
        ...named(campaign),
        from: campaign.effective.from,
        to: campaign.effective.to,
        rules: (joining.get(campaign.id) ?? []).map(rule => rule.id),
    }));
}

/** The campaign a rule joins, or null. */
export function campaignOf(rule: BundleRule): string | null {
    return rule.campaign;
}

/** What a post manages (its `manages` surfaces), in the attribute's order. */
export function surfacesOf(post: BundlePost): string[] {
    return post.surfaces;
}

function compareIds(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}

/** Source order: file, then line, then column; ids break ties, so the order never depends on input order. */
function bySource(a: { source: Source; id?: string }, b: { source: Source; id?: string }): number {
    return compareIds(a.source.file, b.source.file) || a.source.line - b.source.line || a.source.column - b.source.column || compareIds(a.id ?? '', b.id ?? '');
}

/** The package that declares an id: the longest package id it starts with. */
function packageOf(id: string, packages: readonly string[]): string {
    let best = '';
    for (const pkg of packages) {
        if (id.startsWith(`${pkg}.`) && pkg.length > best.length) {
            best = pkg;
        }
    }
    return best;
}

/** Items by key, each list in the items' order. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
    const groups = new Map<string, T[]>();
    for (const item of items) {
        const k = key(item);
        const list = groups.get(k);
        if (list) {
            list.push(item);
        } else {
            groups.set(k, [item]);
        }
    }
    return groups;
}

function named(element: BundleElement): Named {
    return { id: element.id, name: element.name, label: element.label, doc: element.doc };
}

export function buildRulebook(input: RulebookInput): RulebookModel {
    const { bundle } = input;
    const packageIds = bundle.packages.map(p => p.id).sort(compareIds);

    // Categories: parents and children by id, ancestors by walking up (parents are validated to be a tree).
    const byId = new Map(bundle.categories.map(c => [c.id, c]));
    const childrenOf = new Map<string, string[]>();
    for (const category of [...bundle.categories].sort(bySource)) {
        if (category.parent !== null) {
            const list = childrenOf.get(category.parent) ?? [];
            list.push(category.id);
            childrenOf.set(category.parent, list);
        }
    }
    const ancestorsOf = new Map<string, string[]>();
    for (const category of bundle.categories) {
        const chain: string[] = [];
        const seen = new Set([category.id]);
        for (let up = category.parent; up !== null && !seen.has(up); up = byId.get(up)?.parent ?? null) {
            seen.add(up);
            chain.push(up);
        }
        ancestorsOf.set(category.id, chain.reverse());
    }

    // Rules, each with the tests that pin it.
    const testsOf = new Map<string, TestEntry[]>();
    for (const result of input.results) {
        const expected = result.test.expect.rule ?? null;
        const decided = result.decision?.rule ?? null;
        for (const rule of new Set([expected, decided])) {
            if (rule === null) {
                continue;
            }
            const roles: Array<'expects' | 'decided'> = [];
            if (rule === expected) roles.push('expects');
            if (rule === decided) roles.push('decided');
            const list = testsOf.get(rule) ?? [];
            list.push({ name: result.test.name, source: result.test.source, date: result.date, passed: result.passed, roles });
            testsOf.set(rule, list);
        }
    }
    const rules = new Map<string, RuleEntry>();
    for (const rule of [...bundle.rules].sort(bySource)) {
        rules.set(rule.id, {
            ...named(rule),
            package: packageOf(rule.id, packageIds),
            categories: rule.categories,
            home: rule.categories[0]!,
            severity: rule.severity,
            responsible: rule.responsible,
            actions: rule.actions.map(a => ({ action: a.action, args: Object.keys(a.args).map(name => ({ name, value: a.args[name]! })) })),
            condition: input.conditions.get(rule.id) ?? null,
            basis: rule.basis,
            campaign: campaignOf(rule),
            effective: rule.effective,
            priority: rule.priority,
            enabled: rule.enabled,
            escalation: rule.escalation,
            source: rule.source,
            tests: (testsOf.get(rule.id) ?? []).sort((a, b) => bySource(a, b) || compareIds(a.name, b.name)),
        });
    }

    const direct = new Map<string, string[]>();
    for (const rule of rules.values()) {
        for (const category of rule.categories) {
            const list = direct.get(category) ?? [];
            list.push(rule.id);
            direct.set(category, list);
        }
    }
    const categories = new Map<string, CategoryEntry>();
    for (const category of [...bundle.categories].sort(bySource)) {
        const ancestors = ancestorsOf.get(category.id)!;
        const own = new Set(direct.get(category.id) ?? []);
        const inherited = [...new Set(ancestors.flatMap(a => direct.get(a) ?? []))].filter(r => !own.has(r));
        categories.set(category.id, {
            ...named(category),
            package: packageOf(category.id, packageIds),
            parent: category.parent,
            ancestors,
            children: childrenOf.get(category.id) ?? [],
            rules: [...own],
            inherited,
        });
    }

    // Grouped in one pass each: a workspace may hold tens of thousands of rules and categories.
    const inPackage = groupBy([...categories.values()], c => c.package);
    const rulesInPackage = groupBy([...rules.values()], r => r.package);
    const packages = packageIds.map(id => ({
        id,
        categories: (inPackage.get(id) ?? []).map(c => ({ id: c.id, depth: c.ancestors.filter(a => categories.get(a)?.package === id).length })),
        rules: (rulesInPackage.get(id) ?? []).map(r => r.id),
    }));

    const responsibleFor = groupBy([...rules.values()], r => r.responsible);
    const steps = [...rules.values()].flatMap(r => r.escalation.map(s => ({ to: s.to, rule: r.id, after: s.after, afterSeconds: s.afterSeconds })));
    const receives = groupBy(steps, s => s.to);
    const duties = (element: BundleElement, kind: PostEntry['kind'], surfaces: readonly string[]): PostEntry => ({
        ...named(element),
        kind,
        surfaces,
        responsibleFor: (responsibleFor.get(element.id) ?? []).map(r => r.id),
        receives: (receives.get(element.id) ?? []).map(({ rule, after, afterSeconds }) => ({ rule, after, afterSeconds })),
    });

    const names = new Map<string, Named>();
    for (const list of [bundle.severities, bundle.actions, bundle.posts, bundle.authorities]) {
        for (const element of list) {
            names.set(element.id, named(element));
        }
    }
    const passedCount = input.results.filter(r => r.passed).length;
    return {
        version: input.version,
        testsDate: input.results.some(r => r.test.on === null) ? input.date : null,
        packages,
        categories,
        rules,
        posts: bundle.posts.map(p => duties(p, 'post', surfacesOf(p))),
        authorities: bundle.authorities.map(a => duties(a, 'authority', [])),
        campaigns: campaignsOf(bundle),
        names,
        testCount: input.results.length,
        passedCount,
        failing: input.results.filter(r => !r.passed)
            .map(r => ({ name: r.test.name, source: r.test.source, rule: r.test.expect.rule ?? r.decision?.rule ?? null }))
            .sort((a, b) => bySource(a, b) || compareIds(a.name, b.name)),
    };
}
