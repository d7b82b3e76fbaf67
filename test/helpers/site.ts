/**
 * Checks on a generated static site (the rulebook of `govrule doc`): the markup of each page is
 * well formed (every element closed in order, attribute values quoted, no id twice), and every
 * internal link and script or stylesheet reference leads to a file of the site and, with a
 * fragment, to an element with that id there.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Elements without an end tag. */
const VOID = new Set(['meta', 'link', 'input', 'br', 'hr', 'img']);

export interface Page {
    readonly file: string;
    readonly ids: ReadonlySet<string>;
    /** href and src values, as written (entities decoded). */
    readonly references: readonly string[];
}

/** Every file of a folder, relative, `/`-separated, sorted (the marker included). */
export function siteFiles(dir: string): string[] {
    const found: string[] = [];
    const pending = [''];
    while (pending.length > 0) {
        const rel = pending.pop()!;
        for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
            const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
            if (entry.isDirectory()) {
                pending.push(child);
            } else {
                found.push(child);
            }
        }
    }
    return found.sort();
}

function decode(text: string): string {
    return text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Parses one page and returns its problems (empty: well formed) and what it holds. */
export function parsePage(file: string, html: string): { page: Page; problems: string[] } {
    const problems: string[] = [];
    if (!html.startsWith('<!DOCTYPE html>\n<html ')) {
        problems.push(`${file}: does not start with the doctype and <html>`);
    }
    const stack: string[] = [];
    const ids = new Set<string>();
    const references: string[] = [];
    // Tags with their attributes; text between them may not hold a raw '<'.
    const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z][a-zA-Z0-9-:]*(?:="[^"<]*")?)*)\s*>|<!DOCTYPE html>/g;
    let last = 0;
    for (const match of html.matchAll(TAG)) {
        const between = html.slice(last, match.index);
        if (/[<>]/.test(between)) {
            problems.push(`${file}: a raw '<' or '>' in text before offset ${match.index}: ${JSON.stringify(between.slice(0, 80))}`);
        }
        last = match.index! + match[0].length;
        if (match[2] === undefined) {
            continue;
        }
        const [, closing, tag, attributes] = match;
        const name = tag!.toLowerCase();
        if (closing) {
            const open = stack.pop();
            if (open !== name) {
                problems.push(`${file}: </${name}> closes <${open}>`);
                return { page: { file, ids, references }, problems };
            }
            continue;
        }
        const seen = new Set<string>();
        for (const attr of attributes!.matchAll(/([a-zA-Z][a-zA-Z0-9-:]*)(?:="([^"]*)")?/g)) {
            const [, key, value] = attr;
            if (seen.has(key!)) {
                problems.push(`${file}: <${name}> has ${key} twice`);
            }
            seen.add(key!);
            if (key === 'id') {
                if (ids.has(value!)) {
                    problems.push(`${file}: id ${value} twice`);
                }
                ids.add(decode(value!));
            }
            if ((key === 'href' || key === 'src') && value !== undefined) {
                references.push(decode(value));
            }
        }
        if (!VOID.has(name)) {
            stack.push(name);
        }
    }
    if (/[<>]/.test(html.slice(last).trim())) {
        problems.push(`${file}: markup after the last tag`);
    }
    if (stack.length > 0) {
        problems.push(`${file}: unclosed ${stack.join(', ')}`);
    }
    return { page: { file, ids, references }, problems };
}

/** Every page of the site parsed, and every problem of markup or links. */
export function checkSite(dir: string): { pages: Map<string, Page>; problems: string[] } {
    const files = siteFiles(dir);
    const pages = new Map<string, Page>();
    const problems: string[] = [];
    for (const file of files.filter(f => f.endsWith('.html'))) {
        const parsed = parsePage(file, fs.readFileSync(path.join(dir, file), 'utf8'));
        pages.set(file, parsed.page);
        problems.push(...parsed.problems);
    }
    const all = new Set(files);
    for (const page of pages.values()) {
        for (const reference of page.references) {
            if (/^[a-z]+:/i.test(reference)) {
                problems.push(`${page.file}: links outside the site: ${reference}`);
                continue;
            }
            const [target, fragment] = reference.split('#') as [string, string | undefined];
            const resolved = target === '' ? page.file : path.posix.normalize(path.posix.join(path.posix.dirname(page.file), target));
            if (!all.has(resolved)) {
                problems.push(`${page.file}: broken link ${reference} (no ${resolved})`);
            } else if (fragment !== undefined && !pages.get(resolved)?.ids.has(decodeURIComponent(fragment))) {
                problems.push(`${page.file}: broken link ${reference} (no id ${fragment} in ${resolved})`);
            }
        }
    }
    return { pages, problems };
}
