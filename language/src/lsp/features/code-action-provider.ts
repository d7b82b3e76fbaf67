/**
 * Quick fixes, driven by the diagnostic's code and `data`: the linker's suggestions, a missing
 * import, a missing clause, unsorted escalation steps, a duplicate action or clause, an unused
 * declaration, a lower-case currency, missing action arguments, a misspelt import, the slips of
 * parser/mistakes.ts (full-width punctuation, `=`, `&&`, `5 days`, ...); and "fix all of this
 * code in the file" where every instance has one obvious fix.
 */
import { AstUtils, CstUtils, GrammarUtils, isReference, type AstNode, type LangiumDocument, type Reference } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver';
import { forEachReference } from '../../model/ast-walk.js';
import { diagnosticData, type DiagnosticCode } from '../../diagnostics.js';
import * as ast from '../../syntax/generated/ast.js';
import { declarationsOf } from '../../model/names.js';
import { enumeration, kindWords } from '../../l10n/diagnostic-words.js';
import { characterWords } from '../../l10n/diagnostic-words.js';
import { t } from '../../l10n/index.js';
import type { ImportHints } from '../../references/import-hints.js';
import type { NameResolver } from '../../references/name-resolver.js';
import type { SymbolTable } from '../../references/symbol-table.js';
import { VALUE_EXAMPLES } from '../../model/types.js';
import { isInvisible } from '../../unicode/characters.js';
import { parseDuration } from '../../model/values.js';
import { addImportEdit, removalRange } from '../queries/edits.js';
import type { GovRuleLspServices } from '../server/services.js';
import { shortened } from '../../model/quote.js';
import { worldOf } from '../../references/worlds.js';

interface Fix {
    readonly title: string;
    readonly edits: TextEdit[];
    readonly preferred?: boolean;
}

/** Codes whose first fix is safe to apply to every instance in a file at once. */
const FIX_ALL: ReadonlySet<string> = new Set<DiagnosticCode>(['duplicate-action', 'unused-declaration', 'escalation-order', 'invalid-literal', 'unresolved-reference', 'duplicate-clause', 'syntax',
    'invisible-character', 'unnormalized-name']);
/** Codes whose fix-all takes only the instances with one preferred fix (a choice needs a person). */
const FIX_ALL_PREFERRED: ReadonlySet<string> = new Set<DiagnosticCode>(['unresolved-reference', 'syntax']);
const MAX_CHOICES = 5;

export class GovRuleCodeActionProvider implements CodeActionProvider {
    private readonly symbols: SymbolTable;
    private readonly resolver: NameResolver;
    private readonly importHints: ImportHints;

    constructor(private readonly services: GovRuleLspServices) {
        this.symbols = services.references.SymbolTable;
        this.resolver = services.references.NameResolver;
        this.importHints = services.references.ImportHints;
    }

    getCodeActions(document: LangiumDocument, params: CodeActionParams): CodeAction[] {
        const actions: CodeAction[] = [];
        const own = document.diagnostics ?? [];
        const fixAllDone = new Set<string>();
        for (const given of params.context.diagnostics) {
            // The server's copy carries `data` even if the client dropped it.
            const diagnostic = own.find(d => d.code === given.code && sameRange(d.range, given.range)) ?? given;
            const fixes = this.fixesFor(document, diagnostic);
            for (const fix of fixes) {
                actions.push(this.action(document, fix, [given]));
            }
            const code = String(diagnostic.code);
            if (FIX_ALL.has(code) && fixes.length > 0 && !fixAllDone.has(code)) {
                fixAllDone.add(code);
                const all = this.fixAll(document, code, own);
                if (all) {
                    actions.push(this.action(document, all, own.filter(d => d.code === code)));
                }
            }
        }
        return actions;
    }

    private action(document: LangiumDocument, fix: Fix, diagnostics: Diagnostic[]): CodeAction {
        return {
            title: fix.title,
            kind: CodeActionKind.QuickFix,
            diagnostics,
            isPreferred: fix.preferred,
            edit: { changes: { [document.uri.toString()]: fix.edits } },
        };
    }

