/**
 * The mistakes authors actually make at the keyboard (a Chinese input method left on, habits from
 * other languages), read as what they meant so that one slip gives one error with its fix instead
 * of a cascade of parser errors. Each is still a `syntax` error: the file does not compile until
 * it is fixed.
 *
 * - Mistake tokens (full-width punctuation, `=`, `&&`, `||`, `!`, `5 days`, `100,000`, `-1`) are
 *   token categories of the token they stand for, so the parser accepts them in its place; the
 *   lexer records each as an error. `GuardedParser` words the error once it knows which keyword
 *   the token stood for (`wordMistakes`).
 * - A keyword written where a name goes (`post test`) is read as that name, so no phantom
 *   `test` block opens; it is an error too.
 */
import { DefaultLexer, DefaultTokenBuilder, type Grammar, type LangiumCoreServices, type LexerResult, type TokenBuilderOptions, type TokenizeOptions } from 'langium';
import type { IToken, TokenType, TokenVocabulary } from 'chevrotain';
import { t } from '../l10n/index.js';

export const MAX_SHOWN = 40;

/** The first 40 characters of a long word and `…`, so that a message stays a line. */
export function shorten(text: string): string {
    const chars = Array.from(text.slice(0, MAX_SHOWN * 2));
    return chars.length > MAX_SHOWN ? `${chars.slice(0, MAX_SHOWN).join('')}…` : text;
}

/** A lexer error with the replacement that fixes it (the quick fix applies it over the error's range). */
export interface MistakeError {
    offset: number;
    line: number | undefined;
    column: number | undefined;
    length: number;
    message: string;
    readonly mistake: true;
    replacement?: string;
    /** The token, to word the message once the parser has placed it. */
    readonly token?: IToken;
}

export function isMistakeError(error: object): error is MistakeError {
    return (error as Partial<MistakeError>).mistake === true;
}

interface MistakeToken extends TokenType {
    /** How to word the error before knowing what the token stood for. */
    readonly describe: (image: string) => { message: string; replacement?: string };
}

/** Full-width punctuation and what it stands for; `；` stands for nothing. */
const FULL_WIDTH: ReadonlyArray<readonly [string, string]> = [
    ['，', ','], ['、', ','], ['（', '('], ['）', ')'], ['：', ':'], ['｛', '{'], ['｝', '}'],
    ['【', '['], ['】', ']'], ['［', '['], ['］', ']'], ['．', '.'], ['＊', '*'], ['＜', '<'], ['＞', '>'],
];

/** Units spelt out: `5 days`, `5天`, `2小时`. Longest first, so `个小时` wins over `时`. */
const UNIT_WORDS: Record<string, 'm' | 'h' | 'd' | 'w'> = {
    minutes: 'm', minute: 'm', mins: 'm', min: 'm', 分钟: 'm', 分: 'm',
    hours: 'h', hour: 'h', hrs: 'h', hr: 'h', 个小时: 'h', 小时: 'h', 个钟头: 'h', 钟头: 'h', 时: 'h',
    days: 'd', day: 'd', 天: 'd', 日: 'd',
    weeks: 'w', week: 'w', wks: 'w', wk: 'w', 个星期: 'w', 星期: 'w', 个礼拜: 'w', 礼拜: 'w', 周: 'w',
};
/** English words lower-case or capitalised, never in capitals: `100 DAY` has the shape of money. */
const UNIT_ALTERNATIVES = Object.keys(UNIT_WORDS).sort((a, b) => b.length - a.length)
    .map(w => (/^[a-z]/.test(w) ? `[${w[0]}${w[0].toUpperCase()}]${w.slice(1)}` : w)).join('|');
/** The characters of an identifier (as the grammar's ID), which may not follow a unit word. */
const ID_CHAR = '_0-9A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uF900-\\uFAFF';

