/**
 * Words the parser's errors as an author would look for them, at the source: `Expected a name but
 * found '}'`, `Expected 'not', '(' or a name but found '3'` instead of Chevrotain's token types
 * and numbered lookahead paths. Stray words at the start of a line are worded later, once the
 * parse is done (syntax-hints.ts).
 */
import type { IParserErrorMessageProvider, IToken, TokenType } from 'chevrotain';

export class GovRuleParserErrorMessageProvider implements IParserErrorMessageProvider {
    buildMismatchTokenMessage({ expected, actual }: { expected: TokenType; actual: IToken }): string {
        return expected.LABEL
            ? firstLine(`Expected \`${expected.LABEL}\` but found \`${actual.image}\`.`)
            : `Expected ${tokenWords(expected.name)}${foundWords(actual.image)}`;
    }

    buildNotAllInputParsedMessage({ firstRedundant }: { firstRedundant: IToken }): string {
        return `Expected ${tokenWords('EOF')}${foundWords(firstRedundant.image)}`;
    }

    buildNoViableAltMessage({ expectedPathsPerAlt, actual, customUserDescription }: { expectedPathsPerAlt: TokenType[][][]; actual: IToken[]; customUserDescription?: string }): string {
        if (customUserDescription) {
            return firstLine(`Expected: ${customUserDescription}`);
        }
        // What may come next: the first token of each lookahead path, once each.
        const starts = new Set<string>();
        for (const paths of expectedPathsPerAlt) {
            for (const path of paths) {
                starts.add(path.length > 0 ? tokenWords(path[0].LABEL || path[0].name) : "''");
            }
        }
        return `Expected ${wordList([...starts])}${foundWords(actual[0].image)}`;
    }

    buildEarlyExitMessage({ customUserDescription }: { customUserDescription?: string }): string {
        return firstLine(`Expected: ${customUserDescription || 'expecting at least one iteration which starts with one of these possible Token sequences::'}`);
    }
}

function foundWords(image: string): string {
    return image === '' ? ' but found the end of the file' : ` but found '${image}'`;
}

function firstLine(message: string): string {
    return message.split('\n')[0];
}

function tokenWords(type: string): string {
    return TOKEN_WORDS[type] ?? `'${type}'`;
}

function wordList(words: readonly string[]): string {
    return words.length === 1 ? words[0] : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

const TOKEN_WORDS: Record<string, string> = {
    ID: 'a name',
    STRING: 'a string',
    NUMBER: 'a number',
    DATE: 'a date (YYYY-MM-DD)',
    DURATION: 'a duration such as 2h or 3d',
    EOF: 'the end of the file',
};
