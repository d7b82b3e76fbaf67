/** "GovRule: Compile Workspace": asks the server for the bundle and writes it where govrule.json says. */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { findConfig } from '../../language/src/config/config.js';
import { writeOutput } from '../../language/src/project/output.js';
import { describeBundle } from './bundle-result.js';
import { LANGUAGE_ID } from './client.js';
import { compile } from './server-api.js';

const DEFAULT_FILE = 'govrule.bundle.json';

/** The `out` of the project's govrule.json, or a file the user chooses. */
async function chooseTarget(folder: vscode.WorkspaceFolder | undefined): Promise<vscode.Uri | undefined> {
    if (folder?.uri.scheme === 'file') {
        const config = findConfig(folder.uri.fsPath);
        if (config?.out) {
            return vscode.Uri.file(path.resolve(config.root, config.out));
        }
    }
    return vscode.window.showSaveDialog({
        title: 'Write the GovRule bundle to',
        defaultUri: folder ? vscode.Uri.joinPath(folder.uri, DEFAULT_FILE) : undefined,
        filters: { JSON: ['json'] },
        saveLabel: 'Compile',
    });
}

/**
 * The server links all workspace folders as one project and makes source paths relative to the
 * first folder's project root, so the bundle is written where that folder's govrule.json says.
 * Without a folder (an untitled or loose file) the active rule file's package is compiled.
 */
export async function compileWorkspace(client: LanguageClient | undefined): Promise<void> {
    if (!client) {
        void vscode.window.showErrorMessage('GovRule: the language server is not running; see "GovRule: Show Output".');
        return;
    }
    const folder = vscode.workspace.workspaceFolders?.[0];
    const active = vscode.window.activeTextEditor?.document;
    const scope = !folder && active?.languageId === LANGUAGE_ID ? active.uri : undefined;
    if (!folder && !scope) {
        void vscode.window.showWarningMessage('GovRule: open a folder or a .govrule file to compile.');
        return;
    }
    const target = await chooseTarget(folder);
    if (!target) {
        return;
    }
    const shown = vscode.workspace.asRelativePath(target, false);
    const outcome = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `GovRule: compiling ${folder?.name ?? path.basename(scope!.path)}` },
        async progress => {
            const result = await compile(client, scope);
            if (result.ok) {
                progress.report({ message: `writing ${shown}` });
                if (target.scheme === 'file') {
                    writeOutput(target.fsPath, [result.text]);
                } else {
                    await vscode.workspace.fs.writeFile(target, Buffer.from(result.text, 'utf8'));
                }
            }
            return result;
        },
    ).then(undefined, (err: Error) => ({ ok: false as const, message: err.message }));
    if (!outcome.ok) {
        const choice = await vscode.window.showErrorMessage(`GovRule: ${outcome.message}`, 'Show Problems', 'Show Output');
        if (choice === 'Show Problems') {
            await vscode.commands.executeCommand('workbench.actions.view.problems');
        } else if (choice === 'Show Output') {
            await vscode.commands.executeCommand('govrule.showOutput');
        }
        return;
    }
    const choice = await vscode.window.showInformationMessage(
        `GovRule: compiled ${describeBundle(outcome.bundle)} into ${shown}`, 'Open Bundle');
    if (choice === 'Open Bundle') {
        await vscode.window.showTextDocument(target);
    }
}
