/** Doc comments (§2): a `/** ... *\/` right before a declaration is its documentation. */
import { CstUtils, DefaultCommentProvider, isRootCstNode, type AstNode, type CommentProvider, type CompositeCstNode, type CstNode } from 'langium';

/**
 * Langium's comment provider, in constant time per node: it finds the node before a declaration
 * by searching the parent's children from the front, which is quadratic on a file of many
 * thousands of declarations. Here each parent's children are indexed once.
 */
export class GovRuleCommentProvider extends DefaultCommentProvider {
    private readonly positions = new WeakMap<CompositeCstNode, Map<CstNode, number>>();

    override getComment(node: AstNode): string | undefined {
        const cst = node.$cstNode;
        if (!cst || isRootCstNode(cst)) {
            return super.getComment(node);
        }
        const previous = this.previousNode(cst);
        return previous && CstUtils.isCommentNode(previous, this.grammarConfig().multilineCommentRules) ? previous.text : undefined;
    }

    /** The node just before `node` in the tree, hidden ones included (as CstUtils.getPreviousNode). */
    private previousNode(node: CstNode): CstNode | undefined {
        for (let current = node; current.container; current = current.container) {
            const parent = current.container;
            const index = this.indexIn(parent, current);
            if (index > 0) {
                return parent.content[index - 1];
            }
        }
        return undefined;
    }

    private indexIn(parent: CompositeCstNode, child: CstNode): number {
        if (parent.content.length <= 16) {
            return parent.content.indexOf(child);
        }
        let positions = this.positions.get(parent);
        if (!positions) {
            positions = new Map(parent.content.map((c, i) => [c, i]));
            this.positions.set(parent, positions);
        }
        return positions.get(child) ?? -1;
    }
}

export function docComment(comments: CommentProvider, node: AstNode): string | null {
    const text = comments.getComment(node);
    if (!text || !text.startsWith('/**') || text === '/**/') {
        return null;
    }
    const lines = text.slice(3, -2).split(/\r?\n/).map(line => line.replace(/^\s*\*? ?/, '').trimEnd());
    while (lines.length > 0 && lines[0].trim() === '') lines.shift();
    while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
    const doc = lines.join('\n').trim();
    return doc === '' ? null : doc;
}
