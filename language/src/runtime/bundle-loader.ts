/**
 * Loading a bundle (§9): JSON text or a parsed object in, a checked and indexed rule set out.
 * The format and version are checked first (for a clear error), then the JSON Schema (compiled
 * ahead of time), then what a schema cannot say: every id a rule names exists, conditions read
 * declared attributes with values of their types, the category tree has no cycles.
 */
import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION } from '../bundle/format.js';
import type { Bundle, BundleRule } from '../bundle/types.js';
import { compileCondition, fitsType, parseCondition, type AttributeInfo, type ConditionNode, type Test } from './conditions.js';
import { BundleError, describeValue, hint, idText, inconsistency, schemaError } from './errors.js';
import { validate as validateSchema, type SchemaError } from '../bundle/generated/bundle-schema-validator.js';
import { childPath, pointer, pointerText, type JsonPath } from './json-path.js';

/*
 * The limits of the runtime's contract (docs/bundle.md): within them a bundle loads or is refused
 * with a BundleError; beyond them it is refused before anything walks it. They are far above what
 * the compiler writes (its parser gives up on conditions a few hundred levels deep).
 */
/** Levels of JSON nesting: the whole bundle is 1, each object or array inside one more. */
export const MAX_BUNDLE_DEPTH = 1000;
/** Levels of the category tree: a top-level category is 1. */
export const MAX_CATEGORY_DEPTH = 1000;
/** Length of bundle text, in UTF-16 code units (a UTF-8 file of at most this many bytes fits). */
export const MAX_BUNDLE_LENGTH = 256 * 1024 * 1024;
/** JSON values (objects, arrays, strings, numbers, booleans, nulls) in a bundle. */
export const MAX_BUNDLE_VALUES = 16 * 1024 * 1024;

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

/**
 * Parses (when given text), validates and indexes a bundle. Throws BundleError, and nothing else,
 * whatever the input: text, or plain JSON data as JSON.parse returns it.
 */
export function loadBundle(input: string | unknown, options: LoadOptions = {}): LoadedBundle {
    let data: unknown = input;
    if (typeof input === 'string') {
        if (input.length > MAX_BUNDLE_LENGTH) {
            throw new BundleError(`the bundle is longer than the limit of ${MAX_BUNDLE_LENGTH} characters (256 MiB)`);
        }
        try {
            // V8's JSON.parse is not recursive: deep text is parsed, then refused by checkData.
            data = JSON.parse(input);
        } catch (err) {
            throw new BundleError(`the bundle is not valid JSON: ${(err as Error).message}`);
        }
    }
    checkFormat(data);
    checkData(data);
    if (options.schema !== false && !validateSchema(data)) {
        const error = mostSpecific(validateSchema.errors ?? []);
        const detail = error?.params && 'additionalProperty' in error.params ? ` (${idText(String(error.params.additionalProperty))})` : '';
        throw schemaError(error?.instancePath ?? '', `${error?.message ?? 'is invalid'}${detail}`);
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
        throw new BundleError(`not a GovRule bundle: "format" is ${format === undefined ? 'missing' : describeValue(format)}, expected "${BUNDLE_FORMAT}"`, '/format');
    }
    if (formatVersion !== BUNDLE_FORMAT_VERSION) {
        const found = formatVersion === undefined ? 'missing' : typeof formatVersion === 'number' ? String(formatVersion) : describeValue(formatVersion);
        if (typeof formatVersion === 'number' && formatVersion < BUNDLE_FORMAT_VERSION) {
            // An old bundle is refused, not read as if it were new: the platform recompiles.
            throw new BundleError(`outdated bundle: "formatVersion" is ${found}, an older format this runtime no longer reads (it reads version ${BUNDLE_FORMAT_VERSION}); recompile the rules with a current govrule and load the new bundle`, '/formatVersion');
        }
        throw new BundleError(`unsupported bundle: "formatVersion" is ${found}, but this runtime reads version ${BUNDLE_FORMAT_VERSION}; compile the rules with a matching govrule`, '/formatVersion');
    }
}

/**
 * Before anything else walks the bundle: its depth and size are within the limits, and it is JSON
 * data (no functions, undefined, non-finite numbers or class instances; a cycle is endless depth).
 * Iterative, with one frame per open container, so neither depth nor width costs stack.
 */
