/**
 * Commands over `workspace/executeCommand`:
 * - `govrule.compile` with no argument compiles the whole workspace; with a file (a URI string or
 *   `{ uri }`) it compiles that file's package closure: its package and every package it uses,
 *   transitively. It returns the bundle object (LANGUAGE.md §9), with source paths relative to
 *   the project root (the folder of the governing govrule.json, else the workspace folder). If
 *   the compiled files have errors, it fails with the errors in the response's `data.problems`.
 *   With `{ folder: uri }` it compiles the rule files under that folder (see folder-scope.ts).
 * - `govrule.runTests` with a file and optionally a test name (`uri, name` or `{ uri, test }`) runs
 *   that file's tests, or the tests of that name, against the whole workspace's bundle (what
 *   `govrule test` runs) and shows the results in the editor (see test-runner.ts). It returns
 *   a `RunSummary`; like compile, it fails with `data.problems` if the workspace has errors.
 */
import * as path from 'node:path';
import { DocumentState, URI, type LangiumDocument } from 'langium';
import { AbstractExecuteCommandHandler, type ExecuteCommandAcceptor } from 'langium/lsp';
import { DiagnosticSeverity, LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';
import { compileBundle, type Bundle } from '../compiler/bundle.js';
import * as ast from '../generated/ast.js';
import { modelOf } from '../names.js';
import { parseImport } from '../references/name-resolver.js';
import { govRuleServices, type GovRuleSharedServices } from './services.js';
import type { RunSummary } from './test-runner.js';
import type { GovRuleWorkspaceManager } from './workspace-manager.js';
import { workspacePath, type NamedFolder } from '../workspace-path.js';
import { documentsUnder, folderArgument } from './folder-scope.js';
import { inWorld, WORKSPACE, worldOfUri } from '../references/worlds.js';

export const COMPILE_COMMAND = 'govrule.compile';
export const RUN_TESTS_COMMAND = 'govrule.runTests';
/** Runs the tests of every file and shows the results; returns a `RunSummary` per file with tests. */
export const RUN_ALL_TESTS_COMMAND = 'govrule.runAllTests';
/** The workspace's rules and tests and how the tests fare (`WorkspaceSummary`), for a status line. */
export const SUMMARY_COMMAND = 'govrule.summary';

export interface CompileProblem {
    readonly file: string;
    /** The file as messages name it: relative to its workspace folder. */
    readonly path: string;
    readonly line: number;
    readonly column: number;
    readonly code: string;
    readonly message: string;
}

export class GovRuleCommandHandler extends AbstractExecuteCommandHandler {
    constructor(private readonly shared: GovRuleSharedServices) {
        super();
    }

    registerCommands(accept: ExecuteCommandAcceptor): void {
        accept(COMPILE_COMMAND, (args, token) => this.compile(args, token));
        accept(RUN_TESTS_COMMAND, (args, token) => this.runTests(args, token));
        accept(RUN_ALL_TESTS_COMMAND, (_args, token) => govRuleServices(this.shared).lsp.TestRunner.runAll(token));
        accept(SUMMARY_COMMAND, (_args, token) => govRuleServices(this.shared).lsp.TestRunner.summary(token));
    }

    private runTests(args: unknown[], token: CancellationToken): Promise<RunSummary> {
        const file = fileArgument(args);
        if (!file) {
            throw new ResponseError(LSPErrorCodes.RequestFailed, `${RUN_TESTS_COMMAND} needs the URI of a file`);
        }
        const first = args[0] as { test?: unknown } | undefined;
        const name = typeof args[1] === 'string' ? args[1] : typeof first?.test === 'string' ? first.test : undefined;
        return govRuleServices(this.shared).lsp.TestRunner.run(file, name, token);
    }

    private async compile(args: unknown[], token: CancellationToken): Promise<Bundle> {
        const workspace = this.shared.workspace;
        await workspace.WorkspaceManager.ready;
        await workspace.DocumentBuilder.waitUntil(DocumentState.Validated, token);
        const folder = folderArgument(args);
        return workspace.WorkspaceLock.read(() => folder ? this.compileFolder(folder) : this.compileNow(fileArgument(args)));
    }

    private compileFolder(folder: URI): Bundle {
        const all = this.shared.workspace.LangiumDocuments.all.filter(doc => ast.isModel(doc.parseResult.value)).toArray();
        const documents = documentsUnder(folder, all);
        assertNoErrors(documents, 'compile', this.shared.workspace.WorkspaceManager.workspaceFolders);
        const root = govRuleServices(this.shared).workspace.ConfigProvider.forFolder(folder.fsPath)?.root ?? folder.fsPath;
        return compileBundle({ root, documents, comments: govRuleServices(this.shared).documentation.CommentProvider });
    }

    private compileNow(file: URI | undefined): Bundle {
        // The workspace's saved files, or the untitled buffer's own world (worlds.ts).
        const world = file ? worldOfUri(file) : WORKSPACE;
        const all = this.shared.workspace.LangiumDocuments.all.filter(doc => ast.isModel(doc.parseResult.value)).filter(inWorld(world)).toArray();
        let documents = all;
        if (file) {
            const start = this.shared.workspace.LangiumDocuments.getDocument(file);
            if (!start) {
                throw new ResponseError(LSPErrorCodes.RequestFailed, `${file.toString()} is not part of the workspace`);
            }
            documents = packageClosure(start, all);
        }
        assertNoErrors(documents, 'compile', this.shared.workspace.WorkspaceManager.workspaceFolders);
        const services = govRuleServices(this.shared);
        return compileBundle({ root: this.projectRoot(file), documents, comments: services.documentation.CommentProvider });
    }

    /** The folder of the governing govrule.json, else the workspace folder (of the file). */
    projectRoot(file: URI | undefined): string {
        const configs = govRuleServices(this.shared).workspace.ConfigProvider;
        const folders = (this.shared.workspace.WorkspaceManager as GovRuleWorkspaceManager).folderPaths();
        if (file?.scheme === 'file') {
            const config = configs.forDocument(file);
            if (config) {
                return config.root;
            }
            return folders.find(folder => !path.relative(folder, file.fsPath).startsWith('..')) ?? path.dirname(file.fsPath);
        }
        const first = folders[0];
        return first ? configs.forFolder(first)?.root ?? first : process.cwd();
    }
}

/** Fails, with the errors in the response's `data.problems`, when the documents have errors: nothing is built from them. */
export function assertNoErrors(documents: readonly LangiumDocument[], task: string, folders: readonly NamedFolder[] | undefined): void {
    const problems = documents.flatMap(doc => (doc.diagnostics ?? [])
        .filter(d => d.severity === DiagnosticSeverity.Error)
        .map((d): CompileProblem => ({
            file: doc.uri.scheme === 'file' ? doc.uri.fsPath : doc.uri.toString(),
            path: workspacePath(doc.uri, folders),
            line: d.range.start.line + 1,
            column: d.range.start.character + 1,
            code: String(d.code),
            message: typeof d.message === 'string' ? d.message : d.message.value,
        })));
    if (problems.length > 0) {
        const first = problems[0];
        throw new ResponseError(LSPErrorCodes.RequestFailed,
            `Cannot ${task}: ${problems.length} error${problems.length === 1 ? '' : 's'} (first: ${first.path}:${first.line}:${first.column} ${first.message})`,
            { problems });
    }
}

function fileArgument(args: unknown[]): URI | undefined {
    const arg = args[0];
    const text = typeof arg === 'string' ? arg : typeof arg === 'object' && arg !== null && typeof (arg as { uri?: unknown }).uri === 'string' ? (arg as { uri: string }).uri : undefined;
    return text ? URI.parse(text) : undefined;
}

/** The documents of a file's package and of every package it imports or references, transitively. */
export function packageClosure(start: LangiumDocument, all: readonly LangiumDocument[]): LangiumDocument[] {
    const byPackage = new Map<string, LangiumDocument[]>();
    for (const doc of all) {
        const name = (doc.parseResult.value as ast.Model).name ?? '';
        byPackage.set(name, [...(byPackage.get(name) ?? []), doc]);
    }
    const seen = new Set<string>();
    const queue = [(start.parseResult.value as ast.Model).name ?? ''];
    while (queue.length > 0) {
        const pkg = queue.pop()!;
        if (seen.has(pkg)) {
            continue;
        }
        seen.add(pkg);
        for (const doc of byPackage.get(pkg) ?? []) {
            for (const imp of (doc.parseResult.value as ast.Model).imports) {
                const target = parseImport(imp.path ?? '');
                queue.push(target.packageName);
            }
            for (const reference of doc.references) {
                const target = 'ref' in reference ? reference.ref : undefined;
                const model = target && modelOf(target);
                if (model?.name !== undefined) {
                    queue.push(model.name);
                }
            }
        }
    }
    return all.filter(doc => seen.has((doc.parseResult.value as ast.Model).name ?? ''));
}
