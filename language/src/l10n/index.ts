/**
 * GovRule's words for people, in English and Simplified Chinese (docs/zh-CN/glossary.md holds the
 * terms). `t(key, params)` gives the text of the current language; the CLI sets it once from
 * `--lang` or the environment, the language server from the client's locale and `govrule.locale`.
 * One language per process: both front ends serve one person at a time.
 */
import { fill, type PlaceholderNames } from './catalogue.js';
import { DEFAULT_LOCALE, type Locale } from './locale.js';
import { commonMessages } from './messages/common.js';
import { diagnosticsMessages } from './messages/diagnostics.js';
import { editorMessages } from './messages/editor.js';
import { cliMessages } from './messages/cli.js';
import { rulebookMessages } from './messages/rulebook.js';

export { LOCALES, DEFAULT_LOCALE, parseLocale, localeFromEnv, type Locale } from './locale.js';
export { placeholders, type Catalogue, type Entry, type Text } from './catalogue.js';

/** The areas of the catalogue, each in its own file; no key is in two of them (a test checks). */
export const CATALOGUE_AREAS = { commonMessages, diagnosticsMessages, editorMessages, cliMessages, rulebookMessages } as const;

export const MESSAGES = { ...commonMessages, ...diagnosticsMessages, ...editorMessages, ...cliMessages, ...rulebookMessages } as const;

export type MessageKey = keyof typeof MESSAGES;

type ParamsOf<K extends MessageKey> = { readonly [P in PlaceholderNames<(typeof MESSAGES)[K]['en']>]: string | number };

/** `t(key)` for a text without placeholders, `t(key, { name: … })` with them (checked by the compiler). */
export type MessageArgs<K extends MessageKey> = [PlaceholderNames<(typeof MESSAGES)[K]['en']>] extends [never] ? [] : [ParamsOf<K>];

let current: Locale = DEFAULT_LOCALE;

export function setLocale(locale: Locale): void {
    current = locale;
}

export function currentLocale(): Locale {
    return current;
}

/** The text of `key` in the current language, placeholders filled. */
export function t<K extends MessageKey>(key: K, ...args: MessageArgs<K>): string {
    return fill((MESSAGES[key] as Record<Locale, Parameters<typeof fill>[0]>)[current], args[0]);
}

/** The text of `key` in a given language (for texts that must not follow the process's language). */
export function tIn<K extends MessageKey>(locale: Locale, key: K, ...args: MessageArgs<K>): string {
    return fill((MESSAGES[key] as Record<Locale, Parameters<typeof fill>[0]>)[locale], args[0]);
}
