/**
 * The shape of the message catalogue. Every text GovRule shows a person is one entry, in every
 * language of LOCALES, with named placeholders (`{name}`) that both languages use alike. A text that
 * depends on a count has a form for one and a form for any other count (English), or one form
 * (Chinese, which does not inflect).
 */
import type { Locale } from './locale.js';

/** A text, or its forms by count (`{count}` picks: 1 → `one`, else `other`). */
export type Text = string | { readonly one: string; readonly other: string };

export type Entry = { readonly [L in Locale]: Text };

export type Catalogue = Readonly<Record<string, Entry>>;

/** The placeholder names of a text, as a type: `'{rule} has no {clause}'` → `'rule' | 'clause'`. */
export type PlaceholderNames<S> =
    S extends { readonly one: infer One; readonly other: infer Other } ? PlaceholderNames<One> | PlaceholderNames<Other>
        : S extends `${string}{${infer Name}}${infer Rest}` ? Name | PlaceholderNames<Rest>
            : never;

/** The placeholder names of a text, at run time (for the catalogue's own tests and the checks). */
export function placeholders(text: Text): string[] {
    const forms = typeof text === 'string' ? [text] : [text.one, text.other];
    const names = new Set<string>();
    for (const form of forms) {
        for (const match of form.matchAll(/\{([A-Za-z][A-Za-z0-9]*)\}/g)) {
            names.add(match[1]!);
        }
    }
    return [...names].sort();
}

export type Params = Readonly<Record<string, string | number>>;

/** A text with its placeholders filled; a placeholder without a value stays as written. */
export function fill(text: Text, params: Params | undefined): string {
    const form = typeof text === 'string' ? text : params?.count === 1 ? text.one : text.other;
    if (params === undefined) {
        return form;
    }
    return form.replace(/\{([A-Za-z][A-Za-z0-9]*)\}/g, (whole, name: string) =>
        Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole);
}
