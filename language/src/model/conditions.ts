/** Conditions (§6) as every stage reads them. */
import * as ast from '../syntax/generated/ast.js';

/**
 * The operands of a chain of one operator: `a and (b and c)` is one `and` of three, since nesting
 * of one operator carries no meaning. Iterative, because a long chain of `or` is a deep
 * left-leaning tree. Types are compared directly: `Or` and `And` have no subtypes, and this runs
 * for every condition of the workspace on every build.
 */
export function chainOperands(node: ast.Or | ast.And): ast.Condition[] {
    const operands: ast.Condition[] = [];
    const stack: ast.Condition[] = [node];
    while (stack.length > 0) {
        const current = stack.pop()!;
        if (current.$type === node.$type) {
            const pair = current as ast.Or | ast.And;
            stack.push(pair.right, pair.left);
        } else {
            operands.push(current);
        }
    }
    return operands;
}
