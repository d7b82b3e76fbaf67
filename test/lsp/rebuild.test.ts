/**
 * In process: how much a change rebuilds. Every change revalidates every document (workspace
 * lints), but only changes to exported names, and files coming or going, relink every document;
 * other edits relink only the documents that use the changed one. And a request waiting for a
 * workspace state is answered by the build that reaches it.
 */
import { Cancellation, DocumentState, isOperationCancelled, URI, type LangiumDocument } from 'langium';
import { VirtualFileSystemProvider } from 'langium/test';
import { beforeEach, expect, test } from 'vitest';
import { createGovRuleServices } from '../../language/src/lsp/server/lsp-module.js';
import type { GovRuleSharedServices } from '../../language/src/lsp/server/services.js';
import { CATEGORIES, RULES, VOCAB } from './fixture.js';

const FILES: Record<string, string> = {
    '/ws/common/vocab.govrule': VOCAB,
    '/ws/rules/categories.govrule': CATEGORIES,
    '/ws/rules/rules.govrule': RULES,
    '/ws/other/other.govrule': 'package demo.other\nimport demo.common.*\ncategory misc\nrule r { category misc severity minor responsible editor actions remove }\n',
};

let shared: GovRuleSharedServices;
let files: VirtualFileSystemProvider;

beforeEach(async () => {
    files = new VirtualFileSystemProvider();
    Object.entries(FILES).forEach(([file, text]) => files.insert(URI.file(file), text));
    shared = createGovRuleServices({ fileSystemProvider: () => files }).shared;
    const documents = await Promise.all(Object.keys(FILES).map(file => shared.workspace.LangiumDocuments.getOrCreateDocument(URI.file(file))));
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    expect(documents.flatMap(d => d.diagnostics ?? [])).toEqual([]);
});

/** Changes a file on the virtual disk, updates, and tells which documents were linked and validated. */
async function change(file: string, text: string | undefined): Promise<{ linked: string[]; validated: string[] }> {
    const linked: string[] = [];
    const validated: string[] = [];
    const builder = shared.workspace.DocumentBuilder;
    const name = (doc: LangiumDocument) => doc.uri.path.slice(doc.uri.path.lastIndexOf('/') + 1);
    const disposables = [
        builder.onDocumentPhase(DocumentState.Linked, doc => { linked.push(name(doc)); }),
        builder.onDocumentPhase(DocumentState.Validated, doc => { validated.push(name(doc)); }),
    ];
    const uri = URI.file(file);
    if (text === undefined) {
        files.delete(uri);
        await builder.update([], [uri]);
    } else {
        files.insert(uri, text);
        await builder.update([uri], []);
    }
    disposables.forEach(d => d.dispose());
    return { linked: linked.sort(), validated: validated.sort() };
}

const ALL = ['categories.govrule', 'other.govrule', 'rules.govrule', 'vocab.govrule'];

test('an edit inside a rule relinks that file only, and revalidates all', async () => {
    const result = await change('/ws/rules/rules.govrule', RULES.replace('reports > 3', 'reports > 4'));
    expect(result).toEqual({ linked: ['rules.govrule'], validated: ALL });
});

test('an edit that keeps the exported names relinks the files that use the changed one', async () => {
    const result = await change('/ws/common/vocab.govrule', VOCAB.replace('"内容审核员"', '"审核员"'));
    expect(result).toEqual({ linked: ['other.govrule', 'rules.govrule', 'vocab.govrule'], validated: ALL });
});

test('a new, renamed or removed name relinks every file', async () => {
    expect((await change('/ws/rules/categories.govrule', `${CATEGORIES}category spam\n`)).linked).toEqual(ALL);
    expect((await change('/ws/other/other.govrule', FILES['/ws/other/other.govrule'].replace('category misc\n', 'category misc2\n'))).linked).toEqual(ALL);
});

test('a new and a deleted file relink every file', async () => {
    expect((await change('/ws/other/new.govrule', 'package demo.new\n')).linked).toEqual([...ALL, 'new.govrule'].sort());
    expect((await change('/ws/other/new.govrule', undefined)).linked).toEqual(ALL);
});

test('a partial relink gives the same diagnostics as a full build', async () => {
    const edited = VOCAB.replace('(deadline: duration)', '(period: duration)');
    await change('/ws/common/vocab.govrule', edited);
    const incremental = shared.workspace.LangiumDocuments.all.toArray().map(d => [d.uri.path, d.diagnostics?.map(x => `${x.code} ${x.range.start.line}:${x.range.start.character}`)]);
    const fresh = createGovRuleServices({ fileSystemProvider: () => files }).shared;
    const documents = await Promise.all(Object.keys(FILES).map(file => fresh.workspace.LangiumDocuments.getOrCreateDocument(URI.file(file))));
    await fresh.workspace.DocumentBuilder.build(documents, { validation: true });
    const full = documents.map(d => [d.uri.path, d.diagnostics?.map(x => `${x.code} ${x.range.start.line}:${x.range.start.character}`)]);
    expect(incremental.sort()).toEqual(full.sort());
    expect(full.flatMap(([, d]) => d as string[])).toContain('action-arguments 9:20');
});

/** What a wait has come to once the build is over and pending callbacks have run. */
function outcome(waiter: Promise<string> | undefined): Promise<string> {
    expect(waiter).toBeDefined();
    return Promise.race([waiter!, new Promise<string>(resolve => setTimeout(() => resolve('still waiting'), 0))]);
}

/**
 * Requests wait for a workspace state (compile for Validated, references and rename for
 * IndexedReferences). One that starts waiting while the builder tells that phase's listeners,
 * which may yield to the event loop, must still be answered by this build, not the next one.
 */
test.each([
    ['IndexedReferences', DocumentState.IndexedReferences],
    ['Validated', DocumentState.Validated],
] as const)('a wait for %s that starts while the phase is announced ends with this build', async (_name, state) => {
    const builder = shared.workspace.DocumentBuilder;
    let waiter: Promise<string> | undefined;
    const listener = builder.onBuildPhase(state, () => {
        waiter ??= builder.waitUntil(state).then(() => 'answered');
    });
    const uri = URI.file('/ws/rules/rules.govrule');
    files.insert(uri, RULES.replace('reports > 3', 'reports > 4'));
    await builder.update([uri], []);
    listener.dispose();
    expect(await outcome(waiter)).toBe('answered');
});

test('a wait that starts during a build that no document goes through ends with that build', async () => {
    // A workspace with no GovRule file yet, where a govrule.json changes: the rebuild has nothing to do.
    const empty = createGovRuleServices({ fileSystemProvider: () => new VirtualFileSystemProvider() }).shared;
    const builder = empty.workspace.DocumentBuilder;
    let waiter: Promise<string> | undefined;
    const listener = builder.onUpdate(() => {
        waiter ??= builder.waitUntil(DocumentState.Validated).then(() => 'answered');
    });
    await builder.update([], []);
    listener.dispose();
    expect(await outcome(waiter)).toBe('answered');
});

test('a cancelled wait is rejected', async () => {
    const builder = shared.workspace.DocumentBuilder;
    const source = new Cancellation.CancellationTokenSource();
    let waiter: Promise<unknown> | undefined;
    const listener = builder.onUpdate(() => {
        waiter ??= builder.waitUntil(DocumentState.Validated, source.token).then(() => 'answered', err => err);
        source.cancel();
    });
    const uri = URI.file('/ws/rules/rules.govrule');
    files.insert(uri, RULES.replace('reports > 3', 'reports > 4'));
    await builder.update([uri], []);
    listener.dispose();
    expect(isOperationCancelled(await waiter)).toBe(true);
});
