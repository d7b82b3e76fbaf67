/**
 * The decision (§8): of the enabled rules that cover the event's category (itself or an ancestor),
 * are in force on its date and whose condition holds, the first in winner order wins; the others
 * are listed in `alsoMatched`, in the order they would have won.
 */
import type { BundleRule } from '../bundle/types.js';
import type { Candidate, LoadedBundle } from './bundle-loader.js';
import { traceCondition, type ConditionTrace } from './conditions.js';
import { normalizeEvent, type EventOptions, type NormalizedEvent } from './event.js';
import { quoted } from '../model/quote.js';

export interface DecideOptions extends EventOptions {
    /** Add `explain`: every rule covering the category, and which part of its condition held or failed. */
    readonly explain?: boolean;
}

export interface Decision {
    /** The event's id, when it has one. */
    readonly id?: string | number;
    /** The winning rule's id, or null when no rule matches. */
    readonly rule: string | null;
    /** The campaign the winning rule joins, or null (no campaign, or no winner). */
    readonly campaign: string | null;
    readonly severity: string | null;
    readonly actions: BundleRule['actions'];
    readonly responsible: string | null;
    readonly escalation: BundleRule['escalation'];
    /** The other matching rules, in the order they would have won. */
    readonly alsoMatched: string[];
    readonly explain?: RuleExplanation[];
}

export type Outcome = 'won' | 'matched' | 'condition-failed' | 'not-in-force' | 'disabled';

export interface RuleExplanation {
    readonly rule: string;
    readonly outcome: Outcome;
    /** The rule's category through which it covers the event's category. */
    readonly category: string;
    readonly priority: number;
    readonly severity: string;
    /** Why the rule won, lost, or did not match, in a sentence. */
    readonly reason: string;
    readonly condition: ConditionTrace;
}

const NO_ACTIONS: BundleRule['actions'] = [];
const NO_ESCALATION: BundleRule['escalation'] = [];
Object.freeze(NO_ACTIONS);
Object.freeze(NO_ESCALATION);

/** Decides one event. Throws EventError for an event the bundle cannot decide. */
export function decide(loaded: LoadedBundle, event: unknown, options: DecideOptions = {}): Decision {
    const explain = options.explain === true;
    return decideNormalized(loaded, normalizeEvent(loaded, event, explain ? { ...options, trackGiven: true } : options), explain);
}

/** For explain, normalise the event with `trackGiven`, so that defaults are told from given values. */
export function decideNormalized(loaded: LoadedBundle, event: NormalizedEvent, explain = false): Decision {
    const candidates = loaded.rulesFor(event.category).enabled;
    const { date, values } = event;
    let winner: Candidate | undefined;
    const alsoMatched: string[] = [];
    for (const candidate of candidates) {
        const rule = candidate.rule;
        if (date < rule.from || date > rule.to || !rule.test(values)) {
            continue;
        }
        if (winner === undefined) {
            winner = candidate;
        } else {
            alsoMatched.push(rule.id);
        }
    }
    const decided = winner?.rule;
    // Built in one literal per shape: this is the hot path of a decision stream.
    const decision: Decision = event.id === undefined
        ? {
            rule: decided ? decided.id : null,
            campaign: decided ? decided.rule.campaign : null,
            severity: decided ? decided.rule.severity : null,
            actions: decided ? decided.actions : NO_ACTIONS,
            responsible: decided ? decided.rule.responsible : null,
            escalation: decided ? decided.escalation : NO_ESCALATION,
            alsoMatched,
        }
        : {
            id: event.id,
            rule: decided ? decided.id : null,
            campaign: decided ? decided.rule.campaign : null,
            severity: decided ? decided.rule.severity : null,
            actions: decided ? decided.actions : NO_ACTIONS,
            responsible: decided ? decided.rule.responsible : null,
            escalation: decided ? decided.escalation : NO_ESCALATION,
            alsoMatched,
        };
    return explain ? { ...decision, explain: explainDecision(loaded, event, winner, alsoMatched.length) } : decision;
}

