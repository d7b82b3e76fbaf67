/**
 * Words syntax errors once the parse is done, when it is known what a mistake token stood for and
 * where a stray word sits: `Use '==' instead of '='` in a condition but `Use ':'` in an argument,
 * `Unknown clause 'responsibel'; did you mean 'responsible'?` instead of `Expected '}'`.
 */
import { CstUtils, GrammarAST, type ParseResult } from 'langium';
import { closestNames } from '../model/text-distance.js';
import { didYouMean, enumeration } from '../l10n/diagnostic-words.js';
import { t } from '../l10n/index.js';
import { MAX_SHOWN, isMistakeError, shorten } from './mistakes.js';

type ParserError = ParseResult['parserErrors'][number];

/** A parser error with the words that replace a stray word (the quick fixes offer them). */
export interface HintedParserError extends ParserError {
    suggestions?: string[];
}

/** What may start a line in each place, for "unknown clause / declaration / test item". */
const LINE_STARTS: Record<string, { unknown: (word: string, hint: string) => string; expected: (word: string, words: string) => string; words: readonly string[] }> = {
    Rule: {
        unknown: (word, hint) => t('diagnostics.syntax.unknown-clause', { word, hint }),
        expected: (word, words) => t('diagnostics.syntax.unknown-clause-expected', { word, words }),
        words: ['category', 'severity', 'responsible', 'actions', 'when', 'escalate', 'basis', 'priority', 'effective', 'disabled', 'campaign'],
    },
    Model: {
        unknown: (word, hint) => t('diagnostics.syntax.unknown-declaration', { word, hint }),
        expected: (word, words) => t('diagnostics.syntax.unknown-declaration-expected', { word, words }),
        words: ['import', 'severities', 'post', 'authority', 'action', 'attribute', 'category', 'rule', 'test', 'campaign'],
    },
    Test: {
        unknown: (word, hint) => t('diagnostics.syntax.unknown-test-item', { word, hint }),
        expected: (word, words) => t('diagnostics.syntax.unknown-test-item-expected', { word, words }),
        words: ['given', 'on', 'expect'],
    },
};

export function explainSyntax(result: ParseResult, text: string): void {
    wordMistakes(result);
    for (const error of result.parserErrors) {
        explainStrayWord(error as HintedParserError, text);
    }
}

/** Mistake tokens the parser took for a keyword: say which one. */
function wordMistakes(result: ParseResult): void {
    const root = result.value.$cstNode;
    if (!root) {
        return;
    }
    for (const error of result.lexerErrors) {
        if (!isMistakeError(error) || !error.token) {
            continue;
        }
        const leaf = CstUtils.findLeafNodeAtOffset(root, error.offset);
        if (!leaf || leaf.offset !== error.offset || leaf.tokenType !== error.token.tokenType) {
            continue;
        }
        const source = leaf.grammarSource;
        if (error.token.tokenType.name === 'SINGLE =' && GrammarAST.isKeyword(source)) {
            error.message = source.value === '==' ? t('diagnostics.syntax.use-double-equals') : t('diagnostics.syntax.use-instead', { keyword: source.value, written: '=' });
            error.replacement = source.value;
        } else if (error.token.tokenType.name === 'SIGNED NUMBER' && leaf.astNode.$type === 'PriorityClause') {
            error.message = t('diagnostics.priority-not-whole', { value: shorten(error.token.image) });
        }
    }
}

/**
 * A name where a line must start with a keyword, at the start of its line: a misspelt keyword
 * (`responsibel reviewer`, `rul r {`). Chevrotain only says what could close the block.
 */
function explainStrayWord(error: HintedParserError, text: string): void {
    const token = error.token;
    // Langium marks its rule names with a zero-width space.
    const place = LINE_STARTS[(error.context?.ruleStack?.at(-1) ?? '').replace(/\u200B/g, '')];
    if (!place || token.tokenType?.name !== 'ID' || !Number.isFinite(token.startOffset) || !startsLine(text, token.startOffset)) {
        return;
    }
    // No keyword is long: a long word is compared with none, and shown shortened.
    const suggestions = token.image.length <= MAX_SHOWN ? closestNames(token.image, place.words, 1) : [];
    const word = shorten(token.image);
    error.message = suggestions.length > 0
        ? place.unknown(word, didYouMean(suggestions))
        : place.expected(word, enumeration(place.words.map(w => t('diagnostics.words.quoted', { name: w }))));
    error.suggestions = suggestions;
}

function startsLine(text: string, offset: number): boolean {
    for (let i = offset - 1; i >= 0; i--) {
        const c = text[i];
        if (c === '\n' || c === '\r' || c === '{') {
            return true;
        }
        if (c !== ' ' && c !== '\t') {
            return false;
        }
    }
    return true;
}
