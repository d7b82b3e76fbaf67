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
