/**
 * UTS #39 confusable skeletons of identifiers: two names that look alike (`revıewer` with a
 * dotless ı, `reviewer`) have the same skeleton. skeleton(x) = NFD(map each character of NFD(x)
 * to its prototype). The prototypes are generated (scripts/generate-confusables.mjs) for the
 * characters identifiers can contain.
 */
import { CONFUSABLE_PROTOTYPES } from './confusables-table.js';

export function skeleton(name: string): string {
    let mapped = '';
    for (const char of name.normalize('NFD')) {
        mapped += CONFUSABLE_PROTOTYPES.get(char.codePointAt(0)!) ?? char;
    }
    return mapped.normalize('NFD');
}

/**
 * The characters by which `name` differs from `other`, for a message: the characters of `name`
 * outside the common prefix and suffix (usually the one look-alike letter).
 */
export function differingCharacters(name: string, other: string): string[] {
    const a = [...name];
    const b = [...other];
    let start = 0;
    while (start < a.length && start < b.length && a[start] === b[start]) {
        start++;
    }
    let end = 0;
    while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) {
        end++;
    }
    return [...new Set(a.slice(start, a.length - end))];
}
