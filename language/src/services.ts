/**
 * The types of GovRule's core services, apart from their wiring (govrule-module.ts): every stage
 * names the services it reads from here, so no stage imports the module that constructs it.
 */
import type { LangiumCoreServices } from 'langium';
import type { ImportHints } from './references/import-hints.js';
import type { NameResolver } from './references/name-resolver.js';
import type { SymbolTable } from './references/symbol-table.js';
import type { DiagnosticPolicy } from './validation/diagnostic-policy.js';
import type { WorkspaceFacts } from './validation/workspace-facts.js';
import type { ConfigProvider } from './config/config-provider.js';

export type GovRuleAddedServices = {
    references: {
        SymbolTable: SymbolTable;
        NameResolver: NameResolver;
        ImportHints: ImportHints;
    };
    validation: {
        WorkspaceFacts: WorkspaceFacts;
        DiagnosticPolicy: DiagnosticPolicy;
    };
    workspace: {
        ConfigProvider: ConfigProvider;
    };
};

export type GovRuleServices = LangiumCoreServices & GovRuleAddedServices;
