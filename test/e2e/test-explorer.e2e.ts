/**
 * GovRule's tests in VS Code's Testing view, in a workbench of their own (code-server, driven
 * through Chromium as in extension.e2e.ts): the example's test files and tests listed, all run
 * and passing, coverage per file, and a test whose expectation was edited failing with the
 * expected-versus-actual diff in the editor; the tree following a test typed into a file and a
 * new test file; continuous run, where each save runs the tests again (a broken expectation fails,
 * fixed it passes) with no Run pressed. Screenshots: out/e2e/screenshots/tests-*.png.
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
        // All of them: the example's five files and one file's tests fit in the side bar (the list is virtual).
        const names = testNames('tests/rumor.govrule');
        expect(names.length).toBeGreaterThanOrEqual(3);
        await explorerRow(names[0]!).waitFor();
        await explorerRow(names.at(-1)!).waitFor();
        const shown = await page.locator('.test-explorer .monaco-list-row[aria-level="2"]').evaluateAll((rows: any[]) => rows.map(row => String(row.getAttribute('aria-label'))));
        expect(shown.map(label => label.replace(/ \(Not yet run\)$/, ''))).toEqual(names);
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
        await page.keyboard.press('Escape');
    });

    test('a test added in the editor is listed once saved', async () => {
        const file = 'tests/data.govrule';
        const before = fs.readFileSync(path.join(workspace, file), 'utf8');
        expect(before).not.toContain(ADDED_TEST);
        await bench.openFile(file);
        await page.keyboard.press('Control+End');
        // Typed as one input, the lines get the editor's auto-indentation on top of their own: the formatter tidies them.
        await bench.typeIntoEditor(`\ntest "${ADDED_TEST}" {\ngiven dataSecurity.leak { channel: app, affectedRecords: 500 }\non 2026-06-15\nexpect responsible technology\n}\n`);
        await command('Format Document');
        await page.keyboard.press('Control+S');
        await expect.poll(() => fs.readFileSync(path.join(workspace, file), 'utf8'), { timeout: 30_000 }).toContain(`test "${ADDED_TEST}" {\n    given`);
        await command('Testing: Focus on Test Explorer View');
        await explorerRow(file).waitFor({ timeout: 60_000 });
        await expandFile(file);
        await explorerRow(`${ADDED_TEST} (Not yet run)`).waitFor({ timeout: 60_000 });
        await shot('added-in-editor');
    });

    test('a new test file on disk is listed with its test', async () => {
        const file = 'tests/extra.govrule';
        fs.writeFileSync(path.join(workspace, file), [
            'package chongqing.tests',
            'import chongqing.common.*',
            'import chongqing.qinglang.*',
            '',
            `test "${NEW_FILE_TEST}" {`,
            '    given dataSecurity.leak { channel: app, affectedRecords: 500 }',
            '    on 2026-06-15',
            '    expect rule dataLeak',
            '}',
            '',
        ].join('\n'));
        await explorerRow(file).waitFor({ timeout: 60_000 });
        await expandFile(file);
        await explorerRow(`${NEW_FILE_TEST} (Not yet run)`).waitFor({ timeout: 60_000 });
        await shot('new-file');
    });

    test('in continuous run, saving a rule file runs the tests again: an edited expectation fails, fixed it passes', async () => {
        const file = 'tests/data.govrule';
        await command('Test: Start Continuous Run');
        // While it runs, the Testing view's toolbar offers to stop it.
        await page.locator('.monaco-action-bar .action-label[aria-label^="Stop Continuous Run"]').first().waitFor({ timeout: 30_000 });
        await shot('continuous-on');

        // The added test expects the technology post; the chief editor is wrong.
        await setAddedExpectation(file, 'chiefEditor');
        await explorerRow(`${ADDED_TEST} (Failed)`).waitFor({ timeout: 120_000 });
        await page.keyboard.press('Escape');          // a completion list the edit may have left open
        await shot('continuous-failed');

        await setAddedExpectation(file, 'technology');
        await explorerRow(`${ADDED_TEST} (Passed)`).waitFor({ timeout: 120_000 });
        await page.keyboard.press('Escape');          // a completion list the edit may have left open
        await shot('continuous-passed');

        await command('Test: Stop Continuous Run');
        await page.locator('.monaco-action-bar .action-label[aria-label^="Start Continuous Run"]').first().waitFor({ timeout: 30_000 });
    });
});

/** A test that a step adds to tests/data.govrule through the editor (a name is unique in its package). */
const ADDED_TEST = '小规模数据泄露由技术岗位处置';
/** The test of the file a step creates. */
const NEW_FILE_TEST = '新建文件中的数据泄露';

/** Expands a file's row of the Test Explorer (a no-op when it is expanded). */
async function expandFile(file: string): Promise<void> {
    const row = explorerRow(file);
    if (await row.getAttribute('aria-expanded') !== 'true') {
        await row.click();
        await page.keyboard.press('ArrowRight');
    }
    await expect.poll(() => row.getAttribute('aria-expanded'), { timeout: 30_000 }).toBe('true');
}

/**
 * Sets the post the added test expects, in the editor (select the value, type another), and
 * saves; waits until the file on disk has it.
 */
async function setAddedExpectation(file: string, post: string): Promise<void> {
    await bench.openFile(file);
    const lines = fs.readFileSync(path.join(workspace, file), 'utf8').split('\n');
    const start = lines.findIndex(line => line.includes(`test "${ADDED_TEST}"`));
    const offset = lines.slice(start).findIndex(line => line.includes('expect responsible '));
    expect(start).toBeGreaterThanOrEqual(0);
    expect(offset).toBeGreaterThan(0);
    const line = lines[start + offset]!;
    await bench.goTo(start + offset + 1, line.indexOf('expect responsible ') + 'expect responsible '.length + 1);
    await page.keyboard.press('Shift+End');
    await bench.typeIntoEditor(post);
    await page.keyboard.press('Escape');              // the completion list that typing opened
    await page.keyboard.press('Control+S');
    await expect.poll(() => fs.readFileSync(path.join(workspace, file), 'utf8').split('\n')[start + offset]?.trim(), { timeout: 30_000 }).toBe(`expect responsible ${post}`);
}
