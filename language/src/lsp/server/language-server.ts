/**
 * Langium's language server, announcing one more capability: the server follows workspace
 * folders added and removed while it runs (`workspace/didChangeWorkspaceFolders`, handled in
 * document-update-handler.ts), so editors send those changes without registering for them.
 */
import { DefaultLanguageServer } from 'langium/lsp';
import type { InitializeParams, InitializeResult } from 'vscode-languageserver';

export class GovRuleLanguageServer extends DefaultLanguageServer {
    protected override buildInitializeResult(params: InitializeParams): InitializeResult {
        const result = super.buildInitializeResult(params);
        const workspace = result.capabilities.workspace ?? {};
        result.capabilities.workspace = { ...workspace, workspaceFolders: { supported: true, changeNotifications: true } };
        return result;
    }
}
