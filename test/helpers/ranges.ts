/**
 * Positions of text in a source, to assert diagnostic ranges without counting columns by hand:
 * `rangeOf(text, 'selfMedai')` is the LSP range (0-based, end exclusive) of that word.
 */
import type { Position, Range } from 'vscode-languageserver-types';

export function positionAt(text: string, offset: number): Position {
    const before = text.slice(0, offset);
    const line = before.split('\n').length - 1;
    return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** The range of the `occurrence`-th (0-based) appearance of `needle` in `text`. */
export function rangeOf(text: string, needle: string, occurrence = 0): Range {
    let offset = -1;
    for (let i = 0; i <= occurrence; i++) {
        offset = text.indexOf(needle, offset + 1);
        if (offset < 0) {
            throw new Error(`'${needle}' occurs fewer than ${occurrence + 1} times`);
        }
    }
    return { start: positionAt(text, offset), end: positionAt(text, offset + needle.length) };
}

/** The range of `needle` inside the first line that contains `lineMarker` (for words that occur often). */
export function rangeIn(text: string, lineMarker: string, needle: string): Range {
    const lineStart = text.indexOf(lineMarker);
    if (lineStart < 0) {
        throw new Error(`no '${lineMarker}' in text`);
    }
    const offset = text.indexOf(needle, text.lastIndexOf('\n', lineStart) + 1);
    if (offset < 0) {
        throw new Error(`no '${needle}' at or after '${lineMarker}'`);
    }
    return { start: positionAt(text, offset), end: positionAt(text, offset + needle.length) };
}

/** The first `length` characters of the `occurrence`-th appearance of `needle` (a word found by its context). */
export function rangeAt(text: string, needle: string, length: number, occurrence = 0): Range {
    const { start } = rangeOf(text, needle, occurrence);
    return { start, end: { line: start.line, character: start.character + length } };
}
