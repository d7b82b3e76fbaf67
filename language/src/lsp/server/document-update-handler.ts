/**
 * Follows the editor and the disk: open, edited and closed documents, files created, changed,
 * deleted or renamed on disk (`workspace/didChangeWatchedFiles`), and workspace folders added
 * or removed (`workspace/didChangeWorkspaceFolders`). A change to a `govrule.json` or to the
 * folders re-decides which files belong to the workspace and revalidates everything, since
 * lint levels may have changed too.
 */
import * as fs from 'node:fs';
import type { TextDocument } from 'langium';
import { DefaultDocumentUpdateHandler } from 'langium/lsp';
import { URI, UriUtils } from 'langium';
import { FileChangeType, type DidChangeWatchedFilesParams, type TextDocumentChangeEvent, type WorkspaceFoldersChangeEvent } from 'vscode-languageserver';
import { CONFIG_FILE } from '../../config/config.js';
import { govRuleServices, type GovRuleSharedServices } from './services.js';
import type { GovRuleWorkspaceManager } from './workspace-manager.js';

export class GovRuleDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    private readonly shared: GovRuleSharedServices;

    constructor(services: GovRuleSharedServices) {
        super(services);
        this.shared = services;
        let followsFolders = false;
        services.lsp.LanguageServer.onInitialize(params => {
            followsFolders = params.capabilities.workspace?.workspaceFolders === true;
        });
        services.lsp.LanguageServer.onInitialized(() => {
            if (followsFolders) {
                services.lsp.Connection?.workspace.onDidChangeWorkspaceFolders(event => this.didChangeWorkspaceFolders(event));
            }
        });
    }

    private get manager(): GovRuleWorkspaceManager {
        return this.workspaceManager as GovRuleWorkspaceManager;
    }

    /** Like Langium's, but a failed build is logged instead of becoming an unhandled rejection. */
    protected override fireDocumentUpdate(changed: URI[], deleted: URI[]): void {
        this.workspaceManager.ready
            .then(() => this.workspaceLock.write(token => this.documentBuilder.update(changed, deleted, token)))
            .catch(err => console.error('GovRule: rebuilding the workspace failed:', err));
    }

    /** A closed editor falls back to the file on disk, or leaves the workspace if the file is not part of it. */
    didCloseDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        const uri = URI.parse(event.document.uri);
        if (uri.scheme === 'file' && fs.existsSync(uri.fsPath) && this.manager.isIncluded(uri)) {
            this.fireDocumentUpdate([uri], []);
        } else {
            this.fireDocumentUpdate([], [uri]);
        }
    }

    override didChangeWatchedFiles(params: DidChangeWatchedFilesParams): void {
        this.onWatchedFilesChangeEmitter.fire(params);
        const changed: URI[] = [];
        const deleted: URI[] = [];
        let configChanged = false;
        for (const change of params.changes) {
            const uri = URI.parse(change.uri);
            if (UriUtils.basename(uri) === CONFIG_FILE) {
                configChanged = true;
            } else if (change.type === FileChangeType.Deleted) {
                if (this.holdsDocuments(uri)) {
                    deleted.push(uri);
                }
            } else if (this.manager.isIncluded(uri) || isFolder(uri)) {
                // The builder searches a created folder for included files.
                changed.push(uri);
            }
        }
        if (configChanged) {
            this.resync(changed, deleted);
        } else if (changed.length > 0 || deleted.length > 0) {
            this.fireDocumentUpdate(changed, deleted);
        }
    }

    didChangeWorkspaceFolders(event: WorkspaceFoldersChangeEvent): void {
        this.manager.changeFolders(event);
        // A new folder may have lint settings of its own.
        this.shared.lsp.LintSettings.refresh();
        // After the first load, which reads the folders it was started with.
        this.workspaceManager.ready
            .then(() => this.resync([], []))
            .catch(err => console.error('GovRule: following the workspace folders failed:', err));
    }

    /** Revalidates every document and republishes govrule.json's findings: lint levels changed (lint-settings.ts). */
    revalidate(): void {
        this.shared.lsp.ConfigDiagnostics.publishAfterRebuild();
        this.fireDocumentUpdate([], []);
    }

    /**
     * Words everything again in the language just chosen (locale-settings.ts): messages are
     * worded as the passes run, so every document is parsed, linked and validated again, the
     * govrule.json files are read again, and test results worded in the old language are dropped.
     */
    reword(): void {
        govRuleServices(this.shared).workspace.ConfigProvider.clear();
        govRuleServices(this.shared).lsp.TestRunner.dropResults();
        this.shared.lsp.ConfigDiagnostics.publishAfterRebuild();
        this.fireDocumentUpdate(this.shared.workspace.LangiumDocuments.all.map(doc => doc.uri).toArray(), []);
    }

    /** A document at the URI, or under it when it is a deleted folder. */
    private holdsDocuments(uri: URI): boolean {
        const key = uri.toString();
        const prefix = key.endsWith('/') ? key : `${key}/`;
        return this.shared.workspace.LangiumDocuments.all.some(doc => {
            const docKey = doc.uri.toString();
            return docKey === key || docKey.startsWith(prefix);
        });
    }

    /**
     * Re-reads every govrule.json and re-decides which files belong to the workspace: files now
     * included are added, documents no longer included (unless open in the editor) removed.
     */
    private resync(changed: URI[], deleted: URI[]): void {
        govRuleServices(this.shared).workspace.ConfigProvider.clear();
        const included = this.manager.includedFilesSync();
        const wanted = new Set(included.map(uri => uri.toString()));
        const documents = this.shared.workspace.LangiumDocuments;
        const open = this.shared.workspace.TextDocuments;
        for (const uri of included) {
            if (!documents.hasDocument(uri)) {
                changed.push(uri);
            }
        }
        for (const doc of documents.all) {
            if (!wanted.has(doc.uri.toString()) && !open.get(doc.uri.toString())) {
                deleted.push(doc.uri);
            }
        }
        // Even with no file added or removed, lint levels may have changed: the update
        // revalidates every document (see GovRuleDocumentBuilder).
        this.shared.lsp.ConfigDiagnostics.publishAfterRebuild();
        this.fireDocumentUpdate(changed, deleted);
    }
}

function isFolder(uri: URI): boolean {
    try {
        return uri.scheme === 'file' && fs.statSync(uri.fsPath).isDirectory();
    } catch {
        return false;
    }
}
