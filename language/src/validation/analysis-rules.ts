/**
 * Rule-set analysis (§10): `unreachable-rule`, a condition that can never hold, and
 * `shadowed-rule`, an enabled rule that another enabled rule beats under §8 for every event it
 * matches. Both are sound — reported only when provable — and computed once per build for the
 * whole workspace, since shadowing compares rules across files.
 *
 * Rule A shadows rule B when, for every event B matches, A matches too and wins:
 * - A is in force on every day B is;
 * - every category of B is covered by A (A names it or an ancestor), so A covers every event B does;
 * - B's condition implies A's;
 * - for every category an event of B can have, A comes first in the winner order: higher
 *   priority, else a deeper matching category, else a higher severity, else an earlier id.
 * Shadowing by several rules together is not looked for.
 */
import { DocumentState, WorkspaceCache, type ValidationAcceptor } from 'langium';
import * as ast from '../syntax/generated/ast.js';
import type { GovRuleServices } from '../services.js';
import { isSelfOrAncestor, parentCategory, someSelfOrAncestor } from '../model/categories.js';
import { categoryTree, packageName, qualifiedName } from '../model/names.js';
import { hasSyntaxErrors } from '../syntax/syntax-errors.js';
import { compareStrings } from '../references/symbol-table.js';
import { clausesOf, rulePeriod } from '../model/rules.js';
import { atomText, implies, satisfiability, toFormula, type Atom, type Formula, type Literal } from './analysis-constraints.js';
import type { WorkspaceFacts } from './workspace-facts.js';
import { shortened } from '../model/quote.js';
import { conjunction, quotedName } from '../l10n/diagnostic-words.js';
import { t } from '../l10n/index.js';
import type { DiagnosticData } from '../diagnostics.js';
import { worldOf, type World } from '../references/worlds.js';

interface RuleFacts {
    readonly rule: ast.Rule;
    readonly id: string;
    readonly enabled: boolean;
    readonly priority: number;
    readonly rank: number;
    readonly levelName: string;
    readonly categories: readonly ast.Category[];
    readonly from: string;
    readonly to: string;
    readonly condition: Formula;
    /** The condition's negation, built when the rule is first a candidate shadower. */
    negation(): Formula;
}

interface Findings {
    /** Rules whose condition can never hold, with the contradictions that prove it. */
    readonly unreachable: ReadonlyMap<ast.Rule, readonly (readonly Atom[])[]>;
    readonly shadowed: ReadonlyMap<ast.Rule, { readonly by: RuleFacts; readonly reasons: readonly ShadowReason[] }>;
    /** The rule at which the shadowing analysis ran out of budget. */
    readonly stopped?: ast.Rule;
}

/** Events of more categories than this under one rule are not enumerated (nothing is reported). */
const MAX_EVENT_CATEGORIES = 2000;

export class RuleAnalysis {
    private readonly facts: WorkspaceFacts;
    private readonly cache: WorkspaceCache<string, Findings>;

    constructor(services: GovRuleServices) {
        this.facts = services.validation.WorkspaceFacts;
        this.cache = new WorkspaceCache(services.shared, DocumentState.Linked);
    }

    checkUnreachable(rule: ast.Rule, accept: ValidationAcceptor): void {
        const conflicts = this.findings(worldOf(rule)).unreachable.get(rule);
        if (!conflicts) {
            return;
        }
        const texts = [...new Set(conflicts.map(describeConflict))];
        const separator = t('diagnostics.unreachable-rule.separator');
        const detail = texts.length === 1
            ? texts[0]
            : t('diagnostics.unreachable-rule.alternatives', { conflicts: [...texts.slice(0, 3), ...(texts.length > 3 ? ['…'] : [])].join(separator) });
        accept('warning', t('diagnostics.unreachable-rule', { rule: shortened(rule.name), detail }), { node: clausesOf(rule).when!.condition, code: 'unreachable-rule' });
    }

