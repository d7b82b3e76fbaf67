/**
 * GovRule's tests in VS Code's Testing view, in a workbench of their own (code-server, driven
 * through Chromium as in extension.e2e.ts): the example's test files and tests listed, all run
 * and passing, coverage per file, and a test whose expectation was edited failing with the
 * expected-versus-actual diff in the editor. Screenshots: out/e2e/screenshots/tests-*.png.
 * Prerequisites: bash scripts/setup-e2e.sh.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { CodeServer, installExtension, makeDirs, writeUserSettings, type CodeServerDirs } from './code-server.js';
import { saveEvidence, slug } from './evidence.js';
import { findPrerequisites, ROOT, exampleRulesStatus, packagedExtension } from './prerequisites.js';
import { Workbench, launchBrowser } from './workbench.js';

const base = fs.mkdtempSync(path.join(os.tmpdir(), 'govrule-e2e-tests-'));
const shots = path.join(ROOT, 'out', 'e2e', 'screenshots');
const workspace = path.join(base, 'chongqing');
const TEST_FILES = ['tests/data.govrule', 'tests/impersonation.govrule', 'tests/livestream.govrule', 'tests/profiteering.govrule', 'tests/rumor.govrule'];
let server: CodeServer | undefined;
let context: BrowserContext | undefined;
let page: Page;
let bench: Workbench;
let dirs: CodeServerDirs | undefined;
let failed = false;

async function shot(name: string): Promise<void> {
    await bench.screenshot(path.join(shots, `tests-${name}.png`));
}

beforeAll(async () => {
    const prereq = findPrerequisites();
    fs.mkdirSync(shots, { recursive: true });
    for (const old of fs.readdirSync(shots).filter(name => /^(FAILED-)?tests-/.test(name))) {
        fs.rmSync(path.join(shots, old), { recursive: true, force: true });
    }
    console.log(`e2e (tests): workspace, logs and profiles in ${base} (kept if a step fails)`);

    const vsix = packagedExtension();
    // A copy of the example: a step edits a test's expectation in it.
    fs.cpSync(path.join(ROOT, 'examples', 'chongqing'), workspace, { recursive: true, filter: src => !src.includes(`${path.sep}dist`) });

    dirs = makeDirs(path.join(base, 'code-server'));
    writeUserSettings(dirs, {
        // Runs keep the Testing view in the side bar: the steps look at its tree.
        'testing.openTesting': 'neverOpen',
    });
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
    const folder = path.join(shots, `FAILED-tests-${slug(task.name)}`);
    const saved = dirs ? await saveEvidence(page, dirs.userData, folder) : [];
    console.log(`e2e (tests): "${task.name}" failed; evidence in ${folder}: ${saved.join(', ')}`);
});

afterAll(async () => {
    await context?.close();
    await server?.stop();
    if (failed) {
        console.log(`e2e (tests): failed; the code-server log and the workbench's HTML are in ${base}`);
    } else {
        fs.rmSync(base, { recursive: true, force: true });
    }
});

/** A row of the Test Explorer; its aria-label is `label (State)`: "Not yet run", "Passed", "Failed"... */
function explorerRow(label: string) {
    return page.locator(`.test-explorer .monaco-list-row[aria-label^="${label}"]`).first();
}

/**
 * Runs a command from the palette with the mouse out of the way: left over the palette, it makes
 * a row's keybinding hover appear over the very row the command is picked from.
 */
async function command(title: string): Promise<void> {
    await page.mouse.move(200, 780);                  // the empty lower part of the side bar
    await bench.runCommand(title);
}

/** The example's tests of one file, as `test "name"` lines. */
function testNames(file: string): string[] {
    return [...fs.readFileSync(path.join(workspace, file), 'utf8').matchAll(/^test "([^"]+)"/gm)].map(m => m[1]!);
}

