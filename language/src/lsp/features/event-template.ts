/**
 * The event "Evaluate…" starts from: the rule's first category, the attributes its `when` reads,
 * and a date on which the rule is in force. Each attribute gets the first value a comparison of
 * the condition wants (`==`, `in`, and for numbers `<`, `<=`, `>`, `>=`; not under a `not`), so
 * that the rule can match as it stands; else its declared default, else
 * the first value of its type (the first enum member, `false`, `0`, `""`). The person then edits
 * the event to try other cases.
 */
import type { Bundle, BundleRule, Scalar } from '../../bundle/types.js';

export interface EventTemplate {
    readonly category: string;
    readonly attributes: Record<string, Scalar>;
    readonly date: string;
}

/** A rule's condition may nest deeply (the parser allows thousands of levels): walked with a stack. */
const MAX_NODES = 100_000;

/**
 * The attributes a condition reads, in order of first appearance, each with the first value that
 * a comparison outside a `not` wants (see `wanted`).
 */
function readAttributes(when: BundleRule['when']): Map<string, Scalar | undefined> {
    const read = new Map<string, Scalar | undefined>();
    const note = (name: string, literal: Scalar | undefined) => {
        if (read.get(name) === undefined) {
            read.set(name, literal);
        }
    };
    // `operator`: the key under which the node stands ('' in a list).
    const stack: Array<{ node: unknown; negated: boolean; operator: string }> = [{ node: when, negated: false, operator: '' }];
    for (let visited = 0; stack.length > 0 && visited < MAX_NODES; visited++) {
        const { node, negated, operator } = stack.pop()!;
        if (typeof node !== 'object' || node === null) {
            continue;
        }
        const direct = varName(node);
        if (direct !== undefined) {
            note(direct, undefined);
            continue;
        }
        const list: readonly unknown[] | undefined = Array.isArray(node) ? node : undefined;
        const compared = list ? varName(list[0]) : undefined;
        if (list && compared !== undefined) {
            const second = list[1];
            const value: unknown = Array.isArray(second) ? second[0] : second;
            note(compared, negated ? undefined : wanted(operator, value));
            continue;
        }
        const entries: Array<readonly [string, unknown]> = Array.isArray(node) ? node.map(item => ['', item] as const) : Object.entries(node);
        for (let i = entries.length - 1; i >= 0; i--) {
            const [key, operand] = entries[i];
            stack.push({ node: operand, negated: negated !== (key === '!'), operator: key });
        }
    }
    return read;
}

/** A value that satisfies `attribute <operator> value`, where one is plain to see. */
function wanted(operator: string, value: unknown): Scalar | undefined {
    if (operator === '===' || operator === 'in') {
        return isScalar(value) ? value : undefined;
    }
    if (typeof value !== 'number') {
        return undefined;
    }
    switch (operator) {
        case '>': return value + 1;
        case '<': return value - 1;
        case '>=':
        case '<=': return value;
        default: return undefined;
    }
}

function varName(node: unknown): string | undefined {
    const name = typeof node === 'object' && node !== null && !Array.isArray(node) ? (node as { var?: unknown }).var : undefined;
    return typeof name === 'string' ? name : undefined;
}

function isScalar(value: unknown): value is Scalar {
    return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function zeroOf(attribute: Bundle['attributes'][number]): Scalar {
    switch (attribute.type) {
        case 'enum':
            return attribute.values?.[0] ?? '';
        case 'boolean':
            return false;
        case 'number':
            return 0;
        default:
            return '';
    }
}

/** A day the rule is in force: `today` if it is, else the nearer end of its effective period. */
function dateInForce(rule: BundleRule, today: string): string {
    const { from, to } = rule.effective;
    if (from !== null && today < from) {
        return from;
    }
    if (to !== null && today > to) {
        return to;
    }
    return today;
}

export function eventTemplate(bundle: Bundle, rule: BundleRule, today: string): EventTemplate {
    const byName = new Map(bundle.attributes.map(a => [a.name, a]));
    const attributes: Record<string, Scalar> = {};
    for (const [name, literal] of readAttributes(rule.when)) {
        const attribute = byName.get(name);
        if (attribute) {
            attributes[name] = literal ?? attribute.default ?? zeroOf(attribute);
        }
    }
    return { category: rule.categories[0] ?? '', attributes, date: dateInForce(rule, today) };
}
