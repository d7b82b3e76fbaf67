/**
 * Loading a bundle (§9): JSON text or a parsed object in, a checked and indexed rule set out.
 * The format and version are checked first (for a clear error), then the JSON Schema (compiled
 * ahead of time), then what a schema cannot say: every id a rule names exists, conditions read
 * declared attributes with values of their types, the category tree has no cycles.
 */
import type { Bundle, BundleRule } from '../compiler/bundle.js';
import { closestNames } from '../references/suggestions.js';
import { compileCondition, fitsType, parseCondition, type AttributeInfo, type ConditionNode, type Test } from './conditions.js';
import { BundleError, describeValue } from './errors.js';
import { validate as validateSchema, type SchemaError } from './generated/bundle-schema-validator.js';
import { quoted } from '../quote.js';

export const BUNDLE_FORMAT = 'govrule-bundle';
export const BUNDLE_FORMAT_VERSION = 1;

/**
 * Deeper JSON than any compiler output (a condition nested a few hundred parentheses deep) is
 * refused before anything recursive (the schema validator, the condition compiler) walks it.
 */
export const MAX_BUNDLE_DEPTH = 1000;

export interface LoadOptions {
    /**
     * Validate against the bundle JSON Schema (default true). A bundle compiled in the same
     * process may skip it; the consistency checks always run.
     */
    readonly schema?: boolean;
}

export interface CategoryInfo {
    readonly id: string;
    readonly parent: CategoryInfo | null;
    /** 0 for a top-level category. */
    readonly depth: number;
    readonly leaf: boolean;
}

export interface RuleInfo {
    readonly rule: BundleRule;
    readonly id: string;
    /** Position in the bundle's rule list: the last tie-breaker (§8). */
    readonly order: number;
    readonly enabled: boolean;
    readonly priority: number;
    /** The rank of the rule's severity on the scale. */
    readonly rank: number;
    /** The effective period as comparable date strings; open ends are '' and '~'. */
    readonly from: string;
    readonly to: string;
    readonly condition: ConditionNode;
    readonly test: Test;
    /** Frozen copies that decisions share: a caller changing one cannot change the next decision. */
    readonly actions: BundleRule['actions'];
    readonly escalation: BundleRule['escalation'];
}

/** A rule that covers an event's category, through its deepest category on the event's path. */
export interface Candidate {
    readonly rule: RuleInfo;
    readonly category: CategoryInfo;
}

export interface CategoryRules {
    /** Enabled rules in winner order (§8): the decision takes the first that matches. */
    readonly enabled: readonly Candidate[];
    /** Every covering rule, disabled ones included, in the same order: what explain reports. */
    readonly all: readonly Candidate[];
}

export class LoadedBundle {
    private readonly byCategory = new Map<string, CategoryRules>();
    private readonly rulesOnCategory = new Map<string, RuleInfo[]>();

    constructor(
        readonly bundle: Bundle,
        readonly attributes: ReadonlyMap<string, AttributeInfo>,
        /** Attributes by value index. */
        readonly attributeList: readonly AttributeInfo[],
        readonly categories: ReadonlyMap<string, CategoryInfo>,
        readonly rules: readonly RuleInfo[],
        readonly severityRanks: ReadonlyMap<string, number>,
    ) {
        for (const info of rules) {
            for (const id of new Set(info.rule.categories)) {
                const list = this.rulesOnCategory.get(id);
                if (list) {
                    list.push(info);
                } else {
                    this.rulesOnCategory.set(id, [info]);
                }
            }
        }
    }

    /** The rules covering a category, computed on first use (a bundle may have many categories). */
    rulesFor(category: CategoryInfo): CategoryRules {
        let entry = this.byCategory.get(category.id);
        if (!entry) {
            const all: Candidate[] = [];
            const seen = new Set<RuleInfo>();
            // From the category up: the first time a rule is met is its deepest matching category.
            for (let c: CategoryInfo | null = category; c; c = c.parent) {
                for (const rule of this.rulesOnCategory.get(c.id) ?? []) {
                    if (!seen.has(rule)) {
                        seen.add(rule);
                        all.push({ rule, category: c });
                    }
                }
            }
            all.sort(compareCandidates);
            entry = { enabled: all.filter(c => c.rule.enabled), all };
            this.byCategory.set(category.id, entry);
        }
        return entry;
    }
}

/** Winner order (§8): priority, then the deepest matching category, then severity, then bundle order. */
export function compareCandidates(a: Candidate, b: Candidate): number {
    return b.rule.priority - a.rule.priority
        || b.category.depth - a.category.depth
        || b.rule.rank - a.rule.rank
        || a.rule.order - b.rule.order;
}