describe('GovRule tests in the Testing view', () => {
    test('the Testing view lists the example\'s test files, and a file\'s tests', async () => {
        // The status item (shown with a rule file) appears once the server has indexed the workspace.
        await bench.openFile('tests/data.govrule');
        await bench.statusBarItem(exampleRulesStatus()).waitFor({ timeout: 120_000 });
        await command('Testing: Focus on Test Explorer View');
        for (const file of TEST_FILES) {
            await explorerRow(file).waitFor({ timeout: 60_000 });
        }
        const labels = await page.locator('.test-explorer .monaco-list-row[aria-level="1"]').evaluateAll((rows: any[]) => rows.map(row => String(row.getAttribute('aria-label'))));
        expect(labels.map(label => label.replace(/ \(.*$/, '')).sort()).toEqual(TEST_FILES);
        // Expand one file: its tests, in source order.
        await explorerRow('tests/rumor.govrule').click();
        await page.keyboard.press('ArrowRight');
        const names = testNames('tests/rumor.govrule');
        expect(names.length).toBeGreaterThanOrEqual(3);
        await explorerRow(names[0]!).waitFor();
        const shown = await page.locator('.test-explorer .monaco-list-row[aria-level="2"]').evaluateAll((rows: any[]) => rows.map(row => String(row.getAttribute('aria-label'))));
        expect(shown.map(label => label.replace(/ \(Not yet run\)$/, '')).slice(0, 3)).toEqual(names.slice(0, 3));
        await shot('explorer-listed');
    });

    test('"Run All Tests" runs every test: each file passes', async () => {
        await command('Test: Run All Tests');
        for (const file of TEST_FILES) {
            await page.locator(`.test-explorer .monaco-list-row[aria-label^="${file} (Passed)"]`).first().waitFor({ timeout: 120_000 });
        }
        const first = testNames('tests/rumor.govrule')[0]!;
        expect(await explorerRow(first).getAttribute('aria-label')).toMatch(new RegExp(`^${first} \\(Passed\\)`));
        await shot('all-passed');
    });

    test('"Run All Tests with Coverage" shows the rules and leaf categories each file covers', async () => {
        await command('Test: Run All Tests with Coverage');
        await command('Testing: Focus on Test Coverage View');
        // Every enabled rule of the example is covered (govrule test --coverage says 100%).
        const row = page.locator('.test-coverage-list-item', { hasText: 'rumor.govrule' }).first();
        await row.waitFor({ timeout: 120_000 });
        await expect.poll(() => row.innerText(), { timeout: 30_000 }).toMatch(/100(\.0+)?%/);
        await shot('coverage');
    });

    test('a test with a wrong expectation fails, with expected and actual side by side', async () => {
        const file = 'tests/rumor.govrule';
        const name = testNames(file)[0]!;                 // 涉企谣言一般处置: expects severity serious
        const text = fs.readFileSync(path.join(workspace, file), 'utf8');
        const edited = text.replace('    expect severity serious\n', '    expect severity critical\n');
        expect(edited).not.toBe(text);
        fs.writeFileSync(path.join(workspace, file), edited);
        await bench.openFile(file);
        await bench.line('expect severity critical').waitFor({ timeout: 30_000 });
        await command('Testing: Focus on Test Explorer View');
        await command('Test: Run All Tests');
        await page.locator(`.test-explorer .monaco-list-row[aria-label^="${file} (Failed)"]`).first().waitFor({ timeout: 120_000 });
        expect(await explorerRow(name).getAttribute('aria-label')).toMatch(new RegExp(`^${name} \\(Failed\\)`));
        // The failure in the editor, at the first failing expect line: the message and a diff of the table.
        await command('Test: Peek Output');
        const peek = page.locator('.peekview-widget').first();
        await peek.waitFor({ timeout: 60_000 });
        const diff = peek.locator('.monaco-diff-editor').first();
        await diff.waitFor({ timeout: 30_000 });
        await diff.locator('.view-line', { hasText: 'severity: chongqing.common.critical' }).first().waitFor({ timeout: 30_000 });
        await diff.locator('.view-line', { hasText: 'severity: chongqing.common.serious' }).first().waitFor();
        expect(await peek.innerText()).toContain('expected severity chongqing.common.critical');
        await shot('failure-diff');
    });
});
