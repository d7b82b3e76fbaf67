/**
 * Allocation-light AST traversal for whole-workspace passes (linking, validation). Langium's
 * streams are general but allocate iterators and key lists per node, which dominates on
 * workspaces of tens of thousands of rules.
 */
import { isReference, type AstNode, type Reference } from 'langium';

function isNode(value: unknown): value is AstNode {
    return typeof value === 'object' && value !== null && typeof (value as AstNode).$type === 'string';
}

/** Visits every node below and including `root`, parents before children, in source order. */
export function forEachNode(root: AstNode, visit: (node: AstNode) => void): void {
    const stack: AstNode[] = [root];
    const children: AstNode[] = [];
    while (stack.length > 0) {
        const node = stack.pop()!;
        visit(node);
        for (const key in node) {
            if (key.charCodeAt(0) === 36 /* $ */) {
                continue;
            }
            const value = (node as AstNode & Record<string, unknown>)[key];
            if (Array.isArray(value)) {
                for (const item of value) {
                    if (isNode(item)) {
                        children.push(item);
                    }
                }
            } else if (isNode(value)) {
                children.push(value);
            }
        }
        while (children.length > 0) {
            stack.push(children.pop()!);
        }
    }
}

/** Calls `visit` for each cross-reference held directly by `node`. */
export function forEachReference(node: AstNode, visit: (reference: Reference, property: string, index?: number) => void): void {
    for (const key in node) {
        if (key.charCodeAt(0) === 36 /* $ */) {
            continue;
        }
        const value = (node as AstNode & Record<string, unknown>)[key];
        if (Array.isArray(value)) {
            for (let i = 0; i < value.length; i++) {
                if (isReference(value[i])) {
                    visit(value[i] as Reference, key, i);
                }
            }
        } else if (isReference(value)) {
            visit(value, key);
        }
    }
}
