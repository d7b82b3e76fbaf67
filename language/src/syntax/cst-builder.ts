/**
 * Langium's CST builder, linear in the size of a file. Before each token the parser hands the
 * builder the comments that precede it; Langium then looks up the node under construction in its
 * parent's children from the front, which is quadratic on a file of many thousands of top-level
 * declarations. The node under construction is its parent's last child, so look from the end.
 */
import { CstNodeBuilder, type CompositeCstNode, type CstNode } from 'langium';

type Token = Parameters<CstNodeBuilder['addHiddenNodes']>[0][number];

export class LinearCstNodeBuilder extends CstNodeBuilder {
    override addHiddenNodes(tokens: Token[]): void {
        if (tokens.length === 0) {
            return;
        }
        const nodes = tokens.map(token => this.createLeafNode(token, true));
        let current: CompositeCstNode = this.current;
        if (current.content.length > 0) {
            this.appendChildren(current, nodes);
            return;
        }
        // A node with no content yet: the comments go before the innermost ancestor that is not
        // its parent's first child, or at the very start of the file.
        while (current.container) {
            const index = current.container.content.lastIndexOf(current);
            if (index > 0) {
                this.insertChildren(current.container, index, nodes);
                return;
            }
            current = current.container;
        }
        this.insertChildren(current, 0, nodes);
    }

    override removeNode(node: CstNode): void {
        const parent = node.container;
        const index = parent ? parent.content.lastIndexOf(node) : -1;
        if (parent && index >= 0) {
            (parent.content as CstNode[]).splice(index, 1);
        }
    }
}
