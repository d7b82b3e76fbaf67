/**
 * The language the server speaks, through the real server over stdio: the client's `initialize`
 * locale (VS Code sends its display language), overridden by the `govrule.locale` setting
 * (`auto`, `en`, `zh-CN`); a change of the setting words the diagnostics again. Diagnostics,
 * hover, completion, signature help, the outline, code lenses and the refusals of commands and
 * rename come back in Chinese for `zh-cn`, and in English, as before, for `en`.
 */
import { spawnSync } from 'node:child_process';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { CodeLens, CompletionItem, CompletionList, ConfigurationItem, Diagnostic, DocumentSymbol, Hover, SignatureHelp } from 'vscode-languageserver-protocol';
import { LspClient, SERVER_BIN, positionAt } from '../helpers/lsp-client.js';
import { RULES, fixtureWorkspace } from './fixture.js';

const FILE = 'rules/rules.govrule';
const TESTS_FILE = 'tests/tests.govrule';
const TESTS = `package demo.tests
import demo.common.*
import demo.rules.*

test "自媒体涉企谣言" {
    given rumor.enterprise { channel: selfMedia, reports: 5 }
    expect rule enterpriseRumor
}

test "数据泄露" {
    given leak { channel: app, verified: true }
    expect rule enterpriseRumor
}
`;

/** The fixture with `severity` taken out of enterpriseRumor: a missing-clause error (worded from the catalogue). */
const WITHOUT_SEVERITY = RULES.replace('    severity serious\n', '');
/** …and a second `responsible` clause in dataLeak: a duplicate-clause error. */
const BROKEN = WITHOUT_SEVERITY.replace('    responsible chiefEditor\n', '    responsible chiefEditor\n    responsible editor\n');

function workspace(): string {
    return fixtureWorkspace({ [TESTS_FILE]: TESTS });
}

async function hoverText(client: LspClient, needle: string, offset = 0, file = FILE): Promise<string> {
    const hover = await client.request<Hover | null>('textDocument/hover', client.at(file, needle, offset));
    return (hover?.contents as { value: string } | undefined)?.value ?? '';
}

async function complete(client: LspClient, needle: string, prefix: string): Promise<CompletionItem[]> {
    const edited = RULES.replace(needle, prefix);
    await client.change(FILE, edited);
    const position = positionAt(edited, edited.indexOf(prefix) + prefix.length);
    const result = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: client.uri(FILE) }, position });
    return result.items;
}

async function lensTitles(client: LspClient, file: string): Promise<string[]> {
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: client.uri(file) } });
    return lenses.sort((a, b) => a.range.start.line - b.range.start.line).map(lens => `${lens.range.start.line + 1}: ${lens.command?.title ?? ''}`);
}

/** The message of a request that fails. */
async function refusal(promise: Promise<unknown>): Promise<string> {
    try {
        await promise;
    } catch (err) {
        return (err as Error).message;
    }
    throw new Error('the request did not fail');
}

const messages = (diagnostics: Diagnostic[], code: string) => diagnostics.filter(d => d.code === code).map(d => d.message);

