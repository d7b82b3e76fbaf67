/** The requests the extension makes of the language server beyond what vscode-languageclient wires up. */
import type * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';
import { COMPILE_COMMAND, toOutcome, type CompileOutcome } from './bundle-result.js';
import { t } from './l10n.js';

/**
 * Asks the server for a bundle: of the whole workspace, or, given a document or folder, of what
 * that document's package needs. The server answers from its current (edited, unsaved) state.
 */
export async function compile(client: LanguageClient, target?: vscode.Uri): Promise<CompileOutcome> {
    if (!client.isRunning()) {
        return { ok: false, message: t('The GovRule language server is not running.') };
    }
    try {
        const answer = await client.sendRequest(ExecuteCommandRequest.type, {
            command: COMPILE_COMMAND,
            arguments: target ? [target.toString()] : [],
        });
        return toOutcome(answer);
    } catch (err) {
        return { ok: false, message: (err as Error).message };
    }
}

/** Asks the server for the bundle of the rule files under one workspace folder. */
export async function compileFolder(client: LanguageClient, folder: vscode.Uri): Promise<CompileOutcome> {
    if (!client.isRunning()) {
        return { ok: false, message: t('The GovRule language server is not running.') };
    }
    try {
        return toOutcome(await client.sendRequest(ExecuteCommandRequest.type, { command: COMPILE_COMMAND, arguments: [{ folder: folder.toString() }] }));
    } catch (err) {
        return { ok: false, message: (err as Error).message };
    }
}
