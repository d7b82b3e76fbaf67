/**
 * Rebuilds after a change. In GovRule a new or removed declaration can change what a name means
 * anywhere (§3: the current package first, then imports, then qualified names), and the
 * workspace lints (unused declarations, uncovered categories, the severity scale, duplicate names
 * across files, shadowed rules) depend on every file. So:
 * - every change revalidates every document;
 * - when the changed documents export the same names as before (most edits: inside a rule, a
 *   label, a comment), only the documents that reference them, or have unresolved names, are
 *   relinked, as Langium does; otherwise, and when files come or go, every document is relinked.
 * And a request waiting for a workspace state is answered by the build that reaches it (see
 * stateWaiters).
 */
import { Cancellation, DocumentState, OperationCancelled, type LangiumDocument, type LangiumSharedCoreServices, type URI } from 'langium';
import * as ast from '../../syntax/generated/ast.js';
import { declarationsOf, qualifiedName } from '../../model/names.js';
import { GuardedDocumentBuilder } from '../../guarded-builder.js';

export class GovRuleDocumentBuilder extends GuardedDocumentBuilder {
    /** The names each document exported when it was last indexed: what other documents were linked against. */
    private readonly indexedExports = new Map<string, string>();
    private relinkAll = true;

    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.onDocumentPhase(DocumentState.IndexedContent, document => {
            this.indexedExports.set(document.uri.toString(), exportedNames(document));
        });
    }

    override async update(changed: URI[], deleted: URI[], cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        // As Langium's update does first: requests now wait for this build (exportsChange awaits).
        this.currentState = DocumentState.Changed;
        for (const uri of deleted) {
            const key = uri.toString();
            for (const indexed of [...this.indexedExports.keys()]) {
                if (indexed === key || indexed.startsWith(`${key}/`)) {
                    this.indexedExports.delete(indexed);
                }
            }
        }
        this.relinkAll = deleted.length > 0 || await this.exportsChange(changed);
        for (const document of this.langiumDocuments.all) {
            if (document.state > DocumentState.IndexedReferences) {
                this.resetToState(document, DocumentState.IndexedReferences);
            }
        }
        await super.update(changed, deleted, cancelToken);
    }

    /**
     * Requests waiting for the workspace to reach a state (compile for Validated, references and
     * rename for IndexedReferences). Langium wakes them through the phase's listeners, which
     * misses two cases: a phase that no document went through (a workspace without files yet),
     * and a request that started waiting while the phase's listeners were being told,
     * since that may yield to the event loop before the state is recorded. Both waited until the
     * next edit, or for ever. Here a phase wakes its waiters before its listeners run.
     */
    private readonly stateWaiters = new Set<{ readonly state: DocumentState; readonly wake: () => void }>();

    protected override awaitBuilderState(state: DocumentState, cancelToken: Cancellation.CancellationToken): Promise<void> {
        if (this.currentState >= state) {
            return Promise.resolve();
        }
        if (cancelToken.isCancellationRequested) {
            return Promise.reject(OperationCancelled);
        }
        return new Promise((resolve, reject) => {
            const waiter = { state, wake: () => { cancelled.dispose(); resolve(); } };
            const cancelled = cancelToken.onCancellationRequested(() => {
                this.stateWaiters.delete(waiter);
                cancelled.dispose();
                reject(OperationCancelled);
            });
            this.stateWaiters.add(waiter);
        });
    }

    protected override async notifyBuildPhase(documents: LangiumDocument[], state: DocumentState, cancelToken: Cancellation.CancellationToken): Promise<void> {
        if (this.currentState < state) {
            this.currentState = state;
        }
        for (const waiter of this.stateWaiters) {
            if (waiter.state <= state) {
                this.stateWaiters.delete(waiter);
                waiter.wake();
            }
        }
        await super.notifyBuildPhase(documents, state, cancelToken);
    }

    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        return this.relinkAll || super.shouldRelink(document, changedUris);
    }

    /**
     * Whether a changed document exports other names than it did, or is new. It is parsed here,
     * ahead of the build, which then reuses the parse (the text is the same).
     */
    private async exportsChange(changed: readonly URI[]): Promise<boolean> {
        try {
            for (const uri of changed) {
                const document = this.langiumDocuments.getDocument(uri);
                const before = this.indexedExports.get(uri.toString());
                if (!document || before === undefined) {
                    return true;
                }
                await this.langiumDocumentFactory.update(document, Cancellation.CancellationToken.None);
                if (exportedNames(document) !== before) {
                    return true;
                }
            }
            return false;
        } catch {
            return true;
        }
    }
}

/** The package, and the kind and qualified name of every declaration (order does not matter). */
function exportedNames(document: LangiumDocument): string {
    const model = document.parseResult?.value;
    if (!ast.isModel(model)) {
        return '';
    }
    const names: string[] = [];
    for (const decl of declarationsOf(model)) {
        names.push(`${decl.$type} ${decl.name ? qualifiedName(decl) : ''}`);
    }
    return [`package ${model.name ?? ''}`, ...names.sort()].join('\n');
}
