/** Hover through the real server. */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Hover } from 'vscode-languageserver-protocol';
import { LspClient } from '../helpers/lsp-client.js';
import { fixtureWorkspace } from './fixture.js';

const RULES = 'rules/rules.govrule';
let client: LspClient;

beforeAll(async () => {
    client = await LspClient.start(fixtureWorkspace());
});
afterAll(async () => client.stop());

async function hover(file: string, needle: string, offset = 0, occurrence = 1): Promise<Hover | null> {
    return client.request<Hover | null>('textDocument/hover', client.at(file, needle, offset, occurrence));
}

async function hoverText(file: string, needle: string, offset = 0, occurrence = 1): Promise<string> {
    const result = await hover(file, needle, offset, occurrence);
    return (result?.contents as { value: string } | undefined)?.value ?? '';
}

test('a reference: kind, qualified name, label and doc comment, with the hovered range', async () => {
    const result = await hover(RULES, 'reviewer', 3);
    expect(result?.contents).toEqual({ kind: 'markdown', value: '**post** `demo.common.reviewer` — 内容审核员\n\n一线审核岗位' });
    expect(result?.range).toEqual({ start: client.position(RULES, 'reviewer'), end: client.position(RULES, 'reviewer', 8) });
});

test('a declaration, hovered at its name', async () => {
    expect(await hoverText('common/vocab.govrule', 'fine ')).toBe(
        '**action** `demo.common.fine` — 罚款\n\n- `fine(amount: money, note: text?)`\n\n依法处以罚款');
});

test('a rule: summary with the escalation timeline in words', async () => {
    expect(await hoverText(RULES, 'enterpriseRumor')).toBe([
        '**rule** `demo.rules.enterpriseRumor` — 涉企谣言处置',
        '',
        '- categories: `rumor.enterprise` (涉企谣言)',
        '- severity: `serious` (较重)',
        '- responsible: `reviewer` (内容审核员)',
        '- actions: `remove` (删除信息), `rectify(deadline: 5d)` (责令限期改正)',
        '- when: `channel == selfMedia and reports > 3`',
        '- escalation: after 2 hours → 值班编辑, then after 1 day → 市委网信办',
        '',
        '自媒体涉企谣言',
    ].join('\n'));
});

test('each segment of a dotted name: the parent category, then the child', async () => {
    expect(await hoverText(RULES, 'rumor.enterprise', 1)).toMatch(/^\*\*category\*\* `demo\.rules\.rumor` — 网络谣言\n\n- sub-categories: `enterprise` \(涉企谣言\), `disaster` \(涉灾谣言\)/);
    expect(await hoverText(RULES, 'rumor.enterprise', 8)).toBe('**category** `demo.rules.rumor.enterprise` — 涉企谣言\n\n- inside `demo.rules.rumor` (网络谣言)');
});

test('a severity level shows its place in the scale', async () => {
    expect(await hoverText(RULES, 'severity critical', 10)).toBe(
        '**severity level** `demo.common.critical` — 特别严重\n\n- the highest of 3 levels: minor < serious < **critical**');
});

test('an attribute, an enum member and a parameter', async () => {
    expect(await hoverText(RULES, 'channel ==')).toBe('**attribute** `demo.common.channel` — 发布渠道\n\n- type: `enum { website, app, selfMedia }`\n- required in every event (no default)');
    expect(await hoverText(RULES, 'selfMedia')).toBe('**value of attribute channel** `selfMedia`');
    expect(await hoverText(RULES, 'deadline')).toBe('**parameter of action rectify** `deadline`\n\n- `deadline: duration`');
});

test('a duration: its length in words', async () => {
    expect(await hoverText(RULES, 'after 2h', 7)).toBe('**duration** `2h`: 2 hours (PT2H)');
    expect(await hoverText(RULES, 'deadline: 5d', 11)).toBe('**duration** `5d`: 5 days (P5D)');
});

test('an import and a package name', async () => {
    expect(await hoverText(RULES, 'demo.common.*', 6)).toBe('**package** `demo.common`\n\n- 14 declarations in 1 file: common/vocab.govrule');
    expect(await hoverText(RULES, 'package demo.rules', 14)).toBe('**package** `demo.rules`\n\n- 7 declarations in 2 files: rules/categories.govrule, rules/rules.govrule');
});

test('nothing to say on keywords, punctuation and comments', async () => {
    expect(await hover(RULES, 'escalate {')).toBeNull();
    expect(await hover(RULES, '{', 0, 2)).toBeNull();
    expect(await hover(RULES, '自媒体涉企谣言')).toBeNull();
});
