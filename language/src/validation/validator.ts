/** Registers every check with the node type it applies to. */
import type { ValidationChecks } from 'langium';
import type { GovRuleAstType } from '../syntax/generated/ast.js';
import type { GovRuleServices } from '../services.js';
import { ConditionChecks } from './condition-checks.js';
import { DeclarationChecks } from './declaration-checks.js';
import { LiteralChecks } from './literal-checks.js';
import { RuleChecks } from './rule-checks.js';
import { RuleAnalysis } from './analysis-rules.js';
import { TestChecks } from './test-checks.js';
import { TextChecks } from './text-checks.js';
import { ConfusableNames } from './confusable-names.js';
import { SurfaceChecks } from './surface-checks.js';

export function registerValidationChecks(services: GovRuleServices): void {
    const registry = services.validation.ValidationRegistry;
    const declarations = new DeclarationChecks(services);
    const rules = new RuleChecks(services);
    const conditions = new ConditionChecks();
    const literals = new LiteralChecks();
    const analysis = new RuleAnalysis(services);
    const tests = new TestChecks(services);
    const text = new TextChecks();
    const confusables = new ConfusableNames(services);
    const surfaces = new SurfaceChecks(services);
    const checks: ValidationChecks<GovRuleAstType> = {
        Model: [declarations.checkScaleExists.bind(declarations), text.checkText.bind(text), confusables.checkModel.bind(confusables)],
        Import: declarations.checkImport.bind(declarations),
        Severities: declarations.checkScale.bind(declarations),
        SeverityLevel: declarations.checkUniqueName.bind(declarations),
        Post: [declarations.checkUniqueName.bind(declarations), declarations.checkUsed.bind(declarations), surfaces.checkPost.bind(surfaces)],
        Authority: [declarations.checkUniqueName.bind(declarations), declarations.checkUsed.bind(declarations)],
        Action: [declarations.checkUniqueName.bind(declarations), declarations.checkUsed.bind(declarations), declarations.checkUniqueMembers.bind(declarations),
            confusables.checkMembers.bind(confusables)],
        Attribute: [declarations.checkUniqueName.bind(declarations), declarations.checkUsed.bind(declarations), declarations.checkAttribute.bind(declarations),
            surfaces.checkManaged.bind(surfaces)],
        EnumType: [declarations.checkUniqueMembers.bind(declarations), confusables.checkMembers.bind(confusables)],
        Category: [declarations.checkUniqueName.bind(declarations), declarations.checkCovered.bind(declarations)],
        Rule: [declarations.checkUniqueName.bind(declarations), rules.checkClauses.bind(rules), rules.checkTopSeverity.bind(rules),
            analysis.checkUnreachable.bind(analysis), analysis.checkShadowed.bind(analysis), surfaces.checkRule.bind(surfaces)],
        Test: [tests.checkItems.bind(tests), tests.checkUniqueName.bind(tests)],
        Given: tests.checkGiven.bind(tests),
        ActionCall: rules.checkActionCall.bind(rules),
        ActionsClause: rules.checkActions.bind(rules),
        EscalateClause: rules.checkEscalation.bind(rules),
        EffectiveClause: [rules.checkEffective.bind(rules), literals.checkDates.bind(literals)],
        PriorityClause: rules.checkPriority.bind(rules),
        Campaign: [declarations.checkUniqueName.bind(declarations), declarations.checkUsed.bind(declarations)],
        CampaignClause: rules.checkCampaignPeriod.bind(rules),
        On: literals.checkDates.bind(literals),
        MoneyLiteral: literals.checkMoney.bind(literals),
        Comparison: conditions.checkComparison.bind(conditions),
        GivenAttribute: conditions.checkGiven.bind(conditions),
    };
    registry.register(checks);
}