    checkShadowed(rule: ast.Rule, accept: ValidationAcceptor): void {
        if (this.findings(worldOf(rule)).stopped === rule) {
            accept('info', t('diagnostics.analysis-budget', { pairs: PAIR_BUDGET.toLocaleString('en') }),
                { node: rule, property: 'name', code: 'analysis-budget' });
        }
        const shadow = this.findings(worldOf(rule)).shadowed.get(rule);
        if (!shadow) {
            return;
        }
        const other = packageName(shadow.by.rule) === packageName(rule) ? shadow.by.rule.name : shadow.by.id;
        accept('warning', t('diagnostics.shadowed-rule', { rule: shortened(rule.name), other: shortened(other), reason: shadow.reasons.map(reasonWords).join(t('diagnostics.words.or-between')) }),
            { node: rule, property: 'name', code: 'shadowed-rule', data: { by: shadow.by.id } satisfies DiagnosticData });
    }

    private findings(world: World): Findings {
        return this.cache.get(`findings:${world}`, () => this.analyse(world));
    }

    private analyse(world: World): Findings {
        const unreachable = new Map<ast.Rule, Atom[][]>();
        const live: RuleFacts[] = [];
        // Rules of a file that does not parse may be missing parts: they neither get nor cause findings.
        for (const doc of this.facts.get(world).documents.filter(d => !hasSyntaxErrors(d))) {
            for (const element of (doc.parseResult.value as ast.Model).elements) {
                if (!ast.isRule(element)) {
                    continue;
                }
                // A contradiction needs only the condition: it is reported whatever else the rule lacks.
                const condition = toFormula(clausesOf(element).when?.condition);
                const sat = satisfiability(condition);
                if (sat.result === 'unsat') {
                    // Only a condition can be unsatisfiable, and every failed alternative of one names its contradiction.
                    unreachable.set(element, sat.conflicts.map(c => [...c]));
                    continue;
                }
                const facts = ruleFacts(element, condition);
                if (facts?.enabled) {
                    live.push(facts);
                }
            }
        }
        const { shadowed, stopped } = findShadowed(live);
        return { unreachable, shadowed, stopped };
    }
}

/** What shadowing compares, for a rule whose clauses all resolve. */
function ruleFacts(rule: ast.Rule, condition: Formula): RuleFacts | undefined {
    const c = clausesOf(rule);
    const level = c.severity?.level.ref;
    const categories = c.category?.categories.map(ref => ref.ref) ?? [];
    if (!level || categories.length === 0 || categories.some(cat => !cat)) {
        return undefined;
    }
    const priority = c.priority ? Number(c.priority.value) : 0;
    if (!Number.isFinite(priority)) {
        return undefined;
    }
    // In force within its campaign's period; a rule that never is (campaign-period) shadows nothing.
    const period = rulePeriod(rule);
    if (!period) {
        return undefined;
    }
    let negation: Formula | undefined;
    return {
        rule,
        id: qualifiedName(rule),
        enabled: !c.disabled,
        priority,
        rank: level.$container.levels.indexOf(level),
        levelName: level.name,
        categories: categories as ast.Category[],
        from: period.from ?? '',
        to: period.to ?? '~',
        condition,
        negation: () => (negation ??= toFormula(c.when?.condition, true)),
    };
}

/** Candidate pairs (a rule that may shadow another) examined per build at most; then the analysis stops. */
export const PAIR_BUDGET = 2_000_000;

interface Shadowing {
    readonly shadowed: Map<ast.Rule, { by: RuleFacts; reasons: readonly ShadowReason[] }>;
    /** Where the analysis stopped for want of budget: the first rule it did not finish. */
    readonly stopped?: ast.Rule;
}

/**
 * For each rule B, the first rule A in winner order that shadows it. Candidates are found through
 * an index rather than by trying every pair: A must cover B's first category (so it is listed
 * under that category or an ancestor), and when A requires `x == v` B must allow no other value
 * of x (else B's condition cannot imply A's). Rules that share a category but differ in such a
 * value, the common case, never meet. A budget of candidate pairs bounds the rest.
 */
