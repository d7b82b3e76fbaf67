/**
 * `govrule diff` reports: text for a terminal, Markdown for a pull-request comment or
 * `$GITHUB_STEP_SUMMARY`, JSON for machines (language/schema/diff.schema.json). All three say
 * the same things in the same order.
 */
import { VOCABULARY_KINDS, isEmpty, type BundleDiff, type RuleChange, type RuleSummary } from './bundle-diff.js';
import type { ReplayGroup, ReplayResult } from './replay.js';
import { vocabularyChangedCount, vocabularyMarkdown, vocabularyText } from './render-vocabulary.js';
import { t } from '../l10n/index.js';

/** One side of the comparison, as the user named it. */
export interface DiffSide {
    readonly spec: string;
    readonly kind: 'bundle' | 'folder' | 'git';
}

export interface DiffReport {
    readonly old: DiffSide;
    readonly new: DiffSide;
    readonly diff: BundleDiff;
    /** With --events: how the decisions on those events change. */
    readonly replay?: ReplayResult;
}

export const DIFF_FORMAT = 'govrule-diff';
export const DIFF_FORMAT_VERSION = 1;

export function summaryCounts(diff: BundleDiff) {
    const vocabularyAdded = VOCABULARY_KINDS.reduce((n, k) => n + diff.vocabulary[k].added.length, 0);
    const vocabularyRemoved = VOCABULARY_KINDS.reduce((n, k) => n + diff.vocabulary[k].removed.length, 0);
    return {
        added: diff.rules.added.length,
        removed: diff.rules.removed.length,
        changed: diff.rules.changed.length,
        renamed: diff.rules.renamed.length,
        vocabularyAdded,
        vocabularyRemoved,
        vocabularyChanged: vocabularyChangedCount(diff.vocabulary),
    };
}

export function diffJson(report: DiffReport): string {
    const json = {
        format: DIFF_FORMAT,
        formatVersion: DIFF_FORMAT_VERSION,
        old: report.old,
        new: report.new,
        summary: summaryCounts(report.diff),
        rules: report.diff.rules,
        vocabulary: report.diff.vocabulary,
        ...(report.replay ? { replay: report.replay } : {}),
    };
    return `${JSON.stringify(json, null, 2)}\n`;
}

function headline(diff: BundleDiff): string {
    const c = summaryCounts(diff);
    return t('cli.diff.report.headline', { added: c.added, removed: c.removed, changed: c.changed, renamed: c.renamed });
}

function label(label: string | null): string {
    return label === null ? '' : ` ${JSON.stringify(label)}`;
}

function ruleLine(rule: RuleSummary): string {
    return `${rule.id}${label(rule.label)}${t('cli.diff.report.rule-of', { categories: rule.categories.join(', '), severity: rule.severity })}`;
}

/** The lines that say one change; the condition takes three, with both versions in full. */
export function changeLines(change: RuleChange): string[] {
    const plusMinus = () => [...(change.added ?? []).map(x => `+ ${x}`), ...(change.removed ?? []).map(x => `− ${x}`)].join(', ');
    switch (change.field) {
        case 'condition':
            return [t('cli.diff.report.condition-changed'), `  ${t('cli.diff.report.old', { text: change.old })}`, `  ${t('cli.diff.report.new', { text: change.new })}`];
        case 'enabled':
            return [t(change.new === 'disabled' ? 'cli.diff.report.disabled' : 'cli.diff.report.enabled-again')];
        case 'escalation': {
            const lines = [
                ...(change.retimed ?? []).map(x => `escalation step ${x}`),
                ...(change.added ?? []).map(x => `escalation + ${x}`),
                ...(change.removed ?? []).map(x => `escalation − ${x}`),
            ];
            return lines.length > 0 ? lines : [`escalation ${change.old} → ${change.new}`];
        }
        case 'actions':
        case 'categories':
        case 'basis': {
            const delta = plusMinus();
            // Same items in another order: show both orders.
            return [delta === '' ? `${change.field} ${change.old} → ${change.new}` : `${change.field} ${delta}`];
        }
        default:
            return [`${change.field} ${change.old} → ${change.new}`];
    }
}

export function diffText(report: DiffReport): string {
    const { diff } = report;
    const out: string[] = [`govrule diff ${report.old.spec} → ${report.new.spec}`];
    if (isEmpty(diff)) {
        out.push(t('cli.diff.report.no-differences'));
        return `${[...out, ...replayText(report.replay)].join('\n')}\n`;
    }
    out.push(headline(diff), '');
    for (const rule of diff.rules.added) out.push(`+ rule ${ruleLine(rule)}`);
    for (const rule of diff.rules.removed) out.push(`- rule ${ruleLine(rule)}`);
    for (const rule of diff.rules.renamed) {
        out.push(t('cli.diff.report.renamed', { from: rule.from, to: rule.to }));
        for (const change of rule.changes) out.push(...changeLines(change).map(l => `    ${l}`));
    }
    for (const rule of diff.rules.changed) {
        out.push(`~ rule ${rule.id}${label(rule.label)}`);
        for (const change of rule.changes) out.push(...changeLines(change).map(l => `    ${l}`));
    }
    out.push(...vocabularyText(diff.vocabulary));
    return `${[...out, ...replayText(report.replay)].join('\n')}\n`;
}

