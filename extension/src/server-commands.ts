/**
 * The server's commands that the editor runs on the user's behalf (the "Run test" code lenses):
 * sent by the extension rather than by the language client, so that a failure is one readable
 * notification instead of the client's raw error, and so that Restricted Mode can refuse them.
 */
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';
import { actionLabel, describeCommandFailure, RUN_TESTS_COMMAND, type Failure } from './command-failure.js';
import { t } from './l10n.js';
import { RUN_ALL_TESTS_COMMAND } from './status-text.js';

export function trustMessageTests(): string {
    return t('GovRule: test runs are off in Restricted Mode. Trust this folder to run tests.');
}

/** Messages on screen now: a second click while one is showing does not stack a second copy. */
const showing = new Set<string>();

export async function showFailure(failure: Failure): Promise<void> {
    if (showing.has(failure.message)) {
        return;
    }
    showing.add(failure.message);
    try {
        const labels = failure.actions.map(action => ({ action, title: actionLabel(action) }));
        const choice = (await vscode.window.showErrorMessage(failure.message, ...labels))?.action;
        if (choice === 'Show Problems') {
            await vscode.commands.executeCommand('workbench.actions.view.problems');
        } else if (choice === 'Show Output') {
            await vscode.commands.executeCommand('govrule.showOutput');
        }
    } finally {
        showing.delete(failure.message);
    }
}

/** Offers the workspace trust editor; used wherever Restricted Mode turns a feature off. */
export async function explainRestrictedMode(message: string): Promise<void> {
    const choice = await vscode.window.showWarningMessage(message, t('Manage Workspace Trust'));
    if (choice) {
        await vscode.commands.executeCommand('workbench.trust.manage');
    }
}

/** Middleware for `executeCommand`: the commands listed here go through `run`, others as usual. */
export function commandMiddleware(client: () => LanguageClient, output: vscode.LogOutputChannel) {
    return (command: string, args: unknown[], next: (command: string, args: unknown[]) => unknown): unknown => {
        if (command !== RUN_TESTS_COMMAND && command !== RUN_ALL_TESTS_COMMAND) {
            return next(command, args);
        }
        if (!vscode.workspace.isTrusted) {
            void explainRestrictedMode(trustMessageTests());
            return undefined;
        }
        return run(client(), command, args, output);
    };
}

async function run(client: LanguageClient, command: string, args: unknown[], output: vscode.LogOutputChannel): Promise<unknown> {
    try {
        return await client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args });
    } catch (err) {
        const failure = describeCommandFailure(command, err);
        if (failure) {
            output.warn(t('{command} failed: {reason}', { command, reason: (err as Error).message ?? String(err) }));
            void showFailure(failure);
        }
        return undefined;
    }
}
