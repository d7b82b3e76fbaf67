/**
 * The post management list in the editor, over stdio: the `post-surface` warning as the server
 * publishes it (with its quick fix), completion of the surfaces after `manages`, and hover on a post.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CodeAction, CompletionList, Hover } from 'vscode-languageserver-protocol';
import { LspClient, positionAt } from '../helpers/lsp-client.js';
import { fixtureWorkspace } from './fixture.js';

const DESKS = `package demo.desks
managed attribute place: enum { information, comment, ranking } "管理对象"
post desk "审核" manages information, comment
post ops "运营" manages ranking
`;

const RULE = `package demo.desk.rules
import demo.common.*
import demo.desks.*
category listing "榜单"
rule onRanking {
    category listing
    severity serious
    when place == ranking
    responsible desk
    actions remove
}
`;

const DESKS_FILE = 'desks/desks.govrule';
const RULE_FILE = 'desks/rule.govrule';
let client: LspClient;

beforeAll(async () => {
    client = await LspClient.start(fixtureWorkspace({ [DESKS_FILE]: DESKS, [RULE_FILE]: RULE }));
});
afterAll(async () => client.stop());

describe('post-surface in the editor', () => {
    test('the warning sits on the responsible post; its quick fix names a post that manages the surface', async () => {
        await client.open(RULE_FILE, RULE);
        await client.settle();
        const found = client.diagnostics(RULE_FILE).filter(d => d.code === 'post-surface');
        expect(found).toHaveLength(1);
        const [d] = found;
        expect(d!.severity).toBe(2);
        expect(d!.range).toEqual({ start: positionAt(RULE, RULE.indexOf('desk\n')), end: positionAt(RULE, RULE.indexOf('desk\n') + 4) });
        expect(d!.message).toBe("The rule's condition restricts the case to ranking, which the responsible post 'desk' does not manage (it manages information, comment); did you mean 'ops'?");
        const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
            textDocument: { uri: client.uri(RULE_FILE) }, range: d!.range, context: { diagnostics: [d] },
        });
        const fix = actions.find(a => a.kind === 'quickfix' && JSON.stringify(a.edit).includes('"ops"'));
        expect(fix, JSON.stringify(actions)).toBeDefined();
    });

    test('the lint goes away when the post manages the surface', async () => {
        const fixed = RULE.replace('responsible desk', 'responsible ops');
        await client.change(RULE_FILE, fixed);
        await client.settle();
        expect(client.codes(RULE_FILE).filter(c => c.startsWith('post-surface'))).toEqual([]);
        await client.change(RULE_FILE, RULE);
        await client.settle();
        expect(client.codes(RULE_FILE).filter(c => c.startsWith('post-surface'))).toEqual(['post-surface 9:17']);
    });
});

describe('surfaces in completion and hover', () => {
    test('after `manages` and after a comma: the managed attribute\'s members not yet listed', async () => {
        await client.open(DESKS_FILE, DESKS);
        const complete = async (text: string, at: string) => {
            await client.change(DESKS_FILE, text);
            const position = positionAt(text, text.indexOf(at) + at.length);
            return (await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: client.uri(DESKS_FILE) }, position })).items;
        };
        const first = await complete(DESKS.replace('post ops "运营" manages ranking', 'post ops "运营" manages '), '"运营" manages ');
        expect(first.map(i => i.label)).toEqual(['information', 'comment', 'ranking']);
        expect(first[0]!.detail).toBe('a surface: value of the managed attribute place');
        const next = await complete(DESKS.replace('post ops "运营" manages ranking', 'post ops "运营" manages ranking, '), 'ranking, ');
        expect(next.map(i => i.label)).toEqual(['information', 'comment']);
        await client.change(DESKS_FILE, DESKS);
    });

    test('hover on a post lists what it manages', async () => {
        const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: client.uri(RULE_FILE) }, position: positionAt(RULE, RULE.indexOf('desk\n') + 1) });
        expect(hover.contents).toEqual({ kind: 'markdown', value: '**post** `demo.desks.desk` — 审核\n\n- manages `information`, `comment`' });
    });
});
