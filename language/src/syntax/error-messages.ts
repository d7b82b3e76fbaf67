/**
 * Words the parser's errors as an author would look for them, at the source: `Expected a name but
 * found '}'`, `Expected 'not', '(' or a name but found '3'` instead of Chevrotain's token types
 * and numbered lookahead paths. Stray words at the start of a line are worded later, once the
 * parse is done (syntax-hints.ts).
 */
import type { IParserErrorMessageProvider, IToken, TokenType } from 'chevrotain';
import { t } from '../l10n/index.js';
import { alternatives } from '../l10n/diagnostic-words.js';

export class GovRuleParserErrorMessageProvider implements IParserErrorMessageProvider {
    buildMismatchTokenMessage({ expected, actual }: { expected: TokenType; actual: IToken }): string {
        return expected.LABEL
            ? firstLine(t('diagnostics.syntax.expected-label', { expected: expected.LABEL, found: actual.image }))
            : expectedWords(tokenWords(expected.name), actual.image);
    }

    buildNotAllInputParsedMessage({ firstRedundant }: { firstRedundant: IToken }): string {
        return expectedWords(tokenWords('EOF'), firstRedundant.image);
    }

    buildNoViableAltMessage({ expectedPathsPerAlt, actual, customUserDescription }: { expectedPathsPerAlt: TokenType[][][]; actual: IToken[]; customUserDescription?: string }): string {
        if (customUserDescription) {
            return firstLine(t('diagnostics.syntax.expected-description', { description: customUserDescription }));
        }
        // What may come next: the first token of each lookahead path, once each.
        const starts = new Set<string>();
        for (const paths of expectedPathsPerAlt) {
            for (const path of paths) {
                starts.add(path.length > 0 ? tokenWords(path[0].LABEL || path[0].name) : t('diagnostics.words.quoted', { name: '' }));
            }
        }
        return expectedWords(alternatives([...starts]), actual[0].image);
    }

    buildEarlyExitMessage({ customUserDescription }: { customUserDescription?: string }): string {
        return firstLine(t('diagnostics.syntax.expected-description', { description: customUserDescription || t('diagnostics.syntax.at-least-one') }));
    }
}

/** `Expected a name but found '}'`, or `... but found the end of the file`. */
function expectedWords(expected: string, image: string): string {
    return image === '' ? t('diagnostics.syntax.expected-end', { expected }) : t('diagnostics.syntax.expected-found', { expected, found: image });
}

function firstLine(message: string): string {
    return message.split('\n')[0];
}

function tokenWords(type: string): string {
    switch (type) {
        case 'ID': return t('diagnostics.syntax.token.name');
        case 'STRING': return t('diagnostics.syntax.token.string');
        case 'NUMBER': return t('diagnostics.syntax.token.number');
        case 'DATE': return t('diagnostics.syntax.token.date');
        case 'DURATION': return t('diagnostics.syntax.token.duration');
        case 'EOF': return t('diagnostics.syntax.token.end');
        default: return t('diagnostics.words.quoted', { name: type });
    }
}
