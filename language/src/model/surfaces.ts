/**
 * The post management list (§4.1): which surfaces a rule's condition certainly restricts a case to.
 * Conservative on purpose: only comparisons of the surface attribute itself count, at the top of
 * the condition, in its `and` chain, or as an `or` of such comparisons; anything else (a `not`, a
 * deeper nesting, an unresolved member) says nothing. The `post-surface` lint warns only on
 * what this finds, so it never guesses.
 */
import * as ast from '../syntax/generated/ast.js';
import { chainOperands } from './conditions.js';

/** The members of an enum attribute, in declaration order; none for any other attribute. */
export function enumMembers(attribute: ast.Attribute): string[] {
    return ast.isEnumType(attribute.type) ? attribute.type.members.map(m => m.name) : [];
}

/**
 * The members of `attribute` a case can have when `condition` holds, or undefined when the
 * condition does not certainly restrict it. Iterative (chainOperands), like every pass over a condition.
 */
export function restrictedSurfaces(condition: ast.Condition | undefined, attribute: ast.Attribute): ReadonlySet<string> | undefined {
    if (condition === undefined || !ast.isEnumType(attribute.type)) {
        return undefined;
    }
    const all = enumMembers(attribute);
    let restricted: Set<string> | undefined;
    const operands = ast.isAnd(condition) ? chainOperands(condition) : [condition];
    for (const operand of operands) {
        const allowed = ast.isOr(operand) ? anyOf(chainOperands(operand), attribute, all) : comparisonMembers(operand, attribute, all);
        if (allowed !== undefined) {
            restricted = restricted === undefined ? allowed : new Set([...restricted].filter(m => allowed.has(m)));
        }
    }
    return restricted;
}

/** An `or` restricts only when every operand is a comparison of the attribute. */
function anyOf(operands: readonly ast.Condition[], attribute: ast.Attribute, all: readonly string[]): Set<string> | undefined {
    const union = new Set<string>();
    for (const operand of operands) {
        const allowed = comparisonMembers(operand, attribute, all);
        if (allowed === undefined) {
            return undefined;
        }
        allowed.forEach(m => union.add(m));
    }
    return union;
}

function comparisonMembers(condition: ast.Condition, attribute: ast.Attribute, all: readonly string[]): Set<string> | undefined {
    if (!ast.isComparison(condition) || condition.attribute?.ref !== attribute) {
        return undefined;
    }
    if (condition.membership) {
        const named = condition.values.map(memberName);
        if (named.some(n => n === undefined)) {
            return undefined;
        }
        const listed = new Set(named as string[]);
        return new Set(condition.negated ? all.filter(m => !listed.has(m)) : all.filter(m => listed.has(m)));
    }
    const member = condition.value === undefined ? undefined : memberName(condition.value);
    if (member === undefined) {
        return undefined;
    }
    switch (condition.op) {
        case '==': return new Set([member]);
        case '!=': return new Set(all.filter(m => m !== member));
        default: return undefined;
    }
}

function memberName(literal: ast.Literal): string | undefined {
    return ast.isEnumLiteral(literal) ? literal.member.ref?.name : undefined;
}
