/**
 * Reasoning about conditions for the rule-set lints: a condition becomes a formula in negation
 * normal form over comparisons of one attribute with literals, and a search decides whether a
 * formula can hold, naming the comparisons that contradict each other when it cannot.
 *
 * The search is exact for the domains the language has — numbers are real numbers (an event may
 * carry 2.5 reports), enums and booleans are their finite sets of values, texts are unbounded —
 * and every attribute has one well-typed value in every decided event (§8). A comparison it
 * cannot read (an unresolved name, a mistyped literal) is left free: it may hold or not. When the
 * search exceeds its budget the answer is "unknown", which the lints treat as "can hold". So a
 * formula is reported unsatisfiable only when it truly is: no false positives.
 */
import * as ast from '../syntax/generated/ast.js';
import { chainOperands } from '../model/conditions.js';
import { attributeType } from '../model/types.js';

export type Literal = number | string | boolean;
type Op = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge' | 'in' | 'notin';

export interface Atom {
    readonly attribute: ast.Attribute;
    readonly op: Op;
    readonly values: readonly Literal[];
    /** The comparison in the source; an enclosing `not` made this atom its negation. */
    readonly comparison: ast.Comparison;
    readonly negated: boolean;
}

/** The comparison as written (with `not` when negated), for messages. */
export function atomText(atom: Atom): string {
    let source = atom.comparison.$cstNode!.text.replace(/\s+/g, ' ');
    // A parenthesised comparison's text includes its parentheses; a comparison itself starts with
    // its attribute, so a leading parenthesis is always one that encloses the whole text.
    while (source.startsWith('(')) {
        source = source.slice(1, -1).trim();
    }
    return !atom.negated ? source : source === atom.attribute.name ? `not ${source}` : `not (${source})`;
}

export type Formula =
    | { readonly kind: 'true' }
    | { readonly kind: 'free' }
    | { readonly kind: 'atom'; readonly atom: Atom }
    | { readonly kind: 'and' | 'or'; readonly parts: readonly Formula[] };

const TRUE: Formula = { kind: 'true' };
const FREE: Formula = { kind: 'free' };

const NEGATED: Record<Op, Op> = { eq: 'ne', ne: 'eq', lt: 'ge', le: 'gt', gt: 'le', ge: 'lt', in: 'notin', notin: 'in' };
const OPS: Record<string, Op> = { '==': 'eq', '!=': 'ne', '<': 'lt', '<=': 'le', '>': 'gt', '>=': 'ge' };

/** A rule's condition (absent: true) as a formula in negation normal form; `negate` gives its negation. */
export function toFormula(condition: ast.Condition | undefined, negate = false): Formula {
    if (!condition) {
        return negate ? { kind: 'or', parts: [] } : TRUE;
    }
    // Built bottom-up with explicit stacks, so the depth of a condition never meets the call
    // stack's. An operator is visited twice: to schedule its operands, then to combine them.
    const results: Formula[] = [];
    const work: Array<{ readonly node: ast.Condition; readonly negate: boolean; kind?: 'and' | 'or'; operands?: number }> = [{ node: condition, negate }];
    while (work.length > 0) {
        const top = work[work.length - 1];
        if (top.kind !== undefined) {
            work.pop();
            const parts = results.splice(results.length - top.operands!, top.operands!).flatMap(part => part.kind === top.kind ? part.parts : [part]);
            results.push({ kind: top.kind, parts });
            continue;
        }
        // Node types are compared directly: these concrete types have no subtypes, and this runs
        // for every comparison of the workspace on every build.
        let node: ast.Condition = top.node;
        let negated = top.negate;
        while (node.$type === 'Not') {
            node = (node as ast.Not).operand;
            negated = !negated;
        }
        if (node.$type === 'Or' || node.$type === 'And') {
            top.kind = (node.$type === 'And') !== negated ? 'and' : 'or';
            // A chain of one operator is one list.
            const operands = chainOperands(node as ast.Or | ast.And);
            top.operands = operands.length;
            for (let i = operands.length - 1; i >= 0; i--) {
                work.push({ node: operands[i], negate: negated });
            }
            continue;
        }
        work.pop();
        // What is left of a condition once and, or and not are taken apart is a comparison.
        const atom = toAtom(node as ast.Comparison, negated);
        results.push(atom ? { kind: 'atom', atom } : FREE);
    }
    return results[0];
}

