/**
 * The semantic difference of two bundles (`govrule diff`): rules added, removed, renamed and
 * changed, each change named by what it means (severity, actions, an escalation step, the
 * condition in GovRule syntax, ...), and vocabulary added, removed or changed
 * (vocabulary-diff.ts). Works on loaded bundles, so it needs no compiler; source positions and
 * doc comments are not differences.
 */
import type { Bundle, BundleRule, Value } from '../bundle/types.js';
import { conditionText, durationText, type LoadedBundle, type RuleInfo } from '../runtime/index.js';
import { VOCABULARY_KINDS, diffVocabulary, vocabularyIsEmpty, type VocabularyDiff } from './vocabulary-diff.js';

export { VOCABULARY_KINDS, type VocabularyKind } from './vocabulary-diff.js';

export type RuleField = 'label' | 'categories' | 'severity' | 'responsible' | 'actions' | 'escalation' | 'condition' | 'priority' | 'effective' | 'enabled' | 'basis' | 'campaign';

/** One change of one rule; `old` and `new` are written as GovRule writes them. */
export interface RuleChange {
    readonly field: RuleField;
    readonly old: string;
    readonly new: string;
    /** For list fields: the items only in the new rule and only in the old one. */
    readonly added?: readonly string[];
    readonly removed?: readonly string[];
    /** For escalation: steps to the same target with a new delay, `24h → 12h to chiefEditor`. */
    readonly retimed?: readonly string[];
}

export interface RuleSummary {
    readonly id: string;
    readonly label: string | null;
    readonly categories: readonly string[];
    readonly severity: string;
}

export interface ChangedRule {
    readonly id: string;
    readonly label: string | null;
    readonly changes: readonly RuleChange[];
}

export interface RenamedRule {
    readonly from: string;
    readonly to: string;
    /** A label that changed with the name. */
    readonly changes: readonly RuleChange[];
}

export interface BundleDiff {
    readonly rules: {
        readonly added: readonly RuleSummary[];
        readonly removed: readonly RuleSummary[];
        readonly renamed: readonly RenamedRule[];
        readonly changed: readonly ChangedRule[];
    };
    readonly vocabulary: VocabularyDiff;
}

export function diffBundles(oldBundle: LoadedBundle, newBundle: LoadedBundle): BundleDiff {
    const oldRules = new Map(oldBundle.rules.map(r => [r.id, r]));
    const newRules = new Map(newBundle.rules.map(r => [r.id, r]));
    const oldNames = new Names(oldBundle.bundle);
    const newNames = new Names(newBundle.bundle);

    const changed: ChangedRule[] = [];
    for (const [id, before] of oldRules) {
        const after = newRules.get(id);
        if (after) {
            const changes = ruleChanges(before, after, oldNames, newNames);
            if (changes.length > 0) {
                changed.push({ id, label: after.rule.label, changes });
            }
        }
    }
    let removed = [...oldRules.values()].filter(r => !newRules.has(r.id));
    let added = [...newRules.values()].filter(r => !oldRules.has(r.id));

    // A rule whose meaning is unchanged under another name was renamed, not removed and added.
    const renamed: RenamedRule[] = [];
    const removedBySignature = new Map<string, RuleInfo[]>();
    for (const rule of removed) {
        const key = signature(rule, oldNames);
        removedBySignature.set(key, [...(removedBySignature.get(key) ?? []), rule]);
    }
    const paired = new Set<RuleInfo>();
    for (const rule of added) {
        const candidates = removedBySignature.get(signature(rule, newNames));
        const from = candidates?.shift();
        if (from) {
            paired.add(from).add(rule);
            const label = from.rule.label === rule.rule.label ? [] : [{ field: 'label' as const, old: labelText(from.rule.label), new: labelText(rule.rule.label) }];
            renamed.push({ from: from.id, to: rule.id, changes: label });
        }
    }
    removed = removed.filter(r => !paired.has(r));
    added = added.filter(r => !paired.has(r));

    const vocabulary = diffVocabulary(oldBundle.bundle, newBundle.bundle);
    return {
        rules: {
            added: added.map(r => summary(r, newNames)).sort(byId),
            removed: removed.map(r => summary(r, oldNames)).sort(byId),
            renamed: renamed.sort((a, b) => compare(a.from, b.from)),
            changed: changed.sort(byId),
        },
        vocabulary,
    };
}

/** Whether there is any difference at all. */
export function isEmpty(diff: BundleDiff): boolean {
    const r = diff.rules;
    return r.added.length + r.removed.length + r.renamed.length + r.changed.length === 0 && vocabularyIsEmpty(diff.vocabulary);
}

function ruleChanges(before: RuleInfo, after: RuleInfo, oldNames: Names, newNames: Names): RuleChange[] {
    const a = before.rule;
    const b = after.rule;
    const changes: RuleChange[] = [];
    const scalar = (field: RuleField, old: string, now: string) => {
        if (old !== now) changes.push({ field, old, new: now });
    };
    const list = (field: RuleField, old: readonly string[], now: readonly string[], join = ', ') => {
        const oldText = old.length === 0 ? 'none' : old.join(join);
        const newText = now.length === 0 ? 'none' : now.join(join);
        if (oldText !== newText) {
            changes.push({ field, old: oldText, new: newText, added: now.filter(x => !old.includes(x)), removed: old.filter(x => !now.includes(x)) });
        }
    };
    scalar('label', labelText(a.label), labelText(b.label));
    list('categories', [...a.categories].sort(compare), [...b.categories].sort(compare));
    scalar('severity', oldNames.severity(a.severity), newNames.severity(b.severity));
    scalar('responsible', oldNames.name(a.responsible), newNames.name(b.responsible));
    list('actions', a.actions.map(x => actionText(x, oldNames)), b.actions.map(x => actionText(x, newNames)));
    const escalation = escalationChange(a, b, oldNames, newNames);
    if (escalation) changes.push(escalation);
    scalar('condition', conditionText(before.condition), conditionText(after.condition));
    scalar('priority', String(a.priority), String(b.priority));
    scalar('effective', effectiveText(a.effective), effectiveText(b.effective));
    scalar('enabled', a.enabled ? 'enabled' : 'disabled', b.enabled ? 'enabled' : 'disabled');
    list('basis', a.basis.map(x => JSON.stringify(x)), b.basis.map(x => JSON.stringify(x)), '; ');
    scalar('campaign', a.campaign === null ? 'none' : oldNames.name(a.campaign), b.campaign === null ? 'none' : newNames.name(b.campaign));
    return changes;
}

