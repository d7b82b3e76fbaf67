/** The GovRule extension: starts the language server and adds commands, a status item and the bundle preview. */
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { createClient, serverModule } from './client.js';
import { DiffReports, compareWith } from './compare.js';
import { compileWorkspace, FolderMemory } from './compile.js';
import { BundlePreview } from './preview.js';
import { ProblemStatus } from './status.js';

/** How long the "indexing" progress waits for the server's first diagnostics at most. */
const INDEXING_TIMEOUT_MS = 120_000;

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
    const output = vscode.window.createOutputChannel('GovRule', { log: true });
    const status = new ProblemStatus(() => client);
    const preview = new BundlePreview(() => client);
    const reports = new DiffReports();
    const folders = new FolderMemory();
    context.subscriptions.push(output, status, preview, reports);

    context.subscriptions.push(
        vscode.commands.registerCommand('govrule.compileWorkspace', () => compileWorkspace(client, folders)),
        vscode.commands.registerCommand('govrule.previewCompiledJson', async (uri?: vscode.Uri) => {
            const source = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
            if (!source) {
                void vscode.window.showWarningMessage('GovRule: open a .govrule file to preview its bundle.');
                return;
            }
            await preview.open(source);
        }),
        vscode.commands.registerCommand('govrule.compareWith', () => compareWith(client, reports)),
        vscode.commands.registerCommand('govrule.restartServer', () => restart(status)),
        vscode.commands.registerCommand('govrule.showOutput', () => output.show(true)),
    );

    const module = serverModule();
    if (!fs.existsSync(module)) {
        status.setState('stopped');
        output.error(`The language server is missing: ${module}`);
        void vscode.window.showErrorMessage(`GovRule: the language server is missing (${module}). Reinstall the extension.`);
        return;
    }
    client = createClient(output);
    context.subscriptions.push(client.onDidChangeState(e => {
        status.setState(e.newState === State.Running ? 'running' : e.newState === State.Starting ? 'starting' : 'stopped');
    }));
    // Not awaited: commands wait for activation to finish, and indexing may take a while.
    void start(client);
}

export async function deactivate(): Promise<void> {
    await client?.stop();
}

/** Starts the server, showing progress in the status bar until the first indexing has produced diagnostics. */
async function start(languageClient: LanguageClient): Promise<void> {
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'GovRule: indexing' }, async () => {
        try {
            await languageClient.start();
        } catch (err) {
            void vscode.window.showErrorMessage(`GovRule: the language server did not start: ${(err as Error).message}`, 'Show Output')
                .then(choice => choice && vscode.commands.executeCommand('govrule.showOutput'));
            return;
        }
        await firstDiagnostics(languageClient);
    });
}

/** Resolves when the server has reported on some file, or after a timeout (a workspace may have none). */
function firstDiagnostics(languageClient: LanguageClient): Promise<void> {
    if (!vscode.workspace.workspaceFolders?.length) {
        return Promise.resolve();
    }
    return new Promise(resolve => {
        const done = () => {
            clearTimeout(timer);
            listener.dispose();
            resolve();
        };
        const timer = setTimeout(done, INDEXING_TIMEOUT_MS);
        const listener = vscode.languages.onDidChangeDiagnostics(e => {
            const collection = languageClient.diagnostics;
            if (collection && e.uris.some(uri => collection.has(uri))) {
                done();
            }
        });
    });
}

async function restart(status: ProblemStatus): Promise<void> {
    if (!client) {
        void vscode.window.showErrorMessage('GovRule: the language server is not installed with this extension.');
        return;
    }
    const languageClient = client;
    status.setState('starting');
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'GovRule: restarting the language server' }, async () => {
        if (languageClient.isRunning()) {
            await languageClient.stop();
        }
        await start(languageClient);
    });
}
