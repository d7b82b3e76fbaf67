/**
 * Starts the server on its connection: Langium's handlers for every LSP method, except its
 * diagnostics handler. Diagnostics reach the client only through the DiagnosticsPublisher, which
 * follows the document builder itself and merges test results and govrule.json's problems. The
 * list is Langium's `startLanguageServer` without `addDiagnosticsHandler`; a test compares the two,
 * so a Langium upgrade that adds a handler fails the suite instead of dropping a feature.
 */
import {
    addCallHierarchyHandler, addCodeActionHandler, addCodeLensHandler, addCompletionHandler, addConfigurationChangeHandler,
    addDocumentHighlightHandler, addDocumentLinkHandler, addDocumentSymbolHandler, addDocumentUpdateHandler,
    addExecuteCommandHandler, addFileOperationHandler, addFindReferencesHandler, addFoldingRangeHandler, addFormattingHandler,
    addGoToDeclarationHandler, addGoToImplementationHandler, addGoToTypeDefinitionHandler, addGotoDefinitionHandler,
    addHoverHandler, addInlayHintHandler, addRenameHandler, addSemanticTokenHandler, addSignatureHelpHandler,
    addTextDocumentContentRequestHandler, addTypeHierarchyHandler, addWorkspaceSymbolHandler,
} from 'langium/lsp';
import type { GovRuleSharedServices } from './services.js';

/** The handlers installed, by name (the test reads this list). */
export const HANDLERS = {
    addDocumentUpdateHandler, addFileOperationHandler, addCompletionHandler, addFindReferencesHandler,
    addDocumentSymbolHandler, addGotoDefinitionHandler, addGoToTypeDefinitionHandler, addGoToImplementationHandler,
    addDocumentHighlightHandler, addFoldingRangeHandler, addFormattingHandler, addCodeActionHandler, addRenameHandler,
    addHoverHandler, addInlayHintHandler, addSemanticTokenHandler, addExecuteCommandHandler, addSignatureHelpHandler,
    addCallHierarchyHandler, addTypeHierarchyHandler, addCodeLensHandler, addTextDocumentContentRequestHandler,
    addDocumentLinkHandler, addConfigurationChangeHandler, addGoToDeclarationHandler, addWorkspaceSymbolHandler,
} as const;

export function startGovRuleServer(shared: GovRuleSharedServices): void {
    const connection = shared.lsp.Connection;
    if (!connection) {
        throw new Error('The GovRule language server needs a connection');
    }
    // Before any document is built, so that every build's diagnostics go through it.
    void shared.lsp.DiagnosticsPublisher;
    for (const add of Object.values(HANDLERS)) {
        add(connection, shared);
    }
    connection.onInitialize(params => shared.lsp.LanguageServer.initialize(params));
    connection.onInitialized(params => shared.lsp.LanguageServer.initialized(params));
    shared.workspace.TextDocuments.listen(connection);
    connection.listen();
}
