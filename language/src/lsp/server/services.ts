/** The service types of the language server, and how shared services reach the GovRule ones. */
import type { LangiumServices, LangiumSharedServices } from 'langium/lsp';
import type { GovRuleAddedServices } from '../../services.js';
import type { ClientSettings } from './settings.js';
import type { NameSites } from '../queries/name-sites.js';
import type { ConfigDiagnostics } from './config-diagnostics.js';
import type { DiagnosticsPublisher } from './diagnostics-publisher.js';
import type { LintSettings } from './lint-settings.js';
import type { LocaleSettings } from './locale-settings.js';
import type { WorkspaceCompiler } from './workspace-compiler.js';
import type { TestRunner } from '../features/test-runner.js';

export type GovRuleLspAddedServices = {
    lsp: {
        /** Editor settings (inlay hints on or off). */
        Settings: ClientSettings;
        /** Every place that names a declaration: references, imports, paths through it. */
        NameSites: NameSites;
        /** Runs test blocks for the editor and keeps their results until the workspace changes. */
        TestRunner: TestRunner;
    };
};

export type GovRuleLspServices = LangiumServices & GovRuleAddedServices & GovRuleLspAddedServices;

export type GovRuleSharedLspAddedServices = {
    lsp: {
        /** Problems in govrule.json files, published as diagnostics of those files. */
        ConfigDiagnostics: ConfigDiagnostics;
        /** The one way diagnostics reach the client (build, test results, govrule.json). */
        DiagnosticsPublisher: DiagnosticsPublisher;
        /** The editor's `govrule.lint` setting, per workspace folder: lint levels above govrule.json's. */
        LintSettings: LintSettings;
        /** The language the server speaks: `govrule.locale`, else the client's `initialize` locale. */
        LocaleSettings: LocaleSettings;
        /** Compiles the validated workspace for the compile command and the test runner. */
        WorkspaceCompiler: WorkspaceCompiler;
    };
};

export type GovRuleSharedServices = LangiumSharedServices & GovRuleSharedLspAddedServices;

/** The server serves one language; shared services find its services here (lazily, after creation). */
export function govRuleServices(shared: LangiumSharedServices): GovRuleLspServices {
    return shared.ServiceRegistry.all[0] as GovRuleLspServices;
}