function findShadowed(rules: readonly RuleFacts[], budget = PAIR_BUDGET): Shadowing {
    const order = new Map<RuleFacts, number>();
    [...rules].sort((x, y) => y.priority - x.priority || y.rank - x.rank || compareStrings(x.id, y.id)).forEach((r, i) => order.set(r, i));
    const onCategory = new Map<ast.Category, CategoryIndex>();
    for (const r of rules) {
        const anchor = anchorOf(r);
        for (const category of new Set(r.categories)) {
            let index = onCategory.get(category);
            if (!index) {
                index = { unanchored: [], anchored: new Map() };
                onCategory.set(category, index);
            }
            if (!anchor) {
                index.unanchored.push(r);
                continue;
            }
            let byValue = index.anchored.get(anchor.attribute);
            if (!byValue) {
                byValue = new Map();
                index.anchored.set(anchor.attribute, byValue);
            }
            const list = byValue.get(anchor.value);
            if (list) list.push(r); else byValue.set(anchor.value, [r]);
        }
    }
    const shadowed = new Map<ast.Rule, { by: RuleFacts; reasons: readonly ShadowReason[] }>();
    let spent = 0;
    for (const b of rules) {
        const allowed = allowedValues(b);
        const candidates = new Set<RuleFacts>();
        // A shadowing rule covers B's first category, so it names that category or an ancestor.
        for (let c: ast.Category | undefined = b.categories[0]; c; c = parentCategory(c)) {
            const index = onCategory.get(c);
            if (!index) {
                continue;
            }
            index.unanchored.forEach(a => candidates.add(a));
            for (const [attribute, byValue] of index.anchored) {
                const values = allowed.get(attribute);
                if (values) {
                    values.forEach(v => byValue.get(v)?.forEach(a => candidates.add(a)));
                } else {
                    byValue.forEach(list => list.forEach(a => candidates.add(a)));
                }
            }
        }
        candidates.delete(b);
        spent += candidates.size;
        if (spent > budget) {
            return { shadowed, stopped: b.rule };
        }
        const ordered = [...candidates].sort((x, y) => order.get(x)! - order.get(y)!);
        for (const a of ordered) {
            const reasons = shadowReasons(a, b);
            if (reasons !== undefined) {
                shadowed.set(b.rule, { by: a, reasons });
                break;
            }
        }
    }
    return { shadowed };
}

interface CategoryIndex {
    /** Rules without a required `x == v`: candidates for every rule. */
    readonly unanchored: RuleFacts[];
    /** Rules by one `x == v` their condition requires: by x, then by v (one attribute's values are of one type). */
    readonly anchored: Map<ast.Attribute, Map<Literal, RuleFacts[]>>;
}

/** The comparisons a condition requires: itself, or the parts of its top-level `and`. */
function requiredAtoms(condition: Formula): Atom[] {
    if (condition.kind === 'atom') {
        return [condition.atom];
    }
    return condition.kind === 'and' ? condition.parts.flatMap(p => p.kind === 'atom' ? [p.atom] : []) : [];
}

/** One `x == v` the rule's condition requires, if any. */
function anchorOf(rule: RuleFacts): { attribute: ast.Attribute; value: Literal } | undefined {
    const atom = requiredAtoms(rule.condition).find(a => a.op === 'eq');
    return atom ? { attribute: atom.attribute, value: atom.values[0] } : undefined;
}

/**
 * For the attributes the rule's condition restricts with `==` or `in`, values that include every
 * value it allows (one list per attribute suffices: candidates only need a superset).
 */
function allowedValues(rule: RuleFacts): Map<ast.Attribute, readonly Literal[]> {
    const allowed = new Map<ast.Attribute, readonly Literal[]>();
    for (const atom of requiredAtoms(rule.condition)) {
        if (atom.op === 'eq' || atom.op === 'in') {
            allowed.set(atom.attribute, atom.values);
        }
    }
    return allowed;
}