/**
 * Steps are matched by their target (the n-th step to a post with the n-th), so a new delay
 * reads as "24h → 12h to chiefEditor" rather than as one step removed and one added.
 */
function escalationChange(a: BundleRule, b: BundleRule, oldNames: Names, newNames: Names): RuleChange | undefined {
    const same = a.escalation.length === b.escalation.length
        && a.escalation.every((s, i) => s.afterSeconds === b.escalation[i].afterSeconds && s.to === b.escalation[i].to);
    if (same) {
        return undefined;
    }
    const step = (s: BundleRule['escalation'][number], names: Names) => `after ${stepDelay(s)} to ${names.name(s.to)}`;
    const oldText = a.escalation.map(s => step(s, oldNames)).join(', ') || 'none';
    const newText = b.escalation.map(s => step(s, newNames)).join(', ') || 'none';
    const remaining = b.escalation.map(s => ({ step: s, used: false }));
    const retimed: string[] = [];
    const removed: string[] = [];
    for (const before of a.escalation) {
        const match = remaining.find(r => !r.used && r.step.to === before.to);
        if (match) {
            match.used = true;
            if (match.step.afterSeconds !== before.afterSeconds) {
                retimed.push(`${stepDelay(before)} → ${stepDelay(match.step)} to ${newNames.name(before.to)}`);
            }
        } else {
            removed.push(step(before, oldNames));
        }
    }
    const added = remaining.filter(r => !r.used).map(r => step(r.step, newNames));
    return { field: 'escalation', old: oldText, new: newText, added, removed, retimed };
}

/** A step's delay as its author wrote it (`24h` stays `24h`, from the bundle's ISO text). */
function stepDelay(step: BundleRule['escalation'][number]): string {
    const match = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(step.after);
    const parts = match ? [[match[1], 'd'], [match[2], 'h'], [match[3], 'm'], [match[4], 's']].filter(([n]) => n !== undefined) : [];
    return parts.length === 1 ? `${Number(parts[0][0])}${parts[0][1]}` : durationText(step.afterSeconds);
}

/** What a rule means, without its name: equal signatures under different ids are a rename. */
function signature(info: RuleInfo, names: Names): string {
    const r = info.rule;
    return JSON.stringify([
        [...r.categories].sort(compare), names.name(r.severity), names.name(r.responsible),
        r.actions.map(x => actionText(x, names)), r.escalation.map(s => [s.afterSeconds, s.to]),
        conditionText(info.condition), r.priority, r.enabled, r.effective, r.basis, r.campaign,
    ]);
}

function summary(info: RuleInfo, names: Names): RuleSummary {
    return { id: info.id, label: info.rule.label, categories: [...info.rule.categories].sort(compare), severity: names.severity(info.rule.severity) };
}

/** `fine(amount: 100000 CNY)`, as an author writes the action. */
export function actionText(action: BundleRule['actions'][number], names: Names): string {
    const args = Object.entries(action.args).sort(([x], [y]) => compare(x, y)).map(([k, v]) => `${k}: ${valueText(v)}`);
    return `${names.name(action.action)}${args.length > 0 ? `(${args.join(', ')})` : ''}`;
}

function valueText(value: Value): string {
    if (typeof value === 'string') return JSON.stringify(value);
    if (typeof value !== 'object' || value === null) return String(value);
    if ('currency' in value) return `${value.amount} ${value.currency}`;
    return durationText(value.seconds);
}

function effectiveText(effective: BundleRule['effective']): string {
    if (effective.from === null && effective.to === null) return 'always';
    return `${effective.from ?? ''} .. ${effective.to ?? ''}`.trim();
}

function labelText(label: string | null): string {
    return label === null ? 'none' : JSON.stringify(label);
}

/** Short names of a bundle's declarations, for printing: a rule is read in its own package. */
export class Names {
    private readonly names = new Map<string, string>();
    private readonly severityLabels = new Map<string, string>();

    constructor(bundle: Bundle) {
        for (const kind of VOCABULARY_KINDS) {
            for (const element of bundle[kind]) {
                this.names.set(element.id, element.name);
            }
        }
        for (const campaign of bundle.campaigns) {
            this.names.set(campaign.id, campaign.name);
        }
        for (const severity of bundle.severities) {
            this.severityLabels.set(severity.id, severity.label ?? severity.name);
        }
    }

    name(id: string): string {
        return this.names.get(id) ?? id;
    }

    /** A severity by its label (较重), the word reviewers know. */
    severity(id: string): string {
        return this.severityLabels.get(id) ?? this.name(id);
    }
}

function compare(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}

function byId(a: { id: string }, b: { id: string }): number {
    return compare(a.id, b.id);
}
