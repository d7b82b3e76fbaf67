/**
 * The parser descends once per level of parentheses or `not`, so a condition nested a couple of
 * hundred levels deep (or a chain of several thousand `or`) exhausts the JavaScript stack, and
 * so does a tree of categories nested a few hundred deep. Such a file gets one `syntax` error
 * instead of crashing the build, and the parser is left ready for the next file.
 */
import { CstNodeBuilder, LangiumParser, createParser, type AstNode, type LangiumCoreServices, type ParseResult, type ParserOptions } from 'langium';
import type { Model } from './generated/ast.js';
import { explainSyntax } from './syntax-hints.js';
import { recordFailure } from '../internal-errors.js';
import { LinearCstNodeBuilder } from './cst-builder.js';
import { t } from '../l10n/index.js';

type ParserError = ParseResult['parserErrors'][number];
type Token = ParserError['token'];

/**
 * Langium's parser keeps the CST builder and the stack of nodes under construction in private
 * fields and offers no hook for either: GovRule replaces the builder (a linear one, see
 * cst-builder.ts) and empties the stack after a failed parse. This is the one place that reaches
 * them, so a Langium upgrade that renames them breaks here (and in the parser tests).
 */
interface ParserInternals {
    nodeBuilder: CstNodeBuilder;
    stack: unknown[];
}

function internals(parser: LangiumParser): ParserInternals {
    return parser as unknown as ParserInternals;
}

export class GuardedParser extends LangiumParser {
    constructor(services: LangiumCoreServices) {
        super(services);
        internals(this).nodeBuilder = new LinearCstNodeBuilder();
    }

    override parse<T extends AstNode = AstNode>(input: string, options?: ParserOptions): ParseResult<T> {
        // A fixed limit, checked first, so that the outcome does not depend on the stack size of
        // the Node version that runs GovRule.
        const tooDeep = this.categoriesTooDeep(input);
        if (tooDeep) {
            return unreadable(input, tooDeep) as ParseResult<T>;
        }
        try {
            const result = super.parse<T>(input, options);
            explainSyntax(result, input);
            return result;
        } catch (err) {
            // The AST nodes under construction when the parse failed; the next parse must start clean.
            internals(this).stack.length = 0;
            // Running out of stack inside the parser's `finally` blocks can surface as another error.
            const problem = nestingProblem(this.lexer.tokenize(input).tokens, err instanceof RangeError);
            if (!problem) {
                // Not the input's depth: a bug. Fail closed with an empty model and an internal error.
                const result = unreadable(input);
                recordFailure(result.value, 'parsing', err);
                return result as ParseResult<T>;
            }
            return unreadable(input, problem) as ParseResult<T>;
        }
    }

    private categoriesTooDeep(input: string): Problem | undefined {
        if (occurrences(input, 'category') <= MAX_CATEGORY_NESTING) {
            return undefined;
        }
        const tokens = this.lexer.tokenize(input).tokens;
        const deepest = tokens.length > 0 ? deepestCategory(tokens) : undefined;
        return deepest && deepest.depth > MAX_CATEGORY_NESTING ? categoryProblem(deepest) : undefined;
    }
}

/** How deep categories may nest (LANGUAGE.md §4); deeper trees are a `syntax` error. */
export const MAX_CATEGORY_NESTING = 200;

function occurrences(text: string, word: string): number {
    let count = 0;
    for (let i = text.indexOf(word); i !== -1 && count <= MAX_CATEGORY_NESTING; i = text.indexOf(word, i + word.length)) {
        count++;
    }
    return count;
}

function categoryProblem(deepest: { token: Token; depth: number }): Problem {
    return { token: deepest.token, message: t('diagnostics.syntax.categories-too-deep', { depth: deepest.depth }) };
}

interface Problem {
    readonly token: Token;
    readonly message: string;
}

/** Below this depth or length the stack cannot have run out on this input. */
const DEEP = 100;
const LONG = 1000;

