/** Drives the VS Code workbench in the browser the way a person does: keyboard, palette, clicks. */
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

/** Headless Chromium with its own profile, talking to code-server on loopback and to nothing else. */
export function launchBrowser(executablePath: string, profile: string): Promise<BrowserContext> {
    return chromium.launchPersistentContext(profile, {
        executablePath,
        headless: true,
        viewport: { width: 1400, height: 900 },
        args: [
            '--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking',
            '--disable-component-update', '--no-first-run', '--disable-dev-shm-usage',
            '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
        ],
    });
}

export class Workbench {
    constructor(readonly page: Page) {}

    async ready(): Promise<void> {
        await this.page.locator('.monaco-workbench').waitFor({ timeout: 120_000 });
        await this.page.locator('.explorer-folders-view, .explorer-viewlet').first().waitFor({ timeout: 120_000 });
    }

    /** Runs a command by its title through the Command Palette (`thenPick`: it opens a list of its own). */
    async runCommand(title: string, thenPick = false): Promise<void> {
        await this.page.keyboard.press('F1');
        const input = this.page.locator('.quick-input-widget .quick-input-box input');
        await input.waitFor();
        await input.fill(`>${title}`);
        // Click the entry with exactly this title: the list may rank another one first.
        const label = new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
        await this.page.locator('.quick-input-widget .monaco-list-row', {
            has: this.page.locator('.label-name', { hasText: label }),
        }).first().click();
        if (!thenPick) {
            await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
        }
    }

    /** Opens a workspace file through Quick Open. */
    async openFile(name: string): Promise<Locator> {
        await this.page.keyboard.press('Control+P');
        const input = this.page.locator('.quick-input-widget .quick-input-box input');
        await input.waitFor();
        await input.fill(name);
        // The list is filtered once the file search answers: Enter then opens the wanted file.
        const base = name.split('/').pop()!;
        await this.page.locator('.quick-input-widget .monaco-list-row').first().filter({ hasText: base }).waitFor({ timeout: 30_000 });
        await this.page.keyboard.press('Enter');
        const tab = this.page.locator('.tabs-container .tab.active', { hasText: base });
        await tab.waitFor();
        return this.activeEditor();
    }

    /**
     * Opens a workspace file through Quick Open by its path, folder included: where two files
     * share a name (`qinglang/rumor.govrule`, `tests/rumor.govrule`) Quick Open ranks the recently
     * opened one first, so the row is chosen by its folder and the editor by its URI.
     */
    async openPath(relative: string): Promise<void> {
        const base = relative.split('/').pop()!;
        const folder = relative.includes('/') ? relative.slice(0, relative.lastIndexOf('/')) : '';
        await this.page.keyboard.press('Control+P');
        const input = this.page.locator('.quick-input-widget .quick-input-box input');
        await input.waitFor();
        await input.fill(relative);
        const row = this.page.locator('.quick-input-widget .monaco-list-row', { hasText: base }).filter({ hasText: folder }).first();
        await row.waitFor({ timeout: 30_000 });
        await row.click();
        await this.page.locator(`.editor-group-container.active .monaco-editor[data-uri$="${relative}"]`).first().waitFor();
    }

    /**
     * The rows of the Problems view that contain `text`. The view's list is virtual: only the rows
     * in view exist in the page, so a step first waits for the problem counts it expects (a
     * handful of rows, all in view), and a row below the fold fails there, by its count.
     */
    async problems(text: string): Promise<Locator> {
        await this.runCommand('View: Focus Problems (Errors, Warnings, Infos)');
        return this.page.locator('.markers-panel .monaco-list-row', { hasText: text });
    }

    /**
     * Types text into the active editor once it has the focus (after a quick input closes, the
     * focus comes back a moment later), as one input: no suggestion widget can take a key of it.
     */
    async typeIntoEditor(text: string): Promise<void> {
        await this.page.locator('.editor-group-container.active .monaco-editor.focused[data-uri]').first().waitFor();
        await this.page.keyboard.insertText(text);
    }

    /** The language of the active editor as the status bar shows it. */
    languageMode(): Locator {
        return this.page.locator('.statusbar-item[id="status.editor.mode"]');
    }

    activeEditor(): Locator {
        return this.page.locator('.editor-group-container.active .monaco-editor[data-uri]').first();
    }

    /** Moves the cursor of the focused editor to a 1-based line and column. */
    async goTo(line: number, column: number): Promise<void> {
        await this.page.keyboard.press('Control+G');
        const input = this.page.locator('.quick-input-widget .quick-input-box input');
        await input.waitFor();
        await input.fill(`:${line}:${column}`);
        await this.page.keyboard.press('Enter');
        await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    }

    /** The rendered line of the active editor that contains `text`. */
    line(text: string): Locator {
        return this.activeEditor().locator('.view-line', { hasText: text }).first();
    }

    /** VS Code's own problem counts in the status bar, as it announces them: "Errors: 1, Warnings: 1", "No Problems". */
    problemCounts(label: string): Locator {
        return this.page.locator(`[id="status.problems"] [aria-label="${label}"], [id="status.problems"][aria-label="${label}"]`).first();
    }

    statusBarItem(labelStart: string): Locator {
        return this.page.locator(`.statusbar-item [aria-label^="${labelStart}"], .statusbar-item[aria-label^="${labelStart}"]`).first();
    }

    /** The computed text color of an element (evaluated in the page, which has the DOM). */
    static color(element: Locator): Promise<string> {
        // Runs in the page, which has the DOM (this project compiles without DOM types).
        return element.evaluate((el: any) => String(el.ownerDocument.defaultView.getComputedStyle(el).color));
    }

    async screenshot(file: string): Promise<void> {
        await this.page.screenshot({ path: file });
    }
}