    /** One action applying the first fix of every diagnostic with this code, when there are several. */
    private fixAll(document: LangiumDocument, code: string, diagnostics: readonly Diagnostic[]): Fix | undefined {
        const edits = new Map<string, TextEdit>();
        let count = 0;
        for (const diagnostic of diagnostics.filter(d => d.code === code)) {
            const fixes = this.fixesFor(document, diagnostic);
            // A name with several suggestions needs a person to choose.
            if (fixes.length === 0 || (FIX_ALL_PREFERRED.has(code) && !fixes[0].preferred)) {
                continue;
            }
            count++;
            for (const edit of fixes[0].edits) {
                edits.set(JSON.stringify(edit), edit);
            }
        }
        if (count < 2) {
            return undefined;
        }
        return { title: t('diagnostics.fix.all', { code, count }), edits: [...edits.values()] };
    }

    private fixesFor(document: LangiumDocument, diagnostic: Diagnostic): Fix[] {
        const data = diagnosticData(diagnostic);
        try {
            switch (diagnostic.code) {
                case 'unresolved-reference':
                    return [...this.replacements(diagnostic, data.suggestions, changeTo), ...this.importFixes(document, diagnostic)];
                case 'wrong-kind':
                    return this.wrongKindFixes(document, diagnostic, data.suggestions);
                case 'ambiguous-reference':
                    return this.replacements(diagnostic, data.suggestions, name => t('diagnostics.fix.use', { name: shortened(name) })).map(f => ({ ...f, preferred: false }));
                case 'action-arguments':
                    return data.missing ? this.missingArguments(document, diagnostic, data.missing) : this.replacements(diagnostic, data.suggestions, changeTo);
                case 'missing-clause':
                    return data.clause ? this.missingClause(document, diagnostic, data.clause) : [];
                case 'escalation-order':
                    return this.sortEscalation(document, diagnostic);
                case 'duplicate-action':
                    return this.removeDuplicateAction(document, diagnostic);
                case 'duplicate-clause':
                    return this.removeDuplicateClause(document, diagnostic);
                case 'unused-declaration':
                    return this.removeUnused(document, diagnostic);
                case 'invalid-literal':
                    return data.replacement ? [{ title: changeTo(data.replacement), edits: [{ range: diagnostic.range, newText: data.replacement }], preferred: true }] : [];
                case 'invisible-character':
                    return invisibleCharacterFixes(document, diagnostic, data.replacement);
                case 'syntax': {
                    // An unexpected invisible character is removed; a slip is replaced by what was meant.
                    const invisible = invisibleCharacterFixes(document, diagnostic, undefined);
                    if (invisible.length > 0) {
                        return invisible;
                    }
                    return data.replacement !== undefined ? [this.replaceText(document, diagnostic, data.replacement)] : this.replacements(diagnostic, data.suggestions, changeTo);
                }
                case 'unresolved-import':
                    return this.replacements(diagnostic, data.suggestions, changeTo);
                case 'campaign-period':
                    return data.replacement ? [{ title: t('diagnostics.campaign-period.fix'), edits: [{ range: diagnostic.range, newText: data.replacement }], preferred: true }] : [];
                case 'post-surface':
                    return this.replacements(diagnostic, data.suggestions, changeTo);
                case 'unnormalized-name':
                    return data.replacement ? [{ title: t('diagnostics.fix.nfc', { name: shortened(data.replacement) }), edits: [{ range: diagnostic.range, newText: data.replacement }], preferred: true }] : [];
                default:
                    return [];
            }
        } catch (err) {
            console.error(`GovRule: computing fixes for '${String(diagnostic.code)}' failed:`, err);
            return [];
        }
    }

    /** A slip's mechanical fix (parser/mistakes.ts): `Replace '，' with ','`, `Remove '；'`. */
    private replaceText(document: LangiumDocument, diagnostic: Diagnostic, replacement: string): Fix {
        const written = document.textDocument.getText(diagnostic.range);
        const title = replacement === '' ? t('diagnostics.fix.remove-text', { written }) : t('diagnostics.fix.replace-text', { written, replacement: replacement.trim() });
        return { title, edits: [{ range: diagnostic.range, newText: replacement }], preferred: true };
    }

    private replacements(diagnostic: Diagnostic, names: readonly string[] | undefined, title: (name: string) => string): Fix[] {
        return (names ?? []).map(name => ({
            title: title(name),
            edits: [{ range: diagnostic.range, newText: name }],
            preferred: names!.length === 1,
        }));
    }