function checkData(data: unknown): void {
    // The stack of open containers is also the path: each frame knows its key in the one below.
    interface Frame { readonly value: object; readonly keys: readonly string[] | null; readonly length: number; next: number; readonly key: string | number }
    const stack: Frame[] = [];
    const pathTo = (key?: string | number): JsonPath | undefined => {
        let path: JsonPath | undefined;
        for (const frame of stack.slice(1)) path = childPath(path, frame.key);
        return key === undefined ? path : childPath(path, key);
    };
    const open = (value: object, key: string | number): void => {
        if (stack.length >= MAX_BUNDLE_DEPTH) {
            const at = pointer(pathTo(key));
            throw new BundleError(`the bundle is nested more than ${MAX_BUNDLE_DEPTH} levels deep at ${pointerText(at)}`, at);
        }
        if (Array.isArray(value)) {
            stack.push({ value, keys: null, length: value.length, next: 0, key });
            return;
        }
        const proto = Object.getPrototypeOf(value) as unknown;
        if (proto !== Object.prototype && proto !== null) {
            throw notJson(pathTo(key), 'an object that is not plain JSON data');
        }
        const keys = Object.keys(value);
        stack.push({ value, keys, length: keys.length, next: 0, key });
    };
    let count = 1;
    open(data as object, '');
    while (stack.length > 0) {
        const frame = stack[stack.length - 1];
        if (frame.next >= frame.length) {
            stack.pop();
            continue;
        }
        const key = frame.keys ? frame.keys[frame.next] : frame.next;
        frame.next++;
        if (++count > MAX_BUNDLE_VALUES) {
            throw new BundleError(`the bundle holds more than the limit of ${MAX_BUNDLE_VALUES} JSON values`);
        }
        const value = (frame.value as Record<string | number, unknown>)[key];
        switch (typeof value) {
            case 'string':
            case 'boolean':
                break;
            case 'number':
                if (!Number.isFinite(value)) throw notJson(pathTo(key), `the number ${value}`);
                break;
            case 'object':
                if (value !== null) open(value, key);
                break;
            default:
                throw notJson(pathTo(key), describeValue(value));
        }
    }
}

function notJson(path: JsonPath | undefined, what: string): BundleError {
    const at = pointer(path);
    return schemaError(at, `is ${what}, which JSON cannot hold`);
}

function index(bundle: Bundle): LoadedBundle {
    const fail = (path: string, message: string): never => {
        throw inconsistency(path, message);
    };
    const unique = <T extends { id: string }>(list: readonly T[], list_: string): Map<string, T> => {
        const map = new Map<string, T>();
        list.forEach((item, i) => {
            if (map.has(item.id)) {
                fail(`/${list_}/${i}/id`, `two ${list_} have the id ${idText(item.id)}`);
            }
            map.set(item.id, item);
        });
        return map;
    };
    const severityRanks = new Map<string, number>();
    bundle.severities.forEach((level, i) => {
        if (level.rank !== i) {
            fail(`/severities/${i}/rank`, `severity ${idText(level.id)} has rank ${level.rank} at position ${i} of the scale`);
        }
        if (severityRanks.has(level.id)) {
            fail(`/severities/${i}/id`, `two severity levels have the id ${idText(level.id)}`);
        }
        severityRanks.set(level.id, i);
    });
    const posts = unique(bundle.posts, 'posts');
    const authorities = unique(bundle.authorities, 'authorities');
    const actions = unique(bundle.actions, 'actions');
    unique(bundle.attributes, 'attributes');
    const campaigns = unique(bundle.campaigns, 'campaigns');
    bundle.campaigns.forEach((campaign, i) => {
        const { from, to } = campaign.effective;
        if (from !== null && to !== null && to < from) fail(`/campaigns/${i}/effective`, `campaign ${idText(campaign.id)} runs from ${from} to ${to}, which ends before it starts`);
    });

    const attributes = new Map<string, AttributeInfo>();
    const attributeList: AttributeInfo[] = [];
    bundle.attributes.forEach((attr, i) => {
        if (attributes.has(attr.name)) {
            fail(`/attributes/${i}/name`, `two attributes are named ${idText(attr.name)}`);
        }
        const type = attr.type as AttributeInfo['type'];
        if (type === 'enum' && (!Array.isArray(attr.values) || attr.values.length === 0)) {
            fail(`/attributes/${i}/values`, `enum attribute ${idText(attr.name)} lists no values`);
        }
        const values = type === 'enum' ? attr.values : null;
        const info: AttributeInfo = {
            name: attr.name, index: attributeList.length, type, values, default: attr.default,
            // A set only where it pays: a short list is searched faster than a set is hashed.
            ...(values && values.length > 16 ? { members: new Set(values) } : {}),
        };
        if (attr.default !== null && !fitsType(attr.default, info)) {
            fail(`/attributes/${i}/default`, `the default of attribute ${idText(attr.name)} is ${describeValue(attr.default)}, not a value of its type`);
        }
        attributes.set(attr.name, info);
        attributeList.push(info);
    });

    const categories = indexCategories(bundle, fail);
    const rules = bundle.rules.map((rule, order): RuleInfo => {
        const where = `rule ${idText(rule.id)}`;
        const at = `/rules/${order}`;
        rule.categories.forEach((id, i) => {
            if (!categories.has(id)) fail(`${at}/categories/${i}`, `${where} covers unknown category ${idText(id)}${hint(id, categories.keys())}`);
        });
        const rank = severityRanks.get(rule.severity) ?? fail(`${at}/severity`, `${where} has unknown severity ${idText(rule.severity)}`);
        if (!posts.has(rule.responsible)) fail(`${at}/responsible`, `${where} names unknown post ${idText(rule.responsible)} as responsible`);
        rule.actions.forEach((call, i) => {
            if (!actions.has(call.action)) fail(`${at}/actions/${i}/action`, `${where} calls unknown action ${idText(call.action)}`);
        });
        rule.escalation.forEach((step, i) => {
            const known = step.toKind === 'post' ? posts.has(step.to) : authorities.has(step.to);
            if (!known) fail(`${at}/escalation/${i}/to`, `${where} escalates to unknown ${step.toKind} ${idText(step.to)}`);
        });
        const { from, to } = rule.effective;
        if (from !== null && to !== null && to < from) fail(`${at}/effective`, `${where} is in force from ${from} to ${to}, which ends before it starts`);
        if (rule.campaign !== null) {
            const campaign = campaigns.get(rule.campaign) ?? fail(`${at}/campaign`, `${where} joins unknown campaign ${idText(rule.campaign)}${hint(rule.campaign, campaigns.keys())}`);
            // The compiler writes the rule's period already within its campaign's; a platform relies on that.
            const outside = (campaign.effective.from !== null && (from === null || from < campaign.effective.from))
                || (campaign.effective.to !== null && (to === null || to > campaign.effective.to));
            if (outside) {
                fail(`${at}/effective`, `${where} is in force ${periodText(from, to)}, outside its campaign ${idText(campaign.id)} (${periodText(campaign.effective.from, campaign.effective.to)})`);
            }
        }
        const condition = parseCondition(rule.when, attributes, where, childPath(childPath(childPath(undefined, 'rules'), order), 'when'));
        return {
            rule, id: rule.id, order, enabled: rule.enabled, priority: rule.priority, rank,
            from: from ?? '', to: to ?? '~', condition, test: compileCondition(condition),
            actions: frozenCopy(rule.actions), escalation: frozenCopy(rule.escalation),
        };
    });
    unique(rules, 'rules');
    return new LoadedBundle(bundle, attributes, attributeList, categories, rules, severityRanks);
}

