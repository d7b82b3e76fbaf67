/**
 * The second wave of workbench steps, in a code-server of their own: "Evaluate…" shows a decision
 * beside its event and follows edits, "Save as Test" adds a test that passes, the status item
 * shows only with a GovRule editor and its click runs the tests, completion opens after a typed
 * `responsible `, a test run on rules with errors says so in one readable notification, a bundle
 * is never written outside the folder, and several folders are offered in a quick pick.
 * Screenshots: out/e2e/screenshots/evaluate-*.png. Prerequisites: bash scripts/setup-e2e.sh.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { CodeServer, installExtension, makeDirs, writeUserSettings, type CodeServerDirs } from './code-server.js';
import { saveEvidence, slug } from './evidence.js';
import { findPrerequisites, ROOT, exampleRulesStatus, packagedExtension } from './prerequisites.js';
import { Workbench, launchBrowser } from './workbench.js';

const RULE_FILE = 'qinglang/rumor.govrule';
const TEST_FILE = 'tests/rumor.govrule';
const PREFIX = 'evaluate-';

const base = fs.mkdtempSync(path.join(os.tmpdir(), 'govrule-e2e-evaluate-'));
const shots = path.join(ROOT, 'out', 'e2e', 'screenshots');
const workspace = path.join(base, 'chongqing');
let server: CodeServer | undefined;
let context: BrowserContext | undefined;
let page: Page;
let bench: Workbench;
let dirs: CodeServerDirs | undefined;
let failed = false;

async function shot(name: string): Promise<void> {
    await bench.screenshot(path.join(shots, `${PREFIX}${name}.png`));
}

beforeAll(async () => {
    const prereq = findPrerequisites();
    fs.mkdirSync(shots, { recursive: true });
    for (const old of fs.readdirSync(shots).filter(name => name.startsWith(PREFIX) || name.startsWith(`FAILED-${PREFIX}`))) {
        fs.rmSync(path.join(shots, old), { recursive: true, force: true });
    }
    console.log(`e2e (evaluate): workspace, logs and profiles in ${base} (kept if a step fails)`);

    const vsix = packagedExtension();
    fs.cpSync(path.join(ROOT, 'examples', 'chongqing'), workspace, { recursive: true, filter: src => !src.includes(`${path.sep}dist`) });

    dirs = makeDirs(path.join(base, 'code-server'));
    writeUserSettings(dirs);
    console.log(await installExtension(prereq, dirs, vsix));
    server = await CodeServer.start(prereq, dirs, workspace, path.join(base, 'code-server.log'));
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
    const folder = path.join(shots, `FAILED-${PREFIX}${slug(task.name)}`);
    const saved = dirs ? await saveEvidence(page, dirs.userData, folder) : [];
    console.log(`e2e (evaluate): "${task.name}" failed; evidence in ${folder}: ${saved.join(', ')}`);
});

afterAll(async () => {
    await context?.close();
    await server?.stop();
    if (failed) {
        console.log(`e2e (evaluate): failed; the code-server log and the workbench's HTML are in ${base}`);
    } else {
        fs.rmSync(base, { recursive: true, force: true });
    }
});

/** The Markdown preview's document (a webview: two frames down). */
function preview() {
    return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}

/** A notification toast with this text. */
function toast(text: string | RegExp) {
    return page.locator('.notification-toast', { hasText: text }).first();
}

/** A code lens of the active editor with exactly this title. */
function lens(title: string | RegExp) {
    return bench.activeEditor().locator('.codelens-decoration a', { hasText: title });
}

