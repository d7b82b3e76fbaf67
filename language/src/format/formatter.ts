/**
 * The GovRule formatter: `govrule fmt` and the language server both call these functions.
 *
 * A file that does not parse is refused, never half-formatted: with a syntax error the parser's
 * idea of the structure is a guess, and the whitespace between tokens may hide stray characters.
 * Before anything is returned the output is lexed again and must hold the same tokens and
 * comments as the input.
 */
import { EmptyFileSystem, type LangiumCoreServices, type LangiumDocument, type ParseResult } from 'langium';
import type * as ast from '../syntax/generated/ast.js';
import { createGovRuleCoreServices } from '../govrule-module.js';
import { isMistakeError } from '../syntax/mistakes.js';
import { t } from '../l10n/index.js';
import { characterWords } from '../l10n/diagnostic-words.js';
import { layout, type Replacement } from './layout.js';
import { itemsOf } from './tokens.js';

export type { Replacement } from './layout.js';

/** Where the parser gave up, 1-based. */
export interface SyntaxProblem {
    readonly line: number;
    readonly column: number;
    readonly message: string;
}

export type FormatResult = Formatted | Refused;

export interface Formatted {
    readonly ok: true;
    /** The whole file in canonical form. */
    readonly text: string;
    /** Minimal replacements in the original text, sorted and disjoint; empty when already formatted. */
    readonly edits: readonly Replacement[];
}

export interface Refused {
    readonly ok: false;
    /** One line that says why, e.g. `syntax error at line 3, column 5: Expected a name but found '}'`. */
    readonly reason: string;
    readonly problems: readonly SyntaxProblem[];
}

let defaultServices: LangiumCoreServices | undefined;

function servicesOrDefault(services: LangiumCoreServices | undefined): LangiumCoreServices {
    return services ?? (defaultServices ??= createGovRuleCoreServices(EmptyFileSystem).GovRule);
}

/** Formats a document as parsed by a workspace (the language server's, or the CLI's). */
export function formatDocument(document: LangiumDocument, services?: LangiumCoreServices): FormatResult {
    const text = document.textDocument.getText();
    // Edits are offsets into the parsed text; they must not be applied to a newer one.
    const root = document.parseResult.value.$cstNode?.root;
    if (root && root.fullText !== text) {
        return { ok: false, reason: t('common.format.changed'), problems: [] };
    }
    return formatParsed(text, document.parseResult as ParseResult<ast.Model>, servicesOrDefault(services));
}

/** Parses and formats one file's text. */
export function formatText(text: string, services?: LangiumCoreServices): FormatResult {
    const s = servicesOrDefault(services);
    return formatParsed(text, s.parser.LangiumParser.parse<ast.Model>(text), s);
}

/**
 * The edits of a result that lie inside `[start, end]` (offsets): range formatting touches
 * nothing else. An edit whose group reaches outside the range is left out with its group.
 */
export function editsWithin(edits: readonly Replacement[], start: number, end: number): Replacement[] {
    const inside = (e: Replacement) => e.start >= start && e.end <= end;
    const cut = new Set(edits.filter(e => e.group !== undefined && !inside(e)).map(e => e.group));
    return edits.filter(e => inside(e) && !cut.has(e.group));
}

function formatParsed(text: string, parsed: ParseResult<ast.Model>, services: LangiumCoreServices): FormatResult {
    const problems = syntaxProblems(text, parsed);
    if (problems.length > 0) {
        const first = problems[0];
        return {
            ok: false,
            reason: t('common.format.syntax-error', { line: first.line, column: first.column, message: first.message }),
            problems,
        };
    }
    const edits = layout(parsed.value, text).map(r => minimal(r, text)).filter((r): r is Replacement => r !== undefined);
    const formatted = apply(text, edits);
    if (edits.length > 0) {
        checkSameTokens(parsed, formatted, services);
    }
    return { ok: true, text: formatted, edits };
}

