/**
 * Applies the `govrule.lint.<code>` settings of a file's folder on top of the levels the server
 * chose from govrule.json (LANGUAGE.md §12): a lint set to `off` disappears, another level
 * changes its severity, `inherit` keeps the server's. The server's own diagnostics are kept so
 * that a change of the settings re-levels them at once, without a new round of validation.
 */
import * as vscode from 'vscode';
import { codeOf, lintLevel, SECTION, type LintLevel } from './settings.js';

const SEVERITY: Record<Exclude<LintLevel, 'off'>, vscode.DiagnosticSeverity> = {
    error: vscode.DiagnosticSeverity.Error,
    warning: vscode.DiagnosticSeverity.Warning,
    info: vscode.DiagnosticSeverity.Information,
    hint: vscode.DiagnosticSeverity.Hint,
};

export class LintSettings implements vscode.Disposable {
    private readonly fromServer = new Map<string, { uri: vscode.Uri; diagnostics: readonly vscode.Diagnostic[] }>();
    private readonly subscription: vscode.Disposable;

    constructor(private readonly collection: () => vscode.DiagnosticCollection | undefined) {
        this.subscription = vscode.workspace.onDidChangeConfiguration(e => {
            if (!e.affectsConfiguration(`${SECTION}.lint`)) {
                return;
            }
            for (const { uri, diagnostics } of this.fromServer.values()) {
                this.collection()?.set(uri, this.apply(uri, diagnostics));
            }
        });
    }

    /** Middleware for `textDocument/publishDiagnostics`. */
    handle(uri: vscode.Uri, diagnostics: vscode.Diagnostic[]): vscode.Diagnostic[] {
        if (diagnostics.length === 0) {
            this.fromServer.delete(uri.toString());
        } else {
            this.fromServer.set(uri.toString(), { uri, diagnostics });
        }
        return this.apply(uri, diagnostics);
    }

    private apply(uri: vscode.Uri, diagnostics: readonly vscode.Diagnostic[]): vscode.Diagnostic[] {
        const lint = vscode.workspace.getConfiguration(SECTION, uri).get('lint');
        const result: vscode.Diagnostic[] = [];
        for (const diagnostic of diagnostics) {
            const level = lintLevel(codeOf(diagnostic.code), lint);
            if (level === 'off') {
                continue;
            }
            if (!level || SEVERITY[level] === diagnostic.severity) {
                result.push(diagnostic);
                continue;
            }
            const copy = new vscode.Diagnostic(diagnostic.range, diagnostic.message, SEVERITY[level]);
            copy.code = diagnostic.code;
            copy.source = diagnostic.source;
            copy.tags = diagnostic.tags;
            copy.relatedInformation = diagnostic.relatedInformation;
            result.push(copy);
        }
        return result;
    }

    dispose(): void {
        this.subscription.dispose();
        this.fromServer.clear();
    }
}
