/** Checks on rules: clauses, action arguments, escalation, effective dates, priority. */
import { AstUtils, type ValidationAcceptor } from 'langium';
import * as ast from '../syntax/generated/ast.js';
import type { GovRuleServices } from '../services.js';
import { hasParserErrorWithin } from '../syntax/syntax-errors.js';
import { CLAUSE_KEYWORDS, REQUIRED_CLAUSES, clausesOf, periodOf, rulePeriod, type Period } from '../model/rules.js';
import { decimalPlaces, parseDuration } from '../model/values.js';
import { durationInWords } from '../l10n/values.js';
import { VALUE_EXAMPLES, valueType } from '../model/types.js';
import type { WorkspaceFacts } from './workspace-facts.js';
import { shortened } from '../model/quote.js';
import { enumeration, valueTypeWords } from '../l10n/diagnostic-words.js';
import { t } from '../l10n/index.js';
import type { DiagnosticData } from '../diagnostics.js';
import { worldOf } from '../references/worlds.js';

export class RuleChecks {
    private readonly facts: WorkspaceFacts;

    constructor(services: GovRuleServices) {
        this.facts = services.validation.WorkspaceFacts;
    }

    /** duplicate-clause and missing-clause (§5: any order, each at most once). */
    checkClauses(rule: ast.Rule, accept: ValidationAcceptor): void {
        const seen = new Set<string>();
        for (const clause of rule.clauses) {
            const keyword = CLAUSE_KEYWORDS[clause.$type];
            if (seen.has(keyword)) {
                accept('error', t('diagnostics.duplicate-clause', { rule: shortened(rule.name), clause: keyword }),
                    { node: clause, keyword, code: 'duplicate-clause' });
            }
            seen.add(keyword);
        }
        // A clause the parser could not read (`responsibel reviewer`) is reported as a syntax error only.
        const unread = rule.$cstNode !== undefined && hasParserErrorWithin(AstUtils.getDocument(rule), rule.$cstNode.offset, rule.$cstNode.end);
        for (const keyword of REQUIRED_CLAUSES) {
            if (!seen.has(keyword) && !unread) {
                accept('error', t('diagnostics.missing-clause', { rule: shortened(rule.name), clause: keyword }),
                    { node: rule, property: 'name', code: 'missing-clause', data: { clause: keyword } satisfies DiagnosticData });
            }
        }
    }

    /** action-arguments: every required parameter once, no repeats, types matching (§5). */
    checkActionCall(call: ast.ActionCall, accept: ValidationAcceptor): void {
        const action = call.action?.ref;
        if (!action) {
            return;
        }
        const given = new Set<string>();
        for (const arg of call.args) {
            const param = arg.param?.ref;
            if (!param) {
                continue;
            }
            if (given.has(param.name)) {
                accept('error', t('diagnostics.action-arguments.repeated', { name: shortened(param.name) }), { node: arg, property: 'param', code: 'action-arguments' });
            }
            given.add(param.name);
            const type = valueType(arg.value);
            if (type && type !== param.type) {
                accept('error', t('diagnostics.action-arguments.type', {
                    name: shortened(param.name), action: shortened(action.name), expected: valueTypeWords(param.type), example: VALUE_EXAMPLES[param.type], actual: valueTypeWords(type),
                }),
                    { node: arg, property: 'value', code: 'action-arguments' });
            }
        }
        // An expectation names only the arguments it checks (`expect actions fine(amount: 100 CNY)`).
        const missing = ast.isExpectActions(call.$container) ? [] : action.params.filter(p => !p.optional && !given.has(p.name));
        if (missing.length > 0) {
            const list = enumeration(missing.map(p => `${p.name}: ${p.type}`));
            const fix = `${action.name}(${missing.map(p => `${p.name}: ${VALUE_EXAMPLES[p.type]}`).join(', ')})`;
            const params = { action: shortened(action.name), list, call: fix };
            accept('error', missing.length === 1 ? t('diagnostics.action-arguments.missing-one', params) : t('diagnostics.action-arguments.missing', params),
                { node: call, property: 'action', code: 'action-arguments', data: { missing: missing.map(p => p.name) } satisfies DiagnosticData });
        }
    }

    /** duplicate-action: the same action twice in one rule. */
    checkActions(clause: ast.ActionsClause, accept: ValidationAcceptor): void {
        const seen = new Set<ast.Action>();
        for (const call of clause.calls) {
            const action = call.action?.ref;
            if (action && seen.has(action)) {
                accept('warning', t('diagnostics.duplicate-action', { name: shortened(action.name) }),
                    { node: call, code: 'duplicate-action' });
            }
            if (action) {
                seen.add(action);
            }
        }
    }

