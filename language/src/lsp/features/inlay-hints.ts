/** Inlay hints: the label of what a reference names, after it (`responsible reviewer 内容审核员`). */
import type { AstNode, LangiumDocument } from 'langium';
import { AbstractInlayHintProvider, type InlayHintAcceptor } from 'langium/lsp';
import type { CancellationToken, InlayHint, InlayHintParams } from 'vscode-languageserver';
import { forEachReference } from '../../model/ast-walk.js';
import { isDeclaration, qualifiedName } from '../../model/names.js';
import { labelOf } from '../queries/describe.js';
import type { GovRuleLspServices } from '../server/services.js';

export class GovRuleInlayHintProvider extends AbstractInlayHintProvider {
    constructor(private readonly services: GovRuleLspServices) {
        super();
    }

    override async getInlayHints(document: LangiumDocument, params: InlayHintParams, cancelToken?: CancellationToken): Promise<InlayHint[] | undefined> {
        if (!(await this.services.lsp.Settings.inlayHintLabels())) {
            return [];
        }
        return super.getInlayHints(document, params, cancelToken);
    }

    computeInlayHint(node: AstNode, acceptor: InlayHintAcceptor): void {
        forEachReference(node, reference => {
            const target = reference.ref;
            const end = reference.$refNode?.range.end;
            if (!end || !target || !isDeclaration(target)) {
                return;
            }
            const label = labelOf(target);
            if (label) {
                acceptor({ position: end, label, paddingLeft: true, tooltip: qualifiedName(target) });
            }
        });
    }
}