function indexCategories(bundle: Bundle, fail: (path: string, message: string) => never): Map<string, CategoryInfo> {
    const declared = new Map<string, { category: Bundle['categories'][number]; position: number }>();
    bundle.categories.forEach((category, position) => {
        if (declared.has(category.id)) fail(`/categories/${position}/id`, `two categories have the id ${idText(category.id)}`);
        declared.set(category.id, { category, position });
    });
    const parents = new Set<string>();
    bundle.categories.forEach((category, position) => {
        if (category.parent !== null) {
            if (!declared.has(category.parent)) fail(`/categories/${position}/parent`, `category ${idText(category.id)} has unknown parent ${idText(category.parent)}`);
            parents.add(category.parent);
        }
    });
    const infos = new Map<string, CategoryInfo>();
    const resolve = (id: string): void => {
        // Walk up to a known ancestor or the root, then build down: no recursion, and a cycle is caught.
        const path: string[] = [];
        const onPath = new Set<string>();
        let current: string | null = id;
        while (current !== null && !infos.has(current)) {
            const { category, position }: { category: Bundle['categories'][number]; position: number } = declared.get(current)!;
            if (onPath.has(current)) fail(`/categories/${position}/parent`, `category ${idText(current)} is its own ancestor`);
            path.push(current);
            onPath.add(current);
            current = category.parent;
        }
        let parent = current === null ? null : infos.get(current)!;
        for (let i = path.length - 1; i >= 0; i--) {
            const depth = parent ? parent.depth + 1 : 0;
            if (depth >= MAX_CATEGORY_DEPTH) {
                fail(`/categories/${declared.get(path[i])!.position}/parent`, `category ${idText(path[i])} is more than ${MAX_CATEGORY_DEPTH} levels deep in the category tree`);
            }
            const info: CategoryInfo = { id: path[i], parent, depth, leaf: !parents.has(path[i]) };
            infos.set(path[i], info);
            parent = info;
        }
    };
    for (const category of bundle.categories) {
        resolve(category.id);
    }
    return infos;
}

function periodText(from: string | null, to: string | null): string {
    return `${from ?? '…'} .. ${to ?? '…'}`;
}

function frozenCopy<T>(value: T): T {
    if (typeof value !== 'object' || value === null) {
        return value;
    }
    const copy = (Array.isArray(value) ? value.map(frozenCopy) : Object.fromEntries(Object.entries(value).map(([k, v]) => [k, frozenCopy(v)]))) as T;
    return Object.freeze(copy);
}
