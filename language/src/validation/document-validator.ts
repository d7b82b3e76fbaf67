/**
 * Turns lexer, parser and linker failures into coded diagnostics (`syntax` and the reference
 * codes), then lets the DiagnosticPolicy apply the project's lint levels and ignore comments.
 */
import { DefaultDocumentValidator, interruptAndCheck, isOperationCancelled, type AstNode, type LangiumDocument, type ParseResult, type ValidationAcceptor, type ValidationOptions } from 'langium';
import { Cancellation } from 'langium';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { forEachNode } from '../model/ast-walk.js';
import type { GovRuleServices } from '../services.js';
import { isMistakeError } from '../syntax/mistakes.js';
import type { HintedParserError } from '../syntax/syntax-hints.js';
import { failuresOf, internalError } from '../internal-errors.js';
import { escapeInvisible } from '../unicode/characters.js';
import { characterWords } from '../l10n/diagnostic-words.js';
import { t } from '../l10n/index.js';
import { isGovRuleLinkingError } from '../references/linker.js';
import type { DiagnosticPolicy } from './diagnostic-policy.js';
import type { GovRuleValidationRegistry } from './validation-registry.js';
import type { DiagnosticData } from '../diagnostics.js';

export class GovRuleDocumentValidator extends DefaultDocumentValidator {
    private readonly policy: DiagnosticPolicy;

    constructor(services: GovRuleServices) {
        super(services);
        this.policy = services.validation.DiagnosticPolicy;
    }

    /**
     * Like Langium's, but failing closed: an exception in any step, or recorded by an earlier phase
     * of the build (see GuardedDocumentBuilder), is an `internal-error` diagnostic rather than a
     * line on the console and a document without problems. Diagnostics are appended one by one: a
     * spread of hundreds of thousands of them overflows the stack.
     */
    override async validateDocument(document: LangiumDocument, options: ValidationOptions = {}, cancelToken = Cancellation.CancellationToken.None): Promise<Diagnostic[]> {
        await interruptAndCheck(cancelToken);
        const diagnostics: Diagnostic[] = [...failuresOf(document.parseResult?.value), ...failuresOf(document)];
        const guarded = async (step: () => void | Promise<void>): Promise<void> => {
            try {
                await step();
            } catch (err) {
                if (isOperationCancelled(err)) {
                    throw err;
                }
                diagnostics.push(internalError('validation', err));
            }
        };
        if (!options.categories || options.categories.includes('built-in')) {
            await guarded(() => {
                this.processLexingErrors(document.parseResult, diagnostics);
                this.processParsingErrors(document.parseResult, diagnostics, options);
                this.processLinkingErrors(document, diagnostics);
            });
        }
        await guarded(async () => {
            for (const diagnostic of await this.validateAst(document.parseResult.value, options, cancelToken)) {
                diagnostics.push(diagnostic);
            }
        });
        await interruptAndCheck(cancelToken);
        try {
            // Messages quote source text (a token, a name); what they quote must not hide or reorder anything.
            return this.policy.apply(document, diagnostics).map(d => typeof d.message === 'string' ? { ...d, message: escapeInvisible(d.message) } : d);
        } catch (err) {
            diagnostics.push(internalError('validation', err));
            return diagnostics;
        }
    }

    /** Like Langium's, but without an await per node: checks are synchronous (see GovRuleValidationRegistry). */
    protected override async validateAstNodes(root: AstNode, _options: ValidationOptions, accept: ValidationAcceptor, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        await interruptAndCheck(cancelToken);
        const registry = this.validationRegistry as GovRuleValidationRegistry;
        const pending: Array<Promise<void>> = [];
        forEachNode(root, node => {
            for (const check of registry.checksFor(node.$type)) {
                const result = check(node, accept, cancelToken);
                if (result) {
                    pending.push(result);
                }
            }
        });
        await Promise.all(pending);
    }

    protected override processLexingErrors(parseResult: ParseResult, diagnostics: Diagnostic[]): void {
        for (const error of parseResult.lexerErrors) {
            const start = { line: (error.line ?? 1) - 1, character: (error.column ?? 1) - 1 };
            // A slip (parser/mistakes.ts) keeps its own message; any other error is one character.
            const char = isMistakeError(error) ? undefined : unexpectedCharacter(parseResult, error);
            diagnostics.push({
                severity: DiagnosticSeverity.Error,
                range: { start, end: { line: start.line, character: start.character + error.length } },
                message: char !== undefined ? t('diagnostics.syntax.unexpected-character', { char: characterWords(char) }) : error.message,
                code: 'syntax',
                data: { code: 'syntax', ...fixOf(error) } satisfies DiagnosticData,
                source: this.getSource()
            });
        }
    }

    protected override processParsingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const before = diagnostics.length;
        super.processParsingErrors(parseResult, diagnostics, options);
        // The messages are worded by the parser (syntax/error-messages.ts, syntax/syntax-hints.ts).
        const suggestions = suggestionsByMessage(parseResult);
        for (let i = before; i < diagnostics.length; i++) {
            const message = String(diagnostics[i].message);
            diagnostics[i] = { ...diagnostics[i], code: 'syntax', data: suggestions.has(message) ? { code: 'syntax', suggestions: suggestions.get(message) } : { code: 'syntax' } };
        }
    }

    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[]): void {
        for (const reference of document.references) {
            const error = reference.error;
            if (!error || (isGovRuleLinkingError(error) && error.silent)) {
                continue;
            }
            const code = isGovRuleLinkingError(error) ? error.code : 'unresolved-reference';
            const range = reference.$refNode?.range;
            if (!range) {
                continue;
            }
            diagnostics.push({
                severity: DiagnosticSeverity.Error,
                range,
                message: error.message,
                code,
                data: { code, refText: reference.$refText, suggestions: isGovRuleLinkingError(error) ? error.suggestions : [] } satisfies DiagnosticData,
                source: this.getSource()
            });
        }
    }
}

/** The replacement a mistake token's quick fix writes (see parser/mistakes.ts). */
function fixOf(error: object): { replacement?: string } {
    return isMistakeError(error) && error.replacement !== undefined ? { replacement: error.replacement } : {};
}

/** The words offered for a stray word (see parser/syntax-hints.ts), by message. */
function suggestionsByMessage(parseResult: ParseResult): Map<string, string[]> {
    const result = new Map<string, string[]>();
    for (const error of parseResult.parserErrors as HintedParserError[]) {
        if (error.suggestions && error.suggestions.length > 0) {
            result.set(error.message, error.suggestions);
        }
    }
    return result;
}

/**
 * The character the lexer stopped at, whole (chevrotain quotes one UTF-16 unit, half of an astral
 * character); messages name it by code point and never print it raw (see describeCharacter).
 */
function unexpectedCharacter(parseResult: ParseResult, error: ParseResult['lexerErrors'][number]): string | undefined {
    const text = parseResult.value.$cstNode?.root.fullText;
    const codePoint = text?.codePointAt(error.offset);
    return codePoint !== undefined ? String.fromCodePoint(codePoint) : /->(.*)<-/s.exec(error.message)?.[1];
}
