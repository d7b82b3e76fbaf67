/**
 * Wires GovRule's services into Langium. The core services (parse, link, validate) serve the CLI
 * and the compiler; the language server adds its LSP services on top of them.
 */
import {
    DefaultIndexManager, DefaultServiceRegistry, createDefaultCoreModule, type URI, createDefaultSharedCoreModule, inject, type PartialLangiumSharedCoreServices,
    type DefaultSharedCoreModuleContext, type LangiumCoreServices, type LangiumSharedCoreServices, type Module, type PartialLangiumCoreServices
} from 'langium';
import { GovRuleCommentProvider } from './model/documentation.js';
import { GovRuleGeneratedModule, GovRuleGeneratedSharedModule } from './syntax/generated/module.js';
import { GovRuleParserErrorMessageProvider } from './syntax/error-messages.js';
import { createGuardedParser } from './syntax/guarded-parser.js';
import { GovRuleLexer, GovRuleTokenBuilder } from './syntax/mistakes.js';
import { GovRuleValueConverter } from './syntax/value-converter.js';
import { ImportHints } from './references/import-hints.js';
import { GovRuleLinker } from './references/linker.js';
import { NameResolver } from './references/name-resolver.js';
import { GovRuleScopeComputation } from './references/scope-computation.js';
import { SymbolTable } from './references/symbol-table.js';
import { DiagnosticPolicy } from './validation/diagnostic-policy.js';
import { GovRuleDocumentValidator } from './validation/document-validator.js';
import { GovRuleValidationRegistry } from './validation/validation-registry.js';
import { registerValidationChecks } from './validation/validator.js';
import { WorkspaceFacts } from './validation/workspace-facts.js';
import { ConfigProvider } from './config/config-provider.js';
import { GuardedDocumentBuilder } from './guarded-builder.js';
import type { GovRuleAddedServices, GovRuleServices } from './services.js';

export const GovRuleModule: Module<GovRuleServices, PartialLangiumCoreServices & GovRuleAddedServices> = {
    parser: {
        ValueConverter: () => new GovRuleValueConverter(),
        LangiumParser: (services) => createGuardedParser(services),
        TokenBuilder: () => new GovRuleTokenBuilder(),
        Lexer: (services) => new GovRuleLexer(services),
        ParserErrorMessageProvider: () => new GovRuleParserErrorMessageProvider(),
    },
    references: {
        ScopeComputation: (services) => new GovRuleScopeComputation(services),
        Linker: (services) => new GovRuleLinker(services),
        SymbolTable: (services) => new SymbolTable(services),
        NameResolver: (services) => new NameResolver(services),
        ImportHints: (services) => new ImportHints(services),
    },
    validation: {
        DocumentValidator: (services) => new GovRuleDocumentValidator(services),
        ValidationRegistry: (services) => new GovRuleValidationRegistry(services),
        WorkspaceFacts: (services) => new WorkspaceFacts(services),
        DiagnosticPolicy: (services) => new DiagnosticPolicy(services.workspace.ConfigProvider),
    },
    workspace: {
        ConfigProvider: () => new ConfigProvider(),
    },
    documentation: {
        CommentProvider: (services) => new GovRuleCommentProvider(services),
    },
};

/**
 * For one-shot builds (the CLI): the reference index serves find-references and incremental
 * rebuilds in an editor, so a build that ends after validation need not compute it.
 */
const BatchSharedModule: Module<LangiumSharedCoreServices, PartialLangiumSharedCoreServices> = {
    ServiceRegistry: () => new BatchServiceRegistry(),
    workspace: {
        IndexManager: (services) => new BatchIndexManager(services),
    },
};

/** Builds that fail closed (see GuardedDocumentBuilder); the language server's builder extends it. */
const GovRuleSharedModule: Module<LangiumSharedCoreServices, PartialLangiumSharedCoreServices> = {
    workspace: {
        DocumentBuilder: (services) => new GuardedDocumentBuilder(services),
    },
};

/** The CLI reads a file it is given by name whatever its extension, so the one language serves every file. */
class BatchServiceRegistry extends DefaultServiceRegistry {
    override getServices(uri: URI): LangiumCoreServices {
        const all = this.all;
        return all.length === 1 ? all[0] : super.getServices(uri);
    }
}

class BatchIndexManager extends DefaultIndexManager {
    override async updateReferences(): Promise<void> {
        // Nothing to index: see BatchSharedModule.
    }
}

export interface CoreServicesOptions {
    /** A one-shot build that needs no reference index (default false). */
    readonly batch?: boolean;
}

/** Parse, link and validate without a language server: the CLI, the compiler and tests use this. */
export function createGovRuleCoreServices(context: DefaultSharedCoreModuleContext, options: CoreServicesOptions = {}): { shared: LangiumSharedCoreServices; GovRule: GovRuleServices } {
    const shared = options.batch
        ? inject(createDefaultSharedCoreModule(context), GovRuleGeneratedSharedModule, GovRuleSharedModule, BatchSharedModule)
        : inject(createDefaultSharedCoreModule(context), GovRuleGeneratedSharedModule, GovRuleSharedModule);
    const GovRule = inject(createDefaultCoreModule({ shared }), GovRuleGeneratedModule, GovRuleModule);
    shared.ServiceRegistry.register(GovRule);
    registerValidationChecks(GovRule);
    return { shared, GovRule };
}
