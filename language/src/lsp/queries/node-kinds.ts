/**
 * The one mapping from GovRule's kinds to editor kinds: symbol kinds (outline, workspace
 * symbols), completion item kinds and semantic token types. Each kind of declaration gets its
 * own, so editors tell posts, authorities, actions, attributes, enum members, categories,
 * severity levels and rules apart.
 *
 * Symbol kinds are read out as words ("enterpriseRumor, function"), so they are chosen to read
 * naturally: a rule is the function from an event to a decision, a test is an event (its `given`)
 * with what must follow, an action a handling method (处置方式).
 */
import type { AstNode, AstNodeDescription } from 'langium';
import type { NodeKindProvider } from 'langium/lsp';
import { CompletionItemKind, SemanticTokenTypes, SymbolKind } from 'vscode-languageserver';
import * as ast from '../../syntax/generated/ast.js';

interface Kinds {
    readonly symbol: SymbolKind;
    readonly completion: CompletionItemKind;
    readonly token: SemanticTokenTypes;
}

export const KINDS: Record<string, Kinds> = {
    [ast.Post.$type]: { symbol: SymbolKind.Class, completion: CompletionItemKind.Class, token: SemanticTokenTypes.class },
    [ast.Authority.$type]: { symbol: SymbolKind.Struct, completion: CompletionItemKind.Struct, token: SemanticTokenTypes.struct },
    [ast.Action.$type]: { symbol: SymbolKind.Method, completion: CompletionItemKind.Function, token: SemanticTokenTypes.function },
    [ast.Attribute.$type]: { symbol: SymbolKind.Property, completion: CompletionItemKind.Property, token: SemanticTokenTypes.property },
    [ast.EnumMember.$type]: { symbol: SymbolKind.EnumMember, completion: CompletionItemKind.EnumMember, token: SemanticTokenTypes.enumMember },
    [ast.Category.$type]: { symbol: SymbolKind.Module, completion: CompletionItemKind.Module, token: SemanticTokenTypes.type },
    [ast.SeverityLevel.$type]: { symbol: SymbolKind.Constant, completion: CompletionItemKind.Constant, token: SemanticTokenTypes.enum },
    [ast.Rule.$type]: { symbol: SymbolKind.Function, completion: CompletionItemKind.Event, token: SemanticTokenTypes.event },
    [ast.Param.$type]: { symbol: SymbolKind.Variable, completion: CompletionItemKind.Field, token: SemanticTokenTypes.parameter },
    [ast.Model.$type]: { symbol: SymbolKind.Package, completion: CompletionItemKind.Module, token: SemanticTokenTypes.namespace },
    [ast.Severities.$type]: { symbol: SymbolKind.Enum, completion: CompletionItemKind.Enum, token: SemanticTokenTypes.enum },
    [ast.Campaign.$type]: { symbol: SymbolKind.Namespace, completion: CompletionItemKind.Folder, token: SemanticTokenTypes.namespace },
    [ast.Test.$type]: { symbol: SymbolKind.Event, completion: CompletionItemKind.Method, token: SemanticTokenTypes.method },
};

function typeOf(node: AstNode | AstNodeDescription): string {
    return '$type' in node ? node.$type : node.type;
}

export class GovRuleNodeKindProvider implements NodeKindProvider {
    getSymbolKind(node: AstNode | AstNodeDescription): SymbolKind {
        return KINDS[typeOf(node)]?.symbol ?? SymbolKind.Field;
    }

    getCompletionItemKind(node: AstNode | AstNodeDescription): CompletionItemKind {
        return KINDS[typeOf(node)]?.completion ?? CompletionItemKind.Reference;
    }
}
