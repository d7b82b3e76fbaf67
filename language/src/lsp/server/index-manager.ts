/**
 * The reference index, reduced to what the server uses: which documents each document refers
 * to, so that the documents depending on a changed one are relinked. Find references,
 * highlights and rename read `document.references` directly (name-sites.ts), so Langium's full
 * index — a path string for every reference, built with an await per node, the slowest step of
 * a rebuild on large workspaces — is never built; `findAllReferences` computes on demand.
 */
import { CstUtils, DefaultIndexManager, interruptAndCheck, isReference, stream, Cancellation, type AstNode, type LangiumDocument, type ReferenceDescription, type Stream, type URI } from 'langium';
import { forEachNode, forEachReference } from '../../model/ast-walk.js';

export class GovRuleIndexManager extends DefaultIndexManager {
    /** For each document, the other documents its references point into. */
    private readonly dependencies = new Map<string, Set<string>>();

    override async updateReferences(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        await interruptAndCheck(cancelToken);
        const own = document.uri.toString();
        const targets = new Set<string>();
        for (const reference of document.references) {
            const target = isReference(reference) ? reference.$nodeDescription?.documentUri?.toString() : undefined;
            if (target && target !== own) {
                targets.add(target);
            }
        }
        this.dependencies.set(own, targets);
    }

    override removeReferences(uri: URI): void {
        super.removeReferences(uri);
        this.dependencies.delete(uri.toString());
    }

    override isAffected(document: LangiumDocument, changedUris: Set<string>): boolean {
        const targets = this.dependencies.get(document.uri.toString());
        if (targets) {
            for (const target of targets) {
                if (changedUris.has(target)) {
                    return true;
                }
            }
        }
        return false;
    }

    override findAllReferences(targetNode: AstNode, _astNodePath: string): Stream<ReferenceDescription> {
        const result: ReferenceDescription[] = [];
        for (const document of this.documents.all) {
            const locator = this.serviceRegistry.getServices(document.uri).workspace.AstNodeLocator;
            forEachNode(document.parseResult.value, container => {
                forEachReference(container, reference => {
                    const target = reference.$nodeDescription;
                    if (reference.ref === targetNode && target && reference.$refNode) {
                        result.push({
                            sourceUri: document.uri,
                            sourcePath: locator.getAstNodePath(container),
                            targetUri: target.documentUri,
                            targetPath: target.path,
                            segment: CstUtils.toDocumentSegment(reference.$refNode),
                            local: target.documentUri.toString() === document.uri.toString(),
                        });
                    }
                });
            });
        }
        return stream(result);
    }
}
