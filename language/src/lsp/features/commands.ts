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
 * - `govrule.listTests` (optionally with a file) lists the tests of the workspace's files (or of
 *   that file): `TestFile[]`, each test with its name and range, whether or not the workspace has errors.
 * - `govrule.runSelectedTests` with `{ tests?: [{ uri, name? }], coverage?: boolean }` runs those
 *   tests (all of the workspace's without `tests`) in one run, shows the results like
 *   `govrule.runTests`, and returns a `SelectionReport`: each test's expectations in words and,
 *   with `coverage`, the rules and leaf categories the run reached, file by file.
 * - `govrule.diff` compares the workspace with an older side (see diff-command.ts).
 * - `govrule.eventTemplate`, `govrule.evaluate`, `govrule.testBlock`: "Evaluate…" and "Save as
 *   test" (see evaluate-command.ts).
 */
import { URI } from 'langium';
import { AbstractExecuteCommandHandler, type ExecuteCommandAcceptor } from 'langium/lsp';
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';
import type { Bundle } from '../../bundle/types.js';
import { govRuleServices, type GovRuleSharedServices } from '../server/services.js';
import { packageClosure, type WorkspaceCompiler } from '../server/workspace-compiler.js';
import { documentsUnder, folderArgument } from '../server/folder-scope.js';
import { compileBundle } from '../../compiler/bundle.js';
import { worldOfUri } from '../../references/worlds.js';
import { DIFF_COMMAND, runDiffCommand } from './diff-command.js';
import type { RunSummary, SelectionReport, TestSelection } from './test-runner.js';
import { EVALUATE_COMMAND, EVENT_TEMPLATE_COMMAND, EventEvaluator, TEST_BLOCK_COMMAND } from './evaluate-command.js';
import { t } from '../../l10n/index.js';

export const COMPILE_COMMAND = 'govrule.compile';
export const RUN_TESTS_COMMAND = 'govrule.runTests';
/** Runs the tests of every file and shows the results; returns a `RunSummary` per file with tests. */
export const RUN_ALL_TESTS_COMMAND = 'govrule.runAllTests';
/** The workspace's rules and tests and how the tests fare (`WorkspaceSummary`), for a status line. */
export const SUMMARY_COMMAND = 'govrule.summary';
/** The tests of the workspace, file by file, for a test explorer. */
export const LIST_TESTS_COMMAND = 'govrule.listTests';
/** Runs a selection of tests in one run, with their expectations in words and, if asked, coverage. */
export const RUN_SELECTED_TESTS_COMMAND = 'govrule.runSelectedTests';

export class GovRuleCommandHandler extends AbstractExecuteCommandHandler {
    private readonly evaluator: EventEvaluator;

    constructor(private readonly shared: GovRuleSharedServices) {
        super();
        this.evaluator = new EventEvaluator(shared);
    }

    registerCommands(accept: ExecuteCommandAcceptor): void {
        accept(COMPILE_COMMAND, (args, token) => this.compile(args, token));
        accept(RUN_TESTS_COMMAND, (args, token) => this.runTests(args, token));
        accept(RUN_ALL_TESTS_COMMAND, (_args, token) => govRuleServices(this.shared).lsp.TestRunner.runAll(token));
        accept(SUMMARY_COMMAND, (_args, token) => govRuleServices(this.shared).lsp.TestRunner.summary(token));
        accept(LIST_TESTS_COMMAND, (args, token) => govRuleServices(this.shared).lsp.TestRunner.list(fileArgument(args), token));
        accept(RUN_SELECTED_TESTS_COMMAND, (args, token) => this.runSelected(args, token));
        accept(DIFF_COMMAND, (args, token) => runDiffCommand(this, args, token));
        accept(EVENT_TEMPLATE_COMMAND, (args, token) => this.evaluator.template(args, token));
        accept(EVALUATE_COMMAND, (args, token) => this.evaluator.evaluate(args, token));
        accept(TEST_BLOCK_COMMAND, (args, token) => this.evaluator.block(args, token));
    }

    private runSelected(args: unknown[], token: CancellationToken): Promise<SelectionReport> {
        const { selection, coverage } = selectionArgument(args);
        return govRuleServices(this.shared).lsp.TestRunner.runSelected(selection, coverage, token);
    }

    private runTests(args: unknown[], token: CancellationToken): Promise<RunSummary> {
        const file = fileArgument(args);
        if (!file) {
            throw new ResponseError(LSPErrorCodes.RequestFailed, t('editor.command.needs-file', { command: RUN_TESTS_COMMAND }));
        }
        const first = args[0] as { test?: unknown } | undefined;
        const name = typeof args[1] === 'string' ? args[1] : typeof first?.test === 'string' ? first.test : undefined;
        return govRuleServices(this.shared).lsp.TestRunner.run(file, name, token);
    }

    compile(args: unknown[], token: CancellationToken): Promise<Bundle> {
        const compiler = this.shared.lsp.WorkspaceCompiler;
        const folder = folderArgument(args);
        return compiler.whenBuilt(token, () => folder ? this.compileFolder(compiler, folder) : this.compileNow(compiler, fileArgument(args)));
    }

    /** The project root of a file (where its govrule.json is), else of the first workspace folder. */
    projectRoot(file: URI | undefined): string {
        return this.shared.lsp.WorkspaceCompiler.projectRoot(file);
    }

    private compileFolder(compiler: WorkspaceCompiler, folder: URI): Bundle {
        const documents = documentsUnder(folder, compiler.modelDocuments());
        compiler.assertNoErrors(documents, 'compile');
        const root = govRuleServices(this.shared).workspace.ConfigProvider.forFolder(folder.fsPath)?.root ?? folder.fsPath;
        return compileBundle({ root, documents, comments: govRuleServices(this.shared).documentation.CommentProvider });
    }

    private compileNow(compiler: WorkspaceCompiler, file: URI | undefined): Bundle {
        // The workspace's saved files, or the untitled buffer's own world (worlds.ts).
        const all = compiler.modelDocuments(file ? worldOfUri(file) : undefined);
        let documents = all;
        if (file) {
            const start = this.shared.workspace.LangiumDocuments.getDocument(file);
            if (!start) {
                throw new ResponseError(LSPErrorCodes.RequestFailed, t('editor.command.not-in-workspace', { file: file.toString() }));
            }
            documents = packageClosure(start, all);
        }
        compiler.assertNoErrors(documents, 'compile');
        return compiler.compile(documents, file).bundle;
    }
}

function fileArgument(args: unknown[]): URI | undefined {
    const arg = args[0];
    const text = typeof arg === 'string' ? arg : typeof arg === 'object' && arg !== null && typeof (arg as { uri?: unknown }).uri === 'string' ? (arg as { uri: string }).uri : undefined;
    return text ? URI.parse(text) : undefined;
}

/**
 * `{ tests?: [{ uri, name? }], coverage?: boolean }`, or nothing: every test, no coverage. A file
 * listed with and without names runs all its tests.
 */
export function selectionArgument(args: unknown[]): { selection: TestSelection | undefined; coverage: boolean } {
    const arg = args[0] ?? {};
    const bad = () => new ResponseError(LSPErrorCodes.RequestFailed, t('editor.command.bad-selection', { command: RUN_SELECTED_TESTS_COMMAND }));
    if (typeof arg !== 'object' || arg === null || Array.isArray(arg)) {
        throw bad();
    }
    const { tests, coverage } = arg as { tests?: unknown; coverage?: unknown };
    if ((coverage !== undefined && typeof coverage !== 'boolean') || (tests !== undefined && !Array.isArray(tests))) {
        throw bad();
    }
    if (tests === undefined) {
        return { selection: undefined, coverage: coverage === true };
    }
    const selection = new Map<string, Set<string> | undefined>();
    for (const entry of tests as unknown[]) {
        const { uri, name } = (typeof entry === 'object' && entry !== null ? entry : {}) as { uri?: unknown; name?: unknown };
        if (typeof uri !== 'string' || (name !== undefined && typeof name !== 'string')) {
            throw bad();
        }
        const key = URI.parse(uri).toString();
        const names = selection.has(key) ? selection.get(key) : new Set<string>();
        if (name === undefined || names === undefined) {
            selection.set(key, undefined);
        } else {
            selection.set(key, names.add(name));
        }
    }
    return { selection, coverage: coverage === true };
}
