/**
 * The packaged extension in a real VS Code workbench: code-server on loopback, driven through
 * Debian's Chromium with playwright-core. Each step leaves a screenshot in the folder printed at
 * the start. Prerequisites: bash scripts/setup-e2e.sh.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { CodeServer, installExtension, makeDirs, writeUserSettings, type CodeServerDirs } from './code-server.js';
import { saveEvidence, slug } from './evidence.js';
import { findPrerequisites, ROOT, exampleRuleCount, exampleRulesStatus, packagedExtension } from './prerequisites.js';
import { Workbench, launchBrowser } from './workbench.js';

const RULE_FILE = 'qinglang/rumor.govrule';
/** The posts of examples/chongqing (common/vocabulary.govrule). */
const POSTS = ['reviewer', 'dutyEditor', 'chiefEditor', 'operations', 'technology'];

const base = fs.mkdtempSync(path.join(os.tmpdir(), 'govrule-e2e-'));
const shots = path.join(ROOT, 'out', 'e2e', 'screenshots');
const workspace = path.join(base, 'chongqing');
let server: CodeServer | undefined;
let context: BrowserContext | undefined;
let page: Page;
let bench: Workbench;
let dirs: CodeServerDirs | undefined;
let step = 0;
let failed = false;

async function shot(name: string): Promise<void> {
    step++;
    await bench.screenshot(path.join(shots, `${String(step).padStart(2, '0')}-${name}.png`));
}

beforeAll(async () => {
    const prereq = findPrerequisites();
    fs.mkdirSync(shots, { recursive: true });
    // Only this suite's screenshots (numbered) and failures: the other suites' (prefixed) keep theirs.
    for (const old of fs.readdirSync(shots).filter(name => /^(FAILED-(?!zh-cn-|tests-|evaluate-|restricted-|rulebook-)|\d\d-)/.test(name))) {
        fs.rmSync(path.join(shots, old), { recursive: true, force: true });
    }
    console.log(`e2e: screenshots in ${shots}`);
    console.log(`e2e: workspace, logs and profiles in ${base} (kept if a step fails)`);

    // The package users install, built as `npm run package` does (or one given in GOVRULE_E2E_VSIX).
    const vsix = packagedExtension();

    // A copy of the example, so that edits and the compiled bundle stay out of the repository.
    fs.cpSync(path.join(ROOT, 'examples', 'chongqing'), workspace, { recursive: true, filter: src => !src.includes(`${path.sep}dist`) });

    // A repository with one commit, for "Compare with…".
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=e2e', '-c', 'user.email=e2e@example.invalid', ...args], { cwd: workspace, stdio: 'ignore' });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-q', '-m', 'rules as they ship');

    dirs = makeDirs(path.join(base, 'code-server'));
    writeUserSettings(dirs, {
        'editor.hover.delay': 100,
    });
    console.log(await installExtension(prereq, dirs, vsix));
    server = await CodeServer.start(prereq, dirs, workspace, path.join(base, 'code-server.log'));

    context = await launchBrowser(prereq.chromium, path.join(base, 'chromium-profile'));
    page = context.pages()[0] ?? await context.newPage();
    bench = new Workbench(page);
    await page.goto(server.folderUrl(workspace));
    await bench.ready();
});

// A failed step leaves its evidence beside the screenshots, taken before anything else moves.
afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail') {
        return;
    }
    failed = true;
    const folder = path.join(shots, `FAILED-${slug(task.name)}`);
    const saved = dirs ? await saveEvidence(page, dirs.userData, folder) : [];
    console.log(`e2e: "${task.name}" failed; evidence in ${folder}: ${saved.join(', ')}`);
});

afterAll(async () => {
    if (page) {
        await shot('final').catch(() => undefined);
    }
    await context?.close();
    await server?.stop();
    // Keep the workspace, profiles and the code-server log only when something failed.
    if (failed) {
        console.log(`e2e: failed; the code-server log and the workbench's HTML are in ${base}`);
    } else {
        fs.rmSync(base, { recursive: true, force: true });
    }
});

/** Escapes text for a RegExp that must match it exactly. */
function exactly(text: string): RegExp {
    // Monaco renders spaces as no-break spaces.
    return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[ \u00a0]')}$`);
}

/** The rendered token of a line (a span inside the view line) with exactly this text. */
function token(lineText: string, text: string) {
    return bench.line(lineText).locator('span > span', { hasText: exactly(text) }).first();
}

/**
 * Loads a multi-root workspace into the current window and waits until its folder `root` shows.
 * code-server sometimes resolves a workspace file to no folders at all ("No Folder Opened", seen
 * 5 times in 44 loads on a busy machine, whether or not another window was open); that window
 * stays empty, so the step reloads it, as a person would, at most twice, and says so.
 */