/** `5d` from `5 days`; undefined when the text is not a number and a unit word. */
export function durationFromWords(text: string): string | undefined {
    const match = /^([0-9]+)[ \t]*(\S+)$/.exec(text);
    const word = match?.[2].toLowerCase() ?? '';
    const unit = UNIT_WORDS[word] ?? (/^[mhdw]$/.test(word) ? word : undefined);
    return match && unit ? `${match[1]}${unit}` : undefined;
}

function mistakeTokens(byName: ReadonlyMap<string, TokenType>): MistakeToken[] {
    const token = (name: string, pattern: RegExp, categories: readonly string[], describe: MistakeToken['describe'], group?: string): MistakeToken => {
        const type: MistakeToken = { name, PATTERN: pattern, CATEGORIES: categories.map(c => byName.get(c)!).filter(Boolean), describe };
        if (group) {
            (type as { GROUP?: string }).GROUP = group;
        }
        return type;
    };
    const tokens: MistakeToken[] = FULL_WIDTH.filter(([, ascii]) => byName.has(ascii)).map(([wide, ascii]) =>
        token(`FULLWIDTH ${ascii}`, new RegExp(escape(wide)), [ascii], image => fullWidth(image, ascii)));
    tokens.push(
        token('FULLWIDTH ;', /；/, [], () => ({ message: t('diagnostics.syntax.full-width-semicolon'), replacement: '' }), 'hidden'),
        token('FULLWIDTH STRING', /“[^”\r\n]*”/, ['STRING'], image => ({
            message: t('diagnostics.syntax.full-width-quotes'),
            // Escapes stay as written; a bare ASCII quote inside gets its backslash.
            replacement: `"${image.slice(1, -1).replace(/\\.|"/g, m => (m === '"' ? '\\"' : m))}"`,
        })),
        token('SINGLE =', /=(?!=)/, ['==', ':'], () => ({ message: t('diagnostics.syntax.single-equals') })),
        token('&&', /&&?/, ['and'], image => ({ message: t('diagnostics.syntax.use-instead', { keyword: 'and', written: image }), replacement: 'and' })),
        token('||', /\|\|?/, ['or'], image => ({ message: t('diagnostics.syntax.use-instead', { keyword: 'or', written: image }), replacement: 'or' })),
        token('!', /!(?!=)/, ['not'], () => ({ message: t('diagnostics.syntax.use-instead', { keyword: 'not', written: '!' }), replacement: 'not' })),
        token('DURATION IN WORDS', new RegExp(`[0-9]+(?:[ \\t]+(?:${UNIT_ALTERNATIVES}|[mhdw])|[ \\t]*(?:${UNIT_ALTERNATIVES}))(?![${ID_CHAR}])`), ['DURATION'],
            image => ({ message: t('diagnostics.syntax.duration-in-words', { written: shorten(image), duration: shorten(durationFromWords(image) ?? '') }), replacement: durationFromWords(image) })),
        // Only before a currency, a name, `}` or `)`: in a list `[1,000]` is two numbers.
        token('THOUSANDS', new RegExp(`[0-9]{1,3}(?:,[0-9]{3})+(?:\\.[0-9]+)?(?=[ \\t]*[${ID_CHAR}})])`), ['NUMBER'],
            image => ({ message: t('diagnostics.syntax.thousands', { number: shorten(image.replace(/,/g, '')) }), replacement: image.replace(/,/g, '') })),
        token('SIGNED NUMBER', /-[0-9]+(?:\.[0-9]+)?/, ['NUMBER'], image => ({ message: t('diagnostics.syntax.signed-number', { number: shorten(image) }) })),
    );
    return tokens;
}

function fullWidth(image: string, ascii: string): { message: string; replacement: string } {
    return { message: t('diagnostics.syntax.full-width', { ascii, written: image }), replacement: ascii };
}

