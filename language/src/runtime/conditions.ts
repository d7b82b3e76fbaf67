/**
 * Rule conditions (§6, §9): the bundle's JsonLogic, checked against the attributes, compiled to
 * closures over an array of attribute values, printed back in GovRule syntax, and traced for
 * `explain`. Only the operators the compiler emits are accepted; nothing is ever `eval`ed.
 */
import type { Scalar } from '../bundle/types.js';
import { BundleError, describeValue, idText, inconsistency, schemaError } from './errors.js';
import { childPath, pointer, pointerText, type JsonPath } from './json-path.js';

export type AttributeType = 'number' | 'boolean' | 'text' | 'enum';

export interface AttributeInfo {
    readonly name: string;
    /** Position in the value array of a normalised event. */
    readonly index: number;
    readonly type: AttributeType;
    /** Enum members, else null. */
    readonly values: readonly string[] | null;
    readonly default: Scalar | null;
    /** The enum members as a set, for large enums (the loader fills it); else `values` is searched. */
    readonly members?: ReadonlySet<string>;
}

type Comparator = '===' | '!==' | '<' | '<=' | '>' | '>=';

/** A checked condition, the form explain and printing walk. */
export type ConditionNode =
    | { readonly kind: 'true' }
    | { readonly kind: 'and' | 'or'; readonly parts: readonly ConditionNode[] }
    | { readonly kind: 'not'; readonly part: ConditionNode }
    | { readonly kind: 'compare'; readonly op: Comparator; readonly attribute: AttributeInfo; readonly literal: Scalar }
    | { readonly kind: 'in'; readonly attribute: AttributeInfo; readonly literals: readonly Scalar[] };

export type Values = readonly (Scalar | undefined)[];
export type Test = (values: Values) => boolean;

/** What explain tells about one part of a condition. */
export interface ConditionTrace {
    readonly condition: string;
    readonly holds: boolean;
    /** For a comparison: the attribute read and its value in the event. */
    readonly attribute?: string;
    readonly value?: Scalar;
    /** True when the event left the attribute out and its default was used. */
    readonly defaulted?: true;
    readonly parts?: readonly ConditionTrace[];
}

const COMPARATORS = new Set<string>(['===', '!==', '<', '<=', '>', '>=']);
const ORDERING = new Set<string>(['<', '<=', '>', '>=']);
const OPERATORS = 'and, or, !, ===, !==, <, <=, >, >=, in';
/** The schema's simpleName: what a `var` may be. */
const SIMPLE_NAME = /^[^.\s]+$/;

type Slot = (node: ConditionNode) => void;

/**
 * Levels of `and`, `or` and `not` a condition may nest, after double negations are removed (the
 * compiler's parser gives up long before). Printing, compiling, evaluating and explaining
 * recurse once per level, so this bounds their stack.
 */
export const MAX_CONDITION_DEPTH = 256;

/**
 * Checks a rule's `when` (at `path`) as the bundle schema's `logic` does, and against the
 * attributes; `where` names the rule in messages. Iterative, so any depth is checked without
 * spending stack; a run of `!` becomes one `not` or none.
 */
export function parseCondition(logic: unknown, attributes: ReadonlyMap<string, AttributeInfo>, where: string, path?: JsonPath): ConditionNode {
    if (logic === true) {
        return { kind: 'true' };
    }
    let root: ConditionNode | undefined;
    const leaves: Array<Comparison & { put: Slot }> = [];
    /** `levels`: the and/or/not levels above; `negated`: an odd run of `!` leads here. */
    const work: Array<{ value: unknown; path: JsonPath | undefined; put: Slot; levels: number; negated: boolean }> = [
        { value: logic, path, put: node => { root = node; }, levels: 0, negated: false },
    ];
    while (work.length > 0) {
        const item = work.pop()!;
        const at = item.path;
        const value = item.value;
        const shape = (detail: string): never => {
            throw schemaError(pointer(at), detail);
        };
        if (typeof value !== 'object' || value === null || Array.isArray(value)) {
            return shape(`must be a condition (an object with one operator${at === path ? ', or true' : ''}), not ${describeValue(value)}`);
        }
        const keys = Object.keys(value);
        if (keys.length !== 1) {
            return shape(`must be a condition with exactly one operator, not ${keys.length}`);
        }
        const op = keys[0];
        const arg = (value as Record<string, unknown>)[op];
        const argPath = childPath(at, op);
        if (op === '!') {
            work.push({ ...item, value: arg, path: argPath, negated: !item.negated });
            continue;
        }
        const isList = op === 'and' || op === 'or';
        if (!isList && !COMPARATORS.has(op) && op !== 'in') {
            return shape(`has the unknown operator ${idText(op)} (expected one of ${OPERATORS})`);
        }
        const levels = item.levels + (item.negated ? 1 : 0) + (isList ? 1 : 0);
        if (levels > MAX_CONDITION_DEPTH) {
            const p = pointer(at);
            throw new BundleError(`${where}: the condition nests more than ${MAX_CONDITION_DEPTH} levels of and, or and not at ${pointerText(p)}`, p);
        }
        const put: Slot = item.negated ? node => item.put({ kind: 'not', part: node }) : item.put;
        if (isList) {
            if (!Array.isArray(arg) || arg.length < 2) {
                throw schemaError(pointer(argPath), `must be a list of at least two conditions, not ${describeValue(arg)}${Array.isArray(arg) ? ` of ${arg.length}` : ''}`);
            }
            const parts = new Array<ConditionNode>(arg.length);
            put({ kind: op, parts });
            // Pushed last to first, so that the first problem in document order is the one reported.
            for (let i = arg.length - 1; i >= 0; i--) {
                work.push({ value: arg[i], path: childPath(argPath, i), put: node => { parts[i] = node; }, levels, negated: false });
            }
        } else {
            leaves.push({ ...comparisonShape(op, arg, argPath), put });
        }
    }
    // Attributes are checked once the whole condition has the schema's shape, so that a bundle
    // breaking the schema is always reported as such.
    for (const leaf of leaves) {
        leaf.put(resolveComparison(leaf, attributes, where));
    }
    return root!;
}

