/** Quick fixes through the real server: each applied, then checked by the server again. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { applyEdits, LspClient } from '../helpers/lsp-client.js';
import { RULES, fixtureWorkspace } from './fixture.js';

const FILE = 'rules/rules.govrule';
let client: LspClient;

beforeAll(async () => {
    client = await LspClient.start(fixtureWorkspace());
});
afterAll(async () => client.stop());

/** Opens `text` as the rules file and returns its diagnostics of `code`. */
async function diagnose(text: string, code: string, file = FILE): Promise<Diagnostic[]> {
    await client.change(file, text);
    await client.settle();
    return client.diagnostics(file).filter(d => d.code === code);
}

async function actionsFor(diagnostic: Diagnostic, file = FILE): Promise<CodeAction[]> {
    return client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri: client.uri(file) },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic] },
    });
}

/** Applies a code action to the file and returns the new text, after the server rebuilt. */
async function applyAction(action: CodeAction, file = FILE): Promise<string> {
    const edits = action.edit?.changes?.[client.uri(file)];
    expect(edits, action.title).toBeDefined();
    const text = applyEdits(client.text(file), edits!);
    await client.change(file, text);
    await client.settle();
    return text;
}

describe('names', () => {
    test('unresolved-reference: each suggestion; one suggestion is preferred', async () => {
        const [d] = await diagnose(RULES.replace('responsible reviewer', 'responsible reviwer'), 'unresolved-reference');
        const actions = await actionsFor(d);
        expect(actions.map(a => [a.title, a.kind, a.isPreferred])).toEqual([["Change to 'reviewer'", 'quickfix', true]]);
        expect(await applyAction(actions[0])).toBe(RULES);
        expect(client.codes(FILE)).toEqual([]);
    });

    test('a label written where a name belongs: the name, with its label in the message', async () => {
        const [d] = await diagnose(RULES.replace('responsible reviewer', 'responsible 内容审核员'), 'unresolved-reference');
        expect(d.message).toBe("Cannot find a post named '内容审核员'; did you mean 'reviewer' (内容审核员)?");
        const actions = await actionsFor(d);
        expect(actions.map(a => [a.title, a.kind, a.isPreferred])).toEqual([["Change to 'reviewer'", 'quickfix', true]]);
        expect(await applyAction(actions[0])).toBe(RULES);
        expect(client.codes(FILE)).toEqual([]);
    });

    test('a label of a nested category: the name as the file writes it', async () => {
        expect(RULES).toContain('category rumor.enterprise');
        const [d] = await diagnose(RULES.replace('category rumor.enterprise', 'category 涉企谣言'), 'unresolved-reference');
        expect(d.message).toBe("Cannot find a category named '涉企谣言'; did you mean 'rumor.enterprise' (涉企谣言)?");
        const actions = await actionsFor(d);
        expect(actions.map(a => a.title)).toEqual(["Change to 'rumor.enterprise'"]);
        expect(await applyAction(actions[0])).toBe(RULES);
    });

    test('missing import: add it (the name or the package), or write the qualified name', async () => {
        const text = 'package demo.extra\n\ncategory misc\nrule r {\n    category misc\n    severity minor\n    responsible reviewer\n    actions remove\n}\n';
        const file = 'extra/extra.govrule';
        const diagnostics = await diagnose(text, 'unresolved-reference', file);
        const reviewer = diagnostics.find(d => String(d.message).includes("'reviewer'"))!;
        const actions = await actionsFor(reviewer, file);
        expect(actions.map(a => a.title)).toEqual(["Add 'import demo.common.reviewer'", "Add 'import demo.common.*'", "Write the qualified name 'demo.common.reviewer'"]);
        const fixed = await applyAction(actions[1], file);
        expect(fixed.split('\n').slice(0, 2)).toEqual(['package demo.extra', 'import demo.common.*']);
        expect(client.codes(file)).toEqual([]);
    });

    test('wrong-kind: names of the kind the place expects', async () => {
        const [d] = await diagnose(RULES.replace('responsible reviewer', 'responsible cac'), 'wrong-kind');
        const actions = await actionsFor(d);
        expect(actions.map(a => a.title)).toEqual(["Change to post 'reviewer'", "Change to post 'editor'", "Change to post 'chiefEditor'"]);
        expect(await applyAction(actions[0])).toBe(RULES);
    });

    test('ambiguous-reference: each qualified name', async () => {
        await client.change('extra/a.govrule', 'package demo.a\npost helper\n');
        await client.change('extra/b.govrule', 'package demo.b\npost helper\n');
        const text = RULES.replace('import demo.common.*', 'import demo.common.*\nimport demo.a.*\nimport demo.b.*').replace('responsible reviewer', 'responsible helper');
        const [d] = await diagnose(text, 'ambiguous-reference');
        const actions = await actionsFor(d);
        expect(actions.map(a => a.title)).toEqual(["Use 'demo.a.helper'", "Use 'demo.b.helper'"]);
        const fixed = await applyAction(actions[0]);
        expect(fixed).toContain('responsible demo.a.helper\n');
        expect(client.codes(FILE)).toEqual([]);
        await client.change('extra/a.govrule', 'package demo.a\n');
        await client.change('extra/b.govrule', 'package demo.b\n');
    });
});

