/**
 * The editor's `govrule.lint` setting (LANGUAGE.md §12), read by the server so that every editor
 * gets it, not only VS Code: `{ "<lint code>": "error" | "warning" | "info" | "hint" | "off" }`.
 * A level set there wins over govrule.json's `lint`, which wins over the built-in level; a code
 * left out (or `inherit`) falls through. Only lints are levelled; other codes and values are
 * ignored.
 *
 * Settings are per workspace folder: a client that answers `workspace/configuration` is asked for
 * `govrule.lint` once without a scope (documents outside every folder) and once per folder (its
 * `scopeUri`), at start-up (the first build waits for it), after `didChangeConfiguration` and after
 * the folders change. A client that cannot be asked gives the `lint` of the settings it pushes.
 * When the levels change, every document is revalidated and govrule.json's findings republished.
 */
import { URI } from 'langium';
import type { ConfigurationItem } from 'vscode-languageserver';
import { CODES, isConfiguredLevel, isDiagnosticCode, type ConfiguredLevel, type DiagnosticCode } from '../../diagnostics.js';
import type { LintOverrides } from '../../validation/diagnostic-policy.js';
import type { GovRuleDocumentUpdateHandler } from './document-update-handler.js';
import { ClientSetting } from './client-setting.js';
import type { GovRuleSharedServices } from './services.js';

export const LINT_SECTION = 'govrule.lint';

type Levels = ReadonlyMap<DiagnosticCode, ConfiguredLevel>;

interface FolderLevels {
    /** The folder's URI with a trailing `/`: documents under it start with it. */
    readonly prefix: string;
    readonly levels: Levels;
}

/** The lint levels of a `govrule.lint` value; anything that is not a lint code set to a level is left out. */
export function lintLevels(value: unknown): Levels {
    const levels = new Map<DiagnosticCode, ConfiguredLevel>();
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        return levels;
    }
    for (const [code, level] of Object.entries(value)) {
        if (isDiagnosticCode(code) && CODES[code].lint && isConfiguredLevel(level)) {
            levels.set(code, level);
        }
    }
    return levels;
}

export class LintSettings extends ClientSetting implements LintOverrides {
    private unscoped: Levels = new Map();
    private folders: readonly FolderLevels[] = [];

    constructor(shared: GovRuleSharedServices) {
        super(shared, LINT_SECTION);
    }

    /** New levels: every document is revalidated. */
    protected override changed(): void {
        (this.shared.lsp.DocumentUpdateHandler as GovRuleDocumentUpdateHandler).revalidate();
    }

    levelFor(uri: URI, code: DiagnosticCode): ConfiguredLevel | undefined {
        const key = uri.toString();
        let best: FolderLevels | undefined;
        for (const folder of this.folders) {
            // Nested folders: the innermost one's settings apply, as in VS Code.
            if (key.startsWith(folder.prefix) && (!best || folder.prefix.length > best.prefix.length)) {
                best = folder;
            }
        }
        return (best ? best.levels : this.unscoped).get(code);
    }

    /** Whether the levels differ from those read before. */
    protected override async read(pushed: unknown): Promise<boolean> {
        const before = this.fingerprint();
        const connection = this.shared.lsp.Connection;
        if (this.canAsk && connection) {
            const folders = (this.shared.workspace.WorkspaceManager.workspaceFolders ?? []).map(f => f.uri);
            const items: ConfigurationItem[] = [{ section: LINT_SECTION }, ...folders.map(scopeUri => ({ scopeUri, section: LINT_SECTION }))];
            const values: unknown = await connection.workspace.getConfiguration(items);
            const answers = Array.isArray(values) ? values : [];
            this.unscoped = lintLevels(answers[0]);
            this.folders = folders.map((uri, i) => ({ prefix: `${URI.parse(uri).toString().replace(/\/$/, '')}/`, levels: lintLevels(answers[i + 1]) }));
        } else if (pushed !== undefined) {
            this.unscoped = lintLevels(typeof pushed === 'object' && pushed !== null ? (pushed as { lint?: unknown }).lint : undefined);
            this.folders = [];
        }
        return this.fingerprint() !== before;
    }

    private fingerprint(): string {
        const levels = (l: Levels) => [...l].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        return JSON.stringify([levels(this.unscoped), this.folders.map(f => [f.prefix, levels(f.levels)])]);
    }
}
