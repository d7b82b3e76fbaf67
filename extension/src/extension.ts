/** The GovRule extension: starts the language server and adds commands, a status item, the bundle preview and "Evaluate…". */
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { createClient, serverModule } from './client.js';
import { DiffReports, compareWith } from './compare.js';
import { compileWorkspace, FolderMemory } from './compile.js';
import { Evaluations } from './evaluate.js';
import { EVALUATE_RULE_COMMAND, SAVE_AS_TEST_COMMAND } from './evaluate-text.js';
import { t } from './l10n.js';
import { applyLanguage, LOCALE_SETTING } from './language.js';
import { BundlePreview } from './preview.js';
import { SECTION } from './settings.js';
import { ProblemStatus } from './status.js';
import { createConfig, newRuleFile } from './walkthrough.js';
import { CREATE_CONFIG_COMMAND, NEW_RULE_FILE_COMMAND } from './walkthrough-text.js';
import { TestExplorer } from './test-explorer.js';

/** How long the "indexing" progress waits for the server's first diagnostics at most. */
const INDEXING_TIMEOUT_MS = 120_000;

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
    const output = vscode.window.createOutputChannel('GovRule', { log: true });
    const locale = applyLanguage(context.extensionPath, output);
    output.info(t('Display language: {display}; GovRule messages: {locale}', { display: vscode.env.language, locale }));
    const status = new ProblemStatus(() => client);
    const preview = new BundlePreview(() => client);
    const reports = new DiffReports();
    const folders = new FolderMemory();
    const evaluations = new Evaluations(() => client);
    context.subscriptions.push(output, status, preview, reports, evaluations);

    context.subscriptions.push(
        vscode.commands.registerCommand('govrule.compileWorkspace', () => compileWorkspace(client, folders)),
        vscode.commands.registerCommand('govrule.previewCompiledJson', async (uri?: vscode.Uri) => {
            const source = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
            if (!source) {
                void vscode.window.showWarningMessage(t('GovRule: open a .govrule file to preview its bundle.'));
                return;
            }
            await preview.open(source);
        }),
        vscode.commands.registerCommand('govrule.compareWith', () => compareWith(client, reports)),
        vscode.commands.registerCommand('govrule.restartServer', () => restart(status)),
        vscode.commands.registerCommand('govrule.showOutput', () => output.show(true)),
        vscode.commands.registerCommand(EVALUATE_RULE_COMMAND, (uri?: unknown, rule?: unknown) => evaluations.evaluateRule(uri, rule)),
        vscode.commands.registerCommand(SAVE_AS_TEST_COMMAND, () => evaluations.saveAsTest()),
        vscode.commands.registerCommand(CREATE_CONFIG_COMMAND, () => createConfig()),
        vscode.commands.registerCommand(NEW_RULE_FILE_COMMAND, () => newRuleFile()),
        // The server reads `govrule.locale` itself; the extension's texts follow it here.
        vscode.workspace.onDidChangeConfiguration(e => {
            if (e.affectsConfiguration(`${SECTION}.${LOCALE_SETTING}`)) {
                const now = applyLanguage(context.extensionPath, output);
                output.info(t('Display language: {display}; GovRule messages: {locale}', { display: vscode.env.language, locale: now }));
                status.refresh();
                preview.refresh();
                evaluations.refreshAll();
            }
        }),
    );

    const module = serverModule();
    if (!fs.existsSync(module)) {
        status.setState('stopped');
        output.error(t('The language server is missing: {file}', { file: module }));
        void vscode.window.showErrorMessage(t('GovRule: the language server is missing ({file}). Reinstall the extension.', { file: module }));
        return;
    }
    client = createClient(output);
    context.subscriptions.push(client.onDidChangeState(e => {
        status.setState(e.newState === State.Running ? 'running' : e.newState === State.Starting ? 'starting' : 'stopped');
    }));
    const tests = new TestExplorer(() => client, output);
    context.subscriptions.push(tests, tests.follow(client));
    // Not awaited: commands wait for activation to finish, and indexing may take a while.
    void start(client);
}

export async function deactivate(): Promise<void> {
    await client?.stop();
}

/** Starts the server, showing progress in the status bar until the first indexing has produced diagnostics. */
async function start(languageClient: LanguageClient): Promise<void> {
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: t('GovRule: indexing') }, async () => {
        try {
            await languageClient.start();
        } catch (err) {
            const show = t('Show Output');
            void vscode.window.showErrorMessage(t('GovRule: the language server did not start: {reason}', { reason: (err as Error).message }), show)
                .then(choice => choice === show && vscode.commands.executeCommand('govrule.showOutput'));
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
        void vscode.window.showErrorMessage(t('GovRule: the language server is not installed with this extension.'));
        return;
    }
    const languageClient = client;
    status.setState('starting');
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: t('GovRule: restarting the language server') }, async () => {
        if (languageClient.isRunning()) {
            await languageClient.stop();
        }
        await start(languageClient);
    });
}