function explainDecision(loaded: LoadedBundle, event: NormalizedEvent, winner: Candidate | undefined, others: number): RuleExplanation[] {
    return loaded.rulesFor(event.category).all.map(candidate => {
        const rule = candidate.rule;
        const condition = traceCondition(rule.condition, event.values, event.given);
        let outcome: Outcome;
        let reason: string;
        if (!rule.enabled) {
            outcome = 'disabled';
            reason = 'the rule is disabled';
        } else if (event.date < rule.from || event.date > rule.to) {
            outcome = 'not-in-force';
            const campaign = rule.rule.campaign === null ? '' : `, within campaign ${quoted(rule.rule.campaign)}`;
            reason = `not in force on ${event.date} (effective ${rule.rule.effective.from ?? '…'} .. ${rule.rule.effective.to ?? '…'}${campaign})`;
        } else if (!condition.holds) {
            outcome = 'condition-failed';
            reason = 'its condition does not hold';
        } else if (candidate === winner) {
            outcome = 'won';
            reason = others === 0 ? 'the only rule that matched' : `won over ${others} other ${others === 1 ? 'match' : 'matches'}`;
        } else {
            outcome = 'matched';
            reason = `matched, but ${quoted(winner!.rule.id)} wins ${winReason(loaded, winner!, candidate)}`;
        }
        return { rule: rule.id, outcome, category: candidate.category.id, priority: rule.priority, severity: rule.rule.severity, reason, condition };
    });
}

/**
 * The decision as one line of JSON, the same text as `JSON.stringify(decision)` without explain;
 * the parts that only depend on the winning rule are serialised once per rule.
 */
export function decisionJson(decision: Decision): string {
    const head = decision.id === undefined ? '{"rule":' : `{"id":${JSON.stringify(decision.id)},"rule":`;
    const rule = decision.rule === null ? 'null' : JSON.stringify(decision.rule);
    const cached = ruleParts.get(decision.actions);
    let body = cached !== undefined && cached.rule === decision.rule && cached.campaign === decision.campaign && cached.severity === decision.severity
        && cached.responsible === decision.responsible && cached.escalation === decision.escalation ? cached.body : undefined;
    if (body === undefined) {
        body = `,"campaign":${JSON.stringify(decision.campaign)},"severity":${JSON.stringify(decision.severity)},"actions":${JSON.stringify(decision.actions)},"responsible":${JSON.stringify(decision.responsible)},"escalation":${JSON.stringify(decision.escalation)}`;
        if (Object.isFrozen(decision.actions) && decision.rule !== null) {
            const { rule, campaign, severity, responsible, escalation } = decision;
            ruleParts.set(decision.actions, { rule, campaign, severity, responsible, escalation, body });
        }
    }
    const also = decision.alsoMatched.length === 0 ? '[]' : JSON.stringify(decision.alsoMatched);
    return `${head}${rule}${body},"alsoMatched":${also}${decision.explain ? `,"explain":${JSON.stringify(decision.explain)}` : ''}}`;
}

/**
 * Keyed by a rule's frozen action list (see RuleInfo.actions): one per rule of a loaded bundle.
 * The other fields are compared too, since a caller may change them in a decision it holds.
 */
const ruleParts = new WeakMap<object, Pick<Decision, 'campaign' | 'severity' | 'responsible' | 'escalation'> & { rule: string; body: string }>();

/** Which step of the winner order (§8) decided between two matches, as data: front ends word it. */
export type WinStep =
    | { readonly by: 'priority'; readonly winner: number; readonly loser: number }
    | { readonly by: 'category'; readonly winner: string; readonly loser: string }
    | { readonly by: 'severity'; readonly winner: string; readonly loser: string }
    | { readonly by: 'order' };

export function winStep(loaded: LoadedBundle, winner: Candidate, loser: Candidate): WinStep {
    const w = winner.rule;
    const l = loser.rule;
    if (w.priority !== l.priority) {
        return { by: 'priority', winner: w.priority, loser: l.priority };
    }
    if (winner.category.depth !== loser.category.depth) {
        return { by: 'category', winner: winner.category.id, loser: loser.category.id };
    }
    if (w.rank !== l.rank) {
        const names = loaded.bundle.severities;
        return { by: 'severity', winner: names[w.rank].name, loser: names[l.rank].name };
    }
    // The winner precedes every other match in winner order: only bundle order is left.
    return { by: 'order' };
}

/** The step of winStep in the runtime's English, as `explain` reports it. */
export function winReason(loaded: LoadedBundle, winner: Candidate, loser: Candidate): string {
    const step = winStep(loaded, winner, loser);
    switch (step.by) {
        case 'priority':
            return `by priority (${step.winner} > ${step.loser})`;
        case 'category':
            return `by a more specific category (${quoted(step.winner)} is inside ${quoted(step.loser)})`;
        case 'severity':
            return `by severity (${step.winner} > ${step.loser})`;
        case 'order':
            return 'by coming first in the bundle (ids in order)';
    }
}
