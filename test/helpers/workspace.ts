/**
 * In-process workspaces for parser, linker and validator tests: several files built together,
 * as the CLI and the language server build them.
 */
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createGovRuleCoreServices } from '../../language/src/govrule-module.js';
import type { GovRuleServices } from '../../language/src/services.js';
import type { Model } from '../../language/src/syntax/generated/ast.js';

// The vocabulary has its own home (Langium-free, for runtime and CLI tests too); re-exported for the tests that build on a workspace.
export { USES_VOCABULARY, VOCABULARY } from './vocabulary.js';

export interface TestWorkspace {
    readonly services: GovRuleServices;
    readonly documents: ReadonlyMap<string, LangiumDocument<Model>>;
    /** Diagnostics of one file (by the name given to `workspace`). */
    diagnostics(file: string): Diagnostic[];
    /** All diagnostics as `file:line:col code` strings, sorted, for compact assertions. */
    summary(): string[];
    codes(file?: string): string[];
}

/** Builds files given as `{ 'name.govrule': text }` into one workspace under file:///ws/. */
export async function workspace(files: Record<string, string>): Promise<TestWorkspace> {
    const { GovRule } = createGovRuleCoreServices(EmptyFileSystem);
    const factory = GovRule.shared.workspace.LangiumDocumentFactory;
    const langiumDocuments = GovRule.shared.workspace.LangiumDocuments;
    const documents = new Map<string, LangiumDocument<Model>>();
    for (const [name, text] of Object.entries(files)) {
        const doc = factory.fromString<Model>(text, URI.parse(`file:///ws/${name}`));
        langiumDocuments.addDocument(doc);
        documents.set(name, doc);
    }
    await GovRule.shared.workspace.DocumentBuilder.build([...documents.values()], { validation: true });
    const diagnostics = (file: string) => {
        const doc = documents.get(file);
        if (!doc) throw new Error(`no file ${file}`);
        return doc.diagnostics ?? [];
    };
    const all = () => [...documents.keys()].flatMap(name => diagnostics(name).map(d => ({ name, d })));
    return {
        services: GovRule,
        documents,
        diagnostics,
        summary: () => all().map(({ name, d }) => `${name}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}`).sort(),
        codes: (file?: string) => (file ? diagnostics(file) : all().map(x => x.d)).map(d => String(d.code)).sort(),
    };
}
