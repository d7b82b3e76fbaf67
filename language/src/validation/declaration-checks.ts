/** Checks on declarations and imports: names, the severity scale, attributes, usage, coverage. */
import type { AstNode, URI, ValidationAcceptor } from 'langium';
import * as ast from '../syntax/generated/ast.js';
import type { GovRuleServices } from '../services.js';
import { qualifiedName, type Declaration } from '../model/names.js';
import type { ImportHints } from '../references/import-hints.js';
import type { NameResolver } from '../references/name-resolver.js';
import type { SymbolTable } from '../references/symbol-table.js';
import type { WorkspaceFacts } from './workspace-facts.js';
import { literalFits } from '../model/types.js';
import { shortened } from '../model/quote.js';
import { didYouMean, enumeration, kindWords, quotedName, typeWords } from '../l10n/diagnostic-words.js';
import { t } from '../l10n/index.js';
import type { DiagnosticData } from '../diagnostics.js';
import { workspacePath } from '../model/workspace-path.js';
import { worldOf } from '../references/worlds.js';

export class DeclarationChecks {
    private readonly symbols: SymbolTable;
    private readonly resolver: NameResolver;
    private readonly importHints: ImportHints;
    private readonly facts: WorkspaceFacts;
    private readonly services: GovRuleServices;

    constructor(services: GovRuleServices) {
        this.services = services;
        this.symbols = services.references.SymbolTable;
        this.resolver = services.references.NameResolver;
        this.importHints = services.references.ImportHints;
        this.facts = services.validation.WorkspaceFacts;
    }

    /** duplicate-name, at every declaration involved (§3: one namespace per package). */
    checkUniqueName(decl: Declaration, accept: ValidationAcceptor): void {
        if (!decl.name) {
            return;
        }
        const name = qualifiedName(decl);
        const same = this.symbols.lookup(name, worldOf(decl));
        if (same.length > 1) {
            const others = same.filter(e => e.description.node !== decl)
                .map(e => t('diagnostics.duplicate-name.other', { kind: kindWords(e.description.type), file: this.fileName(e.description.documentUri), line: (e.description.nameSegment?.range.start.line ?? 0) + 1 }));
            accept('error', t('diagnostics.duplicate-name', { name: shortened(name), others: enumeration(others) }),
                { node: decl, property: 'name', code: 'duplicate-name' });
        }
    }

    private fileName(uri: URI): string {
        return workspacePath(uri, this.services.shared.workspace.WorkspaceManager.workspaceFolders);
    }

    /** Parameters of an action and members of an enum are names too. */
    checkUniqueMembers(node: ast.Action | ast.EnumType, accept: ValidationAcceptor): void {
        const items: Array<ast.Param | ast.EnumMember> = ast.isAction(node) ? node.params : node.members;
        const seen = new Set<string>();
        for (const item of items) {
            if (seen.has(item.name)) {
                const message = ast.isParam(item) ? t('diagnostics.duplicate-name.parameter', { name: shortened(item.name) }) : t('diagnostics.duplicate-name.member', { name: shortened(item.name) });
                accept('error', message, { node: item, property: 'name', code: 'duplicate-name' });
            }
            seen.add(item.name);
        }
    }

    /** severity-scale: exactly one scale in the bundle, of at least two levels. */
    checkScale(scale: ast.Severities, accept: ValidationAcceptor): void {
        if (scale.levels.length < 2) {
            accept('error', t('diagnostics.severity-scale.too-few', { count: scale.levels.length }),
                { node: scale, keyword: 'severities', code: 'severity-scale' });
        }
        const scales = this.facts.get(worldOf(scale)).scales;
        if (scales.length > 1) {
            accept('error', t('diagnostics.severity-scale.several', { count: scales.length }),
                { node: scale, keyword: 'severities', code: 'severity-scale' });
        }
    }

