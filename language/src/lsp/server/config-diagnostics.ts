/**
 * Findings about `govrule.json` (`config` errors, the `config-duplicate-key` lint), published as
 * diagnostics of that file, placed and levelled as the CLI reports them (configProblems in config/config.ts),
 * and below the editor's `govrule.lint` setting as the lints of `.govrule` files are.
 */
import { URI } from 'langium';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { configProblems, type GovRuleConfig } from '../../config/config.js';
import { codeDocUrl, type DiagnosticCode, type Level } from '../../diagnostics.js';
import { govRuleServices, type GovRuleSharedServices } from './services.js';
import type { GovRuleWorkspaceManager } from './workspace-manager.js';

const SEVERITIES: Record<Level, DiagnosticSeverity> = {
    error: DiagnosticSeverity.Error,
    warning: DiagnosticSeverity.Warning,
    info: DiagnosticSeverity.Information,
    hint: DiagnosticSeverity.Hint,
};

export class ConfigDiagnostics {
    /** Config files that currently show problems, so that fixed ones get cleared. */
    private readonly shown = new Set<string>();

    /** Whether the configuration changed and the next rebuild's documents are those to publish for. */
    private stale = false;

    constructor(private readonly shared: GovRuleSharedServices) {
        const manager = shared.workspace.WorkspaceManager;
        shared.lsp.LanguageServer.onInitialized(() => {
            manager.ready.then(() => this.publish()).catch(err => console.error('GovRule: reading govrule.json failed:', err));
        });
        // The rebuild tells listeners once the documents that left the workspace are gone.
        shared.workspace.DocumentBuilder.onUpdate(() => {
            if (this.stale) {
                this.stale = false;
                this.publish();
            }
        });
    }

    /** Publishes again with the rebuild that follows a change of configuration or folders. */
    publishAfterRebuild(): void {
        this.stale = true;
    }

    publish(): void {
        const publisher = this.shared.lsp.DiagnosticsPublisher;
        const previous = new Set(this.shown);
        this.shown.clear();
        for (const config of this.configs()) {
            const file = URI.file(config.file!);
            const uri = file.toString();
            const diagnostics = configProblems(config, code => this.shared.lsp.LintSettings.levelFor(file, code)).map((p): Diagnostic => ({
                range: { start: p.start, end: p.end },
                severity: SEVERITIES[p.severity],
                code: p.code,
                codeDescription: { href: codeDocUrl(p.code as DiagnosticCode) },
                source: 'govrule',
                message: p.message,
            }));
            if (diagnostics.length > 0 || previous.has(uri)) {
                void publisher.publish({ uri, diagnostics });
            }
            if (diagnostics.length > 0) {
                this.shown.add(uri);
            }
            previous.delete(uri);
        }
        for (const uri of previous) {
            void publisher.publish({ uri, diagnostics: [] });
        }
    }

    /** The govrule.json files that govern a workspace folder or a document. */
    private configs(): GovRuleConfig[] {
        const provider = govRuleServices(this.shared).workspace.ConfigProvider;
        const manager = this.shared.workspace.WorkspaceManager as GovRuleWorkspaceManager;
        const found = new Map<string, GovRuleConfig>();
        const add = (config: GovRuleConfig | undefined) => {
            if (config?.file) {
                found.set(config.file, config);
            }
        };
        manager.folderPaths().forEach(folder => add(provider.forFolder(folder)));
        this.shared.workspace.LangiumDocuments.all.forEach(doc => add(provider.forDocument(doc.uri)));
        return [...found.values()].sort((a, b) => (a.file! < b.file! ? -1 : 1));
    }
}