    /** The reference a diagnostic is about, with the kind its place expects. */
    private referenceAt(document: LangiumDocument, range: Range): { reference: Reference; expected: string } | undefined {
        const root = document.parseResult.value.$cstNode;
        const leaf = root && CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(range.start));
        if (!leaf) {
            return undefined;
        }
        let found: { reference: Reference; expected: string } | undefined;
        for (let node: AstNode | undefined = leaf.astNode; node && !found; node = node.$container) {
            const container = node;
            forEachReference(container, (reference, property, index) => {
                if (!found && reference.$refNode && sameRange(reference.$refNode.range, range)) {
                    found = { reference, expected: this.services.shared.AstReflection.getReferenceType({ reference, container, property, index }) };
                }
            });
        }
        return found;
    }

    /** A name that exists in a package this file does not import. */
    private importFixes(document: LangiumDocument, diagnostic: Diagnostic): Fix[] {
        const model = document.parseResult.value;
        const at = this.referenceAt(document, diagnostic.range);
        if (!ast.isModel(model) || !at || !isReference(at.reference)) {
            return [];
        }
        const text = at.reference.$refText;
        const fixes: Fix[] = [];
        const misspelt = this.misspeltImports(model);
        const world = worldOf(model);
        for (const pkg of [...this.symbols.packages(world)].sort()) {
            if (pkg === model.name) {
                continue;
            }
            const entry = this.symbols.inPackage(pkg, world).find(e => e.localName === text && this.services.shared.AstReflection.isSubtype(e.description.type, at.expected));
            if (!entry) {
                continue;
            }
            const path = `${pkg}.${text.split('.')[0]}`;
            // `import city.comon.*` meant this package: correcting it fixes every name it left unresolved.
            for (const { node, range, suggestions } of misspelt) {
                const meant = suggestions.find(s => s === `${pkg}.*` || s === path);
                if (meant) {
                    fixes.unshift({ title: t('diagnostics.fix.change-import', { path: node.path, meant }), edits: [{ range, newText: meant }], preferred: true });
                }
            }
            const edit = addImportEdit(document, path);
            if (edit) {
                fixes.push({ title: t('diagnostics.fix.add-import', { path }), edits: [edit] });
                const star = addImportEdit(document, `${pkg}.*`);
                if (star) {
                    fixes.push({ title: t('diagnostics.fix.add-import', { path: `${pkg}.*` }), edits: [star] });
                }
            }
            fixes.push({ title: t('diagnostics.fix.qualified-name', { name: shortened(entry.qualifiedName) }), edits: [{ range: diagnostic.range, newText: entry.qualifiedName }] });
        }
        return fixes;
    }

    /** The imports of a file that name nothing, with what they probably meant. */
    private misspeltImports(model: ast.Model): Array<{ node: ast.Import; range: Range; suggestions: string[] }> {
        const result: Array<{ node: ast.Import; range: Range; suggestions: string[] }> = [];
        for (const node of model.imports) {
            const pathNode = GrammarUtils.findNodeForProperty(node.$cstNode, 'path');
            if (node.path && pathNode && !this.resolver.importResolves(node.path, worldOf(node))) {
                result.push({ node, range: pathNode.range, suggestions: this.importHints.importSuggestions(node.path, worldOf(node)) });
            }
        }
        return result;
    }

    private wrongKindFixes(document: LangiumDocument, diagnostic: Diagnostic, suggestions: readonly string[] | undefined): Fix[] {
        if (suggestions && suggestions.length > 0) {
            return this.replacements(diagnostic, suggestions, changeTo);
        }
        const model = document.parseResult.value;
        const at = this.referenceAt(document, diagnostic.range);
        if (!ast.isModel(model) || !at) {
            return [];
        }
        return this.namesOfKind(model, at.expected).slice(0, MAX_CHOICES)
            .map(name => ({ title: t('diagnostics.fix.change-to-kind', { kind: kindWords(at.expected), name: shortened(name) }), edits: [{ range: diagnostic.range, newText: name }] }));
    }

    /** Names of a kind as they may be written in this file, in declaration order. */
    private namesOfKind(model: ast.Model, type: string): string[] {
        return this.resolver.visibleNames(model)
            .filter(v => this.services.shared.AstReflection.isSubtype(v.entry.description.type, type))
            .map(v => v.text);
    }

    private missingClause(document: LangiumDocument, diagnostic: Diagnostic, clause: string): Fix[] {
        const rule = this.nodeAt(document, diagnostic.range, ast.isRule);
        const model = document.parseResult.value;
        if (!rule || !ast.isModel(model)) {
            return [];
        }
        const missing = (document.diagnostics ?? [])
            .filter(d => d.code === 'missing-clause' && sameRange(d.range, diagnostic.range))
            .map(d => diagnosticData(d).clause)
            .filter((c): c is string => typeof c === 'string');
        const firstName = (c: string) => this.namesOfKind(model, CLAUSE_TARGETS[c] ?? '')[0];
        const fixes: Fix[] = this.namesOfKind(model, CLAUSE_TARGETS[clause] ?? '').slice(0, MAX_CHOICES)
            .map(name => ({ title: t('diagnostics.fix.add-clause', { clause: `${clause} ${name}` }), edits: [insertClauses(document, rule, [`${clause} ${name}`])] }))
            .filter(fix => fix.edits[0] !== undefined) as Fix[];
        const skeleton = missing.map(c => (firstName(c) ? `${c} ${firstName(c)}` : undefined)).filter((l): l is string => l !== undefined);
        if (missing.length > 1 && skeleton.length === missing.length) {
            const edit = insertClauses(document, rule, skeleton);
            if (edit) {
                fixes.unshift({ title: t('diagnostics.fix.add-clauses', { clauses: enumeration(skeleton) }), edits: [edit] });
            }
        }
        return fixes;
    }

    private sortEscalation(document: LangiumDocument, diagnostic: Diagnostic): Fix[] {
        const clause = this.nodeAt(document, diagnostic.range, ast.isEscalateClause);
        if (!clause || clause.steps.length < 2) {
            return [];
        }
        const timed = clause.steps.map(step => ({ step, seconds: parseDuration(step.after ?? '')?.seconds }));
        if (timed.some(t => t.seconds === undefined || !t.step.$cstNode)) {
            return [];
        }
        const sorted = [...timed].sort((a, b) => a.seconds! - b.seconds!);
        if (sorted.every((t, i) => t === timed[i])) {
            return [];
        }
        const edits = timed.map((t, i) => ({ range: t.step.$cstNode!.range, newText: sorted[i].step.$cstNode!.text }));
        return [{ title: t('diagnostics.fix.sort-steps'), edits, preferred: true }];
    }

    private removeDuplicateAction(document: LangiumDocument, diagnostic: Diagnostic): Fix[] {
        const clause = this.nodeAt(document, diagnostic.range, ast.isActionsClause);
        const index = clause?.calls.findIndex(c => c.$cstNode && sameRange(c.$cstNode.range, diagnostic.range)) ?? -1;
        if (!clause || index < 1) {
            return [];
        }
        const previous = clause.calls[index - 1].$cstNode!;
        const call = clause.calls[index];
        // From the end of the previous call, so the comma goes too.
        const range = { start: previous.range.end, end: call.$cstNode!.range.end };
        return [{ title: t('diagnostics.fix.remove-action', { name: shortened(call.action.$refText) }), edits: [{ range, newText: '' }], preferred: true }];
    }

    private removeDuplicateClause(document: LangiumDocument, diagnostic: Diagnostic): Fix[] {
        const clause = this.nodeAt(document, diagnostic.range, (n): n is ast.Clause => ast.isClause(n));
        if (!clause?.$cstNode) {
            return [];
        }
        return [{ title: t('diagnostics.fix.remove-clause'), edits: [{ range: removalRange(document, clause.$cstNode.range), newText: '' }], preferred: true }];
    }

    private removeUnused(document: LangiumDocument, diagnostic: Diagnostic): Fix[] {
        const model = document.parseResult.value;
        if (!ast.isModel(model)) {
            return [];
        }
        for (const decl of declarationsOf(model)) {
            const nameNode = GrammarUtils.findNodeForProperty(decl.$cstNode, 'name');
            if (!decl.$cstNode || !nameNode || !sameRange(nameNode.range, diagnostic.range)) {
                continue;
            }
            // The doc comment goes with the declaration.
            const comment = CstUtils.findCommentNode(decl.$cstNode, ['ML_COMMENT']);
            const start = comment?.text.startsWith('/**') ? comment.range.start : decl.$cstNode.range.start;
            const range = removalRange(document, { start, end: decl.$cstNode.range.end });
            return [{ title: t('diagnostics.fix.remove-unused', { kind: kindWords(decl.$type), name: shortened(decl.name) }), edits: [{ range, newText: '' }], preferred: true }];
        }
        return [];
    }

    private missingArguments(document: LangiumDocument, diagnostic: Diagnostic, missing: readonly string[]): Fix[] {
        const call = this.nodeAt(document, diagnostic.range, ast.isActionCall);
        const action = call?.action.ref;
        if (!call?.$cstNode || !action) {
            return [];
        }
        const text = action.params.filter(p => missing.includes(p.name)).map(p => `${p.name}: ${VALUE_EXAMPLES[p.type]}`).join(', ');
        const close = GrammarUtils.findNodeForKeyword(call.$cstNode, ')');
        let edit: TextEdit;
        if (call.parens && close) {
            edit = { range: { start: close.range.start, end: close.range.start }, newText: call.args.length > 0 ? `, ${text}` : text };
        } else if (!call.parens) {
            const end = call.action.$refNode?.range.end ?? call.$cstNode.range.end;
            edit = { range: { start: end, end }, newText: `(${text})` };
        } else {
            return [];
        }
        return [{ title: missing.length === 1 ? t('diagnostics.fix.add-argument', { text }) : t('diagnostics.fix.add-arguments', { text }), edits: [edit], preferred: true }];
    }

    /** The innermost node of a type around a diagnostic's start. */
    private nodeAt<T extends AstNode>(document: LangiumDocument, range: Range, is: (n: AstNode) => n is T): T | undefined {
        const root = document.parseResult.value.$cstNode;
        const leaf = root && CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(range.start));
        return leaf ? AstUtils.getContainerOfType(leaf.astNode, is) : undefined;
    }
}

