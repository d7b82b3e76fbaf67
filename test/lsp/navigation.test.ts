/** Definition, references, highlights, document and workspace symbols through the real server. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DocumentHighlight, DocumentSymbol, Location, LocationLink, SymbolInformation } from 'vscode-languageserver-protocol';
import { LspClient } from '../helpers/lsp-client.js';
import { fixtureWorkspace } from './fixture.js';

const VOCAB = 'common/vocab.govrule';
const CATS = 'rules/categories.govrule';
const RULES = 'rules/rules.govrule';
const EXTRA = 'extra/extra.govrule';
let client: LspClient;

beforeAll(async () => {
    client = await LspClient.start(fixtureWorkspace({
        [EXTRA]: `package demo.extra
import demo.common.reviewer
import demo.rules.rumor

rule extraRule {
    category rumor.disaster
    severity demo.common.minor
    responsible reviewer
    actions demo.common.remove
    when demo.common.reports > 100
    priority 1
}
`,
    }));
    expect(client.codes(EXTRA)).toEqual([]);
});
afterAll(async () => client.stop());

/** `file:line:col` (1-based) of each location, in file and position order. */
function where(locations: Array<Location | LocationLink> | null): string[] {
    return (locations ?? []).map(l => {
        const uri = 'targetUri' in l ? l.targetUri : l.uri;
        const range = 'targetSelectionRange' in l ? l.targetSelectionRange : l.range;
        return { file: uri.slice(client.uri('.').length + 1), line: range.start.line + 1, column: range.start.character + 1 };
    }).sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column)
        .map(l => `${l.file}:${l.line}:${l.column}`);
}

async function definition(file: string, needle: string, offset = 0, occurrence = 1): Promise<string[]> {
    return where(await client.request<LocationLink[] | null>('textDocument/definition', client.at(file, needle, offset, occurrence)));
}

async function references(file: string, needle: string, includeDeclaration: boolean, offset = 0): Promise<string[]> {
    return where(await client.request<Location[]>('textDocument/references', { ...client.at(file, needle, offset), context: { includeDeclaration } }));
}

describe('go to definition', () => {
    test('from a reference to its declaration in another file, with the origin range', async () => {
        const links = await client.request<LocationLink[]>('textDocument/definition', client.at(RULES, 'responsible reviewer', 14));
        expect(where(links)).toEqual(['common/vocab.govrule:11:6']);
        expect(links[0].originSelectionRange).toEqual({ start: client.position(RULES, 'reviewer'), end: client.position(RULES, 'reviewer', 8) });
        expect(links[0].targetRange.start).toEqual({ line: 10, character: 0 });
    });

    test('from each segment of a dotted name', async () => {
        expect(await definition(RULES, 'rumor.enterprise', 2)).toEqual(['rules/categories.govrule:4:10']);
        expect(await definition(RULES, 'rumor.enterprise', 9)).toEqual(['rules/categories.govrule:5:14']);
        expect(await definition(EXTRA, 'demo.common.minor', 14)).toEqual(['common/vocab.govrule:5:5']);
        // A package segment leads to the package line of each of its files.
        expect(await definition(EXTRA, 'demo.common.minor', 6)).toEqual(['common/vocab.govrule:1:9']);
    });

    test('from an import', async () => {
        expect(await definition(EXTRA, 'import demo.common.reviewer', 22)).toEqual(['common/vocab.govrule:11:6']);
        expect(await definition(EXTRA, 'import demo.rules.rumor', 20)).toEqual(['rules/categories.govrule:4:10']);
        expect(await definition(RULES, 'import demo.common.*', 14)).toEqual(['common/vocab.govrule:1:9']);
        expect(await definition(EXTRA, 'import demo.rules.rumor', 14)).toEqual(['rules/categories.govrule:1:9', 'rules/rules.govrule:1:9']);
    });

    test('from an enum member and an argument name', async () => {
        expect(await definition(RULES, 'selfMedia')).toEqual(['common/vocab.govrule:22:41']);
        expect(await definition(RULES, 'deadline')).toEqual(['common/vocab.govrule:18:28']);
    });

    test('nothing from a keyword or an unresolved name', async () => {
        expect(await definition(RULES, 'escalate')).toEqual([]);
        await client.change(RULES, client.text(RULES).replace('responsible reviewer', 'responsible nobody'));
        expect(await definition(RULES, 'nobody')).toEqual([]);
        await client.close(RULES);
        await client.settle();
    });
});

