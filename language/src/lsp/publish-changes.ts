/**
 * Every edit revalidates every file, but most files' diagnostics stay the same: send a file's
 * diagnostics only when they differ from what the client was last sent for it.
 */
import type { Connection, PublishDiagnosticsParams } from 'vscode-languageserver';

export function publishChangesOnly(connection: Connection): void {
    const sent = new Map<string, string>();
    const send = connection.sendDiagnostics.bind(connection);
    connection.sendDiagnostics = (params: PublishDiagnosticsParams) => {
        const key = JSON.stringify(params.diagnostics);
        if (sent.get(params.uri) === key) {
            return Promise.resolve();
        }
        sent.set(params.uri, key);
        return send(params);
    };
}