describe('rules', () => {
    test('missing-clause: add the clause with a name of the right kind', async () => {
        const [d] = await diagnose(RULES.replace('    severity serious\n', ''), 'missing-clause');
        const actions = await actionsFor(d);
        expect(actions.map(a => a.title)).toEqual(["Add 'severity minor'", "Add 'severity serious'", "Add 'severity critical'"]);
        const fixed = await applyAction(actions[1]);
        expect(fixed).toContain('        after 1d to cac\n    }\n    severity serious\n}\n');
        expect(client.codes(FILE)).toEqual([]);
    });

    test('missing-clause: a skeleton of all missing clauses, even for a one-line rule', async () => {
        const text = `${RULES}\nrule fresh { category leak }\n`;
        const diagnostics = await diagnose(text, 'missing-clause');
        expect(diagnostics).toHaveLength(3);
        const actions = await actionsFor(diagnostics[0]);
        expect(actions[0].title).toBe('Add the missing clauses: severity minor, responsible reviewer, actions remove');
        const fixed = await applyAction(actions[0]);
        expect(fixed.endsWith('rule fresh { category leak\n    severity minor\n    responsible reviewer\n    actions remove\n}\n')).toBe(true);
        expect(client.codes(FILE)).toEqual([]);
    });

    test('escalation-order: sort the steps by time', async () => {
        const [d] = await diagnose(RULES.replace('after 2h to editor\n        after 1d to cac', 'after 1d to cac\n        after 2h to editor'), 'escalation-order');
        const [sort] = await actionsFor(d);
        expect(sort.title).toBe('Sort the escalation steps by time');
        expect(await applyAction(sort)).toBe(RULES);
    });

    test('duplicate-action: remove the repeated call with its comma', async () => {
        const [d] = await diagnose(RULES.replace('actions remove, rectify(deadline: 5d)', 'actions remove, rectify(deadline: 5d), remove'), 'duplicate-action');
        const [remove] = await actionsFor(d);
        expect(remove.title).toBe("Remove the repeated action 'remove'");
        expect(await applyAction(remove)).toBe(RULES);
    });

    test('duplicate-clause: remove the repeated clause and its line', async () => {
        const [d] = await diagnose(RULES.replace('    severity serious\n', '    severity serious\n    severity minor\n'), 'duplicate-clause');
        const [remove] = await actionsFor(d);
        expect(await applyAction(remove)).toBe(RULES);
    });

    test('action-arguments: add the missing arguments', async () => {
        const [d] = await diagnose(RULES.replace('rectify(deadline: 5d)', 'rectify'), 'action-arguments');
        const [add] = await actionsFor(d);
        expect(add.title).toBe('Add the missing argument deadline: 5d');
        expect(await applyAction(add)).toBe(RULES);
        const [empty] = await diagnose(RULES.replace('fine(amount: 5000 CNY)', 'fine(note: "x")'), 'action-arguments');
        expect((await applyAction((await actionsFor(empty))[0]))).toContain('fine(note: "x", amount: 100000 CNY)');
    });

    test('action-arguments: an unknown parameter name gets the close ones', async () => {
        const [d] = await diagnose(RULES.replace('rectify(deadline: 5d)', 'rectify(dedline: 5d)'), 'action-arguments');
        const actions = await actionsFor(d);
        expect(actions.map(a => a.title)).toEqual(["Change to 'deadline'"]);
        expect(await applyAction(actions[0])).toBe(RULES);
    });
});

