/**
 * The one way diagnostics reach the client. The publisher follows the document builder itself
 * (Langium's own diagnostics handler is not installed: see start-server.ts): each validated
 * document's diagnostics, and an empty list for each deleted one. The test runner (failed tests)
 * adds diagnostics to a file's through `addSource`, and govrule.json's problems are published
 * through `publish`. Every edit revalidates every file, but most files' diagnostics stay the same:
 * a file's diagnostics are sent only when they differ from what the client was last sent for it.
 */
import { DocumentState, type DocumentBuilder } from 'langium';
import type { Connection, Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';

/** More diagnostics of a file (by URI), sent with the build's. */
export type DiagnosticsSource = (uri: string) => readonly Diagnostic[];

/** What the publisher needs of the shared services: where to send, and the builds to follow. */
export interface PublisherServices {
    readonly lsp: { readonly Connection?: Pick<Connection, 'sendDiagnostics'> };
    readonly workspace: { readonly DocumentBuilder: Pick<DocumentBuilder, 'onUpdate' | 'onDocumentPhase'> };
}

export class DiagnosticsPublisher {
    private readonly sent = new Map<string, string>();
    private readonly sources: DiagnosticsSource[] = [];
    private readonly connection: Pick<Connection, 'sendDiagnostics'> | undefined;

    constructor(shared: PublisherServices) {
        this.connection = shared.lsp.Connection;
        const builder = shared.workspace.DocumentBuilder;
        builder.onUpdate((_changed, deleted) => {
            for (const uri of deleted) {
                void this.publish({ uri: uri.toString(), diagnostics: [] });
            }
        });
        builder.onDocumentPhase(DocumentState.Validated, document => {
            if (document.diagnostics) {
                void this.publish({ uri: document.uri.toString(), diagnostics: document.diagnostics });
            }
        });
    }

    addSource(source: DiagnosticsSource): void {
        this.sources.push(source);
    }

    publish(params: PublishDiagnosticsParams): Promise<void> {
        if (!this.connection) {
            return Promise.resolve();
        }
        const extra = this.sources.flatMap(source => source(params.uri));
        const merged = extra.length === 0 ? params : { ...params, diagnostics: [...params.diagnostics, ...extra] };
        const key = JSON.stringify(merged.diagnostics);
        if (this.sent.get(merged.uri) === key) {
            return Promise.resolve();
        }
        this.sent.set(merged.uri, key);
        return this.connection.sendDiagnostics(merged);
    }
}
