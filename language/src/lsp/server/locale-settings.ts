/**
 * The language the server speaks (l10n/): the `govrule.locale` setting (`auto`, `en`, `zh-CN`),
 * where `auto` (or no setting) means the client's display language, the `locale` of `initialize`
 * (VS Code sends its own). A language GovRule lacks, or none, means English. The environment of
 * the server's process is not read: it is the editor's, not the author's choice.
 *
 * The setting is read like `govrule.lint` (lint-settings.ts): asked with `workspace/configuration`
 * before the first build and after `didChangeConfiguration`, or taken from the settings a client
 * pushes when it cannot be asked. One language per server, so the setting is read without a
 * folder scope. When the language changes, every document is parsed, linked and validated again
 * (messages are worded as the passes run) and govrule.json's findings are republished.
 */
import { DEFAULT_LOCALE, currentLocale, parseLocale, setLocale, type Locale } from '../../l10n/index.js';
import type { GovRuleDocumentUpdateHandler } from './document-update-handler.js';
import type { InitializeParams } from 'vscode-languageserver';
import { ClientSetting } from './client-setting.js';
import type { GovRuleSharedServices } from './services.js';

export const LOCALE_SECTION = 'govrule.locale';

/** The language a `govrule.locale` value asks for; undefined for `auto` and anything not understood. */
export function localeSetting(value: unknown): Locale | undefined {
    return value === 'auto' || typeof value !== 'string' ? undefined : parseLocale(value);
}

export class LocaleSettings extends ClientSetting {
    private fromClient: Locale | undefined;
    private fromSetting: Locale | undefined;

    constructor(shared: GovRuleSharedServices) {
        super(shared, LOCALE_SECTION);
    }

    protected override initialize(params: InitializeParams): void {
        this.fromClient = parseLocale(params.locale);
        this.apply();
    }

    /** A new language: every document is worded again in it. */
    protected override changed(): void {
        (this.shared.lsp.DocumentUpdateHandler as GovRuleDocumentUpdateHandler).reword();
    }

    /** Whether the language changed. */
    protected override async read(pushed: unknown): Promise<boolean> {
        const connection = this.shared.lsp.Connection;
        if (this.canAsk && connection) {
            const values: unknown = await connection.workspace.getConfiguration([{ section: LOCALE_SECTION }]);
            this.fromSetting = localeSetting(Array.isArray(values) ? values[0] : undefined);
        } else if (typeof pushed === 'object' && pushed !== null) {
            this.fromSetting = localeSetting((pushed as { locale?: unknown }).locale);
        }
        return this.apply();
    }

    /** Sets the process's language from the setting, else the client's; whether it changed. */
    private apply(): boolean {
        const before = currentLocale();
        setLocale(this.fromSetting ?? this.fromClient ?? DEFAULT_LOCALE);
        return currentLocale() !== before;
    }
}
