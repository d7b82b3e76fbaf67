/** The one way diagnostics reach the client: merged with the test runner's, sent only when changed. */
import { describe, expect, test } from 'vitest';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';
import { DiagnosticsPublisher } from '../../language/src/lsp/server/diagnostics-publisher.js';

function diagnostic(message: string): Diagnostic {
    return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message };
}

/** A connection that records what it sends; Langium's own handlers call its `sendDiagnostics`. */
function recordingConnection() {
    const sent: PublishDiagnosticsParams[] = [];
    const connection = { sendDiagnostics: (params: PublishDiagnosticsParams) => { sent.push(params); return Promise.resolve(); } };
    return { sent, connection, publisher: new DiagnosticsPublisher({ lsp: { Connection: connection } }) };
}

describe('DiagnosticsPublisher', () => {
    test("takes over the connection: Langium's sends pass through it and repeats are not sent", async () => {
        const { sent, connection } = recordingConnection();
        await connection.sendDiagnostics({ uri: 'file:///a', diagnostics: [diagnostic('x')] });
        await connection.sendDiagnostics({ uri: 'file:///a', diagnostics: [diagnostic('x')] });
        await connection.sendDiagnostics({ uri: 'file:///b', diagnostics: [diagnostic('x')] });
        await connection.sendDiagnostics({ uri: 'file:///a', diagnostics: [] });
        expect(sent.map(p => [p.uri, p.diagnostics.length])).toEqual([['file:///a', 1], ['file:///b', 1], ['file:///a', 0]]);
    });

    test("adds each source's diagnostics of the file to the build's", async () => {
        const { sent, connection, publisher } = recordingConnection();
        const failures = new Map([['file:///t', [diagnostic('test failed')]]]);
        publisher.addSource(uri => failures.get(uri) ?? []);
        await connection.sendDiagnostics({ uri: 'file:///t', diagnostics: [diagnostic('lint')] });
        await connection.sendDiagnostics({ uri: 'file:///u', diagnostics: [diagnostic('lint')] });
        expect(sent.map(p => p.diagnostics.map(d => d.message))).toEqual([['lint', 'test failed'], ['lint']]);
        // The failure is gone (the text changed): the same build diagnostics are sent again, without it.
        failures.clear();
        await publisher.publish({ uri: 'file:///t', diagnostics: [diagnostic('lint')] });
        expect(sent.at(-1)?.diagnostics.map(d => d.message)).toEqual(['lint']);
    });
});
