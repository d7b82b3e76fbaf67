/**
 * Campaigns through the real server: completion of the clause and of campaign names, hover of a
 * campaign and of a rule that joins one, references, rename across files, the campaign-period
 * diagnostic with its quick fix, and the outline.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CodeAction, CompletionItem, CompletionList, Diagnostic, DocumentSymbol, Hover, Location, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { applyEdits, LspClient, positionAt } from '../helpers/lsp-client.js';
import { fixtureWorkspace } from './fixture.js';

const CAMPAIGNS = 'rules/campaigns.govrule';
const JOINING = 'rules/joining.govrule';
const CAMPAIGNS_TEXT = `package demo.rules

/** 2026 年专项行动 */
campaign businessEnvironment "清朗·优化营商网络环境" effective 2026-03-01 .. 2026-12-31
campaign summer "暑期专项" effective 2026-07-01 .. 2026-08-31
`;
const JOINING_TEXT = `package demo.joining
import demo.common.*
import demo.rules.*

rule selfMedia "自媒体涉企谣言" {
    category rumor.enterprise
    severity serious
    responsible reviewer
    actions remove
    campaign businessEnvironment
    effective 2026-01-01 .. 2026-06-30
}

rule holiday {
    category rumor.disaster
    severity minor
    responsible reviewer
    actions remove
    priority 1
    campaign demo.rules.summer
}
`;

let client: LspClient;

beforeAll(async () => {
    client = await LspClient.start(fixtureWorkspace({ [CAMPAIGNS]: CAMPAIGNS_TEXT, [JOINING]: JOINING_TEXT }));
    expect(client.codes(CAMPAIGNS)).toEqual([]);
    expect(client.codes(JOINING)).toEqual([]);
});
afterAll(async () => client.stop());

async function hoverText(file: string, needle: string, offset = 0): Promise<string> {
    const result = await client.request<Hover | null>('textDocument/hover', client.at(file, needle, offset));
    return (result?.contents as { value: string } | undefined)?.value ?? '';
}

async function restore(): Promise<void> {
    await client.change(CAMPAIGNS, CAMPAIGNS_TEXT);
    await client.change(JOINING, JOINING_TEXT);
    await client.settle();
}

describe('campaigns in the editor', () => {
    test('completion: the campaign clause in a rule, then the campaigns visible there', async () => {
        const edited = JOINING_TEXT.replace('    campaign demo.rules.summer\n', '    \n');
        await client.change(JOINING, edited);
        const clauseAt = positionAt(edited, edited.lastIndexOf('    \n') + 4);
        const clauses = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: client.uri(JOINING) }, position: clauseAt });
        expect(clauses.items.filter(i => i.kind === 14).map(i => i.label)).toContain('campaign');

        const withKeyword = JOINING_TEXT.replace('    campaign demo.rules.summer\n', '    campaign \n');
        await client.change(JOINING, withKeyword);
        const nameAt = positionAt(withKeyword, withKeyword.lastIndexOf('campaign ') + 'campaign '.length);
        const names = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: client.uri(JOINING) }, position: nameAt });
        const campaigns = names.items.filter((i: CompletionItem) => ['businessEnvironment', 'summer'].includes(i.label));
        expect(campaigns.map(i => [i.label, i.detail])).toEqual([
            ['businessEnvironment', 'campaign demo.rules.businessEnvironment'],
            ['summer', 'campaign demo.rules.summer'],
        ]);
        // Only campaigns: no post, action or rule is offered after the keyword.
        expect(names.items.map(i => i.label)).not.toContain('reviewer');
        await restore();
    });

    test('hover: a campaign shows its label, period and doc; a rule shows its campaign and its period in force', async () => {
        expect(await hoverText(JOINING, 'campaign businessEnvironment', 9)).toBe(
            '**campaign** `demo.rules.businessEnvironment` — 清朗·优化营商网络环境\n\n- runs: 2026-03-01 to 2026-12-31\n\n2026 年专项行动');
        const rule = await hoverText(JOINING, 'rule selfMedia', 5);
        expect(rule).toContain('- campaign: `businessEnvironment` (清朗·优化营商网络环境)');
        // Its own 2026-01-01 .. 2026-06-30 within the campaign's 2026-03-01 .. 2026-12-31.
        expect(rule).toContain('- in force: 2026-03-01 to 2026-06-30');
    });

    test('references of a campaign: its declaration and every rule that joins it', async () => {
        const locations = await client.request<Location[]>('textDocument/references', {
            ...client.at(CAMPAIGNS, 'summer'), context: { includeDeclaration: true },
        });
        const found = locations.map(l => [l.uri === client.uri(CAMPAIGNS) ? CAMPAIGNS : l.uri === client.uri(JOINING) ? JOINING : l.uri, l.range.start.line]);
        expect(found).toEqual([[CAMPAIGNS, 4], [JOINING, 19]]);
    });

    test('rename a campaign: the declaration and the references, qualified or not', async () => {
        const edit = await client.request<WorkspaceEdit>('textDocument/rename', { ...client.at(JOINING, 'businessEnvironment'), newName: 'yingshang' });
        const changes = edit.changes ?? {};
        expect(Object.keys(changes).sort()).toEqual([client.uri(CAMPAIGNS), client.uri(JOINING)].sort());
        expect(applyEdits(CAMPAIGNS_TEXT, changes[client.uri(CAMPAIGNS)])).toContain('campaign yingshang "清朗·优化营商网络环境"');
        expect(applyEdits(JOINING_TEXT, changes[client.uri(JOINING)])).toContain('    campaign yingshang\n');
        const summer = await client.request<WorkspaceEdit>('textDocument/rename', { ...client.at(CAMPAIGNS, 'summer'), newName: 'holidays' });
        expect(applyEdits(JOINING_TEXT, summer.changes![client.uri(JOINING)])).toContain('    campaign demo.rules.holidays\n');
    });

    test('campaign-period on the rule\'s effective clause, fixed with the campaign\'s period', async () => {
        const outside = JOINING_TEXT.replace('effective 2026-01-01 .. 2026-06-30', 'effective 2025-01-01 .. 2025-12-31');
        await client.change(JOINING, outside);
        await client.settle();
        const diagnostic = client.diagnostics(JOINING).find((d: Diagnostic) => d.code === 'campaign-period')!;
        expect(diagnostic.message).toBe("Rule 'selfMedia' is in force 2025-01-01 .. 2025-12-31, which shares no day with campaign 'businessEnvironment' (2026-03-01 .. 2026-12-31): the rule would never apply");
        expect(diagnostic.range).toEqual({ start: client.position(JOINING, 'effective 2025'), end: client.position(JOINING, 'effective 2025', 'effective 2025-01-01 .. 2025-12-31'.length) });
        const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
            textDocument: { uri: client.uri(JOINING) }, range: diagnostic.range, context: { diagnostics: [diagnostic] },
        });
        const fix = actions.find(a => a.title === "Use the campaign's period")!;
        expect(fix.isPreferred).toBe(true);
        const fixed = applyEdits(outside, fix.edit!.changes![client.uri(JOINING)]);
        expect(fixed).toContain('    effective 2026-03-01 .. 2026-12-31\n');
        await client.change(JOINING, fixed);
        await client.settle();
        expect(client.codes(JOINING)).toEqual([]);
        await restore();
    });

    test('the outline lists campaigns', async () => {
        const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: client.uri(CAMPAIGNS) } });
        // Under the package, each campaign with its label.
        expect(symbols.map(s => s.name)).toEqual(['demo.rules']);
        expect(symbols[0].children!.map(s => [s.name, s.detail])).toEqual([['businessEnvironment', '清朗·优化营商网络环境'], ['summer', '暑期专项']]);
    });
});
