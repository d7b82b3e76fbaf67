/**
 * What the cursor is on: a reference (and which segment of a dotted name), the name of a
 * declaration, an import path, the package name or a duration. Hover, definition, references,
 * highlight and rename all start here.
 */
import { CstUtils, GrammarUtils, type AstNode, type CstNode, type LangiumDocument, type LeafCstNode, type Reference } from 'langium';
import type { Position, Range } from 'vscode-languageserver';
import { forEachReference } from '../../model/ast-walk.js';
import * as ast from '../../syntax/generated/ast.js';
import { isDeclaration, modelOf, qualifiedName, type Declaration } from '../../model/names.js';
import type { NameResolver } from '../../references/name-resolver.js';
import type { SymbolTable } from '../../references/symbol-table.js';

/** Everything that has a name an author can point at and rename. */
export type Named = Declaration | ast.Param | ast.EnumMember;

export function isNamed(node: AstNode | undefined): node is Named {
    return node !== undefined && (isDeclaration(node) || ast.isParam(node) || ast.isEnumMember(node));
}

/** One identifier of a dotted name. */
export interface Segment {
    readonly text: string;
    readonly offset: number;
    readonly end: number;
    readonly range: Range;
}

export type Located =
    | { readonly kind: 'reference'; readonly reference: Reference; readonly container: AstNode; readonly segments: Segment[]; readonly index: number }
    | { readonly kind: 'name'; readonly node: Named; readonly segment: Segment }
    | { readonly kind: 'import'; readonly node: ast.Import; readonly segments: Segment[]; readonly index: number }
    | { readonly kind: 'package'; readonly node: ast.Model; readonly segments: Segment[]; readonly index: number }
    | { readonly kind: 'duration'; readonly text: string; readonly range: Range };

/** What a located name denotes: a declaration (or parameter, enum member), or a package. */
export type Entity =
    | { readonly kind: 'node'; readonly node: Named }
    | { readonly kind: 'package'; readonly name: string };

const WORD_TOKENS = new Set(['ID', 'DURATION']);

/** The identifiers of a name's CST node, skipping dots, `*` and hidden tokens between them. */
export function segmentsOf(cst: CstNode | undefined): Segment[] {
    if (!cst) {
        return [];
    }
    return CstUtils.flattenCst(cst)
        .filter(leaf => !leaf.hidden && leaf.tokenType.name === 'ID')
        .map(leaf => ({ text: leaf.text, offset: leaf.offset, end: leaf.end, range: leaf.range }))
        .toArray();
}

/** The word token under the cursor, or the one that ends right before it. */
function wordAt(root: CstNode, offset: number): LeafCstNode | undefined {
    const at = CstUtils.findLeafNodeAtOffset(root, offset);
    if (at && !at.hidden && WORD_TOKENS.has(at.tokenType.name) && at.offset <= offset && offset < at.end) {
        return at;
    }
    if (offset > 0) {
        const before = CstUtils.findLeafNodeAtOffset(root, offset - 1);
        if (before && !before.hidden && WORD_TOKENS.has(before.tokenType.name) && before.end === offset) {
            return before;
        }
    }
    return undefined;
}

export function locate(document: LangiumDocument, position: Position): Located | undefined {
    const root = document.parseResult.value.$cstNode;
    if (!root) {
        return undefined;
    }
    const leaf = wordAt(root, document.textDocument.offsetAt(position));
    if (!leaf) {
        return undefined;
    }
    if (leaf.tokenType.name === 'DURATION') {
        return { kind: 'duration', text: leaf.text, range: leaf.range };
    }
    const node = leaf.astNode;
    let found: Located | undefined;
    forEachReference(node, reference => {
        const refNode = reference.$refNode;
        if (!found && refNode && refNode.offset <= leaf.offset && leaf.end <= refNode.end) {
            const segments = segmentsOf(refNode);
            found = { kind: 'reference', reference, container: node, segments, index: indexOf(segments, leaf) };
        }
    });
    if (found) {
        return found;
    }
    if (ast.isImport(node)) {
        const segments = segmentsOf(node.$cstNode);
        return { kind: 'import', node, segments, index: indexOf(segments, leaf) };
    }
    const nameNode = GrammarUtils.findNodeForProperty(node.$cstNode, 'name');
    if (nameNode && nameNode.offset <= leaf.offset && leaf.end <= nameNode.end) {
        if (ast.isModel(node)) {
            const segments = segmentsOf(nameNode);
            return { kind: 'package', node, segments, index: indexOf(segments, leaf) };
        }
        if (isNamed(node)) {
            return { kind: 'name', node, segment: { text: leaf.text, offset: leaf.offset, end: leaf.end, range: leaf.range } };
        }
    }
    return undefined;
}

