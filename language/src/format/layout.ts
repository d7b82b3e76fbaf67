/**
 * The canonical layout (docs/formatting.md). It decides the whitespace between consecutive
 * tokens and comments, and nothing else: the tokens themselves are never added, removed or
 * reordered, so the parse (and the compiled bundle, apart from source positions) cannot change.
 * The result is a list of replacements of whitespace in the original text.
 */
import type * as ast from '../syntax/generated/ast.js';
import { itemsOf, rolesOf, type Item, type Role } from './tokens.js';

/** Replace `text.slice(start, end)` with `text`. */
export interface Replacement {
    readonly start: number;
    readonly end: number;
    readonly text: string;
    /**
     * Replacements of one group go together: a line break moved from one side of a comma or
     * operator to the other must not be half applied (range formatting would lose it).
     */
    readonly group?: number;
}

const INDENT = '    ';

/** Tokens written right after the token before them. */
const TIGHT_BEFORE = new Set([',', ':', '?', ')', ']', '.']);
/** Tokens written right before the token after them. */
const TIGHT_AFTER = new Set(['(', '[', '.']);

const LINE_BREAK = /\r\n|\r|\n/g;

/** The whitespace replacements that turn `text` (whose parse is `model`) into its canonical form. */
export function layout(model: ast.Model, text: string): Replacement[] {
    const root = model.$cstNode?.root;
    if (!root) {
        return [];
    }
    const items = itemsOf(root);
    const roles = rolesOf(model, text);
    const eol = lineEnding(text);
    const role = (item: Item | undefined): Role | undefined => item?.kind === 'token' ? roles.get(item.offset) : undefined;
    const breaksIn = (start: number, end: number) => countBreaks(text, start, end);
    // The indentation of the line the current item starts, or undefined when it follows code on its line.
    let lineIndent: string | undefined;
    const newline = (blank: boolean, depth: number) => {
        lineIndent = INDENT.repeat(Math.max(0, depth));
        return eol + (blank ? eol : '') + lineIndent;
    };

    // No blank line right after `{`, nor after a comment that trails a `{`.
    // (A loop, not recursion: a line may hold any number of comments.)
    const opensBlock = (j: number): boolean => {
        for (; ; j--) {
            if (role(items[j]) === 'open') {
                return true;
            }
            if (items[j]?.kind === 'token' || j <= 0 || breaksIn(items[j - 1].end, items[j].offset) !== 0) {
                return false;
            }
        }
    };

    const result: Array<{ start: number; end: number; text: string; group?: number }> = [];
    // The replacement of the gap before each item, and the pairs of gaps a moved break links.
    const gaps: Array<(typeof result)[number]> = [];
    const links: Array<[number, number]> = [];
    let depth = 0;
    for (let i = 0; i < items.length; i++) {
        const item = items[i];
        const prev = items[i - 1];
        const gapStart = prev?.end ?? 0;
        const breaks = breaksIn(gapStart, item.offset);
        const blank = breaks >= 2 && prev !== undefined && !opensBlock(i - 1);
        let separator: string;
        let partner: number | undefined;
        lineIndent = prev === undefined ? '' : undefined;
        if (item.kind !== 'token') {
            separator = prev === undefined ? ''
                : breaks === 0 ? ' '
                    : newline(blank, commentDepth(items, i, roles, depth));
        } else {
            const own = role(item);
            if (own === 'close') {
                depth--;
                separator = role(prev) === 'open' ? '' : newline(false, depth);
            } else if (own === 'line') {
                separator = prev === undefined ? '' : newline(blank, depth);
            } else if (own === 'inline-close') {
                separator = role(prev) === 'inline-open' ? '' : ' ';
            } else if (prev === undefined) {
                separator = '';
            } else if (prev.kind === 'line-comment' || (prev.kind === 'block-comment' && breaks > 0)) {
                separator = newline(false, depth + 1);
            } else if ((partner = keptBreak(items, i, text)) !== undefined) {
                separator = newline(false, depth + 1);
                links.push([i, partner]);
            } else {
                separator = prev.kind === 'token' ? spaceBetween(prev, item) : ' ';
            }
            if (own === 'open') {
                depth++;
            }
        }
        gaps[i] = { start: gapStart, end: item.offset, text: separator };
        result.push(gaps[i], ...commentInterior(item, lineIndent, eol));
    }
    const last = items[items.length - 1];
    if (last) {
        result.push({ start: last.end, end: text.length, text: eol });
    }
    links.forEach(([a, b], group) => {
        gaps[a].group = group;
        if (gaps[b]) gaps[b].group = group;
    });
    return result.filter(r => text.slice(r.start, r.end) !== r.text);
}

