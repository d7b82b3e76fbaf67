/** Find references across files: references, imports, and dotted paths through a category. */
import type { LangiumDocument } from 'langium';
import type { ReferencesProvider } from 'langium/lsp';
import type { Location, ReferenceParams } from 'vscode-languageserver';
import { entityAt } from '../queries/locate.js';
import { packageSites } from '../queries/package-sites.js';
import type { GovRuleLspServices } from '../server/services.js';

export class GovRuleReferencesProvider implements ReferencesProvider {
    constructor(private readonly services: GovRuleLspServices) { }

    findReferences(document: LangiumDocument, params: ReferenceParams): Location[] {
        const entity = entityAt(document, params.position, this.services.references.SymbolTable, this.services.references.NameResolver)?.entity;
        const includeDeclaration = params.context.includeDeclaration;
        if (entity?.kind === 'package') {
            return packageSites(this.services.shared.workspace.LangiumDocuments, entity.name)
                .filter(site => includeDeclaration || site.kind !== 'declaration')
                .map(site => ({ uri: site.document.uri.toString(), range: site.range }));
        }
        if (!entity) {
            return [];
        }
        return this.services.lsp.NameSites.find(entity.node, { includeDeclaration })
            .map(site => ({ uri: site.uri.toString(), range: site.range }));
    }
}