function toAtom(comparison: ast.Comparison, negate: boolean): Atom | undefined {
    const attribute = comparison.attribute.ref;
    const type = attribute ? attributeType(attribute) : undefined;
    if (!attribute || !type) {
        return undefined;
    }
    let op: Op;
    let literals: readonly ast.Literal[];
    if (comparison.op) {
        // An operator has its value in a file that parses. An ordering of another type than number
        // (a type error) keeps its literal: bounds restrict only numbers, so it restricts nothing.
        op = OPS[comparison.op];
        literals = [comparison.value!];
    } else if (comparison.membership) {
        op = comparison.negated ? 'notin' : 'in';
        literals = comparison.values;
    } else {
        // A boolean attribute alone means `attribute == true`.
        if (type !== 'boolean') {
            return undefined;
        }
        return { attribute, op: negate ? 'ne' : 'eq', values: [true], comparison, negated: negate };
    }
    const values: Literal[] = [];
    for (const literal of literals) {
        const value = literalOf(literal, type);
        if (value === undefined) {
            return undefined;
        }
        values.push(value);
    }
    return { attribute, op: negate ? NEGATED[op] : op, values, comparison, negated: negate };
}

function literalOf(literal: ast.Literal, type: string): Literal | undefined {
    switch (literal.$type) {
        case 'NumberLiteral': return type === 'number' ? Number(literal.value) : undefined;
        case 'StringLiteral': return type === 'text' ? literal.value : undefined;
        case 'BooleanLiteral': return type === 'boolean' ? literal.value : undefined;
        // A member resolves only among the members of the compared attribute's enum.
        case 'EnumLiteral': return literal.member.ref?.name;
    }
    return undefined;
}

export function conjunction(...parts: Formula[]): Formula {
    return { kind: 'and', parts };
}

// ---- domains ----

/** What the atoms on one attribute leave possible. */
function isEmpty(attribute: ast.Attribute, atoms: readonly Atom[]): boolean {
    const type = attributeType(attribute);
    let allowed: Set<Literal> | undefined;
    if (ast.isEnumType(attribute.type)) {
        allowed = new Set(attribute.type.members.map(m => m.name));
    } else if (type === 'boolean') {
        allowed = new Set([true, false]);
    }
    const excluded = new Set<Literal>();
    let lo = -Infinity;
    let loStrict = true;
    let hi = Infinity;
    let hiStrict = true;
    for (const atom of atoms) {
        switch (atom.op) {
            case 'eq':
            case 'in': {
                const set = new Set(atom.values);
                allowed = allowed ? new Set([...allowed].filter(v => set.has(v))) : set;
                break;
            }
            case 'ne':
            case 'notin':
                atom.values.forEach(v => excluded.add(v));
                break;
            case 'lt':
            case 'le': {
                const v = atom.values[0] as number;
                const strict = atom.op === 'lt';
                if (v < hi || (v === hi && strict)) {
                    hi = v;
                    hiStrict = strict;
                }
                break;
            }
            case 'gt':
            case 'ge': {
                const v = atom.values[0] as number;
                const strict = atom.op === 'gt';
                if (v > lo || (v === lo && strict)) {
                    lo = v;
                    loStrict = strict;
                }
                break;
            }
        }
    }
    const inBounds = (v: Literal) => typeof v !== 'number'
        || ((v > lo || (v === lo && !loStrict)) && (v < hi || (v === hi && !hiStrict)));
    if (allowed) {
        for (const v of allowed) {
            if (!excluded.has(v) && inBounds(v)) {
                return false;
            }
        }
        return true;
    }
    if (type !== 'number') {
        return false; // unbounded texts: a finite exclusion always leaves some text
    }
    // Real numbers: an open interval holds infinitely many; a point may be excluded.
    if (lo < hi) {
        return false;
    }
    return !(lo === hi && !loStrict && !hiStrict && !excluded.has(lo));
}