describe('GovRule in VS Code: second wave', () => {
    test('the status item shows with a GovRule editor only, and a click runs the tests', async () => {
        await bench.openPath(RULE_FILE);
        const item = bench.statusBarItem(exampleRulesStatus());
        await item.waitFor({ timeout: 120_000 });
        await bench.problemCounts('No Problems').waitFor({ timeout: 60_000 });
        await shot('status-govrule-editor');
        await bench.openPath('govrule.json');
        await expect.poll(() => bench.languageMode().innerText()).toMatch(/^JSON/);
        await item.waitFor({ state: 'hidden' });
        await shot('status-hidden-in-json');
        await bench.openPath(TEST_FILE);
        await item.waitFor();
        // Nothing has run yet: the file's top lens offers to run its tests.
        await lens(/^Run all tests$/).waitFor({ timeout: 60_000 });
        await item.click();
        await lens(/^✓ \d+ passed — Run all tests$/).waitFor({ timeout: 60_000 });
        await shot('status-click-ran-tests');
    });

    test('completion opens by itself after typing `responsible `', async () => {
        await bench.openPath(RULE_FILE);
        await bench.goTo(8, 16);                      // responsible| reviewer
        await page.keyboard.press('Shift+End');
        await page.keyboard.press('Backspace');       // "    responsible|"
        await page.keyboard.type(' ');                // no Ctrl+Space
        const rows = page.locator('.editor-widget.suggest-widget.visible .monaco-list-row');
        await rows.first().waitFor({ timeout: 30_000 });
        const labels = await rows.locator('.label-name').allInnerTexts();
        expect(labels).toContain('reviewer');
        await shot('completion-after-responsible');
        await page.keyboard.type('reviewer');
        await page.keyboard.press('Escape');
        await bench.line('responsible reviewer').waitFor();
        await page.keyboard.press('Control+S');
        await bench.problemCounts('No Problems').waitFor({ timeout: 60_000 });
    });

    test('"Evaluate…" opens the event of a rule with its decision beside it, and the decision follows the event', async () => {
        await bench.openPath(RULE_FILE);
        // A lens above each rule.
        await expect.poll(() => lens(/^Evaluate…$/).count(), { timeout: 60_000 }).toBeGreaterThanOrEqual(3);
        await bench.goTo(19, 5);                      // inside enterpriseRumorSelfMedia
        await bench.runCommand('GovRule: Evaluate…');
        const event = page.locator('.monaco-editor[data-uri^="untitled:"]').first();
        await event.locator('.view-line', { hasText: '"selfMedia"' }).first().waitFor({ timeout: 30_000 });
        const winner = preview().locator('h3', { hasText: 'Winning rule' });
        await winner.waitFor({ timeout: 60_000 });
        expect(await winner.innerText()).toContain('chongqing.qinglang.enterpriseRumorSelfMedia');
        const body = await preview().locator('body').innerText();
        expect(body).toContain('after 3d to');
        expect(body).toContain('won over');
        await shot('evaluate-decision');

        // Another channel: the special rule no longer matches, the baseline wins.
        await event.locator('.view-lines').click();
        await expect.poll(() => bench.languageMode().innerText()).toMatch(/^JSON/);
        await page.keyboard.press('Control+A');
        await page.keyboard.press('Delete');          // a typed `{` would wrap the selection
        // One line: the editor indents after each typed line break.
        await page.keyboard.insertText(JSON.stringify({
            category: 'chongqing.qinglang.rumor.enterprise',
            attributes: { channel: 'website', sector: 'auto' },
            date: '2026-06-01',
        }));
        await expect.poll(() => winner.innerText(), { timeout: 60_000 }).toContain('chongqing.qinglang.enterpriseRumorBaseline');
        await shot('evaluate-decision-updated');
    });

    test('"Save as Test" appends the event and its decision to a test file, and the test passes', async () => {
        const file = path.join(workspace, TEST_FILE);
        const before = fs.readFileSync(file, 'utf8');
        await bench.runCommand('GovRule: Save as Test', true);
        await page.locator('.quick-input-widget .monaco-list-row', { hasText: TEST_FILE }).first().click();
        await toast(`saved the test in ${TEST_FILE}`).waitFor({ timeout: 60_000 });
        const after = fs.readFileSync(file, 'utf8');
        // Added at the end; nothing before it changed.
        expect(after.startsWith(before)).toBe(true);
        const added = after.slice(before.length);
        expect(added).toContain('expect rule enterpriseRumorBaseline');
        expect(added).toContain('on 2026-06-01');
        await bench.line('expect rule enterpriseRumorBaseline').waitFor();
        await shot('save-as-test');
        // The command line runs it with the others: all pass.
        const run = JSON.parse(execFileSync(process.execPath, [path.join(ROOT, 'bin', 'govrule.cjs'), 'test', '--reporter', 'json'], { cwd: workspace, encoding: 'utf8' }));
        const saved = run.tests.filter((t: { name: string }) => t.name.endsWith('decides this event'));
        expect(saved.map((t: { passed: boolean }) => t.passed)).toEqual([true]);
        // And the editor: run the file's tests from the lens at its top.
        // The save re-renders the file's lenses: a click can land on a lens being replaced, so
        // click again until the run's result shows.
        await page.keyboard.press('Control+Home');
        const passed = lens(/^✓ \d+ passed — Run all tests$/);
        await expect.poll(async () => {
            await lens(/Run all tests$/).first().click();
            return passed.waitFor({ timeout: 15_000 }).then(() => true, () => false);
        }, { timeout: 90_000, interval: 0 }).toBe(true);
        await shot('save-as-test-passed');
    });

    test('a test run on rules with an error says so in one readable notification', async () => {
        const rules = path.join(workspace, RULE_FILE);
        const original = fs.readFileSync(rules, 'utf8');
        fs.writeFileSync(rules, original.replace('responsible reviewer', 'responsible reviewr'));
        try {
            await bench.openPath(TEST_FILE);
            await bench.problemCounts('Errors: 1').waitFor({ timeout: 60_000 });
            await lens(/Run all tests$/).first().click();
            const note = toast('error in the rule files; fix it to run tests');
            await note.waitFor({ timeout: 60_000 });
            expect(await note.innerText()).toContain(`${RULE_FILE}:8:17`);
            await shot('test-run-error');
            await note.locator('.codicon-notifications-clear, .codicon-close').first().click().catch(() => undefined);
        } finally {
            fs.writeFileSync(rules, original);
        }
        await bench.problemCounts('No Problems').waitFor({ timeout: 60_000 });
    });

    test('"Compile Workspace" writes nothing outside the folder, even through a link that govrule.json names', async () => {
        const config = path.join(workspace, 'govrule.json');
        const original = fs.readFileSync(config, 'utf8');
        // `out` inside the folder by its path, outside by where a link in the folder leads.
        const outside = path.join(base, 'outside');
        fs.mkdirSync(outside, { recursive: true });
        fs.symlinkSync(outside, path.join(workspace, 'linked'));
        fs.writeFileSync(config, original.replace('"dist/govrule.bundle.json"', '"linked/bundle.json"'));
        try {
            await bench.openPath(RULE_FILE);
            await bench.runCommand('GovRule: Compile Workspace');
            const note = toast('not writing the bundle to');
            await note.waitFor({ timeout: 60_000 });
            expect(await note.innerText()).toContain('leads outside it');
            expect(fs.readdirSync(outside)).toEqual([]);
            await shot('compile-outside-refused');
        } finally {
            fs.writeFileSync(config, original);
            fs.rmSync(path.join(workspace, 'linked'));
        }
    });

    test('with several folders, "Compile Workspace" asks which one and compiles it', async () => {
        const second = path.join(base, 'second');
        fs.mkdirSync(second, { recursive: true });
        fs.writeFileSync(path.join(second, 'govrule.json'), '{ "include": ["**/*.govrule"], "out": "dist/bundle.json" }\n');
        // Its own package; the window's folders share one scale (the first folder's).
        fs.writeFileSync(path.join(second, 'extra.govrule'), 'package other.common\n\npost someone "某岗位"\n');
        const file = path.join(base, 'multi.code-workspace');
        fs.writeFileSync(file, JSON.stringify({ folders: [{ path: workspace }, { path: second }] }));
        const first = page;
        page = await context!.newPage();
        bench = new Workbench(page);
        await page.goto(server!.workspaceUrl(file));
        await bench.ready();
        await page.locator('.explorer-folders-view .monaco-list-row[aria-level="1"]', { hasText: 'second' }).waitFor({ timeout: 60_000 });
        await first.close();
        await bench.openPath('extra.govrule');
        await bench.statusBarItem('GovRule:').waitFor({ timeout: 120_000 });
        await bench.runCommand('GovRule: Compile Workspace', true);
        const rows = page.locator('.quick-input-widget .monaco-list-row');
        await rows.first().waitFor();
        await expect.poll(() => page.locator('.quick-input-widget .quick-input-box input').getAttribute('placeholder'), { timeout: 30_000 }).toMatch(/which folder/);
        expect((await rows.locator('.label-name').allInnerTexts()).sort()).toEqual(['chongqing', 'second']);
        await shot('multi-root-pick');
        await rows.filter({ hasText: 'second' }).first().click();
        await toast('compiled').waitFor({ timeout: 60_000 });
        const bundle = JSON.parse(fs.readFileSync(path.join(second, 'dist', 'bundle.json'), 'utf8'));
        expect(bundle.packages.map((p: { id: string }) => p.id)).toEqual(['other.common']);
        expect(fs.existsSync(path.join(workspace, 'dist'))).toBe(false);
        await shot('multi-root-compiled');
    });
});