    /** A workspace without a scale is reported once, at the package line of its first file. */
    checkScaleExists(model: ast.Model, accept: ValidationAcceptor): void {
        const facts = this.facts.get(worldOf(model));
        // A file that could not be read at all may hold the scale; its own error comes first.
        if (facts.scales.length === 0 && facts.documents[0]?.parseResult.value === model && !facts.someUnread) {
            accept('error', t('diagnostics.severity-scale.none', { example: 'severities { ... }' }),
                { node: model, property: 'name', code: 'severity-scale' });
        }
    }

    /** duplicate-attribute: attribute names are event keys, unique in the whole bundle. */
    checkAttribute(attribute: ast.Attribute, accept: ValidationAcceptor): void {
        const same = this.facts.get(worldOf(attribute)).attributesByName.get(attribute.name) ?? [];
        if (same.length > 1) {
            const others = same.filter(a => a !== attribute).map(a => qualifiedName(a));
            accept('error', t('diagnostics.duplicate-attribute', { name: shortened(attribute.name), others: enumeration(others) }),
                { node: attribute, property: 'name', code: 'duplicate-attribute' });
        }
        if (attribute.default && !literalFits(attribute.default, attribute)) {
            accept('error', t('diagnostics.invalid-literal.default', { value: describeLiteral(attribute.default), attribute: shortened(attribute.name), type: typeWords(attribute) }),
                { node: attribute.default, code: 'invalid-literal' });
        }
    }

    checkImport(imp: ast.Import, accept: ValidationAcceptor): void {
        if (imp.path && !this.resolver.importResolves(imp.path, worldOf(imp))) {
            const isPackage = imp.path.endsWith('.*');
            const suggestions = this.importHints.importSuggestions(imp.path, worldOf(imp));
            const hint = didYouMean(isPackage ? suggestions.map(p => p.slice(0, -2)) : suggestions);
            accept('error', isPackage
                ? t('diagnostics.unresolved-import.package', { name: shortened(imp.path.slice(0, -2)), hint })
                : t('diagnostics.unresolved-import.element', { name: shortened(imp.path), hint }),
                { node: imp, property: 'path', code: 'unresolved-import', data: { suggestions } satisfies DiagnosticData });
        }
    }

    /** unused-declaration: posts, authorities, actions, attributes and campaigns that nothing references. */
    checkUsed(decl: ast.Post | ast.Authority | ast.Action | ast.Attribute | ast.Campaign, accept: ValidationAcceptor): void {
        const facts = this.facts.get(worldOf(decl));
        // A file that could not be read may use it.
        if (decl.name && !facts.used.has(decl) && !facts.someUnread) {
            accept('warning', unusedMessage(decl),
                { node: decl, property: 'name', code: 'unused-declaration' });
        }
    }

    /** uncovered-category: a leaf category that no enabled rule covers. */
    checkCovered(category: ast.Category, accept: ValidationAcceptor): void {
        if (category.name && category.children.length === 0 && !this.facts.isCovered(category)) {
            accept('warning', t('diagnostics.uncovered-category', { name: shortened(qualifiedName(category)) }),
                { node: category, property: 'name', code: 'uncovered-category' });
        }
    }
}

/** The literal as written, quoted (`'"x"'` / `“"x"”`). */
export function describeLiteral(literal: AstNode): string {
    return literal.$cstNode ? quotedName(literal.$cstNode.text) : t('diagnostics.words.value');
}

function unusedMessage(decl: ast.Post | ast.Authority | ast.Action | ast.Attribute | ast.Campaign): string {
    const name = shortened(decl.name);
    switch (decl.$type) {
        case 'Post': return t('diagnostics.unused-declaration.post', { name });
        case 'Authority': return t('diagnostics.unused-declaration.authority', { name });
        case 'Action': return t('diagnostics.unused-declaration.action', { name });
        case 'Campaign': return t('diagnostics.unused-declaration.campaign', { name });
        default: return t('diagnostics.unused-declaration.attribute', { name });
    }
}

