/**
 * A folder opened without trust (Restricted Mode), in a code-server that keeps workspace trust
 * on: GovRule checks the rules, but "Compile Workspace" writes nothing, not even where a hostile
 * govrule.json points outside the folder, and tests do not run; each refusal says why.
 * Screenshots: out/e2e/screenshots/restricted-*.png. Prerequisites: bash scripts/setup-e2e.sh.
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

const PREFIX = 'restricted-';
const base = fs.mkdtempSync(path.join(os.tmpdir(), 'govrule-e2e-restricted-'));
const shots = path.join(ROOT, 'out', 'e2e', 'screenshots');
const workspace = path.join(base, 'chongqing');
const outside = path.join(base, 'outside');
let server: CodeServer | undefined;
let context: BrowserContext | undefined;
let page: Page;
let bench: Workbench;
let dirs: CodeServerDirs | undefined;
let failed = false;

/** Every file under a folder, for "nothing was written". */
function filesUnder(dir: string): string[] {
    return fs.existsSync(dir) ? (fs.readdirSync(dir, { recursive: true }) as string[]).sort() : [];
}

beforeAll(async () => {
    const prereq = findPrerequisites();
    fs.mkdirSync(shots, { recursive: true });
    for (const old of fs.readdirSync(shots).filter(name => name.startsWith(PREFIX) || name.startsWith(`FAILED-${PREFIX}`))) {
        fs.rmSync(path.join(shots, old), { recursive: true, force: true });
    }
    const vsix = packagedExtension();
    fs.cpSync(path.join(ROOT, 'examples', 'chongqing'), workspace, { recursive: true, filter: src => !src.includes(`${path.sep}dist`) });
    // A govrule.json as a stranger's repository might ship it.
    fs.writeFileSync(path.join(workspace, 'govrule.json'), '{ "include": ["**/*.govrule"], "out": "../outside/bundle.json" }\n');

    dirs = makeDirs(path.join(base, 'code-server'));
    writeUserSettings(dirs, {
        'security.workspace.trust.enabled': true,
        'security.workspace.trust.startupPrompt': 'always',
    });
    console.log(await installExtension(prereq, dirs, vsix));
    server = await CodeServer.start(prereq, dirs, workspace, path.join(base, 'code-server.log'), [], { trust: false });
    context = await launchBrowser(prereq.chromium, path.join(base, 'chromium-profile'));
    page = context.pages()[0] ?? await context.newPage();
    bench = new Workbench(page);
    await page.goto(server.folderUrl(workspace));
    await page.locator('.monaco-workbench').waitFor({ timeout: 120_000 });
});

afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail') {
        return;
    }
    failed = true;
    const folder = path.join(shots, `FAILED-${PREFIX}${slug(task.name)}`);
    const saved = dirs ? await saveEvidence(page, dirs.userData, folder) : [];
    console.log(`e2e (restricted): "${task.name}" failed; evidence in ${folder}: ${saved.join(', ')}`);
});

afterAll(async () => {
    await context?.close();
    await server?.stop();
    if (failed) {
        console.log(`e2e (restricted): failed; the code-server log and the workbench's HTML are in ${base}`);
    } else {
        fs.rmSync(base, { recursive: true, force: true });
    }
});

describe('GovRule in Restricted Mode', () => {
    test('the folder opens untrusted, and GovRule still checks it', async () => {
        // VS Code asks whether to trust the folder's authors: no.
        await page.getByRole('button', { name: /No, I don't trust the authors/ }).click({ timeout: 120_000 });
        await bench.ready();
        await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor({ timeout: 60_000 });
        await bench.openPath('qinglang/rumor.govrule');
        // The one problem: govrule.json's `out` leaves the folder.
        await bench.problemCounts('Errors: 1').waitFor({ timeout: 120_000 });
        await bench.statusBarItem(exampleRulesStatus()).waitFor({ timeout: 120_000 });
        await page.screenshot({ path: path.join(shots, `${PREFIX}checked.png`) });
    });

    test('"Compile Workspace" writes nothing, neither in the folder nor where govrule.json points outside it', async () => {
        const before = filesUnder(workspace);
        await bench.runCommand('GovRule: Compile Workspace');
        const note = page.locator('.notification-toast', { hasText: 'writing the bundle to disk is off in Restricted Mode' }).first();
        await note.waitFor({ timeout: 60_000 });
        await page.screenshot({ path: path.join(shots, `${PREFIX}compile-refused.png`) });
        expect(fs.existsSync(outside)).toBe(false);
        expect(filesUnder(workspace)).toEqual(before);
        await note.locator('.codicon-notifications-clear, .codicon-close').first().click().catch(() => undefined);
    });

    test('tests do not run, and the refusal says how to trust the folder', async () => {
        await bench.openPath('tests/rumor.govrule');
        await bench.activeEditor().locator('.codelens-decoration a', { hasText: /Run all tests$/ }).first().click({ timeout: 60_000 });
        await page.locator('.notification-toast', { hasText: 'test runs are off in Restricted Mode' }).first().waitFor({ timeout: 60_000 });
        await page.screenshot({ path: path.join(shots, `${PREFIX}tests-refused.png`) });
        expect(fs.existsSync(outside)).toBe(false);
    });
});