/** Where and why the input is too deep or too long to parse; when `certain`, the most likely place. */
function nestingProblem(tokens: readonly Token[], certain: boolean): Problem | undefined {
    if (tokens.length === 0) {
        return undefined;
    }
    const deepest = deepestToken(tokens);
    const longest = longestCondition(tokens);
    const categories = deepestCategory(tokens);
    if (categories.depth >= DEEP && categories.depth >= deepest.depth) {
        return categoryProblem(categories);
    }
    if (deepest.depth >= DEEP || (certain && !(longest && longest.operators >= LONG))) {
        return { token: deepest.token, message: t('diagnostics.syntax.condition-too-deep', { depth: deepest.depth }) };
    }
    if (longest && (longest.operators >= LONG || certain)) {
        return { token: longest.token, message: t('diagnostics.syntax.condition-too-long', { operators: longest.operators }) };
    }
    return undefined;
}

/** Models that stand for a file the parser could not read: what the file declares is unknown. */
const unread = new WeakSet<AstNode>();

/** Whether the model stands for a file that could not be parsed at all (it declares nothing known). */
export function isUnreadModel(model: AstNode | undefined): boolean {
    return model !== undefined && unread.has(model);
}

/** An empty model with one syntax error, or none. */
function unreadable(input: string, problem?: Problem): ParseResult<AstNode> {
    const model: Model = { $type: 'Model', name: '', imports: [], elements: [] };
    unread.add(model);
    const root = new CstNodeBuilder().buildRootNode(input);
    (root as { astNode: AstNode }).astNode = model;
    (model as { $cstNode?: unknown }).$cstNode = root;
    if (!problem) {
        return { value: model, parserErrors: [], lexerErrors: [] };
    }
    const error = {
        name: 'NestingTooDeep', message: problem.message, token: problem.token, resyncedTokens: [], context: { ruleStack: [], ruleOccurrenceStack: [] },
    } as ParserError;
    return { value: model, parserErrors: [error], lexerErrors: [] };
}

/** The first token at the greatest depth of open parentheses plus `not`s in a row. */
function deepestToken(tokens: readonly Token[]): { token: Token; depth: number } {
    let parens = 0;
    let nots = 0;
    let best = { token: tokens[0], depth: 0 };
    for (const token of tokens) {
        if (token.image === '(') {
            parens++;
        } else if (token.image === ')') {
            parens = Math.max(0, parens - 1);
        }
        nots = token.image === 'not' ? nots + 1 : 0;
        if (parens + nots > best.depth) {
            best = { token, depth: parens + nots };
        }
    }
    return best;
}

/** The name of the first category at the greatest depth of categories inside categories. */
function deepestCategory(tokens: readonly Token[]): { token: Token; depth: number } {
    const braces: boolean[] = [];
    let depth = 0;
    let best = { token: tokens[0], depth: 0 };
    for (let i = 0; i < tokens.length; i++) {
        if (tokens[i].image === '{') {
            // `category name {` or `category name "label" {`
            const labelled = tokens[i - 1]?.tokenType.name === 'STRING';
            const name = tokens[i - (labelled ? 2 : 1)];
            const opensCategory = tokens[i - (labelled ? 3 : 2)]?.image === 'category';
            braces.push(opensCategory);
            if (opensCategory && ++depth > best.depth) {
                best = { token: name, depth };
            }
        } else if (tokens[i].image === '}' && braces.pop()) {
            depth--;
        }
    }
    return best;
}

/** The `when` with the most `and`/`or` after it (before the next `when` or `rule`). */
function longestCondition(tokens: readonly Token[]): { token: Token; operators: number } | undefined {
    let best: { token: Token; operators: number } | undefined;
    let current: { token: Token; operators: number } | undefined;
    for (const token of tokens) {
        if (token.image === 'when' || token.image === 'rule') {
            current = token.image === 'when' ? { token, operators: 0 } : undefined;
        } else if (current && (token.image === 'and' || token.image === 'or')) {
            current.operators++;
            if (!best || current.operators > best.operators) {
                best = current;
            }
        }
    }
    return best;
}

/** Langium's parser construction (createLangiumParser), with the guarded parser. */
export function createGuardedParser(services: LangiumCoreServices): LangiumParser {
    const parser = createParser(services.Grammar, new GuardedParser(services), services.parser.Lexer.definition);
    parser.finalize();
    return parser;
}