function indexOf(segments: readonly Segment[], leaf: LeafCstNode): number {
    return Math.max(0, segments.findIndex(s => s.offset === leaf.offset));
}

/** The money literal under the cursor (its amount or its currency), as written. */
export function moneyAt(document: LangiumDocument, position: Position): { text: string; amount: string; currency: string; range: Range } | undefined {
    const root = document.parseResult.value.$cstNode;
    const leaf = root && CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(position));
    const money = leaf?.astNode;
    if (!ast.isMoneyLiteral(money) || !money.$cstNode || leaf!.hidden) {
        return undefined;
    }
    return { text: `${money.amount} ${money.currency}`, amount: money.amount, currency: money.currency, range: money.$cstNode.range };
}

/** The entity named at a position, with the site found there (nothing on blanks and durations). */
export function entityAt(document: LangiumDocument, position: Position, symbols: SymbolTable, resolver: NameResolver): { located: Exclude<Located, { kind: 'duration' }>; entity: Entity } | undefined {
    const located = locate(document, position);
    if (!located || located.kind === 'duration') {
        return undefined;
    }
    const entity = entityOf(located, symbols, resolver);
    return entity ? { located, entity } : undefined;
}

/**
 * What the located name denotes. A segment of a dotted name denotes its prefix:
 * in `rumor.enterprise` the cursor on `rumor` means the category `rumor`, in
 * `chongqing.common.reviewer` the cursor on `common` means the package `chongqing.common`.
 */
export function entityOf(located: Located, symbols: SymbolTable, resolver: NameResolver): Entity | undefined {
    switch (located.kind) {
        case 'name':
            return { kind: 'node', node: located.node };
        case 'duration':
            return undefined;
        case 'package':
            return packageEntity(located.segments, located.index, symbols);
        case 'import': {
            const prefix = located.segments.slice(0, located.index + 1).map(s => s.text).join('.');
            const isPackageImport = (located.node.path ?? '').endsWith('.*');
            if (!isPackageImport) {
                const entry = symbols.lookup(prefix)[0];
                if (entry && isNamed(entry.description.node)) {
                    return { kind: 'node', node: entry.description.node };
                }
            }
            return symbols.hasPackage(prefix) ? { kind: 'package', name: prefix } : undefined;
        }
        case 'reference': {
            const { reference, segments, index } = located;
            const target = reference.ref;
            const last = segments.length - 1;
            if (index >= last) {
                return isNamed(target) ? { kind: 'node', node: target } : undefined;
            }
            if (target && isDeclaration(target)) {
                // Drop as many trailing segments of the qualified name as follow the cursor.
                const parts = qualifiedName(target).split('.');
                const prefix = parts.slice(0, parts.length - (last - index)).join('.');
                const entry = symbols.lookup(prefix)[0];
                if (entry && isNamed(entry.description.node)) {
                    return { kind: 'node', node: entry.description.node };
                }
                return symbols.hasPackage(prefix) ? { kind: 'package', name: prefix } : undefined;
            }
            // Unresolved: the prefix may still mean something on its own.
            const model = modelOf(located.container);
            const text = segments.slice(0, index + 1).map(s => s.text).join('.');
            const resolution = model ? resolver.resolve(text, model) : undefined;
            if (resolution?.kind === 'found' && isNamed(resolution.entry.description.node)) {
                return { kind: 'node', node: resolution.entry.description.node };
            }
            return symbols.hasPackage(text) ? { kind: 'package', name: text } : undefined;
        }
    }
}

function packageEntity(segments: readonly Segment[], index: number, symbols: SymbolTable): Entity | undefined {
    const name = segments.slice(0, index + 1).map(s => s.text).join('.');
    return symbols.hasPackage(name) ? { kind: 'package', name } : undefined;
}
