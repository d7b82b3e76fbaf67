/**
 * Which files make up the workspace: every `.govrule` file of the workspace folders that the
 * nearest `govrule.json` at or above it includes (LANGUAGE.md §12); without one, every
 * `.govrule` file. Dot folders and node_modules are skipped, as the CLI skips them.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { DefaultWorkspaceManager, URI, UriUtils, type FileSystemNode } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { CancellationToken, InitializeParams, WorkspaceFolder, WorkspaceFoldersChangeEvent } from 'vscode-languageserver';
import type { ConfigProvider } from '../../config/config-provider.js';
import { govRuleServices, type GovRuleSharedServices } from './services.js';

export const SOURCE_EXTENSION = '.govrule';

export class GovRuleWorkspaceManager extends DefaultWorkspaceManager {
    private readonly shared: LangiumSharedServices;
    private readonly matchers = new Map<string, picomatch.Matcher>();

    constructor(services: LangiumSharedServices) {
        super(services);
        this.shared = services;
        // The first build validates too, so diagnostics for every file appear after `initialized`.
        this.initialBuildOptions = { validation: true };
    }

    private get configs(): ConfigProvider {
        return govRuleServices(this.shared).workspace.ConfigProvider;
    }

    /** Whether a `.govrule` file belongs to the workspace. */
    isIncluded(uri: URI): boolean {
        if (!uri.path.endsWith(SOURCE_EXTENSION)) {
            return false;
        }
        if (uri.scheme !== 'file') {
            return true;
        }
        const config = this.configs.forDocument(uri);
        if (!config) {
            return true;
        }
        const relative = path.relative(config.root, uri.fsPath).split(path.sep).join('/');
        return this.matcher(config.include)(relative);
    }

    /**
     * Clients that predate workspace folders send only `rootUri` (or `rootPath`): that folder is
     * then the workspace, as the protocol intends.
     */
    override initialize(params: InitializeParams): void {
        super.initialize(params);
        const root = params.rootUri ?? (params.rootPath ? URI.file(params.rootPath).toString() : undefined);
        if (!params.workspaceFolders && root) {
            this.folders = [{ uri: root, name: UriUtils.basename(URI.parse(root)) }];
        }
    }

    /** The first build levels lints by the editor's settings and speaks its language, so it waits for them to be read. */
    override async initializeWorkspace(folders: WorkspaceFolder[], cancelToken?: CancellationToken): Promise<void> {
        const settings = (this.shared as GovRuleSharedServices).lsp;
        await Promise.all([settings.LintSettings.load(), settings.LocaleSettings.load()]);
        return super.initializeWorkspace(folders, cancelToken);
    }

    /** Applies folders added and removed while the server runs. */
    changeFolders(event: WorkspaceFoldersChangeEvent): void {
        // Compared as parsed URIs: clients differ in how they escape the same path.
        const key = (folder: WorkspaceFolder) => URI.parse(folder.uri).toString();
        const removed = new Set(event.removed.map(key));
        const kept = (this.folders ?? []).filter(folder => !removed.has(key(folder)));
        const known = new Set(kept.map(key));
        this.folders = [...kept, ...event.added.filter(folder => !known.has(key(folder)))];
    }

    /** The workspace folders as file-system paths. */
    folderPaths(): string[] {
        return (this.workspaceFolders ?? []).map(f => URI.parse(f.uri)).filter(u => u.scheme === 'file').map(u => u.fsPath);
    }

    /**
     * Every included file under the workspace folders, as found on disk now. Synchronous, so that
     * a configuration change is applied in the order it arrived relative to other changes.
     */
    includedFilesSync(): URI[] {
        const uris: URI[] = [];
        const walk = (folder: string) => {
            let entries: fs.Dirent[];
            try {
                entries = fs.readdirSync(folder, { withFileTypes: true });
            } catch {
                return;
            }
            for (const entry of entries) {
                const uri = URI.file(path.join(folder, entry.name));
                if (this.shouldIncludeEntry({ uri, isFile: entry.isFile(), isDirectory: entry.isDirectory() })) {
                    if (entry.isDirectory()) {
                        walk(uri.fsPath);
                    } else {
                        uris.push(uri);
                    }
                }
            }
        };
        this.folderPaths().forEach(walk);
        return uris;
    }

    override shouldIncludeEntry(entry: FileSystemNode): boolean {
        const name = UriUtils.basename(entry.uri);
        if (name.startsWith('.')) {
            return false;
        }
        if (entry.isDirectory) {
            return name !== 'node_modules';
        }
        return entry.isFile && this.isIncluded(entry.uri);
    }

    private matcher(include: readonly string[]): picomatch.Matcher {
        const key = include.join('\n');
        let matcher = this.matchers.get(key);
        if (!matcher) {
            matcher = picomatch([...include]);
            this.matchers.set(key, matcher);
        }
        return matcher;
    }
}
