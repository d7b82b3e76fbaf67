/**
 * The outline: the package, and under it the scale with its levels, posts, authorities,
 * actions, attributes (with their values), category trees, rules and tests. Labels are the
 * symbols' details.
 */
import { GrammarUtils, type AstNode, type LangiumDocument } from 'langium';
import type { DocumentSymbolProvider } from 'langium/lsp';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import * as ast from '../generated/ast.js';
import { attributeTypeText, labelOf, signatureOf } from './describe.js';
import { isNamed, type Named } from './locate.js';
import { KINDS } from './node-kinds.js';

export class GovRuleDocumentSymbolProvider implements DocumentSymbolProvider {
    getSymbols(document: LangiumDocument): DocumentSymbol[] {
        const model = document.parseResult.value;
        if (!ast.isModel(model) || !model.$cstNode) {
            return [];
        }
        const children = model.elements.map(e => this.symbolOf(e)).filter((s): s is DocumentSymbol => s !== undefined);
        const nameNode = GrammarUtils.findNodeForProperty(model.$cstNode, 'name');
        if (!model.name || !nameNode) {
            return children;
        }
        return [{ name: model.name, kind: SymbolKind.Package, range: model.$cstNode.range, selectionRange: nameNode.range, children }];
    }

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
                children: node.levels.map(l => this.symbolOf(l)).filter((s): s is DocumentSymbol => s !== undefined),
            };
        }
        if (ast.isTest(node)) {
            const nameNode = GrammarUtils.findNodeForProperty(cst, 'name') ?? cst;
            return { name: node.name || 'test', kind: KINDS[node.$type].symbol, range: cst.range, selectionRange: nameNode.range, detail: 'test' };
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
            children: this.children(node),
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
        return label;
    }

    private children(node: AstNode): DocumentSymbol[] | undefined {
        let items: AstNode[] = [];
        if (ast.isCategory(node)) {
            items = node.children;
        } else if (ast.isAttribute(node) && ast.isEnumType(node.type)) {
            items = node.type.members;
        } else if (ast.isAction(node)) {
            items = node.params;
        }
        const symbols = items.map(i => this.symbolOf(i)).filter((s): s is DocumentSymbol => s !== undefined);
        return symbols.length > 0 ? symbols : undefined;
    }
}
