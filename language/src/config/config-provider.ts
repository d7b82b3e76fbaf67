/**
 * Which govrule.json governs a document: the nearest one at or above its folder. Cached per
 * folder; the language server clears the cache when a govrule.json changes.
 */
import * as path from 'node:path';
import type { URI } from 'langium';
import { readConfigIn, type GovRuleConfig } from './config.js';

export class ConfigProvider {
    private readonly byFolder = new Map<string, GovRuleConfig | null>();

    forDocument(uri: URI): GovRuleConfig | undefined {
        if (uri.scheme !== 'file') {
            return undefined;
        }
        return this.forFolder(path.dirname(uri.fsPath));
    }

    forFolder(folder: string): GovRuleConfig | undefined {
        const cached = this.byFolder.get(folder);
        if (cached !== undefined) {
            return cached ?? undefined;
        }
        const own = readConfigIn(folder);
        const parent = path.dirname(folder);
        const config = own ?? (parent === folder ? undefined : this.forFolder(parent));
        this.byFolder.set(folder, config ?? null);
        return config;
    }

    /** Takes a govrule.json the caller has already read (the CLI reads it once per run). */
    remember(config: GovRuleConfig): void {
        if (config.file !== undefined && path.dirname(config.file) === config.root) {
            this.byFolder.set(config.root, config);
        }
    }

    clear(): void {
        this.byFolder.clear();
    }
}

