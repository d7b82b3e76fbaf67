/**
 * Editor settings of the server. Today one: inlay hints with labels, on unless switched off
 * by the client's `govrule.inlayHints.labels` setting (workspace/configuration and
 * didChangeConfiguration) or by the initialization option `{ "inlayHints": { "labels": false } }`.
 * The live setting wins over the initialization option.
 * A client that can open an event editor names its command in the initialization option
 * `{ "evaluateCommand": "…" }`; rules then get an "Evaluate…" lens that runs it with the file's
 * URI and the rule's id (the VS Code extension's `govrule.evaluateRule`). Other clients get none.
 */
import type { InitializeParams } from 'vscode-languageserver';
import type { GovRuleLspServices } from './services.js';

/** A command id as clients write them (`govrule.evaluateRule`), of a sensible length. */
const COMMAND_ID = /^[A-Za-z][\w.-]{0,99}$/;

interface InlayHintSettings {
    labels?: unknown;
}

export class ClientSettings {
    private initial: InlayHintSettings | undefined;
    private evaluate: string | undefined;
    private canRefreshHints = false;

    constructor(private readonly services: GovRuleLspServices) {
        const shared = services.shared;
        shared.lsp.LanguageServer.onInitialize((params: InitializeParams) => {
            const options = params.initializationOptions as { inlayHints?: InlayHintSettings; evaluateCommand?: unknown } | undefined;
            this.initial = options?.inlayHints;
            const command = options?.evaluateCommand;
            this.evaluate = typeof command === 'string' && COMMAND_ID.test(command) ? command : undefined;
            this.canRefreshHints = params.capabilities.workspace?.inlayHint?.refreshSupport === true;
        });
        shared.workspace.ConfigurationProvider.onConfigurationSectionUpdate(update => {
            if (update.section === services.LanguageMetaData.languageId && this.canRefreshHints) {
                shared.lsp.Connection?.languages.inlayHint.refresh().catch(() => undefined);
            }
        });
    }

    /** The client's command for the "Evaluate…" lens, if it has one. */
    evaluateCommand(): string | undefined {
        return this.evaluate;
    }

    async inlayHintLabels(): Promise<boolean> {
        const live = await this.services.shared.workspace.ConfigurationProvider.getConfiguration(this.services.LanguageMetaData.languageId, 'inlayHints') as InlayHintSettings | undefined;
        if (typeof live?.labels === 'boolean') {
            return live.labels;
        }
        return typeof this.initial?.labels === 'boolean' ? this.initial.labels : true;
    }
}
