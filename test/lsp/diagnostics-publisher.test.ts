/** The one way diagnostics reach the client: it follows the builds, merges the test runner's, sends only what changed. */
import { DocumentState, URI, type LangiumDocument } from 'langium';
import { describe, expect, test } from 'vitest';
import { CancellationToken, type Diagnostic, type PublishDiagnosticsParams } from 'vscode-languageserver';
import { DiagnosticsPublisher } from '../../language/src/lsp/server/diagnostics-publisher.js';

function diagnostic(message: string): Diagnostic {
    return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message };
}

/** A connection that records what it sends, and a document builder whose events the test fires. */
function publisherOnFakes() {
    const sent: PublishDiagnosticsParams[] = [];
    const connection = { sendDiagnostics: (params: PublishDiagnosticsParams) => { sent.push(params); return Promise.resolve(); } };
    const updates: Array<(changed: URI[], deleted: URI[]) => void> = [];
    const phases = new Map<DocumentState, Array<(document: LangiumDocument, token: CancellationToken) => void>>();
    const builder = {
        onUpdate: (listener: (changed: URI[], deleted: URI[]) => void) => { updates.push(listener); return { dispose() {} }; },
        onDocumentPhase: (state: DocumentState, listener: (document: LangiumDocument, token: CancellationToken) => void) => {
            phases.set(state, [...(phases.get(state) ?? []), listener]);
            return { dispose() {} };
        },
    };
    const publisher = new DiagnosticsPublisher({ lsp: { Connection: connection }, workspace: { DocumentBuilder: builder } });
    const validated = (uri: string, diagnostics: Diagnostic[] | undefined) =>
        phases.get(DocumentState.Validated)?.forEach(listener => listener({ uri: URI.parse(uri), diagnostics } as LangiumDocument, CancellationToken.None));
    const deleted = (uri: string) => updates.forEach(listener => listener([], [URI.parse(uri)]));
    return { sent, publisher, validated, deleted, phases };
}

describe('DiagnosticsPublisher', () => {
    test('sends each validated document once per change of its diagnostics, and clears deleted ones', () => {
        const { sent, validated, deleted, phases } = publisherOnFakes();
        expect([...phases.keys()]).toEqual([DocumentState.Validated]);
        validated('file:///a', [diagnostic('x')]);
        validated('file:///a', [diagnostic('x')]);
        validated('file:///b', [diagnostic('x')]);
        validated('file:///c', undefined);
        validated('file:///a', []);
        deleted('file:///b');
        deleted('file:///b');
        expect(sent.map(p => [p.uri, p.diagnostics.length])).toEqual([['file:///a', 1], ['file:///b', 1], ['file:///a', 0], ['file:///b', 0]]);
    });

    test("adds each source's diagnostics of the file to the build's", async () => {
        const { sent, publisher, validated } = publisherOnFakes();
        const failures = new Map([['file:///t', [diagnostic('test failed')]]]);
        publisher.addSource(uri => failures.get(uri) ?? []);
        validated('file:///t', [diagnostic('lint')]);
        validated('file:///u', [diagnostic('lint')]);
        expect(sent.map(p => p.diagnostics.map(d => d.message))).toEqual([['lint', 'test failed'], ['lint']]);
        // The failure is gone (the text changed): the same build diagnostics are sent again, without it.
        failures.clear();
        await publisher.publish({ uri: 'file:///t', diagnostics: [diagnostic('lint')] });
        expect(sent.at(-1)?.diagnostics.map(d => d.message)).toEqual(['lint']);
    });
});