function syntaxProblems(text: string, parsed: ParseResult): SyntaxProblem[] {
    const problems: SyntaxProblem[] = parsed.lexerErrors.map(e => ({
        line: e.line ?? 1,
        column: e.column ?? 1,
        message: isMistakeError(e) ? e.message : t('diagnostics.syntax.unexpected-character', { char: characterWords(String.fromCodePoint(text.codePointAt(e.offset) ?? 0xfffd)) }),
    }));
    for (const e of parsed.parserErrors) {
        problems.push({ ...errorPosition(e, text), message: e.message });
    }
    return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** At the end of the input chevrotain reports a virtual token without a position: use the token before it. */
type ParserError = ParseResult['parserErrors'][number];
type IToken = ParserError['token'];

function errorPosition(e: ParserError, text: string): { line: number; column: number } {
    const valid = (t: IToken | undefined): t is IToken & { startLine: number; startColumn: number; endLine: number; endColumn: number } =>
        t !== undefined && (t.startLine ?? 0) > 0 && (t.endColumn ?? 0) > 0 && !Number.isNaN(t.startOffset);
    if (valid(e.token)) {
        return { line: e.token.startLine, column: e.token.startColumn };
    }
    const previous = (e as { previousToken?: IToken }).previousToken;
    if (valid(previous)) {
        return { line: previous.endLine, column: previous.endColumn + 1 };
    }
    const lines = text.split(/\r\n|\r|\n/);
    return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

/** Shrinks a replacement to the part that differs, so editors keep cursors and ranges stay small. */
function minimal(r: Replacement, text: string): Replacement | undefined {
    const old = text.slice(r.start, r.end);
    let prefix = 0;
    while (prefix < old.length && prefix < r.text.length && old[prefix] === r.text[prefix]) {
        prefix++;
    }
    if (prefix === old.length && prefix === r.text.length) {
        return undefined;
    }
    let suffix = 0;
    while (suffix < old.length - prefix && suffix < r.text.length - prefix
        && old[old.length - 1 - suffix] === r.text[r.text.length - 1 - suffix]) {
        suffix++;
    }
    return { start: r.start + prefix, end: r.end - suffix, text: r.text.slice(prefix, r.text.length - suffix), group: r.group };
}

function apply(text: string, edits: readonly Replacement[]): string {
    const parts: string[] = [];
    let at = 0;
    for (const e of edits) {
        parts.push(text.slice(at, e.start), e.text);
        at = e.end;
    }
    parts.push(text.slice(at));
    return parts.join('');
}

/** The formatter's promise, checked on every run: the same tokens, and the same comments up to indentation. */
function checkSameTokens(parsed: ParseResult<ast.Model>, formatted: string, services: LangiumCoreServices): void {
    const before = itemsOf(parsed.value.$cstNode!.root).map(i => ({ comment: i.kind !== 'token', text: i.text }));
    const lexed = services.parser.Lexer.tokenize(formatted);
    const after = [...lexed.tokens.map(t => ({ comment: false, text: t.image, offset: t.startOffset })),
        ...lexed.hidden.map(t => ({ comment: true, text: t.image, offset: t.startOffset }))]
        .sort((a, b) => a.offset - b.offset);
    const same = lexed.errors.length === 0 && before.length === after.length
        && before.every((b, i) => b.comment === after[i].comment
            && (b.comment ? normalizeComment(b.text) === normalizeComment(after[i].text) : b.text === after[i].text));
    if (!same) {
        const at = before.findIndex((b, i) => b.text !== after[i]?.text);
        throw new Error(`formatting would change token ${at + 1} of ${before.length} ('${before[at]?.text ?? ''}'); the file was left as it is`);
    }
}

/** A comment's text as the formatter may reshape it: its lines without surrounding blanks. */
function normalizeComment(text: string): string {
    return text.split(/\r\n|\r|\n/).map(l => l.trim()).join('\n');
}
