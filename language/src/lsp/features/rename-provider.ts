/**
 * Rename across files. Every site that spells the name changes: the declaration, references
 * (qualified or not), member imports and dotted paths through a category. A new name is refused,
 * with a message saying why, when it is not an identifier, is a keyword, is already taken where
 * the declaration lives, or would change what another name in the workspace means.
 */
import { AstUtils, GrammarAST, GrammarUtils, isReference, type LangiumDocument, type Reference } from 'langium';
import type { RenameProvider } from 'langium/lsp';
import { LSPErrorCodes, ResponseError, type PrepareRenameParams, type Range, type RenameParams, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import * as ast from '../../syntax/generated/ast.js';
import { isDeclaration, packageName, qualifiedName } from '../../model/names.js';
import { parseImport, type NameResolver } from '../../references/name-resolver.js';
import type { SymbolTable } from '../../references/symbol-table.js';
import type { WorkspaceFacts } from '../../validation/workspace-facts.js';
import { entityOf, locate, segmentsOf, type Named } from '../queries/locate.js';
import type { NameSite } from '../queries/name-sites.js';
import type { GovRuleLspServices } from '../server/services.js';
import { shortened } from '../../model/quote.js';
import { t } from '../../l10n/index.js';
import { aKindWord, kindWord } from '../queries/describe.js';
import { workspacePath } from '../../model/workspace-path.js';

export class GovRuleRenameProvider implements RenameProvider {
    private readonly symbols: SymbolTable;
    private readonly resolver: NameResolver;
    private readonly facts: WorkspaceFacts;
    private readonly idPattern: RegExp;
    private readonly keywords: ReadonlySet<string>;

    constructor(private readonly services: GovRuleLspServices) {
        this.symbols = services.references.SymbolTable;
        this.resolver = services.references.NameResolver;
        this.facts = services.validation.WorkspaceFacts;
        const grammar = services.Grammar;
        const id = grammar.rules.find(rule => GrammarAST.isTerminalRule(rule) && rule.name === 'ID') as GrammarAST.TerminalRule;
        this.idPattern = new RegExp(`^(?:${GrammarUtils.terminalRegex(id).source})$`, 'u');
        this.keywords = new Set(AstUtils.streamAllContents(grammar).filter(GrammarAST.isKeyword).map(k => k.value).filter(v => /^\p{L}+$/u.test(v)));
    }

    /** A file as messages name it: relative to its workspace folder. */
    private fileName(uri: LangiumDocument['uri']): string {
        return workspacePath(uri, this.services.shared.workspace.WorkspaceManager.workspaceFolders);
    }

    prepareRename(document: LangiumDocument, params: PrepareRenameParams): Range {
        return this.target(document, params.position).site.range;
    }

    rename(document: LangiumDocument, params: RenameParams): WorkspaceEdit {
        const { node } = this.target(document, params.position);
        const newName = params.newName.trim();
        this.checkName(node, newName);
        const sites = this.services.lsp.NameSites.find(node);
        if (newName === node.name) {
            return { changes: {} };
        }
        this.checkCollision(node, newName);
        this.checkMeanings(node, newName, sites);
        const changes: Record<string, TextEdit[]> = {};
        for (const site of sites) {
            (changes[site.uri.toString()] ??= []).push({ range: site.range, newText: newName });
        }
        return { changes };
    }

    /** The renameable name under the cursor, or a refusal saying why there is none. */
    private target(document: LangiumDocument, position: PrepareRenameParams['position']): { node: Named; site: { range: Range; text: string } } {
        const located = locate(document, position);
        if (!located || located.kind === 'duration') {
            throw refuse(t('editor.rename.not-a-name'));
        }
        const entity = entityOf(located, this.symbols, this.resolver);
        if (!entity) {
            throw refuse(t('editor.rename.nothing-to-rename', { name: `${located.kind === 'name' ? located.segment.text : located.segments[located.index]?.text}` }));
        }
        if (entity.kind === 'package') {
            throw refuse(t('editor.rename.package', { name: shortened(entity.name) }));
        }
        const segment = located.kind === 'name' ? located.segment : located.segments[located.index];
        return { node: entity.node, site: { range: segment.range, text: segment.text } };
    }

    private checkName(node: Named, newName: string): void {
        if (this.keywords.has(newName)) {
            throw refuse(t('editor.rename.keyword', { name: shortened(newName) }));
        }
        if (!this.idPattern.test(newName)) {
            throw refuse(t('editor.rename.invalid', { name: shortened(newName) }));
        }
        if (!node.$cstNode) {
            throw refuse(t('editor.rename.cannot', { name: shortened(node.name) }));
        }
    }

    /** Another declaration already has the new name where the renamed one lives. */
    private checkCollision(node: Named, newName: string): void {
        if (ast.isParam(node) || ast.isEnumMember(node)) {
            const siblings: ReadonlyArray<ast.Param | ast.EnumMember> = ast.isParam(node) ? node.$container.params : node.$container.members;
            if (siblings.some(s => s !== node && s.name === newName)) {
                throw refuse(ast.isParam(node)
                    ? t('editor.rename.parameter-taken', { action: shortened(node.$container.name), name: shortened(newName) })
                    : t('editor.rename.value-taken', { attribute: shortened((node as ast.EnumMember).$container.$container.name), name: shortened(newName) }));
            }
            return;
        }
        if (!isDeclaration(node)) {
            return;
        }
        const parent = ast.isCategory(node) && ast.isCategory(node.$container) ? qualifiedName(node.$container) : packageName(node);
        const newQualified = parent ? `${parent}.${newName}` : newName;
        const taken = this.symbols.lookup(newQualified)[0];
        if (taken) {
            throw refuse(t('editor.rename.exists', {
                name: shortened(newQualified),
                kind: aKindWord(taken.description.type),
                file: this.fileName(taken.description.documentUri),
                line: (taken.description.nameSegment?.range.start.line ?? 0) + 1,
            }));
        }
        if (this.symbols.hasPackage(newQualified)) {
            throw refuse(t('editor.rename.package-name', { name: shortened(newQualified) }));
        }
        if (ast.isAttribute(node)) {
            const other = this.facts.get().attributesByName.get(newName)?.find(a => a !== node);
            if (other) {
                throw refuse(t('editor.rename.attribute-taken', { attribute: shortened(qualifiedName(other)), name: shortened(newName) }));
            }
        }
    }

    /**
     * After the rename, every renamed reference must still mean the renamed declaration, and no
     * other reference may come to mean it instead of what it means now.
     */
    private checkMeanings(node: Named, newName: string, sites: readonly NameSite[]): void {
        if (!isDeclaration(node)) {
            return;
        }
        const oldQualified = qualifiedName(node);
        const newQualified = `${oldQualified.slice(0, oldQualified.length - node.name.length)}${newName}`;
        const renamed = new Set<Reference>();
        for (const site of sites) {
            const refNode = site.reference?.$refNode;
            if (!site.reference || !refNode) {
                continue;
            }
            renamed.add(site.reference);
            const newText = segmentsOf(refNode).map(s => (sameStart(s.range, site.range) ? newName : s.text)).join('.');
            const now = this.resolver.resolve(newText, site.document.parseResult.value as ast.Model);
            if (now.kind !== 'none') {
                const where = { file: this.fileName(site.uri), line: site.range.start.line + 1, text: shortened(newText) };
                throw refuse(now.kind === 'found'
                    ? t('editor.rename.reference-taken', { ...where, kind: aKindWord(now.entry.description.type), target: now.entry.qualifiedName })
                    : t('editor.rename.reference-ambiguous', where));
            }
        }
        for (const document of this.services.shared.workspace.LangiumDocuments.all) {
            const model = document.parseResult.value;
            if (!ast.isModel(model)) {
                continue;
            }
            for (const reference of document.references) {
                const target = 'ref' in reference ? reference.ref : undefined;
                if (!isReference(reference) || renamed.has(reference) || !target || !isDeclaration(target)) {
                    continue;
                }
                if (couldMean(reference.$refText, model, newQualified)) {
                    const line = (reference.$refNode?.range.start.line ?? 0) + 1;
                    throw refuse(t('editor.rename.would-capture', {
                        file: this.fileName(document.uri), line, text: shortened(reference.$refText),
                        kind: aKindWord(target.$type), target: qualifiedName(target), renamed: kindWord(node.$type),
                    }));
                }
            }
        }
    }
}

/** Whether a name written in `model` could resolve to `qualified` (or something inside it) by §3. */
function couldMean(text: string, model: ast.Model, qualified: string): boolean {
    const hits = (candidate: string | undefined) => candidate !== undefined && (candidate === qualified || candidate.startsWith(`${qualified}.`));
    if (hits(text) || hits(`${model.name}.${text}`)) {
        return true;
    }
    return model.imports.some(imp => {
        const target = parseImport(imp.path ?? '');
        if (target.member === undefined) {
            return hits(`${target.packageName}.${text}`);
        }
        return (text === target.member || text.startsWith(`${target.member}.`)) && hits(`${target.packageName}.${text}`);
    });
}

function refuse(message: string): ResponseError<void> {
    return new ResponseError(LSPErrorCodes.RequestFailed, message);
}


function sameStart(a: Range, b: Range): boolean {
    return a.start.line === b.start.line && a.start.character === b.start.character;
}