    /** escalation-order, escalation-target and escalates-to-responsible. */
    checkEscalation(clause: ast.EscalateClause, accept: ValidationAcceptor): void {
        const rule = clause.$container;
        const responsible = clausesOf(rule).responsible?.post?.ref;
        let latest: { seconds: number; text: string } | undefined;
        const targets = new Set<ast.EscalationTarget>();
        if (clause.steps.length === 0) {
            accept('error', t('diagnostics.escalation-order.no-steps'),
                { node: clause, keyword: 'escalate', code: 'escalation-order' });
        }
        for (const step of clause.steps) {
            const duration = parseDuration(step.after ?? '');
            if (duration) {
                if (duration.seconds === 0) {
                    accept('error', t('diagnostics.escalation-order.zero'), { node: step, property: 'after', code: 'escalation-order' });
                } else if (latest && duration.seconds <= latest.seconds) {
                    accept('error', t('diagnostics.escalation-order.not-increasing', { after: durationInWords(step.after), previous: durationInWords(latest.text) }),
                        { node: step, property: 'after', code: 'escalation-order' });
                }
                if (!latest || duration.seconds > latest.seconds) {
                    latest = { seconds: duration.seconds, text: step.after };
                }
            }
            const target = step.target?.ref;
            if (!target) {
                continue;
            }
            if (targets.has(target)) {
                accept('error', t('diagnostics.escalation-target', { name: shortened(target.name) }), { node: step, property: 'target', code: 'escalation-target' });
            }
            targets.add(target);
            if (target === responsible) {
                accept('warning', t('diagnostics.escalates-to-responsible', { name: shortened(target.name) }),
                    { node: step, property: 'target', code: 'escalates-to-responsible' });
            }
        }
    }

    /** critical-without-authority: a rule at the top severity whose escalation never reaches an authority. */
    checkTopSeverity(rule: ast.Rule, accept: ValidationAcceptor): void {
        const clauses = clausesOf(rule);
        const level = clauses.severity?.level?.ref;
        if (!level || level !== this.facts.topSeverity(worldOf(rule))) {
            return;
        }
        const reaches = clauses.escalate?.steps.some(s => ast.isAuthority(s.target?.ref)) ?? false;
        if (!reaches) {
            accept('warning', t('diagnostics.critical-without-authority', { rule: shortened(rule.name), level: shortened(level.name) }),
                { node: rule, property: 'name', code: 'critical-without-authority' });
        }
    }

    /** effective-range: the end date is not before the start (of a rule, or of a campaign). */
    checkEffective(clause: ast.EffectiveClause, accept: ValidationAcceptor): void {
        if (clause.to && clause.from && clause.to < clause.from) {
            const key = ast.isCampaign(clause.$container) ? 'diagnostics.effective-range.campaign' : 'diagnostics.effective-range';
            accept('error', t(key, { to: clause.to, from: clause.from }),
                { node: clause, property: 'to', code: 'effective-range' });
        }
    }

    /**
     * campaign-period: a rule's own period shares at least one day with its campaign's. Reported
     * on the rule's `effective` clause (only one with an end can miss the campaign), with the
     * campaign's period as the fix; a period that is itself inverted is effective-range's alone.
     */
    checkCampaignPeriod(clause: ast.CampaignClause, accept: ValidationAcceptor): void {
        const rule = clause.$container;
        const campaign = clause.campaign?.ref;
        const own = clausesOf(rule).effective;
        if (!campaign?.period || !own || !isOrdered(periodOf(own)) || !isOrdered(periodOf(campaign.period)) || rulePeriod(rule)) {
            return;
        }
        const campaignPeriod = periodOf(campaign.period);
        accept('error', t('diagnostics.campaign-period', {
            rule: shortened(rule.name), period: periodText(periodOf(own)), campaign: shortened(campaign.name), campaignPeriod: periodText(campaignPeriod),
        }), { node: own, code: 'campaign-period', data: { replacement: effectiveText(campaignPeriod) } satisfies DiagnosticData });
    }

    checkPriority(clause: ast.PriorityClause, accept: ValidationAcceptor): void {
        if (clause.value && decimalPlaces(clause.value) > 0) {
            accept('error', t('diagnostics.priority-not-whole', { value: clause.value }), { node: clause, property: 'value', code: 'invalid-literal' });
        }
    }
}

function isOrdered(period: Period): boolean {
    return period.from === null || period.to === null || period.from <= period.to;
}

/** `2026-03-01 .. 2026-12-31`, as the source writes a period. */
function periodText(period: Period): string {
    return `${period.from ?? '…'} .. ${period.to ?? '…'}`;
}

/** The clause that states a period; a campaign's always has a start. */
function effectiveText(period: Period): string {
    return period.to === null ? `effective ${period.from}` : `effective ${period.from} .. ${period.to}`;
}
