/** Conditions (§6) as JsonLogic with strict operators (§9). */
import * as ast from '../generated/ast.js';

export type JsonLogic = boolean | { [operator: string]: unknown };
export type Scalar = string | number | boolean;

const OPERATORS: Record<ast.CompareOp, string> = { '==': '===', '!=': '!==', '<': '<', '<=': '<=', '>': '>', '>=': '>=' };

export function toJsonLogic(condition: ast.Condition | undefined): JsonLogic {
    if (!condition) {
        return true;
    }
    if (ast.isOr(condition) || ast.isAnd(condition)) {
        const operator = ast.isOr(condition) ? 'or' : 'and';
        return { [operator]: flatten(condition, condition.$type).map(toJsonLogic) };
    }
    if (ast.isNot(condition)) {
        return { '!': toJsonLogic(condition.operand) };
    }
    const name = condition.attribute.ref?.name ?? condition.attribute.$refText;
    const variable = { var: name };
    if (condition.op) {
        return { [OPERATORS[condition.op]]: [variable, literalValue(condition.value)] };
    }
    if (condition.membership) {
        const test = { in: [variable, condition.values.map(literalValue)] };
        return condition.negated ? { '!': test } : test;
    }
    return { '===': [variable, true] };
}

/**
 * `a and (b and c)` is one `and` of three: nesting of one operator carries no meaning. Iterative,
 * because a long chain of `or` is a deep left-leaning tree.
 */
function flatten(node: ast.Condition, type: string): ast.Condition[] {
    const result: ast.Condition[] = [];
    const stack: ast.Condition[] = [node];
    while (stack.length > 0) {
        const current = stack.pop()!;
        if ((ast.isOr(current) || ast.isAnd(current)) && current.$type === type) {
            stack.push(current.right, current.left);
        } else {
            result.push(current);
        }
    }
    return result;
}

export function literalValue(literal: ast.Literal | undefined): Scalar {
    if (ast.isNumberLiteral(literal)) return Number(literal.value);
    if (ast.isStringLiteral(literal)) return literal.value;
    if (ast.isBooleanLiteral(literal)) return literal.value;
    if (ast.isEnumLiteral(literal)) return literal.member.ref?.name ?? literal.member.$refText;
    return null as unknown as Scalar;
}