describe('declarations and literals', () => {
    test('unused-declaration: remove it with its doc comment and line', async () => {
        const vocab = 'common/vocab.govrule';
        const original = client.text(vocab);
        const [d] = await diagnose(original.replace('post chiefEditor', '/** 夜班 */\npost nightShift "夜班"\npost chiefEditor'), 'unused-declaration', vocab);
        const [remove] = await actionsFor(d, vocab);
        expect(remove.title).toBe("Remove the unused post 'nightShift'");
        expect(await applyAction(remove, vocab)).toBe(original);
    });

    test('invalid-literal: a lower-case currency code', async () => {
        const [d] = await diagnose(RULES.replace('5000 CNY', '5000 cny'), 'invalid-literal');
        const [fix] = await actionsFor(d);
        expect(fix.title).toBe("Change to 'CNY'");
        expect(await applyAction(fix)).toBe(RULES);
    });
});

describe('fix all in the file', () => {
    test('one action applies the fix to every instance of the code', async () => {
        const text = RULES.replace('5000 CNY', '5000 cny').replace('100000 CNY', '100000 usd')
            .replace('actions remove, rectify(deadline: 5d)', 'actions remove, rectify(deadline: 5d), remove')
            .replace('actions remove, fine', 'actions remove, remove, fine');
        const duplicates = await diagnose(text, 'duplicate-action');
        expect(duplicates).toHaveLength(2);
        const actions = await actionsFor(duplicates[0]);
        const all = actions.find(a => a.title === "Fix all 'duplicate-action' problems in this file (2)")!;
        expect(all.diagnostics).toHaveLength(2);
        await applyAction(all);
        const currencies = client.diagnostics(FILE).filter(d => d.code === 'invalid-literal');
        const fixAll = (await actionsFor(currencies[0])).find(a => a.title.startsWith('Fix all'))!;
        expect(fixAll.title).toBe("Fix all 'invalid-literal' problems in this file (2)");
        expect(await applyAction(fixAll)).toBe(RULES.replace('100000 CNY', '100000 USD'));
    });

    test('names with several suggestions are left for a person to choose', async () => {
        const text = RULES.replace('responsible reviewer', 'responsible editorr').replace('responsible chiefEditor', 'responsible revieweer');
        const diagnostics = await diagnose(text, 'unresolved-reference');
        expect(diagnostics).toHaveLength(2);
        const actions = await actionsFor(diagnostics[0]);
        expect(actions.some(a => a.title.startsWith('Fix all'))).toBe(true);
        const single = await actionsFor(diagnostics[1]);
        expect(single[0].isPreferred).toBe(true);
    });
});

