/** Reading a rule's clauses by kind: the one place that knows how clauses map to keywords. */
import * as ast from '../syntax/generated/ast.js';

export interface RuleClauses {
    category?: ast.CategoryClause;
    severity?: ast.SeverityClause;
    responsible?: ast.ResponsibleClause;
    actions?: ast.ActionsClause;
    when?: ast.WhenClause;
    escalate?: ast.EscalateClause;
    basis?: ast.BasisClause;
    priority?: ast.PriorityClause;
    effective?: ast.EffectiveClause;
    disabled?: ast.DisabledClause;
    campaign?: ast.CampaignClause;
}

export type ClauseKey = keyof RuleClauses;

/** The keyword that starts each clause, by clause type. */
export const CLAUSE_KEYWORDS: Record<ast.Clause['$type'], ClauseKey> = {
    CategoryClause: 'category',
    SeverityClause: 'severity',
    ResponsibleClause: 'responsible',
    ActionsClause: 'actions',
    WhenClause: 'when',
    EscalateClause: 'escalate',
    BasisClause: 'basis',
    PriorityClause: 'priority',
    EffectiveClause: 'effective',
    DisabledClause: 'disabled',
    CampaignClause: 'campaign',
};

export const REQUIRED_CLAUSES: readonly ClauseKey[] = ['category', 'severity', 'responsible', 'actions'];

const cache = new WeakMap<ast.Rule, RuleClauses>();

/** The first clause of each kind (a repeated clause is an error reported elsewhere). */
export function clausesOf(rule: ast.Rule): RuleClauses {
    let clauses = cache.get(rule);
    if (!clauses) {
        clauses = {};
        for (const clause of rule.clauses) {
            const key = CLAUSE_KEYWORDS[clause.$type];
            if (!clauses[key]) {
                (clauses as Record<ClauseKey, ast.Clause>)[key] = clause;
            }
        }
        cache.set(rule, clauses);
    }
    return clauses;
}

/** A period of dates, both ends inclusive; null is an open end. */
export interface Period {
    readonly from: string | null;
    readonly to: string | null;
}

export const ALWAYS: Period = { from: null, to: null };

/** What an `effective` clause says, or always when there is none. */
export function periodOf(clause: ast.EffectiveClause | undefined): Period {
    return clause ? { from: clause.from ?? null, to: clause.to ?? null } : ALWAYS;
}

/**
 * The period both are in force (dates compare as strings); undefined when they share no day.
 * An open end gives way to the other's end.
 */
export function intersectPeriods(a: Period, b: Period): Period | undefined {
    const from = a.from === null ? b.from : b.from === null ? a.from : a.from > b.from ? a.from : b.from;
    const to = a.to === null ? b.to : b.to === null ? a.to : a.to < b.to ? a.to : b.to;
    return from !== null && to !== null && to < from ? undefined : { from, to };
}

/**
 * A rule's period in force: its own `effective` period within its campaign's (§5). Undefined when
 * they do not overlap (`campaign-period`); a campaign that does not resolve adds nothing.
 */
export function rulePeriod(rule: ast.Rule): Period | undefined {
    const clauses = clausesOf(rule);
    const own = periodOf(clauses.effective);
    const campaign = clauses.campaign?.campaign.ref;
    return campaign ? intersectPeriods(own, periodOf(campaign.period)) : own;
}
