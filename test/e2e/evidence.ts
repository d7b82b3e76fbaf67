/**
 * What a failed end-to-end step leaves behind, taken at the moment it fails: a screenshot, the
 * workbench's HTML, and the logs of the session (the extension's "GovRule" Output channel, which
 * also carries the language server's log and its LSP trace, and the other workbench logs).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';

/** A file-name-safe form of a test's name. */
export function slug(name: string): string {
    return name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 80) || 'step';
}

/** Every file under `dir` whose name passes `keep`, recursively (folders are few and shallow). */
function filesUnder(dir: string, keep: (file: string) => boolean): string[] {
    const found: string[] = [];
    const pending = [dir];
    while (pending.length > 0) {
        const current = pending.pop()!;
        for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
            const full = path.join(current, entry.name);
            if (entry.isDirectory()) {
                pending.push(full);
            } else if (keep(full)) {
                found.push(full);
            }
        }
    }
    return found.sort();
}

/** The log files of the "GovRule" Output channel under a code-server user-data folder. */
export function govRuleLogs(userData: string): string[] {
    const logs = path.join(userData, 'logs');
    return fs.existsSync(logs) ? filesUnder(logs, file => /govrule/i.test(path.basename(file))) : [];
}

/**
 * Saves the evidence of a failure into `folder` and returns what was saved. Each part is taken
 * on its own: a page that no longer answers still leaves the logs.
 */
export async function saveEvidence(page: Page | undefined, userData: string, folder: string): Promise<string[]> {
    fs.mkdirSync(folder, { recursive: true });
    const saved: string[] = [];
    const attempt = async (what: string, save: () => Promise<void> | void) => {
        try {
            await save();
            saved.push(what);
        } catch (err) {
            saved.push(`${what}: not saved (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`);
        }
    };
    if (page) {
        await attempt('screenshot.png', () => page.screenshot({ path: path.join(folder, 'screenshot.png'), timeout: 10_000 }).then(() => undefined));
        await attempt('workbench.html', async () => fs.writeFileSync(path.join(folder, 'workbench.html'), await page.content()));
    }
    const logs = path.join(userData, 'logs');
    await attempt('logs/', () => fs.cpSync(logs, path.join(folder, 'logs'), { recursive: true }));
    for (const file of govRuleLogs(userData)) {
        const name = `output-${path.basename(path.dirname(file))}-${path.basename(file)}`;
        await attempt(name, () => fs.copyFileSync(file, path.join(folder, name)));
    }
    return saved;
}
