/**
 * Unicode in the editor, through the real server over stdio: the diagnostics of LANGUAGE.md §2
 * and their quick fixes (escape or remove an invisible character, rewrite a name in NFC).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CodeAction, Diagnostic, Hover, InlayHint } from 'vscode-languageserver-protocol';
import { applyEdits, LspClient } from '../helpers/lsp-client.js';
import { RULES, fixtureWorkspace } from './fixture.js';

const FILE = 'rules/rules.govrule';
let client: LspClient;

beforeAll(async () => {
    client = await LspClient.start(fixtureWorkspace());
});
afterAll(async () => client.stop());

async function diagnose(text: string, code: string): Promise<Diagnostic[]> {
    await client.change(FILE, text);
    await client.settle();
    return client.diagnostics(FILE).filter(d => d.code === code);
}

async function actionsFor(diagnostic: Diagnostic): Promise<CodeAction[]> {
    return client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri: client.uri(FILE) },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic] },
    });
}

async function applyAction(action: CodeAction): Promise<string> {
    const edits = action.edit?.changes?.[client.uri(FILE)];
    expect(edits, action.title).toBeDefined();
    const text = applyEdits(client.text(FILE), edits!);
    await client.change(FILE, text);
    await client.settle();
    return text;
}

describe('invisible characters', () => {
    test('in a string: the error, and a preferred fix that writes the escape', async () => {
        const text = RULES.replace('rule disasterRumor {', 'rule disasterRumor "涉灾\u202E谣言" {');
        const [d] = await diagnose(text, 'invisible-character');
        expect(d.message).toBe('Invisible character in a string: U+202E RIGHT-TO-LEFT OVERRIDE can reorder how the text is displayed; write it as an escape (\\u{202E}) if it is meant');
        const actions = await actionsFor(d);
        expect(actions.map(a => [a.title, a.isPreferred])).toEqual([['Write U+202E RIGHT-TO-LEFT OVERRIDE as the escape \\u{202E}', true]]);
        const fixed = await applyAction(actions[0]);
        expect(fixed).toBe(RULES.replace('rule disasterRumor {', 'rule disasterRumor "涉灾\\u{202E}谣言" {'));
        expect(client.codes(FILE)).toEqual([]);
    });

    test('a zero-width space the lexer cannot read: the syntax error names it, and the fix removes it', async () => {
        const [d] = await diagnose(RULES.replace('severity serious', 'severity serious\u200B'), 'syntax');
        expect(d.message).toBe('Unexpected character U+200B ZERO WIDTH SPACE');
        const actions = await actionsFor(d);
        expect(actions.map(a => a.title)).toEqual(['Remove U+200B ZERO WIDTH SPACE']);
        expect(await applyAction(actions[0])).toBe(RULES);
        expect(client.codes(FILE)).toEqual([]);
    });

    test('several in one file: fix all at once', async () => {
        const text = RULES.replace('涉企谣言处置', '涉企\u200D谣言\u2066处置').replace('\nrule disasterRumor', '\n// \u202E\nrule disasterRumor');
        const found = await diagnose(text, 'invisible-character');
        expect(found).toHaveLength(3);
        const actions = await actionsFor(found[0]);
        const all = actions.find(a => a.title === "Fix all 'invisible-character' problems in this file (3)");
        expect(all, actions.map(a => a.title).join('\n')).toBeDefined();
        const fixed = await applyAction(all!);
        expect(fixed).toBe(RULES.replace('涉企谣言处置', '涉企\\u{200D}谣言\\u{2066}处置').replace('\nrule disasterRumor', '\n// \\u{202E}\nrule disasterRumor'));
        expect(client.codes(FILE)).toEqual([]);
    });
});

describe('names', () => {
    test('a name with a CJK compatibility ideograph: the fix writes it in NFC, and the reference then resolves', async () => {
        await client.change('rules/posts.govrule', 'package demo.rules\npost 豈审核\n');
        const text = RULES.replace('responsible reviewer', 'responsible \uF900审核');
        const [d] = await diagnose(text, 'unnormalized-name');
        expect(d.message).toContain("so write '豈审核'");
        const actions = await actionsFor(d);
        expect(actions.map(a => a.title)).toEqual(["Change to the NFC form '豈审核'"]);
        const fixed = await applyAction(actions[0]);
        expect(fixed).toBe(RULES.replace('responsible reviewer', 'responsible 豈审核'));
        expect(client.codes(FILE)).toEqual([]);
        await client.change('rules/posts.govrule', 'package demo.rules\n');
    });

    test('a look-alike of an imported post: a warning at the declaration, and at the import of the file that sees both', async () => {
        await client.change('rules/posts.govrule', 'package demo.rules\nimport demo.common.*\npost revıewer\n');
        await client.settle();
        const message = "'revıewer' looks like 'reviewer' (post demo.common.reviewer): it has 'ı' (U+0131 LATIN SMALL LETTER DOTLESS I) where that has 'i' (U+0069 LATIN SMALL LETTER I); rename one of them so that they differ visibly";
        const atDeclaration = client.diagnostics('rules/posts.govrule').filter(d => d.code === 'confusable-name');
        expect(atDeclaration.map(d => [d.message, d.severity, d.range.start])).toEqual([[message, 2, { line: 2, character: 5 }]]);
        const atImport = client.diagnostics(FILE).filter(d => d.code === 'confusable-name');
        expect(atImport.map(d => [d.range.start.line, d.message])).toEqual([[1,
            "'reviewer' looks like 'revıewer' (post demo.rules.revıewer): it has 'i' (U+0069 LATIN SMALL LETTER I) where that has 'ı' (U+0131 LATIN SMALL LETTER DOTLESS I); rename one of them so that they differ visibly"]]);
        await client.change('rules/posts.govrule', 'package demo.rules\n');
        await client.settle();
        expect(client.diagnostics(FILE).filter(d => d.code === 'confusable-name')).toEqual([]);
    });
});

describe('labels written with escapes', () => {
    test('hover and inlay hints show the escape, never the character itself', async () => {
        await client.change('rules/posts.govrule', 'package demo.rules\npost 审核 "审\\u{202E}核\\u200B员"\n');
        const text = RULES.replace('responsible reviewer', 'responsible 审核');
        await client.change(FILE, text);
        await client.settle();
        expect(client.codes(FILE)).toEqual([]);
        const hover = await client.request<Hover | null>('textDocument/hover', client.at(FILE, 'responsible 审核', 'responsible '.length));
        expect((hover?.contents as { value: string }).value).toBe('**post** `demo.rules.审核` — 审\\u{202E}核\\u{200B}员');
        const range = { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } };
        const hints = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri: client.uri(FILE) }, range });
        expect(hints.map(h => h.label)).toContain('审\\u{202E}核\\u{200B}员');
        expect(hints.some(h => /[\u200B\u202E]/.test(String(h.label)))).toBe(false);
        await client.change('rules/posts.govrule', 'package demo.rules\n');
        await client.change(FILE, RULES);
        await client.settle();
    });
});
