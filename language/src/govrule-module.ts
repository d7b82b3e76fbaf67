/**
 * Wires GovRule's services into Langium. The core services (parse, link, validate) serve the CLI
 * and the compiler; the language server adds its LSP services on top of them.
 */
import {
    createDefaultCoreModule, createDefaultSharedCoreModule, inject,
    type DefaultSharedCoreModuleContext, type LangiumCoreServices, type LangiumSharedCoreServices, type Module, type PartialLangiumCoreServices
} from 'langium';
import { GovRuleGeneratedModule, GovRuleGeneratedSharedModule } from './generated/module.js';
import { GovRuleValueConverter } from './parser/value-converter.js';
import { GovRuleLinker } from './references/linker.js';
import { NameResolver } from './references/name-resolver.js';
import { GovRuleScopeComputation } from './references/scope-computation.js';
import { SymbolTable } from './references/symbol-table.js';
import { DiagnosticPolicy } from './validation/diagnostic-policy.js';
import { GovRuleDocumentValidator } from './validation/document-validator.js';
import { registerValidationChecks } from './validation/validator.js';
import { WorkspaceFacts } from './validation/workspace-facts.js';
import { ConfigProvider } from './workspace/config-provider.js';

export type GovRuleAddedServices = {
    references: {
        SymbolTable: SymbolTable;
        NameResolver: NameResolver;
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

export const GovRuleModule: Module<GovRuleServices, PartialLangiumCoreServices & GovRuleAddedServices> = {
    parser: {
        ValueConverter: () => new GovRuleValueConverter(),
    },
    references: {
        ScopeComputation: (services) => new GovRuleScopeComputation(services),
        Linker: (services) => new GovRuleLinker(services),
        SymbolTable: (services) => new SymbolTable(services),
        NameResolver: (services) => new NameResolver(services),
    },
    validation: {
        DocumentValidator: (services) => new GovRuleDocumentValidator(services),
        WorkspaceFacts: (services) => new WorkspaceFacts(services),
        DiagnosticPolicy: (services) => new DiagnosticPolicy(services.workspace.ConfigProvider),
    },
    workspace: {
        ConfigProvider: () => new ConfigProvider(),
    },
};

/** Parse, link and validate without a language server: the CLI, the compiler and tests use this. */
export function createGovRuleCoreServices(context: DefaultSharedCoreModuleContext): { shared: LangiumSharedCoreServices; GovRule: GovRuleServices } {
    const shared = inject(createDefaultSharedCoreModule(context), GovRuleGeneratedSharedModule);
    const GovRule = inject(createDefaultCoreModule({ shared }), GovRuleGeneratedModule, GovRuleModule);
    shared.ServiceRegistry.register(GovRule);
    registerValidationChecks(GovRule);
    return { shared, GovRule };
}
