/**
 * "Did you mean": the closest names by edit distance, in bounded time whatever the input. A name
 * longer than MAX_LENGTH gets no suggestion (nobody misspells a name that long), the distance is
 * computed only up to the allowed threshold (a band of the table, stopping once every cell is
 * over it), and a Budget caps the work of one file's suggestions.
 */

/** Names longer than this (in code points) get no suggestions. */
export const MAX_LENGTH = 64;

/** Cells of the edit-distance table one file may spend on suggestions (a few milliseconds). */
export const FILE_BUDGET = 4_000_000;

/** Work left for suggestions; once spent, names get no suggestions. */
export class Budget {
    constructor(private remaining: number) { }

    get exhausted(): boolean {
        return this.remaining <= 0;
    }

    /** Takes `cells` if they are left. */
    take(cells: number): boolean {
        if (cells > this.remaining) {
            this.remaining = 0;
            return false;
        }
        this.remaining -= cells;
        return true;
    }
}

/**
 * Levenshtein distance over code points (so CJK names count one per character), or `max + 1` as
 * soon as it is known to exceed `max`. Only cells within `max` of the diagonal are computed.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
    return boundedDistance(Array.from(a), Array.from(b), max);
}

function boundedDistance(s: readonly string[], t: readonly string[], max: number): number {
    if (Math.abs(s.length - t.length) > max) {
        return max + 1;
    }
    const over = max + 1;
    const band = Math.min(max, Math.max(s.length, t.length));
    let previous = new Array<number>(t.length + 1);
    let current = new Array<number>(t.length + 1);
    for (let j = 0; j <= t.length; j++) {
        previous[j] = j <= band ? j : over;
    }
    for (let i = 1; i <= s.length; i++) {
        const from = Math.max(1, i - band);
        const to = Math.min(t.length, i + band);
        current.fill(over);
        current[0] = i <= band ? i : over;
        let best = current[0];
        for (let j = from; j <= to; j++) {
            const cost = s[i - 1] === t[j - 1] ? 0 : 1;
            const value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost, over);
            current[j] = value;
            if (value < best) {
                best = value;
            }
        }
        if (best > max) {
            return over;
        }
        [previous, current] = [current, previous];
    }
    return Math.min(previous[t.length], over);
}

/**
 * Up to `limit` candidates close to `name`, nearest first, then alphabetically. A candidate is
 * close when at most a third of the longer name differs (at least one edit is always allowed),
 * or when the names differ only in letter case.
 */
export function closestNames(name: string, candidates: Iterable<string>, limit = 3, budget?: Budget): string[] {
    const s = Array.from(name);
    if (s.length > MAX_LENGTH) {
        return [];
    }
    const scored: Array<{ text: string; distance: number }> = [];
    const lower = name.toLowerCase();
    for (const text of new Set(candidates)) {
        // A candidate within a third of its length of a name of MAX_LENGTH has at most 1.5 times
        // as many code points, each at most two UTF-16 units.
        if (budget && !budget.take(1)) {
            break;
        }
        if (text === name || text.length > 3 * MAX_LENGTH) {
            continue;
        }
        const t = Array.from(text);
        const allowed = Math.max(1, Math.floor(Math.max(s.length, t.length) / 3));
        let distance: number;
        if (text.toLowerCase() === lower) {
            distance = 0;
        } else {
            if (budget && !budget.take(s.length * (2 * allowed + 1))) {
                break;
            }
            distance = boundedDistance(s, t, allowed);
        }
        if (distance <= allowed) {
            scored.push({ text, distance });
        }
    }
    scored.sort((x, y) => x.distance - y.distance || (x.text < y.text ? -1 : x.text > y.text ? 1 : 0));
    return scored.slice(0, limit).map(s => s.text);
}
