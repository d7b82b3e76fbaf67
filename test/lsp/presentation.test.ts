/** Semantic tokens, folding, inlay hints and signature help through the real server. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { FoldingRange, InlayHint, SemanticTokens, SemanticTokensLegend, SignatureHelp } from 'vscode-languageserver-protocol';
import { LspClient, offsetAt } from '../helpers/lsp-client.js';
import { RULES, fixtureWorkspace } from './fixture.js';

const FILE = 'rules/rules.govrule';
let client: LspClient;
let root: string;

beforeAll(async () => {
    root = fixtureWorkspace({
        'extra/extra.govrule': 'package demo.extra\nimport demo.rules.rumor\n\n// one\n// two\n// three\nrule r {\n    category demo.rules.rumor.enterprise\n    severity demo.common.minor\n    responsible demo.common.reviewer\n    actions demo.common.remove\n    when demo.common.reports > 10\n    disabled\n}\n',
    });
    client = await LspClient.start(root);
});
afterAll(async () => client.stop());

describe('semantic tokens', () => {
    async function tokens(file: string): Promise<string[]> {
        const legend = client.initializeResult.capabilities.semanticTokensProvider!.legend as SemanticTokensLegend;
        const result = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: client.uri(file) } });
        const text = client.text(file);
        const out: string[] = [];
        let line = 0;
        let character = 0;
        for (let i = 0; i < result.data.length; i += 5) {
            const [dLine, dStart, length, type, mods] = result.data.slice(i, i + 5);
            line += dLine;
            character = dLine === 0 ? character + dStart : dStart;
            const start = offsetAt(text, { line, character });
            const modifiers = legend.tokenModifiers.filter((_, bit) => mods & (1 << bit));
            out.push(`${text.slice(start, start + length)}:${legend.tokenTypes[type]}${modifiers.map(m => `+${m}`).join('')}`);
        }
        return out;
    }

    test('each kind of name has its own token type, at declarations and references', async () => {
        const vocab = await tokens('common/vocab.govrule');
        expect(vocab).toEqual(expect.arrayContaining([
            'demo:namespace+declaration', 'common:namespace+declaration',
            'minor:enum+declaration', 'reviewer:class+declaration', 'cac:struct+declaration', 'remove:function+declaration',
            'deadline:parameter+declaration', 'channel:property+declaration', 'selfMedia:enumMember+declaration',
        ]));
        const rules = await tokens(FILE);
        expect(rules.slice(0, 12)).toEqual([
            'demo:namespace+declaration', 'rules:namespace+declaration', 'demo:namespace', 'common:namespace',
            'enterpriseRumor:event+declaration', 'rumor:type', 'enterprise:type', 'serious:enum',
            'channel:property', 'selfMedia:enumMember', 'reports:property', 'reviewer:class',
        ]);
        expect(rules).toEqual(expect.arrayContaining(['remove:function', 'rectify:function', 'deadline:parameter', 'editor:class', 'cac:struct', 'leak:type']));
    });

    test('qualified names segment by segment; a disabled rule is deprecated', async () => {
        expect(await tokens('extra/extra.govrule')).toEqual([
            'demo:namespace+declaration', 'extra:namespace+declaration',
            'demo:namespace', 'rules:namespace', 'rumor:type',
            'r:event+declaration+deprecated',
            'demo:namespace', 'rules:namespace', 'rumor:type', 'enterprise:type',
            'demo:namespace', 'common:namespace', 'minor:enum',
            'demo:namespace', 'common:namespace', 'reviewer:class',
            'demo:namespace', 'common:namespace', 'remove:function',
            'demo:namespace', 'common:namespace', 'reports:property',
        ]);
    });
});

test('folding: blocks, block comments and runs of line comments', async () => {
    const ranges = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: client.uri('extra/extra.govrule') } });
    expect(ranges.map(r => `${r.startLine + 1}-${r.endLine + 1}${r.kind ? ` ${r.kind}` : ''}`).sort()).toEqual(['4-6 comment', '7-13']);
    const rules = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: client.uri(FILE) } });
    // Each rule folds, and so does a multi-line escalate block; the closing brace stays visible.
    expect(rules.map(r => `${r.startLine + 1}-${r.endLine + 1}`)).toEqual(['5-14', '11-13', '17-22', '25-31']);
});

describe('inlay hints', () => {
    const range = { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } };

    test('the label after each reference to a labelled declaration', async () => {
        const hints = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri: client.uri(FILE) }, range });
        const text = client.text(FILE);
        const shown = hints.map(h => `${text.split('\n')[h.position.line].slice(0, h.position.character).trim()} ‹${h.label as string}›`);
        expect(shown.slice(0, 8)).toEqual([
            'category rumor.enterprise ‹涉企谣言›',
            'severity serious ‹较重›',
            'when channel ‹发布渠道›',
            'when channel == selfMedia and reports ‹举报次数›',
            'responsible reviewer ‹内容审核员›',
            'actions remove ‹删除信息›',
            'actions remove, rectify ‹责令限期改正›',
            'after 2h to editor ‹值班编辑›',
        ]);
        expect(hints[0].paddingLeft).toBe(true);
        expect(hints[0].tooltip).toBe('demo.rules.rumor.enterprise');
    });

    test('switched off by an initialization option', async () => {
        const other = await LspClient.start(root, { initializationOptions: { inlayHints: { labels: false } } });
        try {
            expect(await other.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri: other.uri(FILE) }, range })).toEqual([]);
        } finally {
            await other.stop();
        }
    });

    test('switched off and on again by the govrule.inlayHints.labels setting', async () => {
        const other = await LspClient.start(root, { settings: { govrule: { inlayHints: { labels: false } } } });
        try {
            expect(await other.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri: other.uri(FILE) }, range })).toEqual([]);
            await other.configure({ govrule: { inlayHints: { labels: true } } });
            expect((await other.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri: other.uri(FILE) }, range })).length).toBeGreaterThan(5);
        } finally {
            await other.stop();
        }
    });
});

describe('signature help', () => {
    async function help(text: string, cursor: string): Promise<SignatureHelp | null> {
        await client.change(FILE, text);
        const offset = text.indexOf(cursor) + cursor.length;
        const before = text.slice(0, offset);
        const position = { line: before.split('\n').length - 1, character: offset - before.lastIndexOf('\n') - 1 };
        return client.request<SignatureHelp | null>('textDocument/signatureHelp', { textDocument: { uri: client.uri(FILE) }, position });
    }

    test('inside an action call: the signature, label and doc, the parameter at the cursor', async () => {
        const result = await help(RULES, 'fine(amount: 5000 CNY');
        const signature = result!.signatures[0];
        expect(signature.label).toBe('fine(amount: money, note: text?)');
        expect(signature.documentation).toEqual({ kind: 'markdown', value: '罚款\n\n依法处以罚款' });
        expect(signature.parameters!.map(p => signature.label.slice(...(p.label as [number, number])))).toEqual(['amount: money', 'note: text?']);
        expect(result!.activeParameter).toBe(0);
    });

    test('while the call is still being typed: the next parameter not given yet', async () => {
        const text = RULES.replace('fine(amount: 5000 CNY)', 'fine(amount: 5000 CNY, ');
        expect((await help(text, 'fine(amount: 5000 CNY, '))!.activeParameter).toBe(1);
        const open = RULES.replace('fine(amount: 5000 CNY)', 'fine(');
        const result = await help(open, 'fine(');
        expect(result!.signatures[0].label).toBe('fine(amount: money, note: text?)');
        expect(result!.activeParameter).toBe(0);
        expect((await help(RULES.replace('fine(amount: 5000 CNY)', 'fine(note: "x", '), 'fine(note: "x", '))!.activeParameter).toBe(0);
    });

    test('nothing outside a call', async () => {
        expect(await help(RULES, 'responsible ')).toBeNull();
        expect(await help(RULES, 'fine(amount: 5000 CNY)')).toBeNull();
    });
});
