/** Completion through the real server, by context. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CompletionItem, CompletionList } from 'vscode-languageserver-protocol';
import { applyEdits, LspClient, positionAt } from '../helpers/lsp-client.js';
import { RULES, fixtureWorkspace } from './fixture.js';

const FILE = 'rules/rules.govrule';
let client: LspClient;

beforeAll(async () => {
    client = await LspClient.start(fixtureWorkspace({
        'other/other.govrule': 'package demo.other\n/** 外部审计 */\npost auditor "审计员"\ncategory spam "垃圾信息" { category ads "广告" }\n',
    }));
});
afterAll(async () => client.stop());

/** Completes at the end of `prefix`, which replaces `needle` in the rules file. */
async function complete(needle: string, prefix: string, text = RULES): Promise<CompletionItem[]> {
    expect(text).toContain(needle);
    const edited = text.replace(needle, prefix);
    await client.change(FILE, edited);
    const position = positionAt(edited, edited.indexOf(prefix) + prefix.length);
    const result = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: client.uri(FILE) }, position });
    return result.items;
}

const labels = (items: CompletionItem[]) => items.map(i => i.label);

describe('references, filtered to the kind the place expects', () => {
    test('posts after responsible, with label, doc and qualified name', async () => {
        const items = await complete('responsible reviewer', 'responsible ');
        expect(labels(items)).toEqual(['reviewer', 'editor', 'chiefEditor', 'auditor']);
        const reviewer = items[0];
        expect(reviewer.labelDetails).toEqual({ detail: ' 内容审核员', description: 'demo.common.reviewer' });
        expect(reviewer.detail).toBe('post demo.common.reviewer');
        expect(reviewer.documentation).toEqual({ kind: 'markdown', value: '**post** `demo.common.reviewer` — 内容审核员\n\n一线审核岗位' });
        expect(reviewer.additionalTextEdits).toBeUndefined();
    });

    test('a name from a package not imported comes with an edit adding the import', async () => {
        const items = await complete('responsible reviewer', 'responsible aud');
        const auditor = items.find(i => i.label === 'auditor')!;
        expect(auditor.labelDetails?.description).toBe('import demo.other.auditor');
        const edited = RULES.replace('responsible reviewer', 'responsible aud');
        const applied = applyEdits(edited, [auditor.textEdit as never, ...auditor.additionalTextEdits!]);
        expect(applied.split('\n').slice(0, 3)).toEqual(['package demo.rules', 'import demo.common.*', 'import demo.other.auditor']);
        expect(applied).toContain('responsible auditor\n');
        // The completed text is valid: the server agrees.
        await client.change(FILE, applied);
        await client.settle();
        expect(client.codes(FILE)).toEqual([]);
    });

    test('posts and authorities after `to`', async () => {
        expect(labels(await complete('after 2h to editor', 'after 2h to '))).toEqual(['reviewer', 'editor', 'chiefEditor', 'cac', 'auditor']);
    });

    test('severity levels after severity, lowest first', async () => {
        expect(labels(await complete('severity serious', 'severity '))).toEqual(['minor', 'serious', 'critical']);
    });

    test('categories with nested paths; after a dot, the paths below it', async () => {
        expect(labels(await complete('category rumor.enterprise', 'category '))).toEqual(['rumor', 'rumor.enterprise', 'rumor.disaster', 'leak', 'spam', 'spam.ads']);
        const below = await complete('category rumor.enterprise', 'category rumor.');
        expect(labels(below)).toEqual(['rumor.enterprise', 'rumor.disaster']);
        // The whole dotted name is replaced.
        expect((below[0].textEdit as { range: unknown }).range).toEqual({ start: { line: 5, character: 13 }, end: { line: 5, character: 19 } });
    });

    test('a qualified name being typed is completed with qualified names', async () => {
        const items = await complete('responsible reviewer', 'responsible demo.other.');
        expect(labels(items)).toContain('demo.other.auditor');
        expect(items.find(i => i.label === 'demo.other.auditor')?.additionalTextEdits).toBeUndefined();
    });

    test('attributes in a condition', async () => {
        expect(labels(await complete('when channel == selfMedia', 'when '))).toEqual(expect.arrayContaining(['channel', 'reports', 'verified']));
    });
});

