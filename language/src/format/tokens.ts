/**
 * The formatter's input: every token of a parsed file in source order, comments included, and
 * the role each token plays in the layout. Roles come from the AST, so a `{` knows whether it
 * opens a rule, an escalation or an enum.
 */
import { CstUtils, GrammarUtils, isLeafCstNode, type AstNode, type CstNode, type LeafCstNode, type RootCstNode } from 'langium';
import { forEachNode } from '../model/ast-walk.js';
import * as ast from '../syntax/generated/ast.js';

export type ItemKind = 'token' | 'line-comment' | 'block-comment';

export interface Item {
    readonly kind: ItemKind;
    readonly text: string;
    readonly offset: number;
    readonly end: number;
    readonly leaf: LeafCstNode;
}

/**
 * - `line`: starts a line of its own (a declaration, import, clause, step, test item, and the
 *   members of an expanded list);
 * - `open` / `close`: braces of a block laid out one item per line;
 * - `inline-open` / `inline-close`: braces kept on one line (`escalate { after 4h to cac }`,
 *   `enum { a, b }`).
 */
export type Role = 'line' | 'open' | 'close' | 'inline-open' | 'inline-close';

/** Every leaf of the CST in source order: tokens and the comments between them. */
export function itemsOf(root: RootCstNode): Item[] {
    const items: Item[] = [];
    for (const node of CstUtils.streamCst(root)) {
        if (!isLeafCstNode(node)) {
            continue;
        }
        const kind: ItemKind = !node.hidden ? 'token' : node.text.startsWith('//') ? 'line-comment' : 'block-comment';
        items.push({ kind, text: node.text, offset: node.offset, end: node.end, leaf: node });
    }
    return items;
}

/** The layout role of tokens, by their offset. `text` is the source, to see how lists were written. */
export function rolesOf(model: ast.Model, text: string): Map<number, Role> {
    const roles = new Map<number, Role>();
    const start = (node: AstNode | undefined) => {
        if (node?.$cstNode) {
            roles.set(node.$cstNode.offset, 'line');
        }
    };
    const braces = (node: AstNode, expanded: boolean) => {
        const open = braceOf(node.$cstNode, '{');
        const close = braceOf(node.$cstNode, '}');
        if (open && close) {
            roles.set(open.offset, expanded ? 'open' : 'inline-open');
            roles.set(close.offset, expanded ? 'close' : 'inline-close');
        }
    };
    // The author's choice decides between `{ a, b }` and one member per line.
    const writtenOnSeveralLines = (node: AstNode) => {
        const open = braceOf(node.$cstNode, '{');
        const close = braceOf(node.$cstNode, '}');
        return open !== undefined && close !== undefined && /[\r\n]/.test(text.slice(open.end, close.offset));
    };

    roles.set(model.$cstNode?.offset ?? 0, 'line');
    forEachNode(model, node => {
        if (node.$container === model) {
            start(node);
        }
        if (ast.isSeverities(node)) {
            braces(node, true);
            node.levels.forEach(start);
        } else if (ast.isCategory(node)) {
            braces(node, true);
            node.children.forEach(start);
        } else if (ast.isRule(node)) {
            braces(node, true);
            node.clauses.forEach(start);
        } else if (ast.isTest(node)) {
            braces(node, true);
            node.items.forEach(start);
        } else if (ast.isEscalateClause(node)) {
            // A single step written on one line may stay there; several steps never share a line.
            const expanded = node.steps.length > 1 || writtenOnSeveralLines(node);
            braces(node, expanded);
            if (expanded) {
                node.steps.forEach(start);
            }
        } else if (ast.isEnumType(node)) {
            const expanded = writtenOnSeveralLines(node);
            braces(node, expanded);
            if (expanded) {
                node.members.forEach(start);
            }
        } else if (ast.isGiven(node)) {
            const expanded = writtenOnSeveralLines(node);
            braces(node, expanded);
            if (expanded) {
                node.attributes.forEach(start);
            }
        }
    });
    return roles;
}

/** The `{` or `}` that belongs to `node` itself (not to a nested node). */
function braceOf(cst: CstNode | undefined, brace: '{' | '}'): CstNode | undefined {
    const found = GrammarUtils.findNodesForKeyword(cst, brace);
    return brace === '{' ? found[0] : found[found.length - 1];
}