/** A comparison of the schema's shape, its attribute not yet looked up. */
interface Comparison {
    readonly op: string;
    readonly name: string;
    readonly literals: readonly unknown[];
    readonly at: JsonPath;
}

/** `[{ "var": name }, literal]`, or for `in`, `[{ "var": name }, [literal, ...]]`. */
function comparisonShape(op: string, arg: unknown, at: JsonPath): Comparison {
    if (!Array.isArray(arg) || arg.length !== 2) {
        throw schemaError(pointer(at), `must be [{ "var": attribute }, ${op === 'in' ? 'a list of values' : 'a value'}], not ${describeValue(arg)}${Array.isArray(arg) ? ` of ${arg.length}` : ''}`);
    }
    const varPath = childPath(at, 0);
    const read = arg[0] as unknown;
    if (typeof read !== 'object' || read === null || Array.isArray(read) || Object.keys(read).length !== 1 || !Object.prototype.hasOwnProperty.call(read, 'var')) {
        throw schemaError(pointer(varPath), `must read an attribute as { "var": name }, not ${describeValue(read)}`);
    }
    const name = (read as { var: unknown }).var;
    if (typeof name !== 'string' || !SIMPLE_NAME.test(name)) {
        throw schemaError(pointer(childPath(varPath, 'var')), `must be an attribute name, not ${describeValue(name)}`);
    }
    const literalPath = childPath(at, 1);
    const literals = op === 'in' ? arg[1] as unknown : [arg[1]];
    if (!Array.isArray(literals)) {
        throw schemaError(pointer(literalPath), `must be a list of values, not ${describeValue(literals)}`);
    }
    for (let i = 0; i < literals.length; i++) {
        const literal = literals[i] as unknown;
        const ok = ORDERING.has(op) ? typeof literal === 'number' : typeof literal === 'number' || typeof literal === 'string' || typeof literal === 'boolean';
        if (!ok) {
            throw schemaError(pointer(op === 'in' ? childPath(literalPath, i) : literalPath), `must be ${ORDERING.has(op) ? 'a number' : 'a number, a text or a boolean'}, not ${describeValue(literal)}`);
        }
    }
    return { op, name, literals, at };
}

/** The comparison against the bundle's attributes: one that exists, and literals of its type. */
function resolveComparison({ op, name, literals, at }: Comparison, attributes: ReadonlyMap<string, AttributeInfo>, where: string): ConditionNode {
    const fail = (p: JsonPath, detail: string): never => {
        throw inconsistency(pointer(p), `${where}: ${detail}`);
    };
    const literalPath = childPath(at, 1);
    const attribute = attributes.get(name) ?? fail(childPath(childPath(at, 0), 'var'), `the condition reads ${idText(name)}, which is not an attribute of the bundle`);
    if (ORDERING.has(op) && attribute.type !== 'number') {
        return fail(at, `'${op}' orders numbers, but attribute '${attribute.name}' is ${attribute.type}`);
    }
    for (let i = 0; i < literals.length; i++) {
        if (!fitsType(literals[i], attribute)) {
            fail(op === 'in' ? childPath(literalPath, i) : literalPath, `${describeValue(literals[i])} is not a value of attribute '${attribute.name}' (${typeSummary(attribute)})`);
        }
    }
    return op === 'in'
        ? { kind: 'in', attribute, literals: literals as Scalar[] }
        : { kind: 'compare', op: op as Comparator, attribute, literal: literals[0] as Scalar };
}

/** `number`, or `enum: a, b, c` with at most ten members named. */
function typeSummary(attribute: AttributeInfo): string {
    if (!attribute.values) {
        return attribute.type;
    }
    const shown = attribute.values.slice(0, 10).join(', ');
    return `enum: ${shown}${attribute.values.length > 10 ? `, … (${attribute.values.length} members)` : ''}`;
}

