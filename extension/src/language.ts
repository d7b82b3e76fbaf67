/**
 * Which language the extension's own texts use (notifications, status bar, progress, pickers):
 * the same as the language server's, `govrule.locale` when it names a language, else VS Code's
 * display language. VS Code loads `l10n/bundle.l10n.<display language>.json` for `vscode.l10n.t`
 * by itself; a language chosen by the setting, or a Chinese display language other than zh-cn,
 * reads the shipped bundle of that language directly.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Locale } from '../../language/src/l10n/locale.js';
import { bundleFileName, chooseLocale, english, fromBundle, useTranslation } from './l10n.js';
import { SECTION } from './settings.js';

export const LOCALE_SETTING = 'locale';

/** The language now in use, after applying the setting and the display language. */
export function applyLanguage(extensionPath: string, output?: vscode.LogOutputChannel): Locale {
    const setting = vscode.workspace.getConfiguration(SECTION).get<unknown>(LOCALE_SETTING, 'auto');
    const locale = chooseLocale(setting, vscode.env.language);
    if (locale === 'en') {
        useTranslation(english);
    } else if (vscode.l10n.bundle !== undefined && chooseLocale('auto', vscode.env.language) === locale) {
        // VS Code has loaded this language's bundle for its display language.
        useTranslation((message, args) => vscode.l10n.t(message, args));
    } else {
        useTranslation(fromBundle(readBundle(path.join(extensionPath, 'l10n', bundleFileName(locale)), output)));
    }
    return locale;
}

/** The bundle's entries, or none (English) when the file cannot be read: a missing translation must not stop the extension. */
function readBundle(file: string, output: vscode.LogOutputChannel | undefined): unknown {
    try {
        return JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (err) {
        output?.error(`Cannot read ${file}: ${(err as Error).message}`);
        return {};
    }
}
