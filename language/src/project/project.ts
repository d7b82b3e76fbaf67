/**
 * Loads a set of files into a fresh workspace and builds it (parse → link → validate). The CLI,
 * the compiler API and the benchmarks all enter here.
 */
import { URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import type { Diagnostic } from 'vscode-languageserver-types';
import { bundleChunks, compileBundle, type CompileInput } from '../compiler/bundle.js';
import type { Bundle } from '../bundle/types.js';
import { createGovRuleCoreServices } from '../govrule-module.js';
import type { GovRuleServices } from '../services.js';
import type { GovRuleConfig } from '../config/config.js';

export interface SourceFile {
    /** Absolute path. */
    readonly path: string;
    readonly text: string;
}

export interface FileDiagnostics {
    readonly path: string;
    readonly diagnostics: readonly Diagnostic[];
}

export interface Project {
    readonly services: GovRuleServices;
    readonly documents: readonly LangiumDocument[];
    readonly diagnostics: readonly FileDiagnostics[];
    readonly hasErrors: boolean;
}

/**
 * Builds the files in a fresh workspace. `config` is the run's govrule.json, already read: the
 * documents it governs take their lint levels from it rather than from a second reading.
 */
export async function loadProject(files: readonly SourceFile[], config?: GovRuleConfig): Promise<Project> {
    const { GovRule } = createGovRuleCoreServices(NodeFileSystem, { batch: true });
    if (config) {
        GovRule.workspace.ConfigProvider.remember(config);
    }
    const factory = GovRule.shared.workspace.LangiumDocumentFactory;
    const langiumDocuments = GovRule.shared.workspace.LangiumDocuments;
    const documents = files.map(file => {
        const doc = factory.fromString(file.text, URI.file(file.path));
        langiumDocuments.addDocument(doc);
        return doc;
    });
    await GovRule.shared.workspace.DocumentBuilder.build(documents, { validation: true });
    const diagnostics = documents.map(doc => ({ path: doc.uri.fsPath, diagnostics: doc.diagnostics ?? [] }));
    const hasErrors = diagnostics.some(d => d.diagnostics.some(x => x.severity === 1));
    return { services: GovRule, documents, diagnostics, hasErrors };
}

function compileInput(project: Project, root: string): CompileInput {
    return { root, documents: project.documents, comments: project.services.documentation.CommentProvider };
}

/** The bundle of an error-free project, as an object. */
export function bundleOf(project: Project, root: string): Bundle {
    return compileBundle(compileInput(project, root));
}

/** The bundle of an error-free project, serialised piece by piece (see bundleChunks). */
export function bundleTextOf(project: Project, root: string): Generator<string> {
    return bundleChunks(compileInput(project, root));
}