/** Whether a value is of the attribute's type (for an enum, one of its members). */
export function fitsType(value: unknown, attribute: AttributeInfo): value is Scalar {
    switch (attribute.type) {
        case 'number': return typeof value === 'number' && Number.isFinite(value);
        case 'boolean': return typeof value === 'boolean';
        case 'text': return typeof value === 'string';
        case 'enum': return typeof value === 'string' && (attribute.members ? attribute.members.has(value) : attribute.values!.includes(value));
    }
}

/** Closures over the value array: the fast path of every decision. */
export function compileCondition(node: ConditionNode): Test {
    switch (node.kind) {
        case 'true':
            return () => true;
        case 'not': {
            const part = compileCondition(node.part);
            return values => !part(values);
        }
        case 'and':
        case 'or': {
            const parts = node.parts.map(compileCondition);
            if (parts.length === 1) {
                return parts[0];
            }
            if (parts.length === 2) {
                const [a, b] = parts;
                return node.kind === 'and' ? values => a(values) && b(values) : values => a(values) || b(values);
            }
            return node.kind === 'and'
                ? values => { for (const part of parts) { if (!part(values)) return false; } return true; }
                : values => { for (const part of parts) { if (part(values)) return true; } return false; };
        }
        case 'in': {
            const i = node.attribute.index;
            if (node.literals.length > 8) {
                const set = new Set<unknown>(node.literals);
                return values => set.has(values[i]);
            }
            const literals = node.literals;
            return values => literals.includes(values[i] as Scalar);
        }
        case 'compare': {
            const i = node.attribute.index;
            const literal = node.literal;
            switch (node.op) {
                case '===': return values => values[i] === literal;
                case '!==': return values => values[i] !== literal;
                case '<': return values => (values[i] as number) < (literal as number);
                case '<=': return values => (values[i] as number) <= (literal as number);
                case '>': return values => (values[i] as number) > (literal as number);
                case '>=': return values => (values[i] as number) >= (literal as number);
            }
        }
    }
}

/** Every part of the condition evaluated, so that explain shows each failing part, not just the first. */
export function traceCondition(node: ConditionNode, values: Values, given: readonly boolean[]): ConditionTrace {
    const condition = conditionText(node);
    switch (node.kind) {
        case 'true':
            return { condition, holds: true };
        case 'not': {
            const part = traceCondition(node.part, values, given);
            return isLeaf(node.part) ? { ...part, condition, holds: !part.holds } : { condition, holds: !part.holds, parts: [part] };
        }
        case 'and':
        case 'or': {
            const parts = node.parts.map(p => traceCondition(p, values, given));
            const holds = node.kind === 'and' ? parts.every(p => p.holds) : parts.some(p => p.holds);
            return { condition, holds, parts };
        }
        case 'in':
        case 'compare': {
            const i = node.attribute.index;
            const holds = compileCondition(node)(values);
            return { condition, holds, attribute: node.attribute.name, value: values[i] as Scalar, ...(given[i] ? {} : { defaulted: true as const }) };
        }
    }
}

function isLeaf(node: ConditionNode): boolean {
    return node.kind === 'compare' || node.kind === 'in';
}

const SYMBOLS: Record<Comparator, string> = { '===': '==', '!==': '!=', '<': '<', '<=': '<=', '>': '>', '>=': '>=' };
const PRECEDENCE = { or: 0, and: 1, not: 2, true: 3, compare: 3, in: 3 } as const;

/** The condition in GovRule syntax (§6), as an author would write it. */
export function conditionText(node: ConditionNode): string {
    switch (node.kind) {
        case 'true':
            return 'true';
        case 'and':
        case 'or':
            return node.parts.map(p => PRECEDENCE[p.kind] < PRECEDENCE[node.kind] ? `(${conditionText(p)})` : conditionText(p)).join(` ${node.kind} `);
        case 'not': {
            const part = node.part;
            if (part.kind === 'in') {
                return `${part.attribute.name} not in [${part.literals.map(l => literalText(l, part.attribute)).join(', ')}]`;
            }
            if (part.kind === 'compare' && isBareBoolean(part)) {
                return `not ${part.attribute.name}`;
            }
            return `not (${conditionText(part)})`;
        }
        case 'in':
            return `${node.attribute.name} in [${node.literals.map(l => literalText(l, node.attribute)).join(', ')}]`;
        case 'compare':
            return isBareBoolean(node) ? node.attribute.name : `${node.attribute.name} ${SYMBOLS[node.op]} ${literalText(node.literal, node.attribute)}`;
    }
}

/** `verified` is written alone for `verified == true`. */
function isBareBoolean(node: ConditionNode): boolean {
    return node.kind === 'compare' && node.op === '===' && node.literal === true && node.attribute.type === 'boolean';
}

function literalText(literal: Scalar, attribute: AttributeInfo): string {
    return attribute.type === 'text' ? JSON.stringify(literal) : String(literal);
}
