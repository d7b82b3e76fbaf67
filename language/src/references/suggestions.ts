/** "Did you mean": the closest names by edit distance. */

/** Levenshtein distance over code points, so CJK names count one per character. */
export function editDistance(a: string, b: string): number {
    const s = Array.from(a);
    const t = Array.from(b);
    let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
    for (let i = 1; i <= s.length; i++) {
        const current = [i];
        for (let j = 1; j <= t.length; j++) {
            const cost = s[i - 1] === t[j - 1] ? 0 : 1;
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
        }
        previous = current;
    }
    return previous[t.length];
}

/**
 * Up to `limit` candidates close to `name`, nearest first, then alphabetically. A candidate is
 * close when at most a third of the longer name differs (at least one edit is always allowed),
 * or when the names differ only in letter case.
 */
export function closestNames(name: string, candidates: Iterable<string>, limit = 3): string[] {
    const scored: Array<{ text: string; distance: number }> = [];
    const lower = name.toLowerCase();
    for (const text of new Set(candidates)) {
        if (text === name) {
            continue;
        }
        const distance = text.toLowerCase() === lower ? 0 : editDistance(name, text);
        const allowed = Math.max(1, Math.floor(Math.max(Array.from(name).length, Array.from(text).length) / 3));
        if (distance <= allowed) {
            scored.push({ text, distance });
        }
    }
    scored.sort((x, y) => x.distance - y.distance || (x.text < y.text ? -1 : x.text > y.text ? 1 : 0));
    return scored.slice(0, limit).map(s => s.text);
}

/** `did you mean 'a' or 'b'?` or an empty string. */
export function didYouMean(suggestions: readonly string[]): string {
    if (suggestions.length === 0) {
        return '';
    }
    const quoted = suggestions.map(s => `'${s}'`);
    const list = quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
    return `; did you mean ${list}?`;
}
