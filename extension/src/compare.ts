/**
 * "GovRule: Compare with…": picks an old side (a recent branch or commit, a typed revision, or a
 * bundle file), asks the language server for `govrule.diff` of the workspace against it, and
 * opens the Markdown report in a preview. The report is a read-only virtual document.
 */
import { execFile } from 'node:child_process';
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';
import { t } from './l10n.js';
import { BRANCHES_ARGS, bundleFileChoice, COMMITS_ARGS, DIFF_COMMAND, REPORT_SCHEME, reportPath, sideChoices, toDiffOutcome, typedChoice, type SideChoice } from './compare-sides.js';

export class DiffReports implements vscode.TextDocumentContentProvider, vscode.Disposable {
    private readonly texts = new Map<string, string>();
    private readonly changed = new vscode.EventEmitter<vscode.Uri>();
    readonly onDidChange = this.changed.event;
    private readonly registration = vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, this);

    provideTextDocumentContent(uri: vscode.Uri): string {
        return this.texts.get(uri.toString()) ?? '';
    }

    /** Shows a report; a second comparison with the same side replaces the first. */
    async show(side: string, markdown: string): Promise<void> {
        const uri = vscode.Uri.from({ scheme: REPORT_SCHEME, path: reportPath(side) });
        this.texts.set(uri.toString(), markdown);
        this.changed.fire(uri);
        await vscode.commands.executeCommand('markdown.showPreview', uri);
    }

    dispose(): void {
        this.registration.dispose();
        this.changed.dispose();
    }
}

export async function compareWith(client: LanguageClient | undefined, reports: DiffReports): Promise<void> {
    if (!client?.isRunning()) {
        void vscode.window.showErrorMessage(t('GovRule: the language server is not running; see "GovRule: Show Output".'));
        return;
    }
    const active = vscode.window.activeTextEditor?.document.uri;
    const folder = (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
    const side = await pickSide(folder);
    if (side === undefined) {
        return;
    }
    const outcome = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: t('GovRule: comparing with {side}', { side }) }, async () => {
        try {
            const uri = active?.scheme === 'file' ? active : folder?.uri;
            return toDiffOutcome(await client.sendRequest(ExecuteCommandRequest.type, { command: DIFF_COMMAND, arguments: [{ old: side, ...(uri ? { uri: uri.toString() } : {}) }] }));
        } catch (err) {
            return { ok: false as const, message: (err as Error).message };
        }
    });
    if (!outcome.ok) {
        void vscode.window.showErrorMessage(t('GovRule: cannot compare with {side}: {reason}', { side, reason: outcome.message }));
        return;
    }
    await reports.show(side, outcome.markdown);
}

/** A quick pick of sides; typing offers the text as a side of its own. */
async function pickSide(folder: vscode.WorkspaceFolder | undefined): Promise<string | undefined> {
    const listed = folder?.uri.scheme === 'file'
        ? sideChoices(await git(folder.uri.fsPath, BRANCHES_ARGS), await git(folder.uri.fsPath, COMMITS_ARGS))
        : [bundleFileChoice()];
    const pick = vscode.window.createQuickPick<SideChoice & vscode.QuickPickItem>();
    pick.title = t('GovRule: Compare the workspace with…');
    pick.placeholder = t('A branch, a commit, a revision (HEAD~1, main), or a bundle file');
    pick.items = listed;
    pick.onDidChangeValue(value => {
        const typed = typedChoice(value);
        pick.items = typed && !listed.some(c => c.side === typed.side) ? [typed, ...listed] : listed;
    });
    const chosen = await new Promise<SideChoice | undefined>(resolve => {
        pick.onDidAccept(() => resolve(pick.selectedItems[0]));
        pick.onDidHide(() => resolve(undefined));
        pick.show();
    });
    pick.dispose();
    if (chosen?.bundleFile) {
        const files = await vscode.window.showOpenDialog({ title: t('Compare with the GovRule bundle'), defaultUri: folder?.uri, filters: { [t('GovRule bundle')]: ['json'] }, canSelectMany: false });
        return files?.[0]?.fsPath;
    }
    return chosen?.side;
}

/** git's output, or nothing outside a repository (the picker then offers a bundle file). */
function git(cwd: string, args: readonly string[]): Promise<string> {
    return new Promise(resolve => {
        execFile('git', [...args], { cwd, timeout: 10_000, maxBuffer: 1 << 20 }, (err, stdout) => resolve(err ? '' : stdout));
    });
}
