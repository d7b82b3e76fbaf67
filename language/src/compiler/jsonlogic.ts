/** Conditions (§6) as JsonLogic with strict operators (§9). */
import type { JsonLogic, Scalar } from '../bundle/types.js';
import { chainOperands } from '../model/conditions.js';
import * as ast from '../syntax/generated/ast.js';


const OPERATORS: Record<ast.CompareOp, string> = { '==': '===', '!=': '!==', '<': '<', '<=': '<=', '>': '>', '>=': '>=' };

/**
 * Built bottom-up with explicit stacks rather than by recursion, so the depth of a condition never
 * meets the depth of the call stack.
 */
export function toJsonLogic(condition: ast.Condition | undefined): JsonLogic {
    if (!condition) {
        return true;
    }
    const results: JsonLogic[] = [];
    // An operator is visited twice: first to schedule its operands, then to combine their results.
    const work: Array<{ readonly node: ast.Condition; operands?: number }> = [{ node: condition }];
    while (work.length > 0) {
        const top = work[work.length - 1];
        const node = top.node;
        if (top.operands === undefined && (ast.isOr(node) || ast.isAnd(node) || ast.isNot(node))) {
            const operands = ast.isNot(node) ? [node.operand] : chainOperands(node);
            top.operands = operands.length;
            for (let i = operands.length - 1; i >= 0; i--) {
                work.push({ node: operands[i] });
            }
            continue;
        }
        work.pop();
        if (top.operands === undefined) {
            results.push(comparison(node as ast.Comparison));
            continue;
        }
        const parts = results.splice(results.length - top.operands, top.operands);
        results.push(ast.isNot(node) ? { '!': parts[0] } : { [ast.isOr(node) ? 'or' : 'and']: parts });
    }
    return results[0];
}

function comparison(condition: ast.Comparison): JsonLogic {
    // Every reference resolves: compile runs only without errors.
    const name = condition.attribute.ref!.name;
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


export function literalValue(literal: ast.Literal | undefined): Scalar {
    if (ast.isNumberLiteral(literal)) return Number(literal.value);
    if (ast.isStringLiteral(literal)) return literal.value;
    if (ast.isBooleanLiteral(literal)) return literal.value;
    if (ast.isEnumLiteral(literal)) return literal.member.ref!.name;
    // Only a file with syntax errors lacks a literal, and compile runs only without errors.
    throw new Error('a literal is missing');
}