/** Why A beats B: by priority, by a more specific category, by severity, by coming first. */
type ShadowReason =
    | { readonly by: 'priority'; readonly a: number; readonly b: number }
    | { readonly by: 'category' }
    | { readonly by: 'severity'; readonly a: string; readonly b: string }
    | { readonly by: 'order' };

/** "by priority (5 > 1)" / "优先级更高（5 > 1）". */
function reasonWords(reason: ShadowReason): string {
    switch (reason.by) {
        case 'priority': return t('diagnostics.shadowed-rule.by-priority', { a: reason.a, b: reason.b });
        case 'category': return t('diagnostics.shadowed-rule.by-category');
        case 'severity': return t('diagnostics.shadowed-rule.by-severity', { a: reason.a, b: reason.b });
        case 'order': return t('diagnostics.shadowed-rule.by-order');
    }
}

/** Why A beats B on every event B matches (each reason once, in the order found), or undefined when that cannot be shown. */
function shadowReasons(a: RuleFacts, b: RuleFacts): ShadowReason[] | undefined {
    if (a.priority < b.priority || a.from > b.from || a.to < b.to) {
        return undefined;
    }
    if (!b.categories.every(cb => a.categories.some(ca => isSelfOrAncestor(ca, cb)))) {
        return undefined;
    }
    const reasons = new Map<string, ShadowReason>();
    if (a.priority > b.priority) {
        reasons.set('priority', { by: 'priority', a: a.priority, b: b.priority });
    } else {
        // Same priority: compare on every category an event matched by B can have.
        const events = new Set<ast.Category>();
        for (const cb of b.categories) {
            for (const e of categoryTree(cb)) {
                events.add(e);
                if (events.size > MAX_EVENT_CATEGORIES) {
                    return undefined;
                }
            }
        }
        for (const e of events) {
            const da = matchingDepth(a, e)!;
            const db = matchingDepth(b, e)!;
            if (da !== db) {
                if (da < db) return undefined;
                reasons.set('category', { by: 'category' });
            } else if (a.rank !== b.rank) {
                if (a.rank < b.rank) return undefined;
                reasons.set('severity', { by: 'severity', a: a.levelName, b: b.levelName });
            } else {
                if (compareStrings(a.id, b.id) > 0) return undefined;
                reasons.set('order', { by: 'order' });
            }
        }
    }
    if (!implies(b.condition, a.condition, a.negation)) {
        return undefined;
    }
    return [...reasons.values()];
}

/** The depth of the rule's deepest category that is the event's category or an ancestor of it. */
function matchingDepth(rule: RuleFacts, event: ast.Category): number | undefined {
    let found: number | undefined;
    someSelfOrAncestor(event, (c, depth) => {
        if (!rule.categories.includes(c)) {
            return false;
        }
        found = depth;
        return true;
    });
    return found;
}

/** "'a > 5' and 'a < 3' cannot both hold", "'a in []' never holds". */
function describeConflict(atoms: readonly Atom[]): string {
    const texts = atoms.map(a => quotedName(atomText(a)));
    if (texts.length === 1) {
        const atom = atoms[0];
        // One comparison alone fails by allowing no value (`in []`, `==` a number too large to be one) or excluding all.
        return atom.op === 'in' || atom.op === 'eq' ? t('diagnostics.unreachable-rule.never-holds', { atom: texts[0] })
            : t('diagnostics.unreachable-rule.excludes-all', { atom: texts[0], attribute: shortened(atom.attribute.name) });
    }
    return texts.length === 2 ? t('diagnostics.unreachable-rule.cannot-both', { first: texts[0], second: texts[1] })
        : t('diagnostics.unreachable-rule.cannot-all', { atoms: conjunction(texts) });
}