describe('a client whose display language is Chinese (initialize.locale = "zh-cn")', () => {
    let client: LspClient;

    beforeAll(async () => {
        client = await LspClient.start(workspace(), { locale: 'zh-cn' });
    });
    afterAll(async () => client.stop());

    test('diagnostics', async () => {
        await client.change(FILE, BROKEN);
        await client.settle();
        expect(messages(client.diagnostics(FILE), 'missing-clause')).toEqual(['规则“enterpriseRumor”缺少“severity”子句']);
        expect(messages(client.diagnostics(FILE), 'duplicate-clause')).toEqual(['规则“dataLeak”有多个“responsible”子句']);
        await client.change(FILE, RULES);
        await client.settle();
        expect(client.diagnostics(FILE)).toEqual([]);
    });

    test('hover: a rule with its labels and the escalation in Chinese words', async () => {
        expect(await hoverText(client, 'enterpriseRumor')).toBe([
            '**规则** `demo.rules.enterpriseRumor` — 涉企谣言处置',
            '',
            '- 类别：`rumor.enterprise`（涉企谣言）',
            '- 严重程度：`serious`（较重）',
            '- 责任岗位：`reviewer`（内容审核员）',
            '- 处置措施：`remove`（删除信息）、`rectify(deadline: 5d)`（责令限期改正）',
            '- 条件：`channel == selfMedia and reports > 3`',
            '- 升级：2 小时后 → 值班编辑，1 天后 → 市委网信办',
            '',
            '自媒体涉企谣言',
        ].join('\n'));
    });

    test('hover: kinds, values, the severity scale, categories and packages', async () => {
        expect(await hoverText(client, 'reviewer', 3)).toBe('**岗位** `demo.common.reviewer` — 内容审核员\n\n一线审核岗位');
        expect(await hoverText(client, 'after 2h', 7)).toBe('**时长** `2h`：2 小时（PT2H）');
        expect(await hoverText(client, 'deadline: 5d', 11)).toBe('**时长** `5d`：5 天（P5D）');
        expect(await hoverText(client, '100000 CNY', 2)).toBe('**金额** `100000 CNY`：100,000 元（CNY）');
        expect(await hoverText(client, '100000 CNY', 8)).toBe('**金额** `100000 CNY`：100,000 元（CNY）');
        expect(await hoverText(client, 'severity critical', 10)).toBe('**严重程度等级** `demo.common.critical` — 特别严重\n\n- 3 个等级中最高：minor < serious < **critical**');
        expect(await hoverText(client, 'rumor.enterprise', 8)).toBe('**类别** `demo.rules.rumor.enterprise` — 涉企谣言\n\n- 上级类别：`demo.rules.rumor`（网络谣言）');
        expect(await hoverText(client, 'channel ==')).toBe('**属性** `demo.common.channel` — 发布渠道\n\n- 类型：`enum { website, app, selfMedia }`\n- 每个事件都必须提供（无默认值）');
        expect(await hoverText(client, 'selfMedia')).toBe('**属性 channel 的枚举值** `selfMedia`');
        expect(await hoverText(client, 'deadline')).toBe('**处置措施 rectify 的参数** `deadline`\n\n- `deadline: duration`');
        expect(await hoverText(client, 'package demo.rules', 14)).toBe('**包** `demo.rules`\n\n- 2 个文件中共 7 个声明：rules/categories.govrule、rules/rules.govrule');
    });

    test('completion: details and documentation; a label finds its name', async () => {
        const posts = await complete(client, 'responsible reviewer', 'responsible ');
        const reviewer = posts.find(item => item.label === 'reviewer');
        expect(reviewer?.detail).toBe('岗位 demo.common.reviewer');
        expect(reviewer?.documentation).toEqual({ kind: 'markdown', value: '**岗位** `demo.common.reviewer` — 内容审核员\n\n一线审核岗位' });

        const clauses = await complete(client, 'responsible reviewer\n', 'responsible reviewer\n    pri');
        expect(clauses.find(item => item.label === 'priority')?.detail).toBe('规则子句');

        const durations = await complete(client, 'rectify(deadline: 5d)', 'rectify(deadline: ');
        expect(durations.find(item => item.label === '2h')?.detail).toBe('时长：2 小时');

        // `审核` is in the label of reviewer (内容审核员), not in its name: it is offered, and
        // choosing it writes the name over what was typed.
        const byLabel = await complete(client, 'responsible reviewer', 'responsible 审核');
        expect(byLabel.map(item => item.label)).toEqual(['reviewer']);
        const edit = byLabel[0]!.textEdit as { newText: string; range: { start: unknown; end: unknown } };
        const typedAt = client.text(FILE).indexOf('审核');
        expect(edit.newText).toBe('reviewer');
        expect(edit.range).toEqual({ start: positionAt(client.text(FILE), typedAt), end: positionAt(client.text(FILE), typedAt + 2) });
        // The client filters again by the filter text: the label from each of its characters on.
        expect(byLabel[0]!.filterText).toBe('reviewer 内容审核员 容审核员 审核员 核员 员');
        await client.change(FILE, RULES);
    });

    test('signature help and the outline', async () => {
        const text = RULES.replace('fine(amount: 5000 CNY)', 'fine(');
        await client.change(FILE, text);
        const help = await client.request<SignatureHelp>('textDocument/signatureHelp', { textDocument: { uri: client.uri(FILE) }, position: positionAt(text, text.indexOf('fine(') + 5) });
        expect(help.signatures[0]!.parameters!.map(p => p.documentation)).toEqual(['money：例如 `amount: 100000 CNY`', 'text，可选：例如 `note: "…"`']);
        await client.change(FILE, RULES);

        const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: client.uri(TESTS_FILE) } });
        expect(symbols[0]!.children!.map(s => s.detail)).toEqual(['测试 · 给定 rumor.enterprise', '测试 · 给定 leak']);
    });

    test('code lenses, before and after the tests ran', async () => {
        await client.settle();
        expect(await lensTitles(client, TESTS_FILE)).toEqual(['1: 运行全部测试', '5: 运行测试', '10: 运行测试']);
        expect(await lensTitles(client, FILE)).toEqual(['5: 1 个测试', '17: 没有测试', '25: 1 个测试']);
        await client.request('workspace/executeCommand', { command: 'govrule.runTests', arguments: [client.uri(TESTS_FILE)] });
        expect(await lensTitles(client, TESTS_FILE)).toEqual(['1: ✗ 1 个通过，1 个未通过 — 运行全部测试', '5: ✓ 通过 — 再次运行', '10: ✗ 未通过 — 再次运行']);
        await client.change(TESTS_FILE, TESTS);
    });

    test('commands and rename refuse in Chinese', async () => {
        expect(await refusal(client.request('workspace/executeCommand', { command: 'govrule.runTests', arguments: [] }))).toBe('govrule.runTests 需要一个文件的 URI');
        const tests = client.uri(TESTS_FILE);
        expect(await refusal(client.request('workspace/executeCommand', { command: 'govrule.runTests', arguments: [tests, '没有这个测试'] })))
            .toBe('tests/tests.govrule 中没有名为 "没有这个测试" 的测试');
        expect(await refusal(client.request('textDocument/rename', { ...client.at(FILE, 'reviewer', 1), newName: 'rule' })))
            .toBe('“rule”是 GovRule 的关键字，不能用作名称。');
        expect(await refusal(client.request('textDocument/rename', { ...client.at(FILE, 'reviewer', 1), newName: 'editor' })))
            .toBe('“demo.common.editor”已存在（common/vocab.govrule:12 中的岗位）。');
        await client.change(FILE, WITHOUT_SEVERITY);
        expect(await refusal(client.request('workspace/executeCommand', { command: 'govrule.compile', arguments: [] })))
            .toBe('无法编译：有 1 个错误（第一个：rules/rules.govrule:5:6 规则“enterpriseRumor”缺少“severity”子句）');
        await client.change(FILE, RULES);
    });
});

