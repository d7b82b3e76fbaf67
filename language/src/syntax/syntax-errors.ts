import type { LangiumDocument } from 'langium';

/**
 * Whether the document's text did not parse cleanly. Its tree may then lack parts that the
 * grammar makes mandatory (an operand, a clause's value), so whole-workspace analyses leave it
 * out; its syntax errors are what the author sees first.
 */
export function hasSyntaxErrors(document: LangiumDocument): boolean {
    const { lexerErrors, parserErrors } = document.parseResult;
    return lexerErrors.length > 0 || parserErrors.length > 0;
}

const errorOffsets = new WeakMap<LangiumDocument['parseResult'], number[]>();

/** Whether a parser error lies in `[start, end)` of the document's text (a binary search over its errors). */
export function hasParserErrorWithin(document: LangiumDocument, start: number, end: number): boolean {
    const result = document.parseResult;
    let offsets = errorOffsets.get(result);
    if (!offsets) {
        offsets = result.parserErrors.map(e => e.token.startOffset).filter(Number.isFinite).sort((a, b) => a - b);
        errorOffsets.set(result, offsets);
    }
    let low = 0;
    let high = offsets.length;
    while (low < high) {
        const middle = (low + high) >> 1;
        if (offsets[middle] < start) {
            low = middle + 1;
        } else {
            high = middle;
        }
    }
    return low < offsets.length && offsets[low] < end;
}
