/**
 * The languages GovRule speaks and how a locale tag names one. The CLI reads `--lang`, then
 * LC_ALL / LC_MESSAGES / LANG; the language server reads the client's `initialize` locale, then the
 * `govrule.locale` setting. A tag that names no language GovRule has falls back to English.
 */

export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = 'en';

/**
 * The language a locale tag asks for: BCP 47 (`zh-cn`, `zh-Hans-CN`, `en-US`) or POSIX
 * (`zh_CN.UTF-8`, `C`). Every Chinese tag gets Simplified Chinese, the one Chinese catalogue;
 * undefined for a tag that names no language GovRule has.
 */
export function parseLocale(tag: string | undefined | null): Locale | undefined {
    if (typeof tag !== 'string') {
        return undefined;
    }
    const base = tag.trim().toLowerCase().split(/[.@]/)[0]!.replace(/_/g, '-');
    const language = base.split('-')[0];
    if (language === 'zh') {
        return 'zh-CN';
    }
    if (language === 'en' || base === 'c' || base === 'posix') {
        return 'en';
    }
    return undefined;
}

/**
 * The language of the process's POSIX locale: the first of LC_ALL, LC_MESSAGES and LANG that is set
 * decides (as it does for any POSIX program), and a language GovRule lacks means English.
 */
export function localeFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): Locale {
    for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
        const value = env[name];
        if (value !== undefined && value !== '') {
            return parseLocale(value) ?? DEFAULT_LOCALE;
        }
    }
    return DEFAULT_LOCALE;
}