async function openWorkspace(url: string, root: string): Promise<void> {
    const folder = page.locator('.explorer-folders-view .monaco-list-row[aria-level="1"]', { hasText: root });
    const empty = page.getByText('You have not yet added a folder to the workspace.');
    for (let load = 1; ; load++) {
        await (load === 1 ? page.goto(url) : page.reload());
        await bench.ready();
        await folder.or(empty).first().waitFor({ timeout: 60_000 });
        if (!(await empty.isVisible())) {
            return;
        }
        if (load === 3) {
            throw new Error(`the workspace ${url} opened with no folders ${load} times`);
        }
        console.log(`e2e: the workspace opened with no folders (load ${load}); reloading the window`);
    }
}

describe('GovRule in VS Code', () => {
    test('a rule file is colored by the grammar', async () => {
        await bench.openFile(RULE_FILE);
        await bench.line('rule enterpriseRumorBaseline').waitFor();
        const read = async () => ({
            keyword: await Workbench.color(token('rule enterpriseRumorBaseline', 'rule')),
            label: await Workbench.color(token('rule enterpriseRumorBaseline', '"涉企谣言一般处置"')),
            docComment: await Workbench.color(bench.activeEditor().locator('.view-line span > span', { hasText: '涉企谣言的兜底规则' }).first()),
            duration: await Workbench.color(token('after 2h', '2h')),
            // Monaco's class for text without a scope of its own.
            plain: await Workbench.color(bench.activeEditor().locator('.view-line span.mtk1').first()),
        });
        // A token the editor renders anew between finding and reading it (code lenses and inlay
        // hints arrive and re-render the lines) reads as no color: read until all are on the page.
        let colors = await read();
        await expect.poll(async () => Object.values(colors = await read()).includes(''), { timeout: 30_000 }).toBe(false);
        console.log('e2e: token colors', colors);
        const { plain, ...colored } = colors;
        expect(new Set(Object.values(colored)).size).toBe(Object.keys(colored).length);
        expect(Object.values(colored)).not.toContain(plain);
        await shot('grammar-colors');
    });

    test('the status bar says how many rules and tests the workspace has once the server has indexed it', async () => {
        const item = bench.statusBarItem(exampleRulesStatus());
        await item.waitFor({ timeout: 120_000 });
        expect(await item.getAttribute('aria-label')).toMatch(new RegExp(`^${exampleRulesStatus()} · \\d+ tests ✓$`));
        await bench.problemCounts('No Problems').waitFor();
        await shot('status-bar');
    });

    test('a broken reference shows in the Problems view with its code', async () => {
        await bench.goTo(8, 17);                      // responsible |reviewer
        await page.keyboard.press('Shift+End');
        await page.keyboard.type('reviewr');
        await bench.line('responsible reviewr').waitFor();
        await bench.problemCounts('Errors: 1').waitFor({ timeout: 60_000 });
        await bench.statusBarItem('GovRule: tests wait for 1 error').waitFor();
        const row = (await bench.problems('reviewr')).first();
        await row.waitFor();
        const text = await row.innerText();
        expect(text).toContain('unresolved-reference');
        expect(text).toContain("did you mean 'reviewer'");
        await shot('problems-view');
    });

    test('completion after `responsible ` offers posts only', async () => {
        await page.locator('.editor-group-container .monaco-editor[data-uri$="rumor.govrule"] .view-lines').first().click();
        await bench.goTo(8, 17);
        await page.keyboard.press('Shift+End');
        await page.keyboard.press('Backspace');       // "    responsible |"
        await page.keyboard.press('Control+Space');
        const rows = page.locator('.editor-widget.suggest-widget.visible .monaco-list-row');
        await rows.first().waitFor({ timeout: 30_000 });
        await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(POSTS.length);
        // Runs in the page, which has the DOM (this project compiles without DOM types).
        const items = await rows.evaluateAll((els: any[]) => els.map(el => ({
            label: String(el.querySelector('.label-name')?.innerText ?? ''),
            snippet: el.querySelector('.codicon-symbol-snippet') !== null,
        })));
        console.log('e2e: completion items', items);
        const fromServer = items.filter(i => !i.snippet).map(i => i.label.split('.').pop());
        expect(fromServer.length).toBeGreaterThan(0);
        expect(fromServer.filter(label => !POSTS.includes(label!))).toEqual([]);
        expect(fromServer).toContain('reviewer');
        // Posts come first; VS Code's own snippets, if any, at the bottom.
        expect(items[0].snippet).toBe(false);
        await shot('completion-posts');
        // Accept `reviewer`: the rule is whole again.
        await page.keyboard.type('reviewer');
        await page.keyboard.press('Escape');
        await bench.line('responsible reviewer').waitFor();
        await bench.problemCounts('No Problems').waitFor({ timeout: 60_000 });
    });

    test('hover shows the label of a post', async () => {
        await bench.goTo(8, 20);                      // inside `reviewer`
        await bench.runCommand('Show or Focus Hover');
        const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: '内容审核员' }).first();
        await hover.waitFor({ timeout: 30_000 });
        expect(await hover.innerText()).toContain('reviewer');
        await shot('hover-label');
        await page.keyboard.press('Escape');
    });

    test('"Compile Workspace" writes a bundle that validates against the schema', async () => {
        const out = path.join(workspace, 'dist', 'govrule.bundle.json');
        expect(fs.existsSync(out)).toBe(false);
        await page.keyboard.press('Control+S');       // the CLI below reads the file from disk
        await bench.runCommand('GovRule: Compile Workspace');
        const note = page.locator('.notification-toast', { hasText: 'compiled' }).first();
        await note.waitFor({ timeout: 60_000 });
        expect(await note.innerText()).toContain('dist/govrule.bundle.json');
        await shot('compile-notification');
        const text = fs.readFileSync(out, 'utf8');
        const bundle = JSON.parse(text);
        const ajv = new Ajv({ allErrors: true, strict: false });
        const validate = ajv.compile(JSON.parse(fs.readFileSync(path.join(ROOT, 'language', 'schema', 'bundle.schema.json'), 'utf8')));
        expect(validate(bundle), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
        expect(bundle.rules.length).toBe(exampleRuleCount());
        // Byte for byte what the command line writes for the same files.
        const cli = path.join(base, 'cli.bundle.json');
        execFileSync(process.execPath, [path.join(ROOT, 'bin', 'govrule.cjs'), 'compile', '-o', cli], { cwd: workspace });
        expect(text).toBe(fs.readFileSync(cli, 'utf8'));
        // "Open Bundle" opens it.
        await note.locator('.monaco-button', { hasText: 'Open Bundle' }).click();
        await page.locator('.tabs-container .tab.active', { hasText: 'govrule.bundle.json' }).waitFor();
        await shot('bundle-opened');
    });

    test('the JSON preview updates after an edit', async () => {
        await bench.openFile(RULE_FILE);
        await bench.runCommand('GovRule: Preview Compiled JSON');
        const previewTab = page.locator('.tabs-container .tab', { hasText: 'rumor.govrule.bundle.json' }).first();
        await previewTab.waitFor({ timeout: 30_000 });
        const preview = page.locator('.monaco-editor[data-uri^="govrule-bundle:"]').first();
        await preview.locator('.view-line', { hasText: 'govrule-bundle' }).first().waitFor({ timeout: 60_000 });
        await shot('preview-open');

        // Search the preview for a marker that is not there yet.
        await preview.locator('.view-lines').click();
        await page.keyboard.press('Control+F');
        await page.keyboard.type('E2Emark');
        const count = preview.locator('.find-widget .matchesCount');
        await expect.poll(() => count.innerText()).toMatch(/No results/i);

        // Edit the rule's label in the rule file (the preview keeps its search open).
        await page.locator('.editor-group-container .monaco-editor[data-uri$="rumor.govrule"] .view-lines').first().click();
        await bench.goTo(5, 40);                      // inside the label "涉企谣言一般处置"
        await page.keyboard.type(' E2Emark');
        // One match ("? of 1" while the match is not selected).
        await expect.poll(() => count.innerText(), { timeout: 30_000 }).toMatch(/^(\?|1) of 1$/);
        // Jump to the match so that the screenshot shows the changed rule.
        await preview.locator('.find-widget .input').first().click();
        await page.keyboard.press('Enter');
        await preview.locator('.view-line', { hasText: 'E2Emark' }).first().waitFor();
        await shot('preview-updated');
    });

    test('"Compare with…" HEAD reports the unsaved label change in a Markdown preview', async () => {
        await bench.runCommand('GovRule: Compare with…', true);
        await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'the last commit' }).first().click();
        // The report opens in the Markdown preview, a webview: its text is two frames down.
        const report = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
        await report.getByText('E2Emark').first().waitFor({ timeout: 60_000 });
        expect(await report.locator('body').innerText()).toContain('enterpriseRumorBaseline');
        await shot('compare-with-head');
    });

    test('govrule.json is checked against the shipped JSON Schema', async () => {
        const config = path.join(workspace, 'govrule.json');
        const original = fs.readFileSync(config, 'utf8');
        fs.writeFileSync(config, original.replace('"out"', '"lint": { "unused-declaration": "loud" },\n    "out"'));
        try {
            await bench.openFile('govrule.json');
            const row = (await bench.problems('Value is not accepted')).first();
            await row.waitFor({ timeout: 60_000 });
            expect(await row.innerText()).toContain('"warning"');
            await shot('govrule-json-schema');
        } finally {
            fs.writeFileSync(config, original);
        }
    });

    test('an untitled GovRule document gets diagnostics', async () => {
        await bench.runCommand('File: New Untitled Text File');
        await expect.poll(() => bench.languageMode().innerText()).toBe('Plain Text');
        await bench.runCommand('Change Language Mode', true);
        const input = page.locator('.quick-input-widget .quick-input-box input');
        await expect.poll(() => input.getAttribute('placeholder')).toMatch(/language/i);
        await input.fill('GovRule');
        await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'GovRule' }).first().waitFor();
        await page.keyboard.press('Enter');
        // Each step waits for the state the workbench reaches: the picker closed, the editor in
        // GovRule mode and focused again, the text in the editor.
        await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
        await expect.poll(() => bench.languageMode().innerText()).toBe('GovRule');
        await bench.typeIntoEditor('package scratch\nimport nowhere.*\n');
        await bench.line('import nowhere.*').waitFor();
        // The untitled file's error is the only problem: its row is in view.
        await bench.problemCounts('Errors: 1').waitFor({ timeout: 60_000 });
        await (await bench.problems("'nowhere'")).filter({ hasText: 'unresolved-import' }).first().waitFor();
        await shot('untitled-document');
    });

    test('"Restart Language Server" brings the server back and "Show Output" shows its log', async () => {
        await bench.runCommand('GovRule: Restart Language Server');
        // The new server answers for the workspace (the untitled buffer is a world of its own) and
        // reports the untitled file's error again.
        await bench.statusBarItem(exampleRulesStatus()).waitFor({ timeout: 120_000 });
        await bench.problemCounts('Errors: 1').waitFor({ timeout: 120_000 });
        await bench.runCommand('GovRule: Show Output');
        // The GovRule channel, with the client's record of the old server process stopping.
        await page.locator('.part.panel').getByText(/server.process.exited/i).first().waitFor({ timeout: 30_000 });
        await shot('restart-and-output');
    });

    test('a multi-root workspace: names resolve across folders and each folder reports its problems', async () => {
        const second = path.join(base, 'second');
        fs.mkdirSync(second, { recursive: true });
        fs.writeFileSync(path.join(second, 'extra.govrule'), [
            'package extra',
            'import chongqing.common.*',
            '',
            'category misc "其他"',
            '',
            'rule miscBaseline "其他违规" {',
            '    category misc',
            '    severity minor',
            '    responsible reviewer',
            '    actions remove, remove, nosuchAction',
            '}',
            '',
        ].join('\n'));
        const file = path.join(base, 'multi.code-workspace');
        fs.writeFileSync(file, JSON.stringify({ folders: [{ path: workspace }, { path: second }] }));
        // In a window of its own, as a person opens a workspace file.
        const first = page;
        page = await context!.newPage();
        bench = new Workbench(page);
        await openWorkspace(server!.workspaceUrl(file), 'second');
        await first.close();
        expect(await page.locator('.explorer-folders-view .monaco-list-row[aria-level="1"]').allInnerTexts()).toEqual(['chongqing', 'second']);
        await bench.openFile('extra.govrule');
        // `reviewer` and `remove` come from the other folder; only the made-up action is wrong.
        await bench.problemCounts('Errors: 1, Warnings: 1').waitFor({ timeout: 120_000 });
        const rows = await bench.problems('unresolved-reference');
        await rows.first().waitFor();
        expect(await rows.first().innerText()).toContain('nosuchAction');
        await shot('multi-root');
    });

    test('govrule.lint.<code> settings of a folder re-level its lints', async () => {
        const settings = path.join(base, 'second', '.vscode', 'settings.json');
        fs.mkdirSync(path.dirname(settings), { recursive: true });
        fs.writeFileSync(settings, JSON.stringify({ 'govrule.lint.duplicate-action': 'error' }));
        await bench.problemCounts('Errors: 2').waitFor({ timeout: 60_000 });
        const row = (await bench.problems('duplicate-action')).first();
        // The severity as the row announces it (a focused row shows a light bulb instead of its icon).
        await expect.poll(() => row.getAttribute('aria-label')).toMatch(/^Error: /);
        await shot('lint-setting-error');
        fs.writeFileSync(settings, JSON.stringify({ 'govrule.lint.duplicate-action': 'off' }));
        await bench.problemCounts('Errors: 1').waitFor({ timeout: 60_000 });
        await row.waitFor({ state: 'detached' });
        fs.writeFileSync(settings, JSON.stringify({ 'govrule.lint.duplicate-action': 'inherit' }));
        await bench.problemCounts('Errors: 1, Warnings: 1').waitFor({ timeout: 60_000 });
    });
});
