/**
 * The GovRule status item: shown only while a GovRule editor is active, it says how many rules
 * and tests the workspace has and whether the tests pass (status-text.ts); a click runs all
 * tests. The problem counts are VS Code's own status bar's job.
 */
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';
import { LANGUAGE_ID } from './client.js';
import { t } from './l10n.js';
import { statusView, SUMMARY_COMMAND } from './status-text.js';

const REFRESH_DELAY_MS = 300;

export class ProblemStatus implements vscode.Disposable {
    private readonly item = vscode.window.createStatusBarItem('govrule.status', vscode.StatusBarAlignment.Left, 10);
    private readonly subscriptions: vscode.Disposable[] = [];
    private state: 'starting' | 'running' | 'stopped' = 'starting';
    private timer: NodeJS.Timeout | undefined;
    /** Answers to older requests are dropped: the text always follows the latest state. */
    private request = 0;

    constructor(private readonly client: () => LanguageClient | undefined) {
        this.item.name = 'GovRule';
        this.subscriptions.push(
            vscode.window.onDidChangeActiveTextEditor(() => this.updateVisibility()),
            vscode.languages.onDidChangeDiagnostics(() => this.schedule()),
            vscode.workspace.onDidGrantWorkspaceTrust(() => this.schedule()),
        );
        this.render();
    }

    /** Shows the item again in the current language. */
    refresh(): void {
        this.render();
    }

    setState(state: 'starting' | 'running' | 'stopped'): void {
        this.state = state;
        this.render();
    }

    private updateVisibility(): void {
        this.updateVisibilityOnly();
        this.schedule();
    }

    private schedule(): void {
        clearTimeout(this.timer);
        this.timer = setTimeout(() => this.render(), REFRESH_DELAY_MS);
    }

    private render(): void {
        this.updateVisibilityOnly();
        if (this.state !== 'running') {
            const label = this.state === 'starting' ? t('GovRule: starting the language server') : t('GovRule: the language server is not running');
            this.item.text = this.state === 'starting' ? '$(sync~spin) GovRule' : '$(circle-slash) GovRule';
            this.item.tooltip = label;
            this.item.command = 'govrule.showOutput';
            this.item.accessibilityInformation = { label };
            return;
        }
        const client = this.client();
        // Hidden: nothing to ask; the item asks again when a GovRule editor becomes active.
        if (!client?.isRunning() || vscode.window.activeTextEditor?.document.languageId !== LANGUAGE_ID) {
            return;
        }
        const request = ++this.request;
        client.sendRequest(ExecuteCommandRequest.type, { command: SUMMARY_COMMAND, arguments: [] }).then(
            summary => this.show(request, summary),
            () => this.show(request, undefined),
        );
    }

    private show(request: number, summary: unknown): void {
        if (request !== this.request) {
            return;
        }
        const view = statusView(summary, vscode.workspace.isTrusted);
        this.item.text = view.text;
        this.item.tooltip = view.tooltip;
        this.item.command = view.command;
        this.item.accessibilityInformation = { label: view.text.replace(/\$\([^)]*\)\s*/g, '') };
    }

    private updateVisibilityOnly(): void {
        if (vscode.window.activeTextEditor?.document.languageId === LANGUAGE_ID) {
            this.item.show();
        } else {
            this.item.hide();
        }
    }

    dispose(): void {
        clearTimeout(this.timer);
        this.item.dispose();
        vscode.Disposable.from(...this.subscriptions).dispose();
    }
}