/**
 * Line breaks an author put into a long clause survive where they read well: after a comma
 * and before `and` / `or` (a break on the other side moves there). When the gap before item `i`
 * gets such a break, returns the index of the item after the other gap of that comma or
 * operator; else undefined.
 */
function keptBreak(items: readonly Item[], i: number, text: string): number | undefined {
    const item = items[i];
    const prev = items[i - 1];
    const broken = (a: Item | undefined, b: Item | undefined) => a !== undefined && b !== undefined && countBreaks(text, a.end, b.offset) > 0;
    if (prev.kind === 'token' && prev.text === ',') {
        return broken(prev, item) || broken(items[i - 2], prev) ? i - 1 : undefined;
    }
    if (item.kind === 'token' && (item.text === 'and' || item.text === 'or')) {
        return broken(prev, item) || broken(item, items[i + 1]) ? i + 1 : undefined;
    }
    return undefined;
}

/** One space between tokens on a line, or none around `.`, before `,` `:` `?` `)` `]`, after `(` `[`. */
function spaceBetween(prev: Item, item: Item): string {
    if (TIGHT_BEFORE.has(item.text) || TIGHT_AFTER.has(prev.text)) {
        return '';
    }
    if (item.text === '(') {
        const owner = item.leaf.astNode.$type;
        // `rectify(deadline: 5d)`, and `action fine(amount: money)` but `action fine "罚款" (amount: money)`.
        if (owner === 'ActionCall' || (owner === 'Action' && !prev.text.startsWith('"'))) {
            return '';
        }
    }
    return ' ';
}

/**
 * A comment on a line of its own is indented like the code that follows it: at the block's
 * depth before a declaration, clause or closing brace, one level deeper inside a clause.
 */
function commentDepth(items: readonly Item[], i: number, roles: ReadonlyMap<number, Role>, depth: number): number {
    for (let j = i + 1; j < items.length; j++) {
        if (items[j].kind === 'token') {
            const next = roles.get(items[j].offset);
            return next === 'line' || next === 'close' ? depth : depth + 1;
        }
    }
    return depth;
}

/**
 * Inside a comment only line ends change: trailing spaces go, and in a block comment whose
 * lines all start with `*` those lines are re-indented under the opening `/*`. `indent` is the
 * comment's own indentation when it starts a line, else undefined (its lines then stay as written).
 */
function commentInterior(item: Item, indent: string | undefined, eol: string): Replacement[] {
    if (item.kind === 'token') {
        return [];
    }
    const result: Replacement[] = [];
    const lines = item.text.split(LINE_BREAK);
    const starred = indent !== undefined && lines.length > 1 && lines.slice(1).every(l => /^\s*\*/.test(l));
    let offset = item.offset;
    let match: RegExpExecArray | null;
    LINE_BREAK.lastIndex = 0;
    let lineIndex = 0;
    while ((match = LINE_BREAK.exec(item.text)) !== null) {
        const line = lines[lineIndex];
        const contentEnd = offset + line.trimEnd().length;
        const nextLine = lines[lineIndex + 1];
        const nextStart = match.index + match[0].length + item.offset;
        const keptFrom = starred ? nextStart + (nextLine.length - nextLine.trimStart().length) : nextStart;
        result.push({ start: contentEnd, end: keptFrom, text: eol + (starred ? `${indent} ` : '') });
        offset = nextStart;
        lineIndex++;
    }
    const lastLine = lines[lines.length - 1];
    if (item.kind === 'line-comment' && lastLine.trimEnd().length < lastLine.length) {
        result.push({ start: offset + lastLine.trimEnd().length, end: item.end, text: '' });
    }
    return result;
}

/** The file's line ending, from its first line break: `\r\n` files stay `\r\n`. */
function lineEnding(text: string): string {
    const match = /\r\n|\r|\n/.exec(text);
    return match?.[0] === '\r\n' ? '\r\n' : '\n';
}

function countBreaks(text: string, start: number, end: number): number {
    let count = 0;
    for (let i = start; i < end; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
            count++;
        }
    }
    return count;
}