describe('a client whose display language is English (initialize.locale = "en")', () => {
    test('speaks English, as it always has', async () => {
        const client = await LspClient.start(workspace(), { locale: 'en' });
        try {
            await client.change(FILE, BROKEN);
            await client.settle();
            expect(messages(client.diagnostics(FILE), 'missing-clause')).toEqual(["Rule 'enterpriseRumor' has no 'severity' clause"]);
            expect(messages(client.diagnostics(FILE), 'duplicate-clause')).toEqual(["Rule 'dataLeak' has more than one 'responsible' clause"]);
            await client.change(FILE, RULES);
            await client.settle();
            expect(await hoverText(client, 'after 2h', 7)).toBe('**duration** `2h`: 2 hours (PT2H)');
            expect(await hoverText(client, 'enterpriseRumor')).toContain('- escalation: after 2 hours → 值班编辑, then after 1 day → 市委网信办');
            expect(await hoverText(client, '100000 CNY', 2)).toBe('**money** `100000 CNY`: 100,000 CNY');
            const reviewer = (await complete(client, 'responsible reviewer', 'responsible ')).find(item => item.label === 'reviewer');
            expect(reviewer?.detail).toBe('post demo.common.reviewer');
            // Labels find names whatever the language.
            expect((await complete(client, 'responsible reviewer', 'responsible 审核')).map(item => item.label)).toEqual(['reviewer']);
            await client.change(FILE, RULES);
            expect(await lensTitles(client, TESTS_FILE)).toEqual(['1: Run all tests', '5: Run test', '10: Run test']);
        } finally {
            await client.stop();
        }
    });
});

