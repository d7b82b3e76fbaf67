/**
 * `govrule diff` reports: text for a terminal, Markdown for a pull-request comment or
 * `$GITHUB_STEP_SUMMARY`, JSON for machines (language/schema/diff.schema.json). All three say
 * the same things in the same order.
 */
import { VOCABULARY_KINDS, isEmpty, type BundleDiff, type RuleChange, type RuleSummary } from './bundle-diff.js';
import type { ReplayGroup, ReplayResult } from './replay.js';
import { vocabularyChangedCount, vocabularyMarkdown, vocabularyText } from './render-vocabulary.js';

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
    return `Rules: ${c.added} added, ${c.removed} removed, ${c.changed} changed, ${c.renamed} renamed`;
}

function label(label: string | null): string {
    return label === null ? '' : ` ${JSON.stringify(label)}`;
}

function ruleLine(rule: RuleSummary): string {
    return `${rule.id}${label(rule.label)} (${rule.categories.join(', ')}; ${rule.severity})`;
}

/** The lines that say one change; the condition takes three, with both versions in full. */
export function changeLines(change: RuleChange): string[] {
    const plusMinus = () => [...(change.added ?? []).map(x => `+ ${x}`), ...(change.removed ?? []).map(x => `− ${x}`)].join(', ');
    switch (change.field) {
        case 'condition':
            return ['condition changed', `  old: ${change.old}`, `  new: ${change.new}`];
        case 'enabled':
            return [change.new === 'disabled' ? 'disabled' : 'enabled again'];
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
        out.push('No differences.');
        return `${[...out, ...replayText(report.replay)].join('\n')}\n`;
    }
    out.push(headline(diff), '');
    for (const rule of diff.rules.added) out.push(`+ rule ${ruleLine(rule)}`);
    for (const rule of diff.rules.removed) out.push(`- rule ${ruleLine(rule)}`);
    for (const rule of diff.rules.renamed) {
        out.push(`~ rule ${rule.from} → ${rule.to} (renamed)`);
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
    const out = ['', `Replay of ${replay.events} events: ${replay.changed} decisions changed (${replay.changedPercent}%)`];
    const groups = (title: string, list: readonly ReplayGroup[]) => {
        if (list.length === 0) return;
        out.push(`  ${title}:`);
        for (const g of list) {
            out.push(`    ${g.old} → ${g.new}: ${g.count} (${g.percent}%)`, ...g.samples.map(s => `      line ${s.line}: ${JSON.stringify(s.event)}`));
        }
    };
    groups('By winner', replay.byWinner);
    groups('By severity', replay.bySeverity);
    groups('By actions', replay.byActions);
    for (const [title, g] of [['Became undecidable', replay.becameUndecidable], ['Became decidable', replay.becameDecidable]] as const) {
        if (g) {
            out.push(`  ${title}: ${g.count} (${g.percent}%)`, ...g.samples.map(s => `      line ${s.line}: ${JSON.stringify(s.event)} (${s.error})`));
        }
    }
    if (replay.undecidableInBoth > 0) {
        out.push(`  Undecidable in both: ${replay.undecidableInBoth}`);
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
    const out: string[] = [`### GovRule diff: ${code(report.old.spec)} → ${code(report.new.spec)}`, ''];
    if (isEmpty(diff)) {
        out.push('No differences.', '', ...replayMarkdown(report.replay));
        return `${out.join('\n').trimEnd()}\n`;
    }
    out.push(`**${headline(diff)}**`, '');
    const ruleItem = (rule: RuleSummary) => `- ${code(rule.id)}${rule.label === null ? '' : ` ${escape(rule.label)}`} (${rule.categories.map(code).join(', ')}; ${escape(rule.severity)})`;
    if (diff.rules.added.length > 0) {
        out.push('#### Added rules', '', ...diff.rules.added.map(ruleItem), '');
    }
    if (diff.rules.removed.length > 0) {
        out.push('#### Removed rules', '', ...diff.rules.removed.map(ruleItem), '');
    }
    if (diff.rules.renamed.length > 0) {
        out.push('#### Renamed rules', '');
        for (const rule of diff.rules.renamed) {
            out.push(`- ${code(rule.from)} → ${code(rule.to)}`, ...rule.changes.flatMap(changeMarkdown));
        }
        out.push('');
    }
    if (diff.rules.changed.length > 0) {
        out.push('#### Changed rules', '');
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
    const out = ['#### Replay', '', `**${replay.changed} of ${replay.events} decisions changed (${replay.changedPercent}%)**`, ''];
    const table = (title: string, list: readonly (ReplayGroup | null)[]) => {
        const rows = list.filter((g): g is ReplayGroup => g !== null);
        if (rows.length === 0) return;
        out.push(`| ${title} | events | % | sample lines |`, '| --- | ---: | ---: | --- |');
        for (const g of rows) {
            out.push(`| ${escape(g.old)} → ${escape(g.new)} | ${g.count} | ${g.percent} | ${g.samples.map(s => s.line).join(', ')} |`);
        }
        out.push('');
    };
    table('Winner', replay.byWinner);
    table('Severity', replay.bySeverity);
    table('Actions', replay.byActions);
    table('Decidable', [replay.becameUndecidable, replay.becameDecidable]);
    if (replay.undecidableInBoth > 0) {
        out.push(`${replay.undecidableInBoth} events were undecidable in both.`, '');
    }
    return out;
}

function changeMarkdown(change: RuleChange): string[] {
    if (change.field === 'condition') {
        return ['  - condition changed:', '    ```govrule', `    // old`, `    ${change.old}`, `    // new`, `    ${change.new}`, '    ```'];
    }
    return changeLines(change).map(line => `  - ${code(line)}`);
}
