/**
 * A setting the server reads from the client (`govrule.lint`, `govrule.locale`): asked with
 * `workspace/configuration` when the client can be asked, else taken from the settings it pushes
 * with `didChangeConfiguration`. Read before the first build (which waits for `load`) and again
 * after every change; readings run one after another, so the last change read is the one that
 * stays. What a setting means, and what a change sets off, is its subclass's.
 */
import type { InitializeParams } from 'vscode-languageserver';
import { govRuleServices, type GovRuleSharedServices } from './services.js';

export abstract class ClientSetting {
    protected canAsk = false;
    private reading: Promise<void> | undefined;

    constructor(protected readonly shared: GovRuleSharedServices, private readonly section: string) {
        shared.lsp.LanguageServer.onInitialize(params => {
            this.canAsk = params.capabilities.workspace?.configuration === true;
            this.initialize(params);
        });
        shared.workspace.ConfigurationProvider.onConfigurationSectionUpdate(update => {
            if (update.section === govRuleServices(shared).LanguageMetaData.languageId) {
                this.refresh(update.configuration);
            }
        });
    }

    /** The first reading; the workspace's first build waits for it. */
    load(): Promise<void> {
        this.reading ??= this.read(undefined).then(() => undefined, err => this.failed(err));
        return this.reading;
    }

    /** Reads the setting again (`pushed`: the client's `govrule` settings, if it pushed them) and reacts if it changed. */
    refresh(pushed?: unknown): void {
        this.reading = (this.reading ?? Promise.resolve())
            .then(() => this.read(pushed))
            .then(changed => {
                if (changed) {
                    this.changed();
                }
            })
            .catch(err => this.failed(err));
    }

    /** What `initialize` tells the setting besides whether the client can be asked. */
    protected initialize(_params: InitializeParams): void {}

    /** Reads the setting (asking the client, or from `pushed`); whether its value changed. */
    protected abstract read(pushed: unknown): Promise<boolean>;

    /** What a changed value sets off. */
    protected abstract changed(): void;

    private failed(err: unknown): void {
        console.error(`GovRule: reading the ${this.section} setting failed:`, err);
    }
}
