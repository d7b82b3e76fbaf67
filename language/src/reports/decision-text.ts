/**
 * A decision as people read it, in Markdown: the winning rule, its severity, actions, responsible
 * post and escalation timeline, the other matches, and why each covering rule won, lost or did not
 * match. The editor's "Evaluate…" shows it beside the event. The runtime decides and explains
 * (in data); the words come from the catalogue, so they follow the reader's language.
 */
import type { Bundle, Value } from '../bundle/types.js';
import { t } from '../l10n/index.js';
import { durationInWords, moneyInWords } from '../l10n/values.js';
import { currentLocale, type MessageKey } from '../l10n/index.js';
import { durationText, winStep, type Decision, type LoadedBundle, type NormalizedEvent, type Outcome, type RuleExplanation, type WinStep } from '../runtime/index.js';
import { namesOf, type Names } from './test-results.js';

/** What decided the event, and the event as the runtime read it (its category and date). */
export interface DecidedEvent {
    readonly loaded: LoadedBundle;
    readonly event: NormalizedEvent;
    /** Decided with `explain`. */
    readonly decision: Decision;
}

/** Characters that Markdown would read as markup in a label or a text value. */
const MARKUP = /[\\`*_[\]<>|#]/g;

function plain(text: string): string {
    return text.replace(MARKUP, ch => `\\${ch}`);
}

/** `id` (label), or `id` alone. */
function named(id: string, names: Names): string {
    const label = names.get(id)?.label;
    return label ? t('editor.code-with-label', { code: id, label: plain(label) }) : `\`${id}\``;
}

function duration(seconds: number): string {
    return currentLocale() === 'en' ? durationText(seconds) : durationInWords(durationText(seconds));
}

function valueText(value: Value): string {
    if (typeof value === 'object') {
        return 'seconds' in value ? duration(value.seconds) : moneyInWords(String(value.amount), value.currency);
    }
    return typeof value === 'string' ? plain(JSON.stringify(value)) : String(value);
}

function actionText(action: Decision['actions'][number], names: Names): string {
    const args = Object.entries(action.args).map(([name, value]) => t('editor.decision.argument', { name, value: valueText(value) }));
    return args.length === 0 ? named(action.action, names) : t('editor.decision.action-with-args', { action: named(action.action, names), args: args.join(t('editor.list.comma')) });
}

const OUTCOME_WORDS = {
    won: 'editor.decision.outcome.won',
    matched: 'editor.decision.outcome.matched',
    'condition-failed': 'editor.decision.outcome.condition-failed',
    'not-in-force': 'editor.decision.outcome.not-in-force',
    disabled: 'editor.decision.outcome.disabled',
} as const satisfies Record<Outcome, MessageKey>;

function stepText(step: WinStep, names: Names): string {
    switch (step.by) {
        case 'priority':
            return t('editor.decision.by-priority', { winner: step.winner, loser: step.loser });
        case 'category':
            return t('editor.decision.by-category', { winner: named(step.winner, names), loser: named(step.loser, names) });
        case 'severity':
            return t('editor.decision.by-severity', { winner: step.winner, loser: step.loser });
        case 'order':
            return t('editor.decision.by-order');
    }
}

/** Why one covering rule won, lost or did not match, in a sentence. */
function reasonText(explanation: RuleExplanation, decided: DecidedEvent, names: Names, others: number): string {
    const { loaded, event, decision } = decided;
    switch (explanation.outcome) {
        case 'disabled':
            return t('editor.decision.reason.disabled');
        case 'condition-failed':
            return t('editor.decision.reason.condition-failed');
        case 'not-in-force': {
            const effective = loaded.rules.find(r => r.id === explanation.rule)?.rule.effective;
            return t('editor.decision.reason.not-in-force', { date: event.date, from: effective?.from ?? '…', to: effective?.to ?? '…' });
        }
        case 'won':
            return others === 0 ? t('editor.decision.reason.only-match') : t('editor.decision.reason.won-over', { count: others });
        case 'matched': {
            const all = loaded.rulesFor(event.category).all;
            const winner = all.find(c => c.rule.id === decision.rule);
            const loser = all.find(c => c.rule.id === explanation.rule);
            const step = winner && loser ? stepText(winStep(loaded, winner, loser), names) : '';
            return t('editor.decision.reason.matched', { winner: named(decision.rule ?? '', names), step });
        }
    }
}

/** The decision of an event, with its explanation, as Markdown in the current language. */
export function decisionMarkdown(decided: DecidedEvent): string {
    const { decision, event } = decided;
    const bundle: Bundle = decided.loaded.bundle;
    // Categories too: the title names the event's category.
    const names = new Map([...namesOf(bundle), ...bundle.categories.map(c => [c.id, { name: c.name, label: c.label }] as const)]);
    const lines: string[] = [];
    const none = t('cli.test.value.none');
    lines.push(`## ${t('editor.decision.title', { category: named(event.category.id, names), date: event.date })}`, '');
    if (decision.rule === null) {
        lines.push(t('editor.decision.no-rule'), '');
    } else {
        lines.push(`### ${t('editor.decision.winner', { rule: named(decision.rule, names) })}`, '');
        const actions = decision.actions.map(a => actionText(a, names)).join(t('editor.list.comma'));
        lines.push(
            `- ${t('editor.decision.severity', { severity: named(decision.severity ?? '', names) })}`,
            `- ${t('editor.decision.actions', { actions: actions || none })}`,
            `- ${t('editor.decision.responsible', { post: named(decision.responsible ?? '', names) })}`,
            '',
            `#### ${t('editor.decision.escalation')}`,
            '',
        );
        if (decision.escalation.length === 0) {
            lines.push(t('cli.test.value.no-escalation'), '');
        } else {
            for (const [index, step] of decision.escalation.entries()) {
                lines.push(`${index + 1}. ${t('editor.decision.escalation-step', { duration: duration(step.afterSeconds), target: named(step.to, names) })}`);
            }
            lines.push('');
        }
    }
    lines.push(`#### ${t('editor.decision.also-matched')}`, '');
    lines.push(decision.alsoMatched.length === 0 ? none : decision.alsoMatched.map(id => `- ${named(id, names)}`).join('\n'), '');
    lines.push(`#### ${t('editor.decision.explanation')}`, '');
    const explanations = decision.explain ?? [];
    if (explanations.length === 0) {
        lines.push(t('editor.decision.no-covering-rule'), '');
    }
    for (const explanation of explanations) {
        const mark = explanation.outcome === 'won' ? '✓' : explanation.outcome === 'matched' ? '≈' : '✗';
        const reason = reasonText(explanation, decided, names, decision.alsoMatched.length);
        lines.push(`- ${mark} ${named(explanation.rule, names)} — ${t('editor.decision.outcome-reason', { outcome: t(OUTCOME_WORDS[explanation.outcome]), reason })}`);
        const condition = explanation.condition;
        if (condition.condition !== 'true') {
            lines.push(`  - \`${condition.condition.replace(/`/g, "'")}\` ${condition.holds ? '✓' : '✗'}`);
        }
    }
    lines.push('');
    return lines.join('\n');
}
