/**
 * UTS #39 confusable skeletons of identifiers: two names that look alike (`revıewer` with a
 * dotless ı, `reviewer`) have the same skeleton. skeleton(x) = NFD(map each character of NFD(x)
 * to its prototype). The prototypes are generated (scripts/generate-confusables.mjs) for the
 * characters identifiers can contain.
 */
import { CONFUSABLE_PROTOTYPES } from './confusables-table.js';

export function skeleton(name: string): string {
    let result = memo.get(name);
    if (result === undefined) {
        // ASCII is its own NFD, and ASCII characters have ASCII prototypes: skip normalizing.
        const ascii = ASCII.test(name);
        let mapped = '';
        for (const char of ascii ? name : name.normalize('NFD')) {
            mapped += CONFUSABLE_PROTOTYPES.get(char.codePointAt(0)!) ?? char;
        }
        result = ascii && ASCII.test(mapped) ? mapped : mapped.normalize('NFD');
        if (memo.size >= MEMO_LIMIT) {
            memo.clear();
        }
        memo.set(name, result);
    }
    return result;
}

const ASCII = /^[\x00-\x7f]*$/;

/** Every build asks again for the same names; the memo is bounded so a long editor session cannot grow it without end. */
const MEMO_LIMIT = 100_000;
const memo = new Map<string, string>();

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