/** Parses (when given text), validates and indexes a bundle. Throws BundleError. */
export function loadBundle(input: string | unknown, options: LoadOptions = {}): LoadedBundle {
    let data: unknown = input;
    if (typeof input === 'string') {
        try {
            data = JSON.parse(input);
        } catch (err) {
            throw new BundleError(`the bundle is not valid JSON: ${(err as Error).message}`);
        }
    }
    checkFormat(data);
    checkDepth(data);
    if (options.schema !== false && !validateSchema(data)) {
        const error = mostSpecific(validateSchema.errors ?? []);
        const detail = error?.params && 'additionalProperty' in error.params ? ` (${quoted(String(error.params.additionalProperty))})` : '';
        throw new BundleError(`the bundle does not match the bundle schema: ${error?.instancePath || '/'} ${error?.message ?? 'is invalid'}${detail}`);
    }
    return index(data as Bundle);
}

/**
 * The error that says most: the deepest in the bundle, and there a concrete complaint (an unknown
 * key, a missing one) before a mismatch with one alternative of a `oneOf`.
 */
function mostSpecific(errors: readonly SchemaError[]): SchemaError | undefined {
    const weight = (e: SchemaError) => e.instancePath.split('/').length * 4
        + (e.keyword === 'oneOf' || e.keyword === 'anyOf' || e.keyword === 'if' ? 0 : e.keyword === 'const' || e.keyword === 'type' ? 1 : 2);
    let best: SchemaError | undefined;
    for (const error of errors) {
        if (!best || weight(error) > weight(best)) {
            best = error;
        }
    }
    return best;
}

function checkFormat(data: unknown): void {
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
        throw new BundleError(`a bundle is a JSON object, not ${describeValue(data)}`);
    }
    const { format, formatVersion } = data as Record<string, unknown>;
    if (format !== BUNDLE_FORMAT) {
        throw new BundleError(`not a GovRule bundle: "format" is ${format === undefined ? 'missing' : describeValue(format)}, expected "${BUNDLE_FORMAT}"`);
    }
    if (formatVersion !== BUNDLE_FORMAT_VERSION) {
        const found = formatVersion === undefined ? 'missing' : typeof formatVersion === 'number' ? String(formatVersion) : describeValue(formatVersion);
        throw new BundleError(`unsupported bundle: "formatVersion" is ${found}, but this runtime reads version ${BUNDLE_FORMAT_VERSION}; compile the rules with a matching govrule`);
    }
}

/** Iterative, so that neither a hostile nesting depth nor a cyclic object can overflow the stack. */
function checkDepth(data: unknown): void {
    const stack: Array<[unknown, number]> = [[data, 1]];
    while (stack.length > 0) {
        const [value, depth] = stack.pop()!;
        if (depth > MAX_BUNDLE_DEPTH) {
            throw new BundleError(`the bundle is nested more than ${MAX_BUNDLE_DEPTH} levels deep`);
        }
        if (typeof value === 'object' && value !== null) {
            for (const child of Array.isArray(value) ? value : Object.values(value)) {
                if (typeof child === 'object' && child !== null) {
                    stack.push([child, depth + 1]);
                }
            }
        }
    }
}