function escape(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The grammar's tokens, with the mistake tokens between the keywords and the terminals. */
export class GovRuleTokenBuilder extends DefaultTokenBuilder {
    override buildTokens(grammar: Grammar, options?: TokenBuilderOptions): TokenVocabulary {
        const tokens = super.buildTokens(grammar, options) as TokenType[];
        const byName = new Map(tokens.map(t => [t.name, t]));
        // Terminals come last, in grammar order, starting with the whitespace.
        const firstTerminal = tokens.findIndex(t => t.name === 'WS');
        tokens.splice(firstTerminal < 0 ? tokens.length : firstTerminal, 0, ...mistakeTokens(byName));
        return tokens;
    }
}

/**
 * Keywords after which a name is written on the same line: a declaration's (an error there) or a
 * reference's (read quietly: the name resolves to a declaration that carries the error, or to
 * nothing, which is an error too).
 */
const DECLARES = new Set(['package', 'post', 'authority', 'action', 'attribute', 'category', 'rule']);
const REFERS = new Set(['import', 'severity', 'responsible', 'to', 'given']);

export class GovRuleLexer extends DefaultLexer {
    private readonly idType: TokenType;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.idType = this.definition['ID'];
    }

    override tokenize(text: string, options?: TokenizeOptions): LexerResult {
        const result = super.tokenize(text, options);
        const mistakes: MistakeError[] = [];
        let previous: IToken | undefined;
        for (const token of result.tokens) {
            const type = token.tokenType as Partial<MistakeToken>;
            if (type.describe) {
                mistakes.push(mistakeError(token, type.describe(token.image), text));
            } else if (previous && this.isNameAfterKeyword(previous, token)) {
                token.tokenType = this.idType;
                token.tokenTypeIdx = this.idType.tokenTypeIdx!;
                if (DECLARES.has(previous.image)) {
                    mistakes.push(mistakeError(token, { message: t('diagnostics.syntax.reserved-word', { word: token.image }) }));
                }
            }
            previous = token;
        }
        for (const token of result.hidden) {
            const type = token.tokenType as Partial<MistakeToken>;
            if (type.describe) {
                mistakes.push(mistakeError(token, type.describe(token.image)));
            }
        }
        if (mistakes.length === 0) {
            return result;
        }
        const errors = [...result.errors, ...mistakes].sort((a, b) => a.offset - b.offset);
        return { ...result, errors };
    }

    /** `post test`: a word keyword right after a keyword that a name follows, on the same line. */
    private isNameAfterKeyword(previous: IToken, token: IToken): boolean {
        return (DECLARES.has(previous.image) || REFERS.has(previous.image)) && previous.tokenType.name === previous.image
            && token.tokenType.name === token.image && /^[A-Za-z_]\w*$/.test(token.image)
            && token.startLine === previous.endLine
            && !(previous.image === 'rule' && token.image === 'none');
    }
}

function mistakeError(token: IToken, described: { message: string; replacement?: string }, text?: string): MistakeError {
    return {
        offset: token.startOffset,
        line: token.startLine,
        column: token.startColumn,
        length: token.image.length,
        message: described.message,
        mistake: true,
        replacement: text !== undefined && described.replacement !== undefined ? spaced(described.replacement, text, token) : described.replacement,
        token,
    };
}

/**
 * A word replacing a symbol keeps apart from its neighbours (`a&&b` becomes `a and b`, `!x`
 * becomes `not x`), and a comma or colon replacing a full-width one, which carries its own
 * spacing, gets the space after it (`a，b` becomes `a, b`).
 */
export function spaced(replacement: string, text: string, token: IToken): string {
    const before = text[token.startOffset - 1];
    const after = text[token.startOffset + token.image.length];
    const glued = (c: string | undefined) => c !== undefined && !/[\s()]/.test(c);
    if (/^[a-z]+$/.test(replacement)) {
        return `${glued(before) ? ' ' : ''}${replacement}${glued(after) ? ' ' : ''}`;
    }
    if ((replacement === ',' || replacement === ':') && token.image !== replacement && glued(after)) {
        return `${replacement} `;
    }
    return replacement;
}
