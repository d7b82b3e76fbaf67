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