/** The kind of name each required clause takes. */
const CLAUSE_TARGETS: Record<string, string> = {
    category: ast.Category.$type,
    severity: ast.SeverityLevel.$type,
    responsible: ast.Post.$type,
    actions: ast.Action.$type,
};

/** Inserts clause lines before the rule's closing brace, indented like its other clauses. */
function insertClauses(document: LangiumDocument, rule: ast.Rule, lines: readonly string[]): TextEdit | undefined {
    const close = GrammarUtils.findNodeForKeyword(rule.$cstNode, '}');
    if (!rule.$cstNode || !close) {
        return undefined;
    }
    const text = document.textDocument.getText();
    const indentOf = (offset: number) => {
        const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
        return /^[ \t]*/.exec(text.slice(lineStart))![0];
    };
    const ruleIndent = indentOf(rule.$cstNode.offset);
    const firstClause = rule.clauses[0]?.$cstNode;
    const clauseIndent = firstClause && text.slice(text.lastIndexOf('\n', firstClause.offset - 1) + 1, firstClause.offset).trim() === ''
        ? indentOf(firstClause.offset)
        : `${ruleIndent}    `;
    const closeLineStart = text.lastIndexOf('\n', close.offset - 1) + 1;
    if (text.slice(closeLineStart, close.offset).trim() === '' && closeLineStart > rule.$cstNode.offset) {
        const at = document.textDocument.positionAt(closeLineStart);
        return { range: { start: at, end: at }, newText: lines.map(l => `${clauseIndent}${l}\n`).join('') };
    }
    // `rule r { category a }`: the blank before the brace gives way to the new lines.
    let from = close.offset;
    while (from > 0 && (text[from - 1] === ' ' || text[from - 1] === '\t')) {
        from--;
    }
    const range = { start: document.textDocument.positionAt(from), end: close.range.start };
    return { range, newText: `\n${lines.map(l => `${clauseIndent}${l}`).join('\n')}\n${ruleIndent}` };
}

/**
 * `invisible-character` in a string or comment: write the characters as escapes; elsewhere, and
 * for a `syntax` error on characters the lexer cannot read, remove them.
 */
function invisibleCharacterFixes(document: LangiumDocument, diagnostic: Diagnostic, replacement: string | undefined): Fix[] {
    const text = document.textDocument.getText(diagnostic.range);
    const chars = [...new Set(text)];
    if (chars.length === 0 || !chars.every(c => isInvisible(c.codePointAt(0)!))) {
        return [];
    }
    const named = enumeration([...chars.slice(0, 3).map(characterWords), ...(chars.length > 3 ? ['…'] : [])]);
    if (replacement) {
        return [{ title: t('diagnostics.fix.escape', { chars: named, escape: replacement }), edits: [{ range: diagnostic.range, newText: replacement }], preferred: true }];
    }
    return [{ title: t('diagnostics.fix.remove-characters', { chars: named }), edits: [{ range: diagnostic.range, newText: '' }], preferred: true }];
}

/** "Change to 'reviewer'" / "改为“reviewer”". */
function changeTo(name: string): string {
    return t('diagnostics.fix.change-to', { name: shortened(name) });
}

function sameRange(a: Range, b: Range): boolean {
    return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
