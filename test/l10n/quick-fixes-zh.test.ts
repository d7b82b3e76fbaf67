/**
 * Quick-fix titles and code links in Chinese, in-process on the language server's services
 * (the server over stdio checks the same fixes in English, test/lsp/code-actions.test.ts).
 */
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { afterEach, expect, test } from 'vitest';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { createGovRuleServices } from '../../language/src/lsp/server/lsp-module.js';
import { setLocale } from '../../language/src/l10n/index.js';
import { USES_VOCABULARY, VOCABULARY } from '../helpers/workspace.js';
import { A_RULE } from '../helpers/vocabulary.js';

afterEach(() => setLocale('en'));

const RULE = A_RULE;

/** Builds the vocabulary and `text` in `locale`; the quick fixes of each diagnostic of `code` in `text`. */
async function fixes(text: string, code: string, locale: 'en' | 'zh-CN' = 'zh-CN'): Promise<{ diagnostics: Diagnostic[]; titles: string[][] }> {
    setLocale(locale);
    const { shared, GovRule } = createGovRuleServices({ ...EmptyFileSystem });
    const documents: LangiumDocument[] = [['common', VOCABULARY], ['uses', USES_VOCABULARY], ['r', text]].map(([name, body]) => {
        const doc = shared.workspace.LangiumDocumentFactory.fromString(body!, URI.parse(`file:///ws/${name}.govrule`));
        shared.workspace.LangiumDocuments.addDocument(doc);
        return doc;
    });
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    const document = documents[2]!;
    const diagnostics = (document.diagnostics ?? []).filter(d => d.code === code);
    const provider = GovRule.lsp.CodeActionProvider!;
    const titles = await Promise.all(diagnostics.map(async d => {
        const actions = await provider.getCodeActions(document, { textDocument: { uri: document.uri.toString() }, range: d.range, context: { diagnostics: [d] } }) as CodeAction[];
        return actions.map(a => a.title);
    }));
    return { diagnostics, titles };
}

test('a label where a name belongs: change it to the name', async () => {
    const { diagnostics, titles } = await fixes(RULE.replace('responsible reviewer', 'responsible 内容审核员'), 'unresolved-reference');
    expect(diagnostics.map(d => d.message)).toEqual(['找不到名为“内容审核员”的岗位；是否应为“reviewer”（内容审核员）？']);
    expect(titles).toEqual([['改为“reviewer”']]);
});

test('a label of an action and of a severity level', async () => {
    const { titles } = await fixes(RULE.replace('actions remove', 'actions 删除信息').replace('severity serious', 'severity 较重'), 'unresolved-reference');
    const all = '修复本文件中所有“unresolved-reference”问题（2 处）';
    expect(titles).toEqual([['改为“serious”', all], ['改为“remove”', all]]);
});

test('a slip at the keyboard: replace the full-width comma, then fix all of them', async () => {
    const { titles } = await fixes(RULE.replace('actions remove', 'actions remove，rectify(deadline: 5d)，fine(amount: 1 CNY)'), 'syntax');
    expect(titles[0]).toEqual(['将“，”替换为“,”', '修复本文件中所有“syntax”问题（2 处）']);
});

test('a missing clause, an unused declaration, a missing import', async () => {
    expect((await fixes(RULE.replace('    actions remove\n', ''), 'missing-clause')).titles).toEqual([['添加“actions remove”', '添加“actions rectify”', '添加“actions fine”']]);
    expect((await fixes(`${RULE}post spare\n`, 'unused-declaration')).titles).toEqual([['删除未使用的岗位“spare”']]);
    expect((await fixes(RULE.replace('import demo.common.*\n', ''), 'unresolved-reference')).titles[0]).toEqual([
        '添加“import demo.common.serious”', '添加“import demo.common.*”', '写完整名称“demo.common.serious”',
    ]);
});

test('the same fixes in English are titled as before', async () => {
    const { titles } = await fixes(RULE.replace('responsible reviewer', 'responsible 内容审核员'), 'unresolved-reference', 'en');
    expect(titles).toEqual([["Change to 'reviewer'"]]);
});

test("the server links each code to the reference in the reader's language", async () => {
    const zh = await fixes(RULE.replace('responsible reviewer', 'responsible reviwer'), 'unresolved-reference');
    expect(zh.diagnostics.map(d => d.codeDescription?.href)).toEqual([expect.stringMatching(/\/docs\/zh-CN\/diagnostics\.md#unresolved-reference$/)]);
    const en = await fixes(RULE.replace('responsible reviewer', 'responsible reviwer'), 'unresolved-reference', 'en');
    expect(en.diagnostics.map(d => d.codeDescription?.href)).toEqual([expect.stringMatching(/\/docs\/diagnostics\.md#unresolved-reference$/)]);
});
