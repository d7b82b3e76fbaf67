/**
 * "No errors? Then compile": what the compile command and the test runner both do with the
 * workspace once a build has validated it. Requests wait for that build and read the workspace
 * under its lock; documents with errors are refused with the errors in the response's
 * `data.problems`, so nothing is built from them.
 */
import * as path from 'node:path';
import { DocumentState, type LangiumDocument, type URI } from 'langium';
import { DiagnosticSeverity, LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';
import type { Bundle } from '../../bundle/types.js';
import { compileBundle, sourcePath } from '../../compiler/bundle.js';
import { modelOf } from '../../model/names.js';
import { workspacePath } from '../../model/workspace-path.js';
import { parseImport } from '../../references/name-resolver.js';
import { inWorld, WORKSPACE, type World } from '../../references/worlds.js';
import * as ast from '../../syntax/generated/ast.js';
import { govRuleServices, type GovRuleSharedServices } from './services.js';
import { t } from '../../l10n/index.js';
import type { GovRuleWorkspaceManager } from './workspace-manager.js';

export interface CompileProblem {
    readonly file: string;
    /** The file as messages name it: relative to its workspace folder. */
    readonly path: string;
    readonly line: number;
    readonly column: number;
    readonly code: string;
    readonly message: string;
}

/** A bundle, the root its source paths are relative to, and the documents by those paths. */
export interface Compiled {
    readonly bundle: Bundle;
    readonly root: string;
    readonly files: ReadonlyMap<string, LangiumDocument>;
}

export class WorkspaceCompiler {
    constructor(private readonly shared: GovRuleSharedServices) { }

    /** Runs `work` on the workspace once it is loaded and validated, under the workspace's read lock. */
    async whenBuilt<T>(token: CancellationToken, work: () => T): Promise<T> {
        const workspace = this.shared.workspace;
        await workspace.WorkspaceManager.ready;
        await workspace.DocumentBuilder.waitUntil(DocumentState.Validated, token);
        return workspace.WorkspaceLock.read(work);
    }

    /** The GovRule documents built and tested together: the saved files, or one untitled buffer's own world (worlds.ts). */
    modelDocuments(world: World = WORKSPACE): LangiumDocument[] {
        return this.shared.workspace.LangiumDocuments.all.filter(doc => ast.isModel(doc.parseResult.value)).filter(inWorld(world)).toArray();
    }

    /** Compiles documents without errors; source paths are relative to the project root of `file`. */
    compile(documents: readonly LangiumDocument[], file: URI | undefined): Compiled {
        const root = this.projectRoot(file);
        const bundle = compileBundle({ root, documents, comments: govRuleServices(this.shared).documentation.CommentProvider });
        return { bundle, root, files: new Map(documents.map(doc => [sourcePath(root, doc.uri.fsPath), doc])) };
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

    /** Fails, with the errors in the response's `data.problems`, when the documents have errors: nothing is built from them. */
    assertNoErrors(documents: readonly LangiumDocument[], task: 'compile' | 'run the tests'): void {
        const folders = this.shared.workspace.WorkspaceManager.workspaceFolders;
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
            const said = { count: problems.length, first: `${first.path}:${first.line}:${first.column} ${first.message}` };
            throw new ResponseError(LSPErrorCodes.RequestFailed,
                task === 'compile' ? t('editor.command.cannot-compile', said) : t('editor.command.cannot-run-tests', said),
                { problems });
        }
    }
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
