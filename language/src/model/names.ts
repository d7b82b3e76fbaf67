/**
 * Qualified names and kinds of declarations (LANGUAGE.md §3). Every other module asks here
 * what a declaration is called and how to describe its kind to a person.
 */
import type { AstNode } from 'langium';
import * as ast from '../syntax/generated/ast.js';
import { someSelfOrAncestor } from './categories.js';

/** Declarations that have a qualified name and can be referenced from anywhere. */
export type Declaration = ast.SeverityLevel | ast.Post | ast.Authority | ast.Action | ast.Attribute | ast.Category | ast.Rule | ast.Campaign;

export function isDeclaration(node: AstNode): node is Declaration {
    return ast.isSeverityLevel(node) || ast.isPost(node) || ast.isAuthority(node) || ast.isAction(node)
        || ast.isAttribute(node) || ast.isCategory(node) || ast.isRule(node) || ast.isCampaign(node);
}

export function modelOf(node: AstNode): ast.Model | undefined {
    let current: AstNode | undefined = node;
    while (current && !ast.isModel(current)) {
        current = current.$container;
    }
    return current;
}

export function packageName(node: AstNode): string {
    return modelOf(node)?.name ?? '';
}

/** The name inside the package: `rumor.enterprise` for a nested category, else the simple name. */
export function localName(decl: Declaration): string {
    if (!ast.isCategory(decl)) {
        return decl.name;
    }
    const path: string[] = [];
    someSelfOrAncestor(decl, c => {
        path.push(c.name);
        return false;
    });
    return path.reverse().join('.');
}

export function qualifiedName(decl: Declaration): string {
    const pkg = packageName(decl);
    return pkg ? `${pkg}.${localName(decl)}` : localName(decl);
}

const KIND_NAMES: Record<string, string> = {
    [ast.SeverityLevel.$type]: 'severity level',
    [ast.Post.$type]: 'post',
    [ast.Authority.$type]: 'authority',
    [ast.Action.$type]: 'action',
    [ast.Attribute.$type]: 'attribute',
    [ast.Category.$type]: 'category',
    [ast.Rule.$type]: 'rule',
    [ast.Campaign.$type]: 'campaign',
    [ast.EscalationTarget.$type]: 'post or authority',
    [ast.Param.$type]: 'parameter',
    [ast.EnumMember.$type]: 'enum member',
};

/** "post", "severity level", "post or authority": the words used in messages. */
export function kindName(type: string): string {
    return KIND_NAMES[type] ?? type;
}

/** "a post", "an action". */
export function withArticle(words: string): string {
    return /^[aeiou]/i.test(words) ? `an ${words}` : `a ${words}`;
}

/** Every declaration of a file, in source order, without walking into rules or conditions. */
export function* declarationsOf(model: ast.Model): Generator<Declaration> {
    for (const element of model.elements) {
        if (ast.isSeverities(element)) {
            yield* element.levels;
        } else if (ast.isCategory(element)) {
            yield* categoryTree(element);
        } else if (!ast.isTest(element)) {
            yield element;
        }
    }
}

/** A category and every category below it, parents first, in source order (iteratively: trees nest deep). */
export function* categoryTree(category: ast.Category): Generator<ast.Category> {
    const stack = [category];
    while (stack.length > 0) {
        const next = stack.pop()!;
        yield next;
        for (let i = next.children.length - 1; i >= 0; i--) {
            stack.push(next.children[i]);
        }
    }
}
