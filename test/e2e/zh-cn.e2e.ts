/**
 * The packaged extension in a workbench whose display language is Chinese (issue 12): code-server
 * started with `--locale zh-cn`, with a stand-in language pack (language-pack.ts: without one,
 * code-server keeps everything in English). GovRule's command titles come from
 * package.nls.zh-cn.json, its status item and output from l10n/bundle.l10n.zh-cn.json, and the
 * extension host's display language is zh-cn, which the language client sends as
 * `initialize.locale` (read in its trace). Screenshots go to
 * out/e2e/screenshots/zh-cn-*.png. Prerequisites: bash scripts/setup-e2e.sh.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { CodeServer, installExtension, makeDirs, writeUserSettings, type CodeServerDirs } from './code-server.js';
import { govRuleLogs, saveEvidence, slug } from './evidence.js';
import { buildLanguagePack, registerLanguagePack } from './language-pack.js';
import { findPrerequisites, ROOT, exampleRuleCount, exampleRulesStatus, packagedExtension } from './prerequisites.js';
import { Workbench, launchBrowser } from './workbench.js';

const base = fs.mkdtempSync(path.join(os.tmpdir(), 'govrule-e2e-zh-'));
const shots = path.join(ROOT, 'out', 'e2e', 'screenshots');
const workspace = path.join(base, 'chongqing');
let server: CodeServer | undefined;
let context: BrowserContext | undefined;
let page: Page;
let bench: Workbench;
let dirs: CodeServerDirs | undefined;
let failed = false;

async function shot(name: string): Promise<void> {
    await bench.screenshot(path.join(shots, `zh-cn-${name}.png`));
}

/** The "GovRule" Output channel's log as written so far (the client's log, with the server's trace). */
function outputLog(): string {
    return dirs ? govRuleLogs(dirs.userData).map(file => fs.readFileSync(file, 'utf8')).join('\n') : '';
}

beforeAll(async () => {
    const prereq = findPrerequisites();
    fs.mkdirSync(shots, { recursive: true });
    for (const old of fs.readdirSync(shots).filter(name => /^(FAILED-)?zh-cn-/.test(name))) {
        fs.rmSync(path.join(shots, old), { recursive: true, force: true });
    }
    console.log(`e2e (zh-cn): workspace, logs and profiles in ${base} (kept if a step fails)`);

    const vsix = packagedExtension();
    fs.cpSync(path.join(ROOT, 'examples', 'chongqing'), workspace, { recursive: true, filter: src => !src.includes(`${path.sep}dist`) });

    dirs = makeDirs(path.join(base, 'code-server'));
    writeUserSettings(dirs, {
        // The client's trace of the LSP messages goes to the "GovRule" channel (at the trace log
        // level, which `--log trace` sets): it shows what `initialize` carries.
        'govrule.trace.server': 'verbose',
    });
    console.log(await installExtension(prereq, dirs, buildLanguagePack(path.join(base, 'language-pack'))));
    console.log(await installExtension(prereq, dirs, vsix));
    registerLanguagePack(dirs.userData, dirs.extensions);
    server = await CodeServer.start(prereq, dirs, workspace, path.join(base, 'code-server.log'), ['--locale', 'zh-cn', '--log', 'trace']);

    context = await launchBrowser(prereq.chromium, path.join(base, 'chromium-profile'));
    page = context.pages()[0] ?? await context.newPage();
    bench = new Workbench(page);
    await page.goto(server.folderUrl(workspace));
    await bench.ready();
});

afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail') {
        return;
    }
    failed = true;
    const folder = path.join(shots, `FAILED-zh-cn-${slug(task.name)}`);
    const saved = dirs ? await saveEvidence(page, dirs.userData, folder) : [];
    console.log(`e2e (zh-cn): "${task.name}" failed; evidence in ${folder}: ${saved.join(', ')}`);
});

afterAll(async () => {
    await context?.close();
    await server?.stop();
    if (failed) {
        console.log(`e2e (zh-cn): failed; the code-server log and the workbench's HTML are in ${base}`);
    } else {
        fs.rmSync(base, { recursive: true, force: true });
    }
});

