/**
 * A stand-in for VS Code's Chinese language pack. code-server switches the display language only
 * to a language some installed extension contributes as a `localizations` entry (its
 * languagepacks.json); without one, `--locale zh-cn` leaves the workbench, the extension host
 * (`vscode.env.language`) and every extension's package.nls / l10n bundles in English. The real
 * pack comes from the Marketplace, which the tests do not reach; this one declares the language
 * with an empty translation of the workbench (which therefore stays English), enough for VS Code
 * to run in zh-cn and load GovRule's own Chinese texts.
 *
 * VS Code lists installed language packs in `<user data>/languagepacks.json`, written by its
 * language pack service when a pack is installed through a running server; `code-server
 * --install-extension` installs without that service, so `registerLanguagePack` writes the entry
 * as the service would (the language, the pack, its translation of the workbench).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

export const LANGUAGE_PACK_ID = 'govrule-e2e.language-pack-zh-cn';
const VERSION = '0.0.1';

/** Writes the pack into `dir` and packs it with vsce; returns the .vsix path. */
export function buildLanguagePack(dir: string): string {
    const manifest = {
        name: 'language-pack-zh-cn',
        publisher: 'govrule-e2e',
        displayName: 'Chinese (Simplified) stand-in for end-to-end tests',
        description: 'Declares zh-cn with an empty workbench translation.',
        version: VERSION,
        license: 'MIT',
        repository: { type: 'git', url: 'https://example.invalid/govrule-e2e' },
        engines: { vscode: '^1.91.0' },
        categories: ['Language Packs'],
        contributes: {
            localizations: [{
                languageId: 'zh-cn',
                languageName: 'Chinese Simplified',
                localizedLanguageName: '中文(简体)',
                translations: [{ id: 'vscode', path: './translations/main.i18n.json' }],
            }],
        },
    };
    fs.mkdirSync(path.join(dir, 'translations'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 4));
    fs.writeFileSync(path.join(dir, 'translations', 'main.i18n.json'), JSON.stringify({ version: '1.0.0', contents: {} }));
    fs.writeFileSync(path.join(dir, 'README.md'), '# zh-cn stand-in\n');
    fs.writeFileSync(path.join(dir, 'LICENSE'), 'MIT\n');
    const vsix = path.join(dir, 'language-pack-zh-cn.vsix');
    const vsce = path.join(path.dirname(createRequire(import.meta.url).resolve('@vscode/vsce/package.json')), 'vsce');
    execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', vsix], { cwd: dir, stdio: 'inherit' });
    return vsix;
}

/** Adds the installed pack to languagepacks.json, so that code-server resolves `--locale zh-cn` to it. */
export function registerLanguagePack(userData: string, extensionsDir: string): void {
    const translation = path.join(extensionsDir, `${LANGUAGE_PACK_ID}-${VERSION}`, 'translations', 'main.i18n.json');
    if (!fs.existsSync(translation)) {
        throw new Error(`the language pack is not installed: ${translation} is missing`);
    }
    const entry = {
        hash: createHash('md5').update(LANGUAGE_PACK_ID).update(VERSION).digest('hex'),
        extensions: [{ extensionIdentifier: { id: LANGUAGE_PACK_ID }, version: VERSION }],
        translations: { vscode: translation },
        label: '中文(简体)',
    };
    fs.writeFileSync(path.join(userData, 'languagepacks.json'), JSON.stringify({ 'zh-cn': entry }));
}
