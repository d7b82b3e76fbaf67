/**
 * Go to definition from a reference (any segment of a dotted name), an import, an enum member
 * or a parameter name; a package name leads to the `package` line of each of its files.
 */
import { GrammarUtils, AstUtils, type LangiumDocument } from 'langium';
import type { DefinitionProvider } from 'langium/lsp';
import { LocationLink, type DefinitionParams } from 'vscode-languageserver';
import { entityAt } from '../queries/locate.js';
import { packageSites } from '../queries/package-sites.js';
import type { GovRuleLspServices } from '../server/services.js';

export class GovRuleDefinitionProvider implements DefinitionProvider {
    constructor(private readonly services: GovRuleLspServices) { }

    getDefinition(document: LangiumDocument, params: DefinitionParams): LocationLink[] | undefined {
        const found = entityAt(document, params.position, this.services.references.SymbolTable, this.services.references.NameResolver);
        if (!found) {
            return undefined;
        }
        const { located, entity } = found;
        const origin = located.kind === 'name' ? located.segment.range : located.segments[located.index]?.range;
        if (entity.kind === 'package') {
            return packageSites(this.services.shared.workspace.LangiumDocuments, entity.name)
                .filter(site => site.kind === 'declaration')
                .map(site => LocationLink.create(site.document.uri.toString(), site.range, site.range, origin));
        }
        const target = entity.node;
        const cst = target.$cstNode;
        if (!cst) {
            return undefined;
        }
        const nameNode = GrammarUtils.findNodeForProperty(cst, 'name') ?? cst;
        const uri = AstUtils.getDocument(target).uri.toString();
        return [LocationLink.create(uri, cst.range, nameNode.range, origin)];
    }
}
