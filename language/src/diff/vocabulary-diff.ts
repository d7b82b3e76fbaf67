/**
 * The vocabulary part of `govrule diff`: severities, categories, posts, authorities, actions and
 * attributes added, removed, or changed in what they say (a label, an action's parameters, an
 * attribute's type, values or default, the order of the severity scale), and categories moved
 * under another parent. Like rules, declarations are compared by meaning: source positions and
 * doc comments are no change.
 */
import type { Bundle, Scalar } from '../bundle/types.js';

export const VOCABULARY_KINDS = ['severities', 'categories', 'posts', 'authorities', 'actions', 'attributes'] as const;
export type VocabularyKind = typeof VOCABULARY_KINDS[number];

export type VocabularyField = 'label' | 'parent' | 'params' | 'type' | 'values' | 'default';

/** One change of one declaration; `old` and `new` are written as GovRule writes them. */
export interface VocabularyChange {
    readonly field: VocabularyField;
    readonly old: string;
    readonly new: string;
    /** For enum values: the members only in the new attribute and only in the old one. */
    readonly added?: readonly string[];
    readonly removed?: readonly string[];
}

export interface ChangedDeclaration {
    /** The id in the new bundle. */
    readonly id: string;
    /** For a category moved under another parent: its id in the old bundle. */
    readonly from?: string;
    readonly changes: readonly VocabularyChange[];
}

export interface VocabularyKindDiff {
    readonly added: readonly string[];
    readonly removed: readonly string[];
    readonly changed: readonly ChangedDeclaration[];
}

export type VocabularyDiff = Record<VocabularyKind, VocabularyKindDiff> & {
    /** The severity scale, lowest first, when the severities both sides have are in another order. */
    readonly severityOrder: { readonly old: string; readonly new: string } | null;
};

type Element = Bundle[VocabularyKind][number];

export function diffVocabulary(oldBundle: Bundle, newBundle: Bundle): VocabularyDiff {
    const result = {} as Record<VocabularyKind, VocabularyKindDiff>;
    for (const kind of VOCABULARY_KINDS) {
        const before = new Map<string, Element>(oldBundle[kind].map(e => [e.id, e]));
        const after = new Map<string, Element>(newBundle[kind].map(e => [e.id, e]));
        const changed: ChangedDeclaration[] = [];
        for (const [id, element] of after) {
            const old = before.get(id);
            const changes = old ? declarationChanges(kind, old, element) : [];
            if (changes.length > 0) changed.push({ id, changes });
        }
        let added = [...after.keys()].filter(id => !before.has(id)).sort(compare);
        let removed = [...before.keys()].filter(id => !after.has(id)).sort(compare);
        if (kind === 'categories') {
            const moves = pairMoves(removed.map(id => before.get(id)!), added.map(id => after.get(id)!));
            for (const [from, to] of moves) {
                changed.push({ id: to.id, from: from.id, changes: [parentChange(from, to), ...declarationChanges(kind, from, to)] });
            }
            const movedFrom = new Set([...moves].map(([from]) => from.id));
            const movedTo = new Set([...moves].map(([, to]) => to.id));
            removed = removed.filter(id => !movedFrom.has(id));
            added = added.filter(id => !movedTo.has(id));
        }
        result[kind] = { added, removed, changed: changed.sort((a, b) => compare(a.id, b.id)) };
    }
    return { ...result, severityOrder: severityOrder(oldBundle, newBundle) };
}

/** Whether any declaration was added, removed or changed, or the scale reordered. */
export function vocabularyIsEmpty(diff: VocabularyDiff): boolean {
    return diff.severityOrder === null && VOCABULARY_KINDS.every(k => diff[k].added.length + diff[k].removed.length + diff[k].changed.length === 0);
}

function declarationChanges(kind: VocabularyKind, old: Element, now: Element): VocabularyChange[] {
    const changes: VocabularyChange[] = [];
    const scalar = (field: VocabularyField, before: string, after: string) => {
        if (before !== after) changes.push({ field, old: before, new: after });
    };
    scalar('label', labelText(old.label), labelText(now.label));
    if (kind === 'actions') {
        const params = (e: Element) => paramsText((e as Bundle['actions'][number]).params);
        scalar('params', params(old), params(now));
    }
    if (kind === 'attributes') {
        const a = old as Bundle['attributes'][number];
        const b = now as Bundle['attributes'][number];
        scalar('type', a.type, b.type);
        const oldValues = a.values ?? [];
        const newValues = b.values ?? [];
        const valuesText = (values: readonly string[]) => (values.length === 0 ? 'none' : values.join(', '));
        if (valuesText(oldValues) !== valuesText(newValues)) {
            changes.push({
                field: 'values',
                old: valuesText(oldValues),
                new: valuesText(newValues),
                added: newValues.filter(v => !oldValues.includes(v)),
                removed: oldValues.filter(v => !newValues.includes(v)),
            });
        }
        scalar('default', defaultText(a.default, a.type), defaultText(b.default, b.type));
    }
    return changes;
}

/** `amount: money, note: text?`, as the action declares them; `none` without parameters. */
function paramsText(params: Bundle['actions'][number]['params']): string {
    return params.length === 0 ? 'none' : params.map(p => `${p.name}: ${p.type}${p.optional ? '?' : ''}`).join(', ');
}

/** `none` for a required attribute; enum members bare, texts quoted, as in source. */
function defaultText(value: Scalar | null, type: string): string {
    if (value === null) return 'none';
    return typeof value === 'string' && type !== 'enum' ? JSON.stringify(value) : String(value);
}

function labelText(label: string | null): string {
    return label === null ? 'none' : JSON.stringify(label);
}

function parentChange(from: Element, to: Element): VocabularyChange {
    const parent = (e: Element) => (e as Bundle['categories'][number]).parent ?? 'none';
    return { field: 'parent', old: parent(from), new: parent(to) };
}

/**
 * A category's id is its path, so one moved under another parent is removed under its old id and
 * added under a new one. A removed and an added category of the same name and label, under
 * different parents, are one move (the first candidate by id when several fit).
 */
function pairMoves(removed: readonly Element[], added: readonly Element[]): Map<Element, Element> {
    const byKey = new Map<string, Element[]>();
    for (const element of removed) {
        const key = JSON.stringify([element.name, element.label]);
        byKey.set(key, [...(byKey.get(key) ?? []), element]);
    }
    const parent = (e: Element) => (e as Bundle['categories'][number]).parent;
    const moves = new Map<Element, Element>();
    for (const element of added) {
        const candidates = byKey.get(JSON.stringify([element.name, element.label])) ?? [];
        // Under the same parent (top-level in another package), the category is not moved.
        const at = candidates.findIndex(c => parent(c) !== parent(element));
        if (at >= 0) moves.set(candidates.splice(at, 1)[0], element);
    }
    return moves;
}

/** The scale of each side when the severities both have are ranked differently, else null. */
function severityOrder(oldBundle: Bundle, newBundle: Bundle): VocabularyDiff['severityOrder'] {
    const oldIds = oldBundle.severities.map(s => s.id);
    const newIds = newBundle.severities.map(s => s.id);
    const shared = new Set(oldIds.filter(id => newIds.includes(id)));
    const oldShared = oldIds.filter(id => shared.has(id));
    const newShared = newIds.filter(id => shared.has(id));
    if (oldShared.every((id, i) => id === newShared[i])) {
        return null;
    }
    const scale = (bundle: Bundle) => bundle.severities.map(s => s.label ?? s.name).join(' < ');
    return { old: scale(oldBundle), new: scale(newBundle) };
}

function compare(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}
