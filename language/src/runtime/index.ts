/**
 * The GovRule runtime: loads a compiled bundle and decides events by LANGUAGE.md §8, without the
 * compiler or the language server.
 *
 *     const rules = loadBundle(fs.readFileSync('govrule.bundle.json', 'utf8'));
 *     const decision = decide(rules, { category: 'a.rumor', attributes: { channel: 'app' } });
 */
export { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION } from '../bundle/format.js';
export { loadBundle, MAX_BUNDLE_DEPTH, MAX_BUNDLE_LENGTH, MAX_BUNDLE_VALUES, MAX_CATEGORY_DEPTH, LoadedBundle } from './bundle-loader.js';
export type { LoadOptions, CategoryInfo, RuleInfo, Candidate, CategoryRules } from './bundle-loader.js';
export { decide, decideNormalized, decisionJson, winStep } from './decide.js';
export type { Decision, DecideOptions, Outcome, RuleExplanation, WinStep } from './decide.js';
export { normalizeEvent, todayUtc } from './event.js';
export type { DecisionEvent, EventOptions, NormalizedEvent } from './event.js';
export { conditionText, MAX_CONDITION_DEPTH } from './conditions.js';
export type { AttributeInfo, ConditionNode, ConditionTrace } from './conditions.js';
export { BundleError, EventError } from './errors.js';
export type { Bundle, BundleRule, BundleTest } from '../bundle/types.js';
export { runBundleTests, durationText, expectationDetails } from './bundle-tests.js';
export type { TestResult, ExpectationResult, ExpectationKind, ExpectationDetail, RunOptions } from './bundle-tests.js';
export { computeCoverage, testsByRule } from './coverage.js';
export type { Coverage, CoverageItem } from './coverage.js';
