/**
 * The extension's words for people. Each text is written in English where it is shown,
 * `t('GovRule: compiled {bundle} into {file}', { bundle, file })`, and looked up by that English
 * text in `l10n/bundle.l10n.<language>.json`, exactly as `vscode.l10n.t` does (named placeholders,
 * the English text when an entry is missing). The extension installs `vscode.l10n.t` when VS Code
 * has loaded the bundle of its display language, or the bundle of the `govrule.locale` setting
 * (language.ts); the pure modules call `t` and stay testable without VS Code.
 * test/extension/l10n-bundle.test.ts checks that every text given to `t` has its translation.
 * Pure: no `vscode` import.
 */
import { parseLocale, type Locale } from '../../language/src/l10n/locale.js';

export type Args = Readonly<Record<string, string | number>>;
export type Translate = (message: string, args: Args) => string;

/** `{name}` replaced by `args.name`; a placeholder without a value stays as written (as vscode.l10n does). */
export function format(template: string, args: Args): string {
    return template.replace(/\{([A-Za-z][A-Za-z0-9]*)\}/g, (whole, name: string) =>
        Object.prototype.hasOwnProperty.call(args, name) ? String(args[name]) : whole);
}

export const english: Translate = format;

/** The translations of one bundle file (`{ "English text": "译文" }`); anything else in the file is ignored. */
export function fromBundle(bundle: unknown): Translate {
    const entries = typeof bundle === 'object' && bundle !== null ? bundle as Record<string, unknown> : {};
    return (message, args) => {
        const translated = Object.prototype.hasOwnProperty.call(entries, message) ? entries[message] : undefined;
        return format(typeof translated === 'string' ? translated : message, args);
    };
}

let translate: Translate = english;

/** The text of `message` in the extension's language, placeholders filled. */
export function t(message: string, args: Args = {}): string {
    return translate(message, args);
}

export function useTranslation(next: Translate): void {
    translate = next;
}

/** The settings' values of `govrule.locale`. */
export const LOCALE_SETTINGS = ['auto', 'en', 'zh-CN'] as const;

/**
 * The language of GovRule's messages: `govrule.locale` when it names one, else VS Code's display
 * language (any Chinese display language gets Simplified Chinese, as the language server does),
 * else English.
 */
export function chooseLocale(setting: unknown, displayLanguage: string | undefined): Locale {
    if (setting === 'en' || setting === 'zh-CN') {
        return setting;
    }
    return parseLocale(displayLanguage) ?? 'en';
}

/** The bundle file of a language, as VS Code names it (`bundle.l10n.zh-cn.json`). */
export function bundleFileName(locale: Locale): string {
    return `bundle.l10n.${locale.toLowerCase()}.json`;
}

/**
 * A text that depends on a count: `one` for 1, `other` for any other count (`{count}` filled in
 * both). Both are texts of their own in the bundle (Chinese gives them the same translation).
 */
export function tCount(count: number, one: string, other: string, args: Args = {}): string {
    return t(count === 1 ? one : other, { ...args, count });
}