describe('the govrule.locale setting', () => {
    let client: LspClient | undefined;
    afterEach(async () => {
        await client?.stop();
        client = undefined;
    });

    /** Answers `govrule.locale` with the current value, and nothing for other sections. */
    function answering(setting: { value: unknown }): (item: ConfigurationItem) => unknown {
        return item => (item.section === 'govrule.locale' ? setting.value : null);
    }

    const missingClause = (c: LspClient) => messages(c.diagnostics(FILE), 'missing-clause')[0];

    test('overrides the client\'s locale, from the first build on, and a change words everything again', async () => {
        const setting = { value: 'en' as unknown };
        const root = fixtureWorkspace({ [FILE]: WITHOUT_SEVERITY, [TESTS_FILE]: TESTS });
        client = await LspClient.start(root, { locale: 'zh-cn', configuration: answering(setting) });
        const c = client;
        expect(c.configurationItems.filter(item => item.section === 'govrule.locale')).toEqual([{ section: 'govrule.locale' }]);
        expect(missingClause(c)).toBe("Rule 'enterpriseRumor' has no 'severity' clause");
        expect(await hoverText(c, 'after 2h', 7)).toBe('**duration** `2h`: 2 hours (PT2H)');

        setting.value = 'zh-CN';
        await c.configure({ govrule: { locale: 'zh-CN' } });
        await c.waitFor(() => missingClause(c) === '规则“enterpriseRumor”缺少“severity”子句', 'the diagnostics in Chinese');
        expect(await hoverText(c, 'after 2h', 7)).toBe('**时长** `2h`：2 小时（PT2H）');

        // `auto`: the client's language again (Chinese here); an unknown value counts as `auto`.
        setting.value = 'auto';
        await c.configure({ govrule: { locale: 'auto' } });
        await c.settle();
        expect(missingClause(c)).toBe('规则“enterpriseRumor”缺少“severity”子句');
        setting.value = 'tlh';
        await c.configure({ govrule: { locale: 'tlh' } });
        await c.settle();
        expect(missingClause(c)).toBe('规则“enterpriseRumor”缺少“severity”子句');

        setting.value = 'en';
        await c.configure({ govrule: { locale: 'en' } });
        await c.waitFor(() => missingClause(c) === "Rule 'enterpriseRumor' has no 'severity' clause", 'the diagnostics in English again');
    });

    test('results of tests worded in the old language are dropped when it changes', async () => {
        const setting = { value: 'auto' as unknown };
        client = await LspClient.start(workspace(), { locale: 'en', configuration: answering(setting) });
        const c = client;
        await c.request('workspace/executeCommand', { command: 'govrule.runTests', arguments: [c.uri(TESTS_FILE)] });
        await c.waitFor(() => messages(c.diagnostics(TESTS_FILE), 'test-failed').length === 1, 'the failed test');
        expect(await lensTitles(c, TESTS_FILE)).toEqual(['1: ✗ 1 passed, 1 failed — Run all tests', '5: ✓ passed — Run again', '10: ✗ failed — Run again']);

        setting.value = 'zh-CN';
        await c.configure({ govrule: { locale: 'zh-CN' } });
        await c.waitFor(() => messages(c.diagnostics(TESTS_FILE), 'test-failed').length === 0, 'the failure dropped');
        expect(await lensTitles(c, TESTS_FILE)).toEqual(['1: 运行全部测试', '5: 运行测试', '10: 运行测试']);
    });

    test('a client that cannot be asked pushes it', async () => {
        client = await LspClient.start(fixtureWorkspace({ [FILE]: WITHOUT_SEVERITY }), { locale: 'en' });
        const c = client;
        expect(c.configurationItems).toEqual([]);
        expect(missingClause(c)).toBe("Rule 'enterpriseRumor' has no 'severity' clause");
        await c.configure({ govrule: { locale: 'zh-CN' } });
        await c.waitFor(() => missingClause(c) === '规则“enterpriseRumor”缺少“severity”子句', 'the pushed language');
        // A client pushes the whole section: without `locale`, the setting is not set (auto).
        await c.configure({ govrule: { lint: {} } });
        await c.waitFor(() => missingClause(c) === "Rule 'enterpriseRumor' has no 'severity' clause", "the client's language again");
    });
});

describe('the server run from a shell', () => {
    test('says how to start it in the language of the environment', () => {
        const run = (env: NodeJS.ProcessEnv, args = ['--help']) => spawnSync(process.execPath, [SERVER_BIN, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH, ...env } });
        const chinese = run({ LANG: 'zh_CN.UTF-8' });
        expect(chinese.status).toBe(0);
        expect(chinese.stderr).toBe('用法：govrule-language-server --stdio | --node-ipc | --socket=PORT | --pipe=NAME\n\nGovRule 语言服务器。由编辑器启动，通过所选的传输方式以 LSP 通信。\n');
        const english = run({ LANG: 'zh_CN.UTF-8', LC_ALL: 'C' });
        expect(english.stderr).toBe('Usage: govrule-language-server --stdio | --node-ipc | --socket=PORT | --pipe=NAME\n\nThe GovRule language server. Editors start it and talk LSP over the chosen transport.\n');
        // Without a transport: the usage on stderr and exit code 2.
        const wrong = run({ LANG: 'zh_CN.UTF-8' }, []);
        expect(wrong.status).toBe(2);
        expect(wrong.stderr).toBe(chinese.stderr);
    });
});
