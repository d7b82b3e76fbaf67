/** Highlights every mention in the file of the name under the cursor; the declaration is a "write". */
import type { LangiumDocument } from 'langium';
import type { DocumentHighlightProvider } from 'langium/lsp';
import { DocumentHighlightKind, type DocumentHighlight, type DocumentHighlightParams } from 'vscode-languageserver';
import { entityAt } from '../queries/locate.js';
import { packageSites } from '../queries/package-sites.js';
import type { GovRuleLspServices } from '../server/services.js';

export class GovRuleDocumentHighlightProvider implements DocumentHighlightProvider {
    constructor(private readonly services: GovRuleLspServices) { }

    getDocumentHighlight(document: LangiumDocument, params: DocumentHighlightParams): DocumentHighlight[] | undefined {
        const entity = entityAt(document, params.position, this.services.references.SymbolTable, this.services.references.NameResolver)?.entity;
        if (!entity) {
            return undefined;
        }
        const sites = entity.kind === 'package'
            ? packageSites(this.services.shared.workspace.LangiumDocuments, entity.name, document)
            : this.services.lsp.NameSites.find(entity.node, { onlyIn: document });
        return sites.map(site => ({ range: site.range, kind: site.kind === 'declaration' ? DocumentHighlightKind.Write : DocumentHighlightKind.Read }));
    }
}
