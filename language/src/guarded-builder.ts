/**
 * Langium's document builder, failing closed: an exception while one document is parsed, indexed,
 * scoped, linked or validated is recorded on that document (see internal-errors.ts) and the build
 * goes on with the other documents, instead of ending the build with some documents never
 * validated. The CLI and the language server both build through this class.
 */
import { DefaultDocumentBuilder, DocumentState, isOperationCancelled, type Cancellation, type LangiumDocument, type MaybePromise } from 'langium';
import { clearFailure, internalError, recordFailure, type Phase } from './internal-errors.js';

const PHASES: ReadonlyMap<DocumentState, Phase> = new Map([
    [DocumentState.Parsed, 'parsing'],
    [DocumentState.IndexedContent, 'indexing'],
    [DocumentState.ComputedScopes, 'scope computation'],
    [DocumentState.Linked, 'linking'],
    [DocumentState.IndexedReferences, 'reference indexing'],
    [DocumentState.Validated, 'validation'],
]);

export class GuardedDocumentBuilder extends DefaultDocumentBuilder {
    protected override runCancelable(documents: LangiumDocument[], targetState: DocumentState, cancelToken: Cancellation.CancellationToken,
        callback: (document: LangiumDocument) => MaybePromise<unknown>): Promise<void> {
        const phase = PHASES.get(targetState);
        if (!phase) {
            return super.runCancelable(documents, targetState, cancelToken, callback);
        }
        return super.runCancelable(documents, targetState, cancelToken, async document => {
            clearFailure(document, phase);
            try {
                await callback(document);
            } catch (err) {
                if (isOperationCancelled(err)) {
                    throw err;
                }
                if (phase === 'validation') {
                    // Validation is the last phase: nothing later would report the failure.
                    (document.diagnostics ??= []).push(internalError(phase, err));
                } else {
                    recordFailure(document, phase, err);
                }
            }
        });
    }
}
