/** Starts the bundled GovRule language server and connects VS Code to it. */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { DidChangeConfigurationNotification, LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { t } from './l10n.js';
import { EVALUATE_RULE_COMMAND } from './evaluate-text.js';
import { commandMiddleware } from './server-commands.js';
import { SECTION, toServerConfigurationItem, toServerSettings } from './settings.js';

export const LANGUAGE_ID = 'govrule';

/** Rule files on disk and in untitled editors; the server reads the rest of the workspace itself. */
export const DOCUMENT_SELECTOR = [
    { scheme: 'file', language: LANGUAGE_ID },
    { scheme: 'untitled', language: LANGUAGE_ID },
];

/** The server is bundled beside this file (out/server.cjs next to out/extension.cjs). */
export function serverModule(): string {
    return path.join(__dirname, 'server.cjs');
}

export function createClient(output: vscode.LogOutputChannel): LanguageClient {
    const module = serverModule();
    const serverOptions: ServerOptions = {
        run: { module, transport: TransportKind.stdio },
        debug: { module, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
    };
    const clientOptions: LanguageClientOptions = {
        documentSelector: DOCUMENT_SELECTOR,
        diagnosticCollectionName: LANGUAGE_ID,
        outputChannel: output,
        traceOutputChannel: output,
        progressOnInitialization: true,
        // The server puts an "Evaluate…" lens above each rule that runs this command (evaluate.ts).
        initializationOptions: { evaluateCommand: EVALUATE_RULE_COMMAND },
        synchronize: {
            // Files change on disk through git, other editors and `govrule fmt`.
            fileEvents: vscode.workspace.createFileSystemWatcher('**/{*.govrule,govrule.json}'),
        },
        markdown: { isTrusted: false, supportHtml: false },
        middleware: {
            // Test runs: one readable notification on failure, and none in Restricted Mode.
            executeCommand: commandMiddleware(() => client, output),
            // The switch works on the client side, whatever settings the server reads.
            provideInlayHints: (document, range, token, next) =>
                vscode.workspace.getConfiguration(SECTION, document).get('inlayHints.labels', true) ? next(document, range, token) : [],
            // The server levels lints by `govrule.lint` itself: it asks for it per workspace folder
            // (`workspace/configuration` with a scopeUri) when told that `govrule` changed.
            workspace: {
                configuration: async (params, token, next) => {
                    const values = await next(params, token);
                    if (!Array.isArray(values)) {
                        return values;
                    }
                    return values.map((value, i) => toServerConfigurationItem(params.items[i]?.section, value));
                },
                // Pushed settings go through the same filter as pulled ones.
                didChangeConfiguration: async (sections, next) => {
                    if (!sections?.includes(SECTION)) {
                        return next(sections);
                    }
                    const section = vscode.workspace.getConfiguration().get(SECTION);
                    await client.sendNotification(DidChangeConfigurationNotification.type, {
                        settings: { [SECTION]: toServerSettings(section) },
                    });
                },
            },
        },
    };
    // The client sends VS Code's display language as `initialize.locale` (vscode.env.language); the
    // server prefers `govrule.locale`, which it reads with the other `govrule` settings.
    const client = new LanguageClient(LANGUAGE_ID, t('GovRule Language Server'), serverOptions, clientOptions);
    return client;
}