describe('values', () => {
    test('enum members of the attribute after ==, without true and false', async () => {
        const items = await complete('when channel == selfMedia', 'when channel == ');
        expect(labels(items)).toEqual(['website', 'app', 'selfMedia']);
        expect(items[0].labelDetails?.description).toBe('channel 发布渠道');
    });

    test('enum members inside `in [`, leaving out those already listed', async () => {
        expect(labels(await complete('when channel == selfMedia', 'when channel in [app, '))).toEqual(['website', 'selfMedia']);
    });

    test('true and false for a boolean attribute', async () => {
        expect(labels(await complete('when verified', 'when verified == ', RULES))).toEqual(expect.arrayContaining(['true', 'false']));
    });

    test('parameter names inside an action call, with their types, skipping those given', async () => {
        const items = await complete('fine(amount: 5000 CNY)', 'fine(');
        expect(items.map(i => [i.label, i.detail, i.insertText ?? (i.textEdit as { newText: string }).newText])).toEqual([
            ['amount', 'amount: money', 'amount: '],
            ['note', 'note: text?', 'note: '],
        ]);
        expect(labels(await complete('fine(amount: 5000 CNY)', 'fine(amount: 5000 CNY, '))).toEqual(['note']);
    });

    test('templates by parameter type: money', async () => {
        expect(labels(await complete('fine(amount: 5000 CNY)', 'fine(amount: '))).toEqual(['100000 CNY', '5000 CNY']);
    });

    test('duration templates after `after` and for duration parameters, with their length in words', async () => {
        const items = await complete('after 2h to editor', 'after ');
        expect(labels(items)).toEqual(['30m', '2h', '4h', '24h', '1d', '3d', '1w']);
        expect(items[1].detail).toBe('duration: 2 hours');
        expect(labels(await complete('rectify(deadline: 5d)', 'rectify(deadline: '))).toContain('3d');
    });
});

describe('keywords and snippets', () => {
    test('inside a rule, only the clauses it does not have yet', async () => {
        const text = RULES.replace('    escalate {\n        after 2h to editor\n        after 1d to cac\n    }\n', '    \n');
        const items = await complete('actions remove, rectify(deadline: 5d)\n    ', 'actions remove, rectify(deadline: 5d)\n    ', text);
        const keywords = items.filter(i => i.kind === 14).map(i => i.label);
        expect(keywords).toEqual(['escalate', 'basis', 'priority', 'effective', 'disabled', 'campaign']);
        const snippet = items.find(i => i.kind === 15 && i.label === 'escalate')!;
        expect(snippet.insertTextFormat).toBe(2);
        expect((snippet.textEdit as { newText: string }).newText).toBe('escalate {\n\tafter ${1:2h} to ${2}\n\tafter ${3:1d} to ${4}\n}');
    });

    test('at top level, the declarations, with snippets for the rule, category tree and the other declarations', async () => {
        const items = await complete(RULES, `${RULES}\n`);
        expect(items.filter(i => i.kind === 14).map(i => i.label)).toEqual(['severities', 'post', 'authority', 'action', 'managed', 'attribute', 'category', 'rule', 'test', 'campaign']);
        expect(items.filter(i => i.kind === 15).map(i => i.detail)).toEqual([
            'severity scale, lowest first', 'handling action with a parameter', 'enum attribute with a default',
            'category tree', 'rule skeleton with the required clauses', 'test: an event and what must happen', 'campaign with its period',
        ]);
    });

    test('no snippets for a client without snippet support', async () => {
        const other = await LspClient.start(client.root, { capabilities: { textDocument: { completion: { completionItem: { snippetSupport: false } } } } });
        try {
            const text = `${RULES}\n`;
            await other.change(FILE, text);
            const result = await other.request<CompletionList>('textDocument/completion', { textDocument: { uri: other.uri(FILE) }, position: positionAt(text, text.length) });
            expect(result.items.filter(i => i.kind === 15)).toEqual([]);
            expect(result.items.map(i => i.label)).toContain('rule');
        } finally {
            await other.stop();
        }
    });
});

test('completion on broken text answers without crashing', async () => {
    for (const text of ['', 'package', 'package demo.rules\nrule x {\n    severity ', 'package demo.rules\nimport \nrule', '}}}((( "']) {
        await client.change(FILE, text);
        const result = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: client.uri(FILE) }, position: positionAt(text, text.length) });
        expect(Array.isArray(result.items)).toBe(true);
    }
    await client.change(FILE, 'package demo.rules\nrule x {\n    severity ');
    const result = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: client.uri(FILE) }, position: { line: 2, character: 13 } });
    expect(result.items.map(i => i.label)).toEqual(['minor', 'serious', 'critical']);
    expect(client.alive).toBe(true);
});
