/** Folding for blocks of three lines or more, block comments, and runs of line comments. */
import { CstUtils, type AstNode, type LangiumDocument } from 'langium';
import { DefaultFoldingRangeProvider, type FoldingRangeAcceptor } from 'langium/lsp';
import { FoldingRangeKind } from 'vscode-languageserver';
import * as ast from '../../syntax/generated/ast.js';

export class GovRuleFoldingRangeProvider extends DefaultFoldingRangeProvider {
    protected override shouldProcess(node: AstNode): boolean {
        // The file itself is not a fold; its declarations, rules, tests and blocks are.
        return !ast.isModel(node);
    }

    protected override collectCommentFolding(document: LangiumDocument, node: AstNode, acceptor: FoldingRangeAcceptor): void {
        super.collectCommentFolding(document, node, acceptor);
        const cst = node.$cstNode;
        if (!cst) {
            return;
        }
        // Consecutive `//` lines fold together.
        let run: { start: number; end: number } | undefined;
        const flush = () => {
            if (run && run.end > run.start) {
                acceptor({ startLine: run.start, endLine: run.end, kind: FoldingRangeKind.Comment });
            }
            run = undefined;
        };
        for (const leaf of CstUtils.flattenCst(cst)) {
            if (leaf.tokenType.name !== 'SL_COMMENT') {
                if (!leaf.hidden || leaf.tokenType.name !== 'WS') {
                    flush();
                }
                continue;
            }
            const line = leaf.range.start.line;
            if (run && line === run.end + 1) {
                run.end = line;
            } else {
                flush();
                run = { start: line, end: line };
            }
        }
        flush();
    }
}