function index(bundle: Bundle): LoadedBundle {
    const fail = (message: string): never => {
        throw new BundleError(`the bundle is inconsistent: ${message}`);
    };
    const unique = <T extends { id: string }>(list: readonly T[], kind: string): Map<string, T> => {
        const map = new Map<string, T>();
        for (const item of list) {
            if (map.has(item.id)) {
                fail(`two ${kind}s have the id ${quoted(item.id)}`);
            }
            map.set(item.id, item);
        }
        return map;
    };
    const severityRanks = new Map<string, number>();
    bundle.severities.forEach((level, i) => {
        if (level.rank !== i) {
            fail(`severity ${quoted(level.id)} has rank ${level.rank} at position ${i} of the scale`);
        }
        if (severityRanks.has(level.id)) {
            fail(`two severity levels have the id ${quoted(level.id)}`);
        }
        severityRanks.set(level.id, i);
    });
    const posts = unique(bundle.posts, 'post');
    const authorities = unique(bundle.authorities, 'authority');
    const actions = unique(bundle.actions, 'action');
    unique(bundle.attributes, 'attribute');

    const attributes = new Map<string, AttributeInfo>();
    const attributeList: AttributeInfo[] = [];
    for (const attr of bundle.attributes) {
        if (attributes.has(attr.name)) {
            fail(`two attributes are named ${quoted(attr.name)}`);
        }
        const type = attr.type as AttributeInfo['type'];
        if (type === 'enum' && (!Array.isArray(attr.values) || attr.values.length === 0)) {
            fail(`enum attribute ${quoted(attr.name)} lists no values`);
        }
        const info: AttributeInfo = { name: attr.name, index: attributeList.length, type, values: type === 'enum' ? attr.values : null, default: attr.default };
        if (attr.default !== null && !fitsType(attr.default, info)) {
            fail(`the default of attribute ${quoted(attr.name)} is ${describeValue(attr.default)}, not a value of its type`);
        }
        attributes.set(attr.name, info);
        attributeList.push(info);
    }

    const categories = indexCategories(bundle, fail);
    const rules = bundle.rules.map((rule, order): RuleInfo => {
        const where = `rule ${quoted(rule.id)}`;
        for (const id of rule.categories) {
            if (!categories.has(id)) fail(`${where} covers unknown category ${quoted(id)}${hint(id, categories.keys())}`);
        }
        const rank = severityRanks.get(rule.severity) ?? fail(`${where} has unknown severity ${quoted(rule.severity)}`);
        if (!posts.has(rule.responsible)) fail(`${where} names unknown post ${quoted(rule.responsible)} as responsible`);
        for (const call of rule.actions) {
            if (!actions.has(call.action)) fail(`${where} calls unknown action ${quoted(call.action)}`);
        }
        for (const step of rule.escalation) {
            const known = step.toKind === 'post' ? posts.has(step.to) : authorities.has(step.to);
            if (!known) fail(`${where} escalates to unknown ${step.toKind} ${quoted(step.to)}`);
        }
        const { from, to } = rule.effective;
        if (from !== null && to !== null && to < from) fail(`${where} is in force from ${from} to ${to}, which ends before it starts`);
        let condition: ConditionNode;
        try {
            condition = parseCondition(rule.when, attributes, where);
        } catch (err) {
            return fail((err as Error).message);
        }
        return {
            rule, id: rule.id, order, enabled: rule.enabled, priority: rule.priority, rank,
            from: from ?? '', to: to ?? '~', condition, test: compileCondition(condition),
            actions: frozenCopy(rule.actions), escalation: frozenCopy(rule.escalation),
        };
    });
    unique(rules, 'rule');
    return new LoadedBundle(bundle, attributes, attributeList, categories, rules, severityRanks);
}

function indexCategories(bundle: Bundle, fail: (message: string) => never): Map<string, CategoryInfo> {
    const declared = new Map<string, Bundle['categories'][number]>();
    for (const category of bundle.categories) {
        if (declared.has(category.id)) fail(`two categories have the id ${quoted(category.id)}`);
        declared.set(category.id, category);
    }
    const parents = new Set<string>();
    for (const category of bundle.categories) {
        if (category.parent !== null) {
            if (!declared.has(category.parent)) fail(`category ${quoted(category.id)} has unknown parent ${quoted(category.parent)}`);
            parents.add(category.parent);
        }
    }
    const infos = new Map<string, CategoryInfo>();
    const resolve = (id: string): CategoryInfo => {
        // Walk up to a known ancestor or the root, then build down: no recursion, and a cycle is caught.
        const path: string[] = [];
        const onPath = new Set<string>();
        let current: string | null = id;
        while (current !== null && !infos.has(current)) {
            if (onPath.has(current)) fail(`category ${quoted(current)} is its own ancestor`);
            path.push(current);
            onPath.add(current);
            current = declared.get(current)!.parent;
        }
        let parent = current === null ? null : infos.get(current)!;
        for (let i = path.length - 1; i >= 0; i--) {
            const info: CategoryInfo = { id: path[i], parent, depth: parent ? parent.depth + 1 : 0, leaf: !parents.has(path[i]) };
            infos.set(path[i], info);
            parent = info;
        }
        return infos.get(id)!;
    };
    for (const category of bundle.categories) {
        resolve(category.id);
    }
    return infos;
}

function frozenCopy<T>(value: T): T {
    if (typeof value !== 'object' || value === null) {
        return value;
    }
    const copy = (Array.isArray(value) ? value.map(frozenCopy) : Object.fromEntries(Object.entries(value).map(([k, v]) => [k, frozenCopy(v)]))) as T;
    return Object.freeze(copy);
}

function hint(name: string, candidates: Iterable<string>): string {
    const close = closestNames(name, candidates, 1);
    return close.length > 0 ? ` (did you mean ${quoted(close[0])}?)` : '';
}
