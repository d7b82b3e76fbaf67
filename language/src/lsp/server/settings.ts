/**
 * Editor settings of the server. Today one: inlay hints with labels, on unless switched off
 * by the client's `govrule.inlayHints.labels` setting (workspace/configuration and
 * didChangeConfiguration) or by the initialization option `{ "inlayHints": { "labels": false } }`.
 * The live setting wins over the initialization option.
 */
import type { InitializeParams } from 'vscode-languageserver';
import type { GovRuleLspServices } from './services.js';

interface InlayHintSettings {
    labels?: unknown;
}

export class ClientSettings {
    private initial: InlayHintSettings | undefined;
    private canRefreshHints = false;

    constructor(private readonly services: GovRuleLspServices) {
        const shared = services.shared;
        shared.lsp.LanguageServer.onInitialize((params: InitializeParams) => {
            const options = params.initializationOptions as { inlayHints?: InlayHintSettings } | undefined;
            this.initial = options?.inlayHints;
            this.canRefreshHints = params.capabilities.workspace?.inlayHint?.refreshSupport === true;
        });
        shared.workspace.ConfigurationProvider.onConfigurationSectionUpdate(update => {
            if (update.section === services.LanguageMetaData.languageId && this.canRefreshHints) {
                shared.lsp.Connection?.languages.inlayHint.refresh().catch(() => undefined);
            }
        });
    }

    async inlayHintLabels(): Promise<boolean> {
        const live = await this.services.shared.workspace.ConfigurationProvider.getConfiguration(this.services.LanguageMetaData.languageId, 'inlayHints') as InlayHintSettings | undefined;
        if (typeof live?.labels === 'boolean') {
            return live.labels;
        }
        return typeof this.initial?.labels === 'boolean' ? this.initial.labels : true;
    }
}
