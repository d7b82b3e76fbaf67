/**
 * Semantic tokens: every name is coloured by what it denotes (see node-kinds.ts), at its
 * declaration and at each reference, segment by segment: in `chongqing.qinglang.rumor.enterprise`
 * the package segments are namespaces and the rest categories. A disabled rule is "deprecated".
 */
import { GrammarUtils, type AstNode } from 'langium';
import { AbstractSemanticTokenProvider, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import { forEachReference } from '../../model/ast-walk.js';
import * as ast from '../../syntax/generated/ast.js';
import type { NameResolver } from '../../references/name-resolver.js';
import type { SymbolTable } from '../../references/symbol-table.js';
import { clausesOf } from '../../model/rules.js';
import { entityOf, isNamed, segmentsOf, type Entity, type Located, type Segment } from '../queries/locate.js';
import { KINDS } from '../queries/node-kinds.js';
import type { GovRuleLspServices } from '../server/services.js';

export class GovRuleSemanticTokenProvider extends AbstractSemanticTokenProvider {
    private readonly symbols: SymbolTable;
    private readonly resolver: NameResolver;

    constructor(services: GovRuleLspServices) {
        super(services);
        this.symbols = services.references.SymbolTable;
        this.resolver = services.references.NameResolver;
    }

    protected override highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        if (isNamed(node)) {
            const modifier = [SemanticTokenModifiers.declaration];
            if (ast.isRule(node) && clausesOf(node).disabled) {
                modifier.push(SemanticTokenModifiers.deprecated);
            }
            const type = KINDS[node.$type]?.token;
            if (type && GrammarUtils.findNodeForProperty(node.$cstNode, 'name')) {
                acceptor({ node, property: 'name', type, modifier });
            }
        } else if (ast.isModel(node)) {
            for (const segment of segmentsOf(GrammarUtils.findNodeForProperty(node.$cstNode, 'name'))) {
                acceptor({ range: segment.range, type: SemanticTokenTypes.namespace, modifier: SemanticTokenModifiers.declaration });
            }
        } else if (ast.isImport(node)) {
            const segments = segmentsOf(node.$cstNode);
            this.segments(segments, index => ({ kind: 'import', node, segments, index }), acceptor);
        }
        forEachReference(node, reference => {
            const segments = segmentsOf(reference.$refNode);
            this.segments(segments, index => ({ kind: 'reference', reference, container: node, segments, index }), acceptor);
        });
    }

    private segments(segments: readonly Segment[], located: (index: number) => Located, acceptor: SemanticTokenAcceptor): void {
        segments.forEach((segment, index) => {
            const entity = entityOf(located(index), this.symbols, this.resolver);
            const prefix = segments.slice(0, index + 1).map(s => s.text).join('.');
            const type = entity ? tokenType(entity) : this.isPackagePrefix(prefix) ? SemanticTokenTypes.namespace : undefined;
            if (type) {
                acceptor({ range: segment.range, type });
            }
        });
    }

    /** `demo` in `demo.common.reviewer` is no package itself, but it is part of a package name. */
    private isPackagePrefix(prefix: string): boolean {
        for (const name of this.symbols.packages()) {
            if (name.startsWith(`${prefix}.`)) {
                return true;
            }
        }
        return false;
    }
}

function tokenType(entity: Entity): string | undefined {
    return entity.kind === 'package' ? SemanticTokenTypes.namespace : KINDS[entity.node.$type]?.token;
}
