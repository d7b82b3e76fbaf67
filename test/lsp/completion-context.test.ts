/**
 * Completion that opens by itself after a space where a name follows a clause keyword, and stays
 * shut elsewhere; top-level snippets only where a declaration may stand (issue 13, item 7).
 * Through the real server, with the trigger context that VS Code sends.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CompletionItem, CompletionList, InitializeResult } from 'vscode-languageserver-protocol';
import { spaceOpensCompletion } from '../../language/src/lsp/features/completion-triggers.js';
import { LspClient, positionAt } from '../helpers/lsp-client.js';
import { RULES, fixtureWorkspace } from './fixture.js';

const FILE = 'rules/rules.govrule';
let client: LspClient;

beforeAll(async () => {
    client = await LspClient.start(fixtureWorkspace());
});
afterAll(async () => client.stop());

/** What the server answers when `typed` (ending in a space) has just been typed in place of `needle`. */
async function afterSpace(needle: string, typed: string, text = RULES): Promise<CompletionItem[]> {
    expect(text).toContain(needle);
    const edited = text.replace(needle, typed);
    await client.change(FILE, edited);
    const position = positionAt(edited, edited.indexOf(typed) + typed.length);
    const result = await client.request<CompletionList>('textDocument/completion', {
        textDocument: { uri: client.uri(FILE) }, position, context: { triggerKind: 2, triggerCharacter: ' ' },
    });
    return result.items;
}

async function invoked(text: string, offset: number): Promise<CompletionItem[]> {
    await client.change(FILE, text);
    const result = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: client.uri(FILE) }, position: positionAt(text, offset), context: { triggerKind: 1 } });
    return result.items;
}

const labels = (items: CompletionItem[]) => items.map(i => i.label);

describe('a space opens completion after a clause keyword', () => {
    test('the server declares the space as a trigger character', () => {
        const init = client.initializeResult as InitializeResult;
        expect(init.capabilities.completionProvider?.triggerCharacters).toContain(' ');
    });

    test('responsible, severity, actions, category and to: the names of the expected kind', async () => {
        expect(labels(await afterSpace('responsible reviewer', 'responsible '))).toEqual(['reviewer', 'editor', 'chiefEditor']);
        expect(labels(await afterSpace('severity serious', 'severity '))).toEqual(['minor', 'serious', 'critical']);
        expect(labels(await afterSpace('after 2h to editor', 'after 2h to '))).toEqual(['reviewer', 'editor', 'chiefEditor', 'cac']);
        expect(labels(await afterSpace('actions remove, rectify(deadline: 5d)', 'actions '))).toEqual(expect.arrayContaining(['remove', 'rectify', 'fine']));
        expect(labels(await afterSpace('category rumor.enterprise', 'category '))).toEqual(expect.arrayContaining(['rumor', 'leak']));
    });

    test('after any other space: nothing, even where an invoked completion has items', async () => {
        expect(await afterSpace('when channel == selfMedia', 'when channel == selfMedia ')).toEqual([]);
        expect(await afterSpace('rule dataLeak "数据泄露"', 'rule dataLeak "数据 ')).toEqual([]);
        expect(await afterSpace('severity serious', 'severity serious // responsible ')).toEqual([]);
    });

    test('the rule for the line before the cursor', () => {
        expect(spaceOpensCompletion('    responsible ')).toBe(true);
        expect(spaceOpensCompletion('    expect rule ')).toBe(true);
        expect(spaceOpensCompletion('        after 2h to ')).toBe(true);
        expect(spaceOpensCompletion('    basis "to ')).toBe(false);
        expect(spaceOpensCompletion('// responsible ')).toBe(false);
        expect(spaceOpensCompletion('    irresponsible ')).toBe(false);
        expect(spaceOpensCompletion('    responsible')).toBe(false);
        expect(spaceOpensCompletion('    负责to ')).toBe(false);
    });
});

describe('top-level snippets only where a declaration may stand', () => {
    const snippets = (items: CompletionItem[]) => items.filter(i => i.kind === 15).map(i => String(i.label)).sort();

    test('at the top level: test, severities, action, attribute, rule, category', async () => {
        const text = `${RULES}\n`;
        expect(snippets(await invoked(text, text.length))).toEqual(expect.arrayContaining(['action', 'attribute', 'category', 'rule', 'severities', 'test']));
    });

    test('in an empty file: the package line', async () => {
        expect(snippets(await invoked('', 0))).toEqual(['package']);
    });

    test('inside a rule body: none of them', async () => {
        const text = `${RULES}\nrule fresh {\n    category leak\n    \n}\n`;
        const items = await invoked(text, text.lastIndexOf('    \n}') + 4);
        expect(labels(items)).toEqual(expect.arrayContaining(['severity', 'responsible', 'actions', 'when', 'escalate', 'basis']));
        const offered = snippets(items);
        for (const topLevel of ['package', 'test', 'rule', 'severities', 'action', 'attribute', 'category']) {
            expect(offered).not.toContain(topLevel);
        }
    });
});
