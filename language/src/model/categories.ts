/**
 * The category tree as the AST holds it: a category's ancestors are its containers. Every walk up
 * the tree is a loop here (trees nest deep: no recursion) and allocates nothing.
 */
import type { AstNode } from 'langium';
import * as ast from '../syntax/generated/ast.js';

/** The category of `node`'s container, if it is nested in one. */
export function parentCategory(node: AstNode): ast.Category | undefined {
    return ast.isCategory(node.$container) ? node.$container : undefined;
}

/**
 * Visits `category` and then each of its ancestors, nearest first, with its depth (a top-level
 * category is 0), until `visit` returns true; returns whether one did.
 */
export function someSelfOrAncestor(category: ast.Category, visit: (c: ast.Category, depth: number) => boolean): boolean {
    let depth = categoryDepth(category);
    for (let c: ast.Category | undefined = category; c; c = parentCategory(c), depth--) {
        if (visit(c, depth)) {
            return true;
        }
    }
    return false;
}

/** Whether `ancestor` is `category` or one of its ancestors. */
export function isSelfOrAncestor(ancestor: ast.Category, category: ast.Category): boolean {
    for (let c: ast.Category | undefined = category; c; c = parentCategory(c)) {
        if (c === ancestor) {
            return true;
        }
    }
    return false;
}

/** How many categories contain this one: 0 for a top-level category. */
export function categoryDepth(category: ast.Category): number {
    let depth = 0;
    for (let c = parentCategory(category); c; c = parentCategory(c)) {
        depth++;
    }
    return depth;
}
