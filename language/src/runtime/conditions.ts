/**
 * Rule conditions (§6, §9): the bundle's JsonLogic, checked against the attributes, compiled to
 * closures over an array of attribute values, printed back in GovRule syntax, and traced for
 * `explain`. Only the operators the compiler emits are accepted; nothing is ever `eval`ed.
 */
import type { Scalar } from '../compiler/jsonlogic.js';
import { BundleError } from './errors.js';
import { quoted } from '../quote.js';

export type AttributeType = 'number' | 'boolean' | 'text' | 'enum';

export interface AttributeInfo {
    readonly name: string;
    /** Position in the value array of a normalised event. */
    readonly index: number;
    readonly type: AttributeType;
    /** Enum members, else null. */
    readonly values: readonly string[] | null;
    readonly default: Scalar | null;
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

/** Checks a rule's `when` against the attributes; `where` names the rule in errors. */
export function parseCondition(logic: unknown, attributes: ReadonlyMap<string, AttributeInfo>, where: string): ConditionNode {
    if (logic === true) {
        return { kind: 'true' };
    }
    const fail = (message: string): never => {
        throw new BundleError(`${where}: ${message}`);
    };
    if (typeof logic !== 'object' || logic === null || Array.isArray(logic)) {
        return fail('a condition must be true or an object with one operator');
    }
    const keys = Object.keys(logic);
    if (keys.length !== 1) {
        return fail(`a condition must have exactly one operator, not ${keys.length}`);
    }
    const op = keys[0];
    const arg = (logic as Record<string, unknown>)[op];
    if (op === 'and' || op === 'or') {
        if (!Array.isArray(arg) || arg.length === 0) {
            return fail(`'${op}' takes a list of conditions`);
        }
        return { kind: op, parts: arg.map(part => parseCondition(part, attributes, where)) };
    }
    if (op === '!') {
        // JsonLogic allows the operand to be wrapped in a one-element list.
        const operand = Array.isArray(arg) && arg.length === 1 ? arg[0] : arg;
        return { kind: 'not', part: parseCondition(operand, attributes, where) };
    }
    if (!COMPARATORS.has(op) && op !== 'in') {
        return fail(`unknown operator '${op}'`);
    }
    if (!Array.isArray(arg) || arg.length !== 2) {
        return fail(`'${op}' takes an attribute and a value`);
    }
    const attribute = readVar(arg[0], attributes, fail);
    if (op === 'in') {
        if (!Array.isArray(arg[1])) {
            return fail(`'in' takes a list of values for attribute ${quoted(attribute.name)}`);
        }
        const literals = arg[1] as unknown[];
        for (const literal of literals) {
            checkLiteral(literal, attribute, fail);
        }
        return { kind: 'in', attribute, literals: literals as Scalar[] };
    }
    if (ORDERING.has(op) && attribute.type !== 'number') {
        return fail(`'${op}' orders numbers, but attribute ${quoted(attribute.name)} is ${attribute.type}`);
    }
    checkLiteral(arg[1], attribute, fail);
    return { kind: 'compare', op: op as Comparator, attribute, literal: arg[1] as Scalar };
}

function readVar(value: unknown, attributes: ReadonlyMap<string, AttributeInfo>, fail: (m: string) => never): AttributeInfo {
    const name = typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 1
        ? (value as Record<string, unknown>).var : undefined;
    if (typeof name !== 'string') {
        return fail('a comparison must read an attribute as { "var": name }');
    }
    const attribute = attributes.get(name);
    if (!attribute) {
        return fail(`the condition reads ${quoted(name)}, which is not an attribute of the bundle`);
    }
    return attribute;
}

function checkLiteral(literal: unknown, attribute: AttributeInfo, fail: (m: string) => never): void {
    if (!fitsType(literal, attribute)) {
        fail(`${JSON.stringify(literal) ?? String(literal)} is not a value of attribute ${quoted(attribute.name)} (${attribute.type}${attribute.values ? `: ${attribute.values.join(', ')}` : ''})`);
    }
}

/** Whether a value is of the attribute's type (for an enum, one of its members). */
export function fitsType(value: unknown, attribute: AttributeInfo): value is Scalar {
    switch (attribute.type) {
        case 'number': return typeof value === 'number' && Number.isFinite(value);
        case 'boolean': return typeof value === 'boolean';
        case 'text': return typeof value === 'string';
        case 'enum': return typeof value === 'string' && attribute.values!.includes(value);
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