function replayText(replay: ReplayResult | undefined): string[] {
    if (!replay) {
        return [];
    }
    const out = ['', t('cli.diff.report.replay', { count: replay.events, changed: replay.changed, percent: replay.changedPercent })];
    const groups = (title: string, list: readonly ReplayGroup[]) => {
        if (list.length === 0) return;
        out.push(`  ${title}`);
        for (const g of list) {
            out.push(`    ${t('cli.diff.report.group', { old: g.old, new: g.new, count: g.count, percent: g.percent })}`,
                ...g.samples.map(s => `      ${t('cli.diff.report.sample', { line: s.line, event: JSON.stringify(s.event) })}`));
        }
    };
    groups(t('cli.diff.report.by-winner'), replay.byWinner);
    groups(t('cli.diff.report.by-severity'), replay.bySeverity);
    groups(t('cli.diff.report.by-actions'), replay.byActions);
    for (const [key, g] of [['cli.diff.report.became-undecidable', replay.becameUndecidable], ['cli.diff.report.became-decidable', replay.becameDecidable]] as const) {
        if (g) {
            out.push(`  ${t(key, { count: g.count, percent: g.percent })}`,
                ...g.samples.map(s => `      ${t('cli.diff.report.sample-error', { line: s.line, event: JSON.stringify(s.event), error: s.error ?? '' })}`));
        }
    }
    if (replay.undecidableInBoth > 0) {
        out.push(`  ${t('cli.diff.report.undecidable-in-both', { count: replay.undecidableInBoth })}`);
    }
    return out;
}

/** Backticks in names and labels cannot end a Markdown code span early. */
function code(text: string): string {
    const fence = text.includes('`') ? '``' : '`';
    return `${fence}${text.includes('`') ? ` ${text} ` : text}${fence}`;
}

/** Markdown metacharacters in labels are shown, not interpreted. */
function escape(text: string): string {
    return text.replace(/[\\`*_[\]<>|]/g, c => `\\${c}`);
}

export function diffMarkdown(report: DiffReport): string {
    const { diff } = report;
    const out: string[] = [t('cli.diff.report.markdown-title', { old: code(report.old.spec), new: code(report.new.spec) }), ''];
    if (isEmpty(diff)) {
        out.push(t('cli.diff.report.no-differences'), '', ...replayMarkdown(report.replay));
        return `${out.join('\n').trimEnd()}\n`;
    }
    out.push(`**${headline(diff)}**`, '');
    const ruleItem = (rule: RuleSummary) => `- ${code(rule.id)}${rule.label === null ? '' : ` ${escape(rule.label)}`}${t('cli.diff.report.rule-of', { categories: rule.categories.map(code).join(', '), severity: escape(rule.severity) })}`;
    if (diff.rules.added.length > 0) {
        out.push(`#### ${t('cli.diff.report.added-rules')}`, '', ...diff.rules.added.map(ruleItem), '');
    }
    if (diff.rules.removed.length > 0) {
        out.push(`#### ${t('cli.diff.report.removed-rules')}`, '', ...diff.rules.removed.map(ruleItem), '');
    }
    if (diff.rules.renamed.length > 0) {
        out.push(`#### ${t('cli.diff.report.renamed-rules')}`, '');
        for (const rule of diff.rules.renamed) {
            out.push(`- ${code(rule.from)} → ${code(rule.to)}`, ...rule.changes.flatMap(changeMarkdown));
        }
        out.push('');
    }
    if (diff.rules.changed.length > 0) {
        out.push(`#### ${t('cli.diff.report.changed-rules')}`, '');
        for (const rule of diff.rules.changed) {
            out.push(`- ${code(rule.id)}${rule.label === null ? '' : ` ${escape(rule.label)}`}`, ...rule.changes.flatMap(changeMarkdown));
        }
        out.push('');
    }
    out.push(...vocabularyMarkdown(diff.vocabulary, code, escape));
    out.push(...replayMarkdown(report.replay));
    return `${out.join('\n').trimEnd()}\n`;
}

function replayMarkdown(replay: ReplayResult | undefined): string[] {
    if (!replay) {
        return [];
    }
    const out = [`#### ${t('cli.diff.report.replay-title')}`, '', `**${t('cli.diff.report.replay-changed', { changed: replay.changed, count: replay.events, percent: replay.changedPercent })}**`, ''];
    const table = (title: string, list: readonly (ReplayGroup | null)[], word: (value: string) => string = value => value) => {
        const rows = list.filter((g): g is ReplayGroup => g !== null);
        if (rows.length === 0) return;
        out.push(t('cli.diff.report.table-head', { title }), '| --- | ---: | ---: | --- |');
        for (const g of rows) {
            out.push(`| ${escape(word(g.old))} → ${escape(word(g.new))} | ${g.count} | ${g.percent} | ${g.samples.map(s => s.line).join(', ')} |`);
        }
        out.push('');
    };
    table(t('cli.diff.report.winner'), replay.byWinner);
    table(t('cli.diff.report.severity'), replay.bySeverity);
    table(t('cli.diff.report.actions'), replay.byActions);
    // The two states of this table are words of the report (the JSON keeps 'decided' and 'undecidable').
    table(t('cli.diff.report.decidable'), [replay.becameUndecidable, replay.becameDecidable],
        state => state === 'decided' ? t('cli.diff.report.decided') : state === 'undecidable' ? t('cli.diff.report.undecidable') : state);
    if (replay.undecidableInBoth > 0) {
        out.push(t('cli.diff.report.undecidable-in-both-sentence', { count: replay.undecidableInBoth }), '');
    }
    return out;
}

function changeMarkdown(change: RuleChange): string[] {
    if (change.field === 'condition') {
        return [`  - ${t('cli.diff.report.condition-changed-colon')}`, '    ```govrule', `    // ${t('cli.diff.report.old-side')}`, `    ${change.old}`, `    // ${t('cli.diff.report.new-side')}`, `    ${change.new}`, '    ```'];
    }
    return changeLines(change).map(line => `  - ${code(line)}`);
}
