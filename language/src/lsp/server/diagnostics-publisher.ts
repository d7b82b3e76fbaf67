/**
 * The one way diagnostics reach the client. Langium publishes each validated document through the
 * connection, so the publisher takes the connection's `sendDiagnostics` over once, at start-up;
 * the test runner (failed tests) adds diagnostics to a file's through `addSource`, and govrule.json's
 * problems are published through `publish`. Every edit revalidates every file, but most files'
 * diagnostics stay the same: a file's diagnostics are sent only when they differ from what the
 * client was last sent for it.
 */
import type { Connection, Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';

/** More diagnostics of a file (by URI), sent with the build's. */
export type DiagnosticsSource = (uri: string) => readonly Diagnostic[];

export class DiagnosticsPublisher {
    private readonly sent = new Map<string, string>();
    private readonly sources: DiagnosticsSource[] = [];
    private readonly send: ((params: PublishDiagnosticsParams) => Promise<void>) | undefined;

    constructor(shared: { readonly lsp: { readonly Connection?: Pick<Connection, 'sendDiagnostics'> } }) {
        const connection = shared.lsp.Connection;
        if (connection) {
            this.send = connection.sendDiagnostics.bind(connection);
            connection.sendDiagnostics = params => this.publish(params);
        }
    }

    addSource(source: DiagnosticsSource): void {
        this.sources.push(source);
    }

    publish(params: PublishDiagnosticsParams): Promise<void> {
        if (!this.send) {
            return Promise.resolve();
        }
        const extra = this.sources.flatMap(source => source(params.uri));
        const merged = extra.length === 0 ? params : { ...params, diagnostics: [...params.diagnostics, ...extra] };
        const key = JSON.stringify(merged.diagnostics);
        if (this.sent.get(merged.uri) === key) {
            return Promise.resolve();
        }
        this.sent.set(merged.uri, key);
        return this.send(merged);
    }
}
