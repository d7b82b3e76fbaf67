/**
 * Workspace symbols: every declaration, found by its name, its qualified name or its label, so
 * typing `内容审核` finds `reviewer "内容审核员"`. The label is part of the symbol's name because
 * clients filter results by name again.
 */
import { interruptAndCheck, Cancellation, type IndexManager } from 'langium';
import type { FuzzyMatcher, LangiumSharedServices, NodeKindProvider, WorkspaceSymbolProvider } from 'langium/lsp';
import type { WorkspaceSymbol, WorkspaceSymbolParams } from 'vscode-languageserver';
import { labelOf } from '../queries/describe.js';
import { isNamed } from '../queries/locate.js';

export class GovRuleWorkspaceSymbolProvider implements WorkspaceSymbolProvider {
    private readonly index: IndexManager;
    private readonly kinds: NodeKindProvider;
    private readonly fuzzy: FuzzyMatcher;

    constructor(services: LangiumSharedServices) {
        this.index = services.workspace.IndexManager;
        this.kinds = services.lsp.NodeKindProvider;
        this.fuzzy = services.lsp.FuzzyMatcher;
    }

    async getSymbols(params: WorkspaceSymbolParams, cancelToken = Cancellation.CancellationToken.None): Promise<WorkspaceSymbol[]> {
        const query = params.query.trim().toLowerCase();
        const symbols: WorkspaceSymbol[] = [];
        let count = 0;
        for (const description of this.index.allElements()) {
            if (++count % 1000 === 0) {
                await interruptAndCheck(cancelToken);
            }
            const node = description.node;
            const range = description.nameSegment?.range;
            if (!range || !isNamed(node)) {
                continue;
            }
            const qualified = description.name;
            const dot = qualified.lastIndexOf('.');
            const simple = qualified.slice(dot + 1);
            const label = labelOf(node);
            const matches = query === ''
                || this.fuzzy.match(query, simple)
                || qualified.toLowerCase().includes(query)
                || (label !== undefined && label.toLowerCase().includes(query));
            if (matches) {
                symbols.push({
                    name: label ? `${simple} ${label}` : simple,
                    kind: this.kinds.getSymbolKind(description),
                    containerName: dot > 0 ? qualified.slice(0, dot) : undefined,
                    location: { uri: description.documentUri.toString(), range },
                });
            }
        }
        return symbols;
    }
}