describe('slips at the keyboard (issue 9 §6)', () => {
    const SLIPS: ReadonlyArray<readonly [string, string, string, string]> = [
        // [what the author wrote, in place of, code, the fix's title]
        ['remove， rectify', 'remove, rectify', 'syntax', "Replace '，' with ','"],
        ['reports > 3；', 'reports > 3', 'syntax', "Remove '；'"],
        ['channel = selfMedia', 'channel == selfMedia', 'syntax', "Replace '=' with '=='"],
        ['selfMedia&&reports', 'selfMedia and reports', 'syntax', "Replace '&&' with 'and'"],
        ['deadline: 5 days', 'deadline: 5d', 'syntax', "Replace '5 days' with '5d'"],
        ['after 2小时', 'after 2h', 'syntax', "Replace '2小时' with '2h'"],
        ['5000元', '5000 CNY', 'invalid-literal', "Change to '5000 CNY'"],
        ['5,000 CNY', '5000 CNY', 'syntax', "Replace '5,000' with '5000'"],
        ['responsibel reviewer', 'responsible reviewer', 'syntax', "Change to 'responsible'"],
    ];

    test.each(SLIPS)('%s: the fix writes %s', async (wrong, right, code, title) => {
        expect(RULES).toContain(right);
        const [d] = await diagnose(RULES.replace(right, wrong), code);
        const actions = await actionsFor(d);
        expect([actions[0].title, actions[0].isPreferred]).toEqual([title, true]);
        expect(await applyAction(actions[0])).toBe(RULES);
        expect(client.codes(FILE)).toEqual([]);
    });

    test('every full-width comma of a file at once', async () => {
        const text = RULES.replace('remove, rectify', 'remove， rectify').replace('remove, fine', 'remove，fine');
        const diagnostics = await diagnose(text, 'syntax');
        expect(diagnostics).toHaveLength(2);
        const all = (await actionsFor(diagnostics[0])).find(a => a.title.startsWith('Fix all'))!;
        expect(all.title).toBe("Fix all 'syntax' problems in this file (2)");
        expect(await applyAction(all)).toBe(RULES);
    });

    test('a misspelt import: corrected from the import, or from any name it left unresolved', async () => {
        const text = RULES.replace('import demo.common.*', 'import demo.comon.*');
        const [imp] = await diagnose(text, 'unresolved-import');
        expect(imp.message).toBe("No package 'demo.comon' in the workspace; did you mean 'demo.common'?");
        const fromImport = await actionsFor(imp);
        expect(fromImport.map(a => a.title)).toEqual(["Change to 'demo.common.*'"]);
        expect(await applyAction(fromImport[0])).toBe(RULES);

        const names = await diagnose(text, 'unresolved-reference');
        const reviewer = names.find(d => String(d.message).includes("'reviewer'"))!;
        expect(reviewer.message).toBe("Cannot find a post named 'reviewer'. 'reviewer' is declared in demo.common; add import demo.common.*");
        const fromName = await actionsFor(reviewer);
        expect(fromName.map(a => [a.title, a.isPreferred ?? false])).toEqual([
            ["Change 'import demo.comon.*' to 'import demo.common.*'", true],
            ["Add 'import demo.common.reviewer'", false],
            ["Add 'import demo.common.*'", false],
            ["Write the qualified name 'demo.common.reviewer'", false],
            [`Fix all 'unresolved-reference' problems in this file (${names.length})`, false],
        ]);
        expect(await applyAction(fromName[0])).toBe(RULES);
        expect(client.codes(FILE)).toEqual([]);
    });

    test('a file full of slips: the other requests answer too', async () => {
        const text = RULES.replace('remove, rectify', 'remove， rectify').replace('channel == selfMedia and', '！channel = selfMedia &&')
            .replace('deadline: 5d', 'deadline：5 天').replace('5000 CNY', '5,000元').replace('responsible reviewer', 'responsibel reviewer');
        await diagnose(text, 'syntax');
        const uri = client.uri(FILE);
        const whole = { start: { line: 0, character: 0 }, end: { line: text.split('\n').length, character: 0 } };
        const answers = await Promise.all([
            client.request('textDocument/semanticTokens/full', { textDocument: { uri } }),
            client.request('textDocument/documentSymbol', { textDocument: { uri } }),
            client.request('textDocument/foldingRange', { textDocument: { uri } }),
            client.request('textDocument/hover', client.at(FILE, 'selfMedia')),
            client.request('textDocument/completion', client.at(FILE, '&&', 2)),
            client.request('textDocument/inlayHint', { textDocument: { uri }, range: whole }),
            client.request('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } }),
        ]);
        expect(answers.every(a => a !== undefined)).toBe(true);
        // A file with syntax errors is not formatted.
        expect(answers[6]).toEqual([]);
        await client.change(FILE, RULES);
        await client.settle();
    });
});
