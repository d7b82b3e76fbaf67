/**
 * The language server's services: Langium's default LSP services, GovRule's core services
 * (the same parser, linker, validator and compiler as the CLI) and one GovRule class per LSP
 * feature.
 */
import { inject, type DeepPartial, type Module } from 'langium';
import type { GovRuleAddedServices } from '../../services.js';
import {
    createDefaultModule, createDefaultSharedModule, type DefaultSharedModuleContext, type PartialLangiumServices, type PartialLangiumSharedServices
} from 'langium/lsp';
import { GovRuleGeneratedModule, GovRuleGeneratedSharedModule } from '../../syntax/generated/module.js';
import { GovRuleModule } from '../../govrule-module.js';
import { registerValidationChecks } from '../../validation/validator.js';
import { GovRuleCodeActionProvider } from '../features/code-action-provider.js';
import { GovRuleCodeLensProvider } from '../features/code-lens-provider.js';
import { GovRuleCommandHandler } from '../features/commands.js';
import { GovRuleCompletionProvider } from '../features/completion-provider.js';
import { ConfigDiagnostics } from './config-diagnostics.js';
import { DiagnosticsPublisher } from './diagnostics-publisher.js';
import { WorkspaceCompiler } from './workspace-compiler.js';
import { GovRuleDefinitionProvider } from '../features/definition-provider.js';
import { GovRuleDocumentBuilder } from './document-builder.js';
import { GovRuleDocumentHighlightProvider } from '../features/document-highlight.js';
import { GovRuleDocumentSymbolProvider } from '../features/document-symbols.js';
import { GovRuleDocumentUpdateHandler } from './document-update-handler.js';
import { LspDocumentValidator } from './document-validator.js';
import { GovRuleFoldingRangeProvider } from '../features/folding-ranges.js';
import { GovRuleFormatter } from '../features/formatting-provider.js';
import { GovRuleHoverProvider } from '../features/hover-provider.js';
import { GovRuleIndexManager } from './index-manager.js';
import { LintSettings } from './lint-settings.js';
import { LocaleSettings } from './locale-settings.js';
import { DiagnosticPolicy } from '../../validation/diagnostic-policy.js';
import { GovRuleInlayHintProvider } from '../features/inlay-hints.js';
import { GovRuleLanguageServer } from './language-server.js';
import { NameSites } from '../queries/name-sites.js';
import { GovRuleNodeKindProvider } from '../queries/node-kinds.js';
import { GovRuleReferencesProvider } from '../features/references-provider.js';
import { GovRuleRenameProvider } from '../features/rename-provider.js';
import { GovRuleSemanticTokenProvider } from '../features/semantic-tokens.js';
import type { GovRuleLspAddedServices, GovRuleLspServices, GovRuleSharedLspAddedServices, GovRuleSharedServices } from './services.js';
import { ClientSettings } from './settings.js';
import { GovRuleSignatureHelpProvider } from '../features/signature-help.js';
import { TestRunner } from '../features/test-runner.js';
import { GovRuleWorkspaceManager } from './workspace-manager.js';
import { GovRuleWorkspaceSymbolProvider } from '../features/workspace-symbols.js';

export const GovRuleLspModule: Module<GovRuleLspServices, PartialLangiumServices & DeepPartial<GovRuleAddedServices> & GovRuleLspAddedServices> = {
    validation: {
        DocumentValidator: (services) => new LspDocumentValidator(services),
        // The editor's lint settings come first (lint-settings.ts).
        DiagnosticPolicy: (services) => new DiagnosticPolicy(services.workspace.ConfigProvider, (services.shared as GovRuleSharedServices).lsp.LintSettings),
    },
    lsp: {
        CompletionProvider: (services) => new GovRuleCompletionProvider(services),
        HoverProvider: (services) => new GovRuleHoverProvider(services),
        DefinitionProvider: (services) => new GovRuleDefinitionProvider(services),
        ReferencesProvider: (services) => new GovRuleReferencesProvider(services),
        DocumentHighlightProvider: (services) => new GovRuleDocumentHighlightProvider(services),
        DocumentSymbolProvider: () => new GovRuleDocumentSymbolProvider(),
        RenameProvider: (services) => new GovRuleRenameProvider(services),
        CodeActionProvider: (services) => new GovRuleCodeActionProvider(services),
        SemanticTokenProvider: (services) => new GovRuleSemanticTokenProvider(services),
        FoldingRangeProvider: (services) => new GovRuleFoldingRangeProvider(services),
        InlayHintProvider: (services) => new GovRuleInlayHintProvider(services),
        SignatureHelp: (services) => new GovRuleSignatureHelpProvider(services),
        Formatter: (services) => new GovRuleFormatter(services),
        Settings: (services) => new ClientSettings(services),
        NameSites: (services) => new NameSites(services),
        CodeLensProvider: (services) => new GovRuleCodeLensProvider(services),
        TestRunner: (services) => new TestRunner(services),
    },
};

export const GovRuleSharedLspModule: Module<GovRuleSharedServices, PartialLangiumSharedServices & GovRuleSharedLspAddedServices> = {
    workspace: {
        WorkspaceManager: (services) => new GovRuleWorkspaceManager(services),
        DocumentBuilder: (services) => new GovRuleDocumentBuilder(services),
        IndexManager: (services) => new GovRuleIndexManager(services),
    },
    lsp: {
        LanguageServer: (services) => new GovRuleLanguageServer(services),
        DocumentUpdateHandler: (services) => new GovRuleDocumentUpdateHandler(services),
        ExecuteCommandHandler: (services) => new GovRuleCommandHandler(services),
        WorkspaceSymbolProvider: (services) => new GovRuleWorkspaceSymbolProvider(services),
        NodeKindProvider: () => new GovRuleNodeKindProvider(),
        ConfigDiagnostics: (services) => new ConfigDiagnostics(services),
        DiagnosticsPublisher: (services) => new DiagnosticsPublisher(services),
        WorkspaceCompiler: (services) => new WorkspaceCompiler(services),
        LintSettings: (services) => new LintSettings(services),
        LocaleSettings: (services) => new LocaleSettings(services),
    },
};

/** All services of the language server, for a connection (or none, in tests) and a file system. */
export function createGovRuleServices(context: DefaultSharedModuleContext): { shared: GovRuleSharedServices; GovRule: GovRuleLspServices } {
    const shared = inject(createDefaultSharedModule(context), GovRuleGeneratedSharedModule, GovRuleSharedLspModule);
    const GovRule = inject(createDefaultModule({ shared }), GovRuleGeneratedModule, GovRuleModule, GovRuleLspModule);
    shared.ServiceRegistry.register(GovRule);
    registerValidationChecks(GovRule);
    return { shared, GovRule };
}
