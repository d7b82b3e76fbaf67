/**
 * The walkthrough's commands: "Create govrule.json" (in the folder of the active file, else the
 * first folder; an existing one is opened, never replaced) and "New Rule File" (an untitled
 * GovRule document with a first rule and its test, which the person saves where they like).
 */
import * as vscode from 'vscode';
import { t } from './l10n.js';
import { STARTER_CONFIG, STARTER_RULES } from './walkthrough-text.js';

export async function createConfig(): Promise<void> {
    const active = vscode.window.activeTextEditor?.document.uri;
    const folder = (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
    if (!folder) {
        void vscode.window.showWarningMessage(t('GovRule: open a folder first; govrule.json goes at its root.'));
        return;
    }
    const file = vscode.Uri.joinPath(folder.uri, 'govrule.json');
    if (!(await exists(file))) {
        const edit = new vscode.WorkspaceEdit();
        edit.createFile(file, { overwrite: false, ignoreIfExists: true });
        edit.insert(file, new vscode.Position(0, 0), STARTER_CONFIG);
        if (!(await vscode.workspace.applyEdit(edit))) {
            void vscode.window.showErrorMessage(t('GovRule: govrule.json could not be created in {folder}.', { folder: folder.name }));
            return;
        }
        const document = await vscode.workspace.openTextDocument(file);
        await document.save();
    }
    await vscode.window.showTextDocument(file);
}

export async function newRuleFile(): Promise<void> {
    const document = await vscode.workspace.openTextDocument({ language: 'govrule', content: STARTER_RULES });
    await vscode.window.showTextDocument(document);
}

async function exists(uri: vscode.Uri): Promise<boolean> {
    try {
        await vscode.workspace.fs.stat(uri);
        return true;
    } catch {
        return false;
    }
}
