/** A status bar item with the error and warning counts of GovRule's diagnostics; it opens the Problems view. */
import * as vscode from 'vscode';

export class ProblemStatus implements vscode.Disposable {
    private readonly item = vscode.window.createStatusBarItem('govrule.problems', vscode.StatusBarAlignment.Left, 10);
    private readonly subscriptions: vscode.Disposable[] = [];
    private state: 'starting' | 'running' | 'stopped' = 'starting';

    constructor(private readonly diagnostics: () => vscode.DiagnosticCollection | undefined) {
        this.item.name = 'GovRule Problems';
        this.item.command = 'workbench.actions.view.problems';
        this.subscriptions.push(vscode.languages.onDidChangeDiagnostics(() => this.update()));
        this.update();
        this.item.show();
    }

    setState(state: 'starting' | 'running' | 'stopped'): void {
        this.state = state;
        this.update();
    }

    /** Errors and warnings in every file the server reported on, counted once. */
    counts(): { errors: number; warnings: number } {
        let errors = 0;
        let warnings = 0;
        this.diagnostics()?.forEach((_uri, list) => {
            for (const d of list) {
                if (d.severity === vscode.DiagnosticSeverity.Error) {
                    errors++;
                } else if (d.severity === vscode.DiagnosticSeverity.Warning) {
                    warnings++;
                }
            }
        });
        return { errors, warnings };
    }

    private update(): void {
        if (this.state !== 'running') {
            this.item.text = this.state === 'starting' ? '$(sync~spin) GovRule' : '$(circle-slash) GovRule';
            const label = this.state === 'starting' ? 'GovRule: starting the language server' : 'GovRule: the language server is not running';
            this.item.tooltip = label;
            this.item.command = this.state === 'starting' ? 'workbench.actions.view.problems' : 'govrule.showOutput';
            this.item.backgroundColor = undefined;
            this.item.accessibilityInformation = { label };
            return;
        }
        const { errors, warnings } = this.counts();
        this.item.text = `$(error) ${errors} $(warning) ${warnings} GovRule`;
        const summary = `GovRule: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
        this.item.tooltip = `${summary}. Click to open the Problems view.`;
        this.item.accessibilityInformation = { label: summary };
        this.item.command = 'workbench.actions.view.problems';
        this.item.backgroundColor = errors > 0 ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    }

    dispose(): void {
        this.item.dispose();
        vscode.Disposable.from(...this.subscriptions).dispose();
    }
}
