/** "GovRule: Compile Workspace": asks the server for the bundle and writes it where govrule.json says. */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { findConfig } from '../../language/src/config/config.js';
import { writeOutput } from '../../language/src/project/output.js';
import { describeBundle } from './bundle-result.js';
import { actionLabel } from './command-failure.js';
import { LANGUAGE_ID } from './client.js';
import { chooseFolder } from './folder-choice.js';
import { t } from './l10n.js';
import { explainRestrictedMode } from './server-commands.js';
import { compile, compileFolder } from './server-api.js';
import { checkWriteTarget, type TargetCheck } from './write-target.js';

const DEFAULT_FILE = 'govrule.bundle.json';
function trustMessageCompile(): string {
    return t('GovRule: writing the bundle to disk is off in Restricted Mode. Trust this folder to compile it; "Preview Compiled JSON" works without trust.');
}

/** The folder picked in this window when it has several GovRule folders; kept until the window closes. */
export class FolderMemory {
    remembered: string | undefined;
}

/** The `out` of the project's govrule.json, or a file the user chooses. */
async function chooseTarget(folder: vscode.WorkspaceFolder | undefined): Promise<vscode.Uri | undefined> {
    if (folder?.uri.scheme === 'file') {
        const config = findConfig(folder.uri.fsPath);
        if (config?.out) {
            return vscode.Uri.file(path.resolve(config.root, config.out));
        }
    }
    return askTarget(folder);
}

function askTarget(folder: vscode.WorkspaceFolder | undefined): Thenable<vscode.Uri | undefined> {
    return vscode.window.showSaveDialog({
        title: t('Write the GovRule bundle to'),
        defaultUri: folder ? vscode.Uri.joinPath(folder.uri, DEFAULT_FILE) : undefined,
        filters: { JSON: ['json'] },
        saveLabel: t('Compile'),
    });
}

/** The editor writes only inside the folder it compiles (see write-target.ts). */
function checkTarget(target: vscode.Uri, folder: vscode.WorkspaceFolder): TargetCheck {
    if (target.scheme === 'file' && folder.uri.scheme === 'file') {
        return checkWriteTarget(target.fsPath, folder.uri.fsPath);
    }
    const inside = target.scheme === folder.uri.scheme && target.authority === folder.uri.authority
        && target.path.startsWith(`${folder.uri.path.replace(/\/$/, '')}/`) && !target.path.split('/').includes('..');
    return inside ? { ok: true } : { ok: false, reason: 'outside' };
}

/** The target, once it is inside the folder: a refused `out` lets the user choose a file instead. */
async function allowedTarget(target: vscode.Uri, folder: vscode.WorkspaceFolder | undefined): Promise<vscode.Uri | undefined> {
    let candidate: vscode.Uri | undefined = target;
    while (folder && candidate) {
        const check = checkTarget(candidate, folder);
        if (check.ok) {
            return candidate;
        }
        const shown: string = candidate.scheme === 'file' ? candidate.fsPath : candidate.toString();
        const args = { file: shown, folder: folder.name };
        const message = check.reason === 'outside'
            ? t('GovRule: not writing the bundle to {file}: it is outside the workspace folder "{folder}". The editor writes only inside the folder; set "out" in govrule.json to a path inside it, or choose a file.', args)
            : t('GovRule: not writing the bundle to {file}: a link inside the workspace folder "{folder}" leads outside it. The editor writes only inside the folder; set "out" in govrule.json to a path inside it, or choose a file.', args);
        const choice: string | undefined = await vscode.window.showErrorMessage(message, t('Choose File…'));
        candidate = choice ? await askTarget(folder) : undefined;
    }
    return candidate;
}

/** The workspace folders with GovRule files (a govrule.json or a .govrule file), in the window's order. */
async function ruleFolders(): Promise<vscode.WorkspaceFolder[]> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    const found = await Promise.all(folders.map(folder => vscode.workspace.findFiles(
        new vscode.RelativePattern(folder, '{govrule.json,**/*.govrule}'), '**/node_modules/**', 1).then(files => files.length > 0, () => false)));
    return folders.filter((_folder, i) => found[i]);
}

async function pickFolder(folders: readonly vscode.WorkspaceFolder[]): Promise<vscode.WorkspaceFolder | undefined> {
    const picked = await vscode.window.showQuickPick(
        folders.map(folder => ({ label: folder.name, description: folder.uri.scheme === 'file' ? folder.uri.fsPath : folder.uri.toString(), folder })),
        { title: t('GovRule: Compile Workspace'), placeHolder: t('Compile the rules of which folder? (remembered for this window)') });
    return picked?.folder;
}

/**
 * With one workspace folder, its rules are compiled (the server makes source paths relative to
 * its project root); with several, the GovRule folder the user picks. Without a folder (an
 * untitled or loose file) the active rule file's package is compiled.
 */
export async function compileWorkspace(client: LanguageClient | undefined, memory: FolderMemory): Promise<void> {
    if (!client) {
        void vscode.window.showErrorMessage(t('GovRule: the language server is not running; see "GovRule: Show Output".'));
        return;
    }
    if (!vscode.workspace.isTrusted) {
        void explainRestrictedMode(trustMessageCompile());
        return;
    }
    const several = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
    let folder = vscode.workspace.workspaceFolders?.[0];
    const candidates = several ? await ruleFolders() : [];
    if (several) {
        const choice = chooseFolder(candidates, memory.remembered, f => f.uri.toString());
        if (choice.kind === 'none') {
            void vscode.window.showWarningMessage(t('GovRule: no folder of this window has GovRule files to compile.'));
            return;
        }
        folder = choice.kind === 'use' ? choice.folder : await pickFolder(choice.folders);
        if (!folder) {
            return;
        }
        memory.remembered = folder.uri.toString();
    }
    const active = vscode.window.activeTextEditor?.document;
    const scope = !folder && active?.languageId === LANGUAGE_ID ? active.uri : undefined;
    if (!folder && !scope) {
        void vscode.window.showWarningMessage(t('GovRule: open a folder or a .govrule file to compile.'));
        return;
    }
    const proposed = await chooseTarget(folder);
    const target = proposed && await allowedTarget(proposed, folder);
    if (!target) {
        return;
    }
    const shown = vscode.workspace.asRelativePath(target, several);
    const outcome = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: t('GovRule: compiling {name}', { name: folder?.name ?? path.basename(scope!.path) }) },
        async progress => {
            const result = several && folder ? await compileFolder(client, folder.uri) : await compile(client, scope);
            if (result.ok) {
                progress.report({ message: t('writing {file}', { file: shown }) });
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
        const problems = actionLabel('Show Problems');
        const output = actionLabel('Show Output');
        const choice = await vscode.window.showErrorMessage(t('GovRule: {reason}', { reason: outcome.message }), problems, output);
        if (choice === problems) {
            await vscode.commands.executeCommand('workbench.actions.view.problems');
        } else if (choice === output) {
            await vscode.commands.executeCommand('govrule.showOutput');
        }
        return;
    }
    const open = t('Open Bundle');
    const compileAnother = t('Compile Another Folder');
    const choice = await vscode.window.showInformationMessage(
        t('GovRule: compiled {bundle} into {file}', { bundle: describeBundle(outcome.bundle), file: shown }), open, ...(candidates.length > 1 ? [compileAnother] : []));
    if (choice === open) {
        await vscode.window.showTextDocument(target);
    } else if (choice === compileAnother) {
        memory.remembered = undefined;
        await compileWorkspace(client, memory);
    }
}
