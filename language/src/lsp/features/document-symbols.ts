/**
 * The outline: the package, and under it the scale with its levels, posts, authorities,
 * actions, attributes (with their values), category trees, rules and tests. Labels are the
 * symbols' details.
 */
import { GrammarUtils, type AstNode, type LangiumDocument } from 'langium';
import type { DocumentSymbolProvider } from 'langium/lsp';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import * as ast from '../../syntax/generated/ast.js';
import { attributeTypeText, labelOf, list, signatureOf } from '../queries/describe.js';
import { t } from '../../l10n/index.js';
import { isNamed, type Named } from '../queries/locate.js';
import { KINDS } from '../queries/node-kinds.js';
import { clausesOf } from '../../model/rules.js';

export class GovRuleDocumentSymbolProvider implements DocumentSymbolProvider {
    getSymbols(document: LangiumDocument): DocumentSymbol[] {
        const model = document.parseResult.value;
        if (!ast.isModel(model) || !model.$cstNode) {
            return [];
        }
        const children = this.symbolTree(model.elements);
        const nameNode = GrammarUtils.findNodeForProperty(model.$cstNode, 'name');
        if (!model.name || !nameNode) {
            return children;
        }
        return [{ name: model.name, kind: SymbolKind.Package, range: model.$cstNode.range, selectionRange: nameNode.range, children }];
    }

    /** The symbols of `nodes` and of everything below them; iterative, as categories nest without limit. */
    private symbolTree(nodes: readonly AstNode[]): DocumentSymbol[] {
        const top: DocumentSymbol[] = [];
        const work: Array<{ readonly nodes: readonly AstNode[]; readonly into: DocumentSymbol[] }> = [{ nodes, into: top }];
        const parents: DocumentSymbol[] = [];
        while (work.length > 0) {
            const { nodes: items, into } = work.pop()!;
            for (const item of items) {
                const symbol = this.symbolOf(item);
                if (!symbol) {
                    continue;
                }
                into.push(symbol);
                const below = this.childNodes(item);
                if (below.length > 0) {
                    symbol.children = [];
                    parents.push(symbol);
                    work.push({ nodes: below, into: symbol.children });
                }
            }
        }
        for (const parent of parents) {
            if (parent.children?.length === 0) {
                delete parent.children;
            }
        }
        return top;
    }

    /** A symbol without its children (see symbolTree). */
    private symbolOf(node: AstNode): DocumentSymbol | undefined {
        const cst = node.$cstNode;
        if (!cst) {
            return undefined;
        }
        if (ast.isSeverities(node)) {
            const keyword = GrammarUtils.findNodeForKeyword(cst, 'severities') ?? cst;
            return {
                name: 'severities', kind: SymbolKind.Enum, range: cst.range, selectionRange: keyword.range,
                detail: node.levels.map(l => l.name).join(' < '),
            };
        }
        if (ast.isTest(node)) {
            const nameNode = GrammarUtils.findNodeForProperty(cst, 'name') ?? cst;
            return { name: node.name || t('editor.symbol.test'), kind: KINDS[node.$type].symbol, range: cst.range, selectionRange: nameNode.range, detail: testDetail(node) };
        }
        if (!isNamed(node) || !node.name) {
            return undefined;
        }
        const nameNode = GrammarUtils.findNodeForProperty(cst, 'name');
        if (!nameNode) {
            return undefined;
        }
        return {
            name: node.name,
            kind: KINDS[node.$type]?.symbol ?? SymbolKind.Field,
            range: cst.range,
            selectionRange: nameNode.range,
            detail: this.detail(node),
        };
    }

    private detail(node: Named): string | undefined {
        const label = labelOf(node);
        if (ast.isAction(node)) {
            return [label, node.params.length > 0 ? signatureOf(node) : undefined].filter(Boolean).join(' · ') || undefined;
        }
        if (ast.isAttribute(node)) {
            return [label, attributeTypeText(node)].filter(Boolean).join(' · ');
        }
        if (ast.isRule(node)) {
            // A rule without a label is described by what it covers.
            return label ?? ruleCategories(node);
        }
        return label;
    }

    private childNodes(node: AstNode): readonly AstNode[] {
        if (ast.isSeverities(node)) {
            return node.levels;
        }
        if (ast.isCategory(node)) {
            return node.children;
        }
        if (ast.isAttribute(node) && ast.isEnumType(node.type)) {
            return node.type.members;
        }
        return ast.isAction(node) ? node.params : [];
    }
}

/** `test · given rumor.enterprise`: what the test feeds the rules. */
function testDetail(test: ast.Test): string {
    const given = test.items.find(ast.isGiven);
    const category = given?.category?.$refText;
    return category ? t('editor.symbol.test-given', { category }) : t('editor.symbol.test');
}

function ruleCategories(rule: ast.Rule): string | undefined {
    const categories = clausesOf(rule).category?.categories.map(ref => ref.$refText) ?? [];
    return categories.length > 0 ? t('editor.symbol.rule-categories', { categories: list(categories) }) : undefined;
}
