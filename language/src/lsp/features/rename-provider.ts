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
import { isDeclaration, kindName, packageName, qualifiedName, withArticle } from '../../model/names.js';
import { parseImport, type NameResolver } from '../../references/name-resolver.js';
import type { SymbolTable } from '../../references/symbol-table.js';
import type { WorkspaceFacts } from '../../validation/workspace-facts.js';
import { entityOf, locate, segmentsOf, type Named } from '../queries/locate.js';
import type { NameSite } from '../queries/name-sites.js';
import type { GovRuleLspServices } from '../server/services.js';
import { quoted } from '../../model/quote.js';
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
            throw refuse('Only names of declarations, parameters and enum values can be renamed.');
        }
        const entity = entityOf(located, this.symbols, this.resolver);
        if (!entity) {
            throw refuse(`'${located.kind === 'name' ? located.segment.text : located.segments[located.index]?.text}' does not name anything that can be renamed.`);
        }
        if (entity.kind === 'package') {
            throw refuse(`${quoted(entity.name)} is a package: rename it by editing the \`package\` line of its files.`);
        }
        const segment = located.kind === 'name' ? located.segment : located.segments[located.index];
        return { node: entity.node, site: { range: segment.range, text: segment.text } };
    }

    private checkName(node: Named, newName: string): void {
        if (this.keywords.has(newName)) {
            throw refuse(`${quoted(newName)} is a keyword of GovRule and cannot be a name.`);
        }
        if (!this.idPattern.test(newName)) {
            throw refuse(`${quoted(newName)} is not a valid name: use a letter or '_' followed by letters, digits or '_' (no dots or spaces); Chinese characters are letters.`);
        }
        if (!node.$cstNode) {
            throw refuse(`${quoted(node.name)} cannot be renamed.`);
        }
    }

    /** Another declaration already has the new name where the renamed one lives. */
    private checkCollision(node: Named, newName: string): void {
        if (ast.isParam(node) || ast.isEnumMember(node)) {
            const siblings: ReadonlyArray<ast.Param | ast.EnumMember> = ast.isParam(node) ? node.$container.params : node.$container.members;
            if (siblings.some(s => s !== node && s.name === newName)) {
                throw refuse(`${ast.isParam(node) ? `Action ${quoted(node.$container.name)}` : `Attribute ${quoted((node as ast.EnumMember).$container.$container.name)}`} already has ${ast.isParam(node) ? 'a parameter' : 'a value'} named ${quoted(newName)}.`);
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
            throw refuse(`${quoted(newQualified)} already exists (${withArticle(kindName(taken.description.type))} in ${this.fileName(taken.description.documentUri)}:${(taken.description.nameSegment?.range.start.line ?? 0) + 1}).`);
        }
        if (this.symbols.hasPackage(newQualified)) {
            throw refuse(`${quoted(newQualified)} is the name of a package.`);
        }
        if (ast.isAttribute(node)) {
            const other = this.facts.get().attributesByName.get(newName)?.find(a => a !== node);
            if (other) {
                throw refuse(`Attribute names are event keys and unique in the bundle: ${quoted(qualifiedName(other))} already uses ${quoted(newName)}.`);
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
                const what = now.kind === 'found' ? `${withArticle(kindName(now.entry.description.type))} (${now.entry.qualifiedName})` : 'an ambiguous name';
                throw refuse(`In ${this.fileName(site.uri)}:${site.range.start.line + 1}, ${quoted(newText)} already means ${what}; the renamed reference would change meaning.`);
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
                    throw refuse(`In ${this.fileName(document.uri)}:${line}, ${quoted(reference.$refText)} means ${withArticle(kindName(target.$type))} (${qualifiedName(target)}) and would come to mean the renamed ${kindName(node.$type)} instead.`);
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