/** The smallest set of the atoms that still leaves the attribute no value (deletion-based). */
function conflictCore(attribute: ast.Attribute, atoms: readonly Atom[]): Atom[] {
    let core = [...atoms];
    for (let i = core.length - 1; i >= 0; i--) {
        const without = core.filter((_, j) => j !== i);
        if (isEmpty(attribute, without)) {
            core = without;
        }
    }
    return core.sort((a, b) => (a.comparison.$cstNode?.offset ?? 0) - (b.comparison.$cstNode?.offset ?? 0));
}

// ---- search ----

export type Satisfiability =
    | { readonly result: 'sat' }
    | { readonly result: 'unknown' }
    /** Each failed alternative's contradiction: the atoms that cannot all hold. */
    | { readonly result: 'unsat'; readonly conflicts: readonly (readonly Atom[])[] };

/** Work units (atoms applied, alternatives tried) after which the search gives up. */
const BUDGET = 2000;

class OutOfBudget extends Error { }

type State = Map<ast.Attribute, Atom[]>;

export function satisfiability(formula: Formula): Satisfiability {
    const conflicts: Atom[][] = [];
    let work = 0;
    const spend = () => {
        if (++work > BUDGET) {
            throw new OutOfBudget();
        }
    };
    const search = (todo: Formula[], state: State): boolean => {
        while (todo.length > 0) {
            const f = todo.pop()!;
            switch (f.kind) {
                case 'true':
                case 'free':
                    break;
                case 'and':
                    for (const part of f.parts) {
                        todo.push(part);
                    }
                    break;
                case 'atom': {
                    spend();
                    const atoms = [...(state.get(f.atom.attribute) ?? []), f.atom];
                    state.set(f.atom.attribute, atoms);
                    if (isEmpty(f.atom.attribute, atoms)) {
                        conflicts.push(conflictCore(f.atom.attribute, atoms));
                        return false;
                    }
                    break;
                }
                case 'or':
                    for (const part of f.parts) {
                        spend();
                        if (search([...todo, part], new Map(state))) {
                            return true;
                        }
                    }
                    return false;
            }
        }
        return true;
    };
    try {
        return search([formula], new Map()) ? { result: 'sat' } : { result: 'unsat', conflicts };
    } catch (err) {
        // Too much work, or alternatives nested too deep for the stack: not provably unsatisfiable.
        if (err instanceof OutOfBudget || err instanceof RangeError) {
            return { result: 'unknown' };
        }
        throw err;
    }
}

/** Whether `premise` implies `conclusion` for every event; false when unsure. */
export function implies(premise: Formula, conclusion: Formula, conclusionNegated: () => Formula): boolean {
    if (conclusion.kind === 'true') {
        return true;
    }
    if (quicklyRefuted(premise, conclusion)) {
        return false;
    }
    return satisfiability(conjunction(premise, conclusionNegated())).result === 'unsat';
}

/**
 * A cheap sufficient reason for "does not imply": the conclusion requires a comparison on an
 * attribute the premise never reads, and that comparison can fail. Most rule pairs stop here.
 */
function quicklyRefuted(premise: Formula, conclusion: Formula): boolean {
    const read = new Set<ast.Attribute>();
    const stack = [premise];
    while (stack.length > 0) {
        const f = stack.pop()!;
        if (f.kind === 'atom') read.add(f.atom.attribute);
        else if (f.kind === 'and' || f.kind === 'or') f.parts.forEach(part => stack.push(part));
    }
    const required = conclusion.kind === 'and' ? conclusion.parts : [conclusion];
    return required.some(f => f.kind === 'atom' && !read.has(f.atom.attribute)
        && !isEmpty(f.atom.attribute, [{ ...f.atom, op: NEGATED[f.atom.op] }]));
}