describe('GovRule in a Chinese VS Code', () => {
    test('the workbench runs in zh-cn and the extension host knows it: the output channel says so in Chinese', async () => {
        await bench.openFile('qinglang/rumor.govrule');
        // vscode.env.language inside the extension host (which vscode-languageclient sends as
        // initialize.locale), written through the Chinese bundle.
        await expect.poll(outputLog, { timeout: 120_000 }).toContain('显示语言：zh-cn；GovRule 信息语言：zh-CN');
    });

    test('the language client sends the display language to the server as initialize.locale', async () => {
        await expect.poll(outputLog, { timeout: 60_000 }).toMatch(/Sending request 'initialize[^\n]*\n[\s\S]*?"locale": "zh-cn"/);
    });

    test('the status item speaks Chinese (vscode.l10n, l10n/bundle.l10n.zh-cn.json)', async () => {
        const item = bench.statusBarItem(`GovRule：${exampleRuleCount()} 条规则`);
        await item.waitFor({ timeout: 120_000 });
        expect(await item.getAttribute('aria-label')).toMatch(new RegExp(`^GovRule：${exampleRuleCount()} 条规则 · \\d+ 个测试 ✓$`));
        await shot('status-bar');
    });

    test('the command palette shows the Chinese command titles (package.nls.zh-cn.json)', async () => {
        await page.keyboard.press('F1');
        const input = page.locator('.quick-input-widget .quick-input-box input');
        await input.waitFor();
        await input.fill('>GovRule');
        // Each row is announced by its title; VS Code adds the English title below it as an alias.
        const rows = page.locator('.quick-input-widget .monaco-list-row');
        const expected = ['GovRule: 编译工作区', 'GovRule: 预览编译后的 JSON', 'GovRule: 与其他版本比较…', 'GovRule: 重启语言服务器', 'GovRule: 显示输出',
            'GovRule: 试判定…', 'GovRule: 创建 govrule.json', 'GovRule: 新建规则文件'];
        await expect.poll(async () => (await rows.evaluateAll((els: any[]) => els.map(el => String(el.getAttribute('aria-label')))))
            .filter(label => label.startsWith('GovRule')).sort(), { timeout: 30_000 }).toEqual([...expected].sort());
        const compile = rows.filter({ has: page.locator('[data-quick-input-id="govrule.compileWorkspace"]') }).first();
        expect(await compile.innerText()).toMatch(/GovRule: 编译工作区[\s\S]*GovRule: Compile Workspace/);
        await shot('command-palette');
        await page.keyboard.press('Escape');
        await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    });

    test('a Chinese command runs: "GovRule: 显示输出" opens the GovRule channel', async () => {
        await bench.runCommand('GovRule: 显示输出');
        // The panel shows the channel's log (its first lines may have scrolled away under the trace).
        await page.locator('.part.panel .monaco-editor[data-uri$="GovRule.log"]').first().waitFor({ timeout: 30_000 });
        await shot('output');
    });

    test('govrule.locale overrides the display language for GovRule\'s own texts, and back', async () => {
        const settings = path.join(workspace, '.vscode', 'settings.json');
        fs.mkdirSync(path.dirname(settings), { recursive: true });
        fs.writeFileSync(settings, JSON.stringify({ 'govrule.locale': 'en' }));
        await bench.statusBarItem(exampleRulesStatus()).waitFor({ timeout: 60_000 });
        await expect.poll(outputLog, { timeout: 30_000 }).toContain('Display language: zh-cn; GovRule messages: en');
        await shot('locale-setting-en');
        fs.writeFileSync(settings, JSON.stringify({ 'govrule.locale': 'auto' }));
        await bench.statusBarItem(`GovRule：${exampleRuleCount()} 条规则`).waitFor({ timeout: 60_000 });
    });

    test('the Problems view shows the diagnostic in Chinese: a rule without its severity clause', async () => {
        fs.writeFileSync(path.join(workspace, 'qinglang', 'zh-e2e.govrule'), [
            'package chongqing.qinglang',
            'import chongqing.common.*',
            '',
            'rule noSeverity "缺少严重程度" {',
            '    category rumor',
            '    responsible reviewer',
            '    actions remove',
            '}',
            '',
        ].join('\n'));
        await bench.openFile('qinglang/zh-e2e.govrule');
        await bench.problemCounts('Errors: 1').waitFor({ timeout: 60_000 });
        const row = (await bench.problems('缺少“severity”子句')).first();
        await row.waitFor({ timeout: 60_000 });
        expect(await row.innerText()).toContain('规则“noSeverity”缺少“severity”子句');
        await bench.statusBarItem('GovRule：有 1 个错误，测试暂停').waitFor({ timeout: 60_000 });
        await shot('problems-view');
    });
});