describe('find references', () => {
    test('across files, with imports, with or without the declaration', async () => {
        expect(await references(VOCAB, 'post reviewer', true, 6)).toEqual([
            'common/vocab.govrule:11:6', 'extra/extra.govrule:2:20', 'extra/extra.govrule:8:17', 'rules/rules.govrule:9:17',
        ]);
        expect(await references(RULES, 'responsible reviewer', false, 12)).toEqual([
            'extra/extra.govrule:2:20', 'extra/extra.govrule:8:17', 'rules/rules.govrule:9:17',
        ]);
    });

    test('a category is also named by the paths of its sub-categories', async () => {
        expect(await references(CATS, 'category rumor', false, 9)).toEqual([
            'extra/extra.govrule:3:19', 'extra/extra.govrule:6:14', 'rules/rules.govrule:6:14', 'rules/rules.govrule:18:14',
        ]);
    });

    test('enum members and parameters', async () => {
        expect(await references(VOCAB, 'selfMedia', true)).toEqual(['common/vocab.govrule:22:41', 'rules/rules.govrule:8:21']);
        expect(await references(VOCAB, 'amount', false)).toEqual(['rules/rules.govrule:21:26', 'rules/rules.govrule:30:18']);
    });

    test('a package: its package lines and imports', async () => {
        expect(await references(RULES, 'package demo.rules', true, 14)).toEqual([
            'extra/extra.govrule:3:8', 'rules/categories.govrule:1:9', 'rules/rules.govrule:1:9',
        ]);
    });
});

test('document highlight: the mentions in this file, the declaration as a write', async () => {
    const highlights = await client.request<DocumentHighlight[]>('textDocument/documentHighlight', client.at(VOCAB, 'post editor', 6));
    expect(highlights).toEqual([{ range: { start: { line: 11, character: 5 }, end: { line: 11, character: 11 } }, kind: 3 }]);
    const inRules = await client.request<DocumentHighlight[]>('textDocument/documentHighlight', client.at(RULES, 'to cac', 4));
    expect(inRules.map(h => [h.range.start.line + 1, h.kind])).toEqual([[13, 2], [22, 2], [31, 2]]);
});

test('document symbols: a hierarchy of package, scale, declarations, category trees and rules', async () => {
    const [pkg] = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: client.uri(CATS) } });
    const outline = (s: DocumentSymbol): unknown => (s.children?.length ? { [`${s.name} ${s.detail ?? ''}`.trim()]: s.children.map(outline) } : `${s.name} ${s.detail ?? ''}`.trim());
    expect(outline(pkg)).toEqual({ 'demo.rules': [{ 'rumor 网络谣言': ['enterprise 涉企谣言', 'disaster 涉灾谣言'] }, 'leak 数据泄露'] });
    const [vocab] = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: client.uri(VOCAB) } });
    expect(vocab.children!.map(s => [s.name, s.kind, s.detail])).toEqual([
        ['severities', 10, 'minor < serious < critical'],
        ['reviewer', 5, '内容审核员'], ['editor', 5, '值班编辑'], ['chiefEditor', 5, '总编辑'],
        ['cac', 23, '市委网信办'],
        ['remove', 6, '删除信息'], ['rectify', 6, '责令限期改正 · rectify(deadline: duration)'], ['fine', 6, '罚款 · fine(amount: money, note: text?)'],
        ['channel', 7, '发布渠道 · enum { website, app, selfMedia }'], ['reports', 7, '举报次数 · number'], ['verified', 7, '是否认证账号 · boolean'],
        ['district', 7, 'text'],
    ]);
    expect(vocab.children![0].children!.map(s => s.name)).toEqual(['minor', 'serious', 'critical']);
    const [rules] = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: client.uri(RULES) } });
    // Rules read as functions (12) with their label, or what they cover, as the detail.
    expect(rules.children!.map(s => [s.name, s.kind, s.detail])).toEqual([
        ['enterpriseRumor', 12, '涉企谣言处置'], ['disasterRumor', 12, 'category rumor.disaster'], ['dataLeak', 12, '数据泄露'],
    ]);
});

test('document symbols: tests read as events (24), with what they give as the detail', async () => {
    await client.change('tests/outline.govrule', 'package demo.tests\nimport demo.rules.*\n\ntest "涉企谣言" {\n    given rumor.enterprise { channel: app }\n    expect rule none\n}\n');
    const [pkg] = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: client.uri('tests/outline.govrule') } });
    expect(pkg.children!.map(s => [s.name, s.kind, s.detail])).toEqual([['涉企谣言', 24, 'test · given rumor.enterprise']]);
    await client.close('tests/outline.govrule');
});

describe('workspace symbols', () => {
    async function symbols(query: string): Promise<string[]> {
        const result = await client.request<SymbolInformation[]>('workspace/symbol', { query });
        return result.map(s => `${s.name} (${s.containerName})`).sort();
    }

    test('by name, fuzzily', async () => {
        expect(await symbols('chiefEd')).toEqual(['chiefEditor 总编辑 (demo.common)']);
        expect(await symbols('enterpr')).toEqual(['enterprise 涉企谣言 (demo.rules.rumor)', 'enterpriseRumor 涉企谣言处置 (demo.rules)']);
    });

    test('by Chinese label', async () => {
        expect(await symbols('谣言')).toEqual([
            'disaster 涉灾谣言 (demo.rules.rumor)', 'enterprise 涉企谣言 (demo.rules.rumor)', 'enterpriseRumor 涉企谣言处置 (demo.rules)', 'rumor 网络谣言 (demo.rules)',
        ]);
        expect(await symbols('审核')).toEqual(['reviewer 内容审核员 (demo.common)']);
    });
});
