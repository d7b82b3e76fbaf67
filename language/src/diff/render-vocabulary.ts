/**
 * The vocabulary section of the `govrule diff` reports, in text and Markdown (render.ts prints
 * the rest): per kind, the declarations added and removed, the new order of the severity scale,
 * then each changed declaration with one line per change.
 */
import { VOCABULARY_KINDS, type VocabularyChange, type VocabularyDiff, type VocabularyKind } from './vocabulary-diff.js';
import { t } from '../l10n/index.js';

/** Each kind's title in the reports. */
const TITLES = {
    severities: 'cli.diff.report.kind.severities',
    categories: 'cli.diff.report.kind.categories',
    posts: 'cli.diff.report.kind.posts',
    authorities: 'cli.diff.report.kind.authorities',
    actions: 'cli.diff.report.kind.actions',
    attributes: 'cli.diff.report.kind.attributes',
} as const satisfies Record<VocabularyKind, string>;

/** "Changed post `x`" in the Markdown report, in words. */
const CHANGED = {
    severities: 'cli.diff.report.changed.severity',
    categories: 'cli.diff.report.changed.category',
    posts: 'cli.diff.report.changed.post',
    authorities: 'cli.diff.report.changed.authority',
    actions: 'cli.diff.report.changed.action',
    attributes: 'cli.diff.report.changed.attribute',
} as const satisfies Record<VocabularyKind, string>;

/** The text report marks a changed declaration with its keyword, as the source writes it. */
const KEYWORD: Record<VocabularyKind, string> = {
    severities: 'severity', categories: 'category', posts: 'post', authorities: 'authority', actions: 'action', attributes: 'attribute',
};

/** How many declarations changed; a reordered severity scale counts as one change. */
export function vocabularyChangedCount(diff: VocabularyDiff): number {
    return VOCABULARY_KINDS.reduce((n, k) => n + diff[k].changed.length, diff.severityOrder ? 1 : 0);
}

function hasDifferences(diff: VocabularyDiff, kind: VocabularyKind): boolean {
    const d = diff[kind];
    return d.added.length + d.removed.length + d.changed.length > 0 || (kind === 'severities' && diff.severityOrder !== null);
}

/** One line for one change of a declaration: `label "旧" → "新"`, `values + wechat, − web`. */
export function vocabularyChangeLine(change: VocabularyChange): string {
    if (change.field === 'values') {
        const delta = [...(change.added ?? []).map(x => `+ ${x}`), ...(change.removed ?? []).map(x => `− ${x}`)].join(', ');
        // The same members in another order: show both orders.
        if (delta !== '') return `values ${delta}`;
    }
    return `${change.field} ${change.old} → ${change.new}`;
}

/** The text report's lines, after a blank line; none without differences. */
export function vocabularyText(diff: VocabularyDiff): string[] {
    const out: string[] = [];
    for (const kind of VOCABULARY_KINDS.filter(k => hasDifferences(diff, k))) {
        const { added, removed, changed } = diff[kind];
        if (added.length + removed.length > 0) {
            out.push(t('cli.diff.report.kind-items', { kind: t(TITLES[kind]), items: [...added.map(x => `+ ${x}`), ...removed.map(x => `- ${x}`)].join(', ') }));
        }
        if (kind === 'severities' && diff.severityOrder) {
            out.push(t('cli.diff.report.severity-order-text', { old: diff.severityOrder.old, new: diff.severityOrder.new }));
        }
        for (const declaration of changed) {
            out.push(`~ ${KEYWORD[kind]} ${declaration.id}${declaration.from ? t('cli.diff.report.moved-from', { from: declaration.from }) : ''}`);
            out.push(...declaration.changes.map(c => `    ${vocabularyChangeLine(c)}`));
        }
    }
    return out.length === 0 ? [] : ['', ...out];
}

/** The Markdown report's "Vocabulary" section; `code` and `escape` are the report's own. */
export function vocabularyMarkdown(diff: VocabularyDiff, code: (text: string) => string, escape: (text: string) => string): string[] {
    const out: string[] = [];
    for (const kind of VOCABULARY_KINDS.filter(k => hasDifferences(diff, k))) {
        const { added, removed, changed } = diff[kind];
        const parts = [
            added.length > 0 ? t('cli.diff.report.added-items', { items: added.map(code).join(', ') }) : '',
            removed.length > 0 ? t('cli.diff.report.removed-items', { items: removed.map(code).join(', ') }) : '',
        ].filter(Boolean);
        if (parts.length > 0) {
            out.push(`- ${t('cli.diff.report.kind-items', { kind: t(TITLES[kind]), items: parts.join(t('cli.clause.separator')) })}`);
        }
        if (kind === 'severities' && diff.severityOrder) {
            out.push(`- ${t('cli.diff.report.severity-order', { old: escape(diff.severityOrder.old), new: escape(diff.severityOrder.new) })}`);
        }
        for (const declaration of changed) {
            out.push(`- ${t(CHANGED[kind], { id: code(declaration.id) })}${declaration.from ? t('cli.diff.report.moved-from', { from: code(declaration.from) }) : ''}`);
            out.push(...declaration.changes.map(c => `  - ${code(vocabularyChangeLine(c))}`));
        }
    }
    return out.length === 0 ? [] : [`#### ${t('cli.diff.report.vocabulary')}`, '', ...out, ''];
}
