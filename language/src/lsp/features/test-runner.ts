/**
 * Test blocks run from the editor (the code lenses of code-lens-provider.ts), with the runtime
 * that `govrule test` uses, on the bundle of the whole workspace (what `govrule test` on the
 * project runs: a rule of any package may decide a test).
 *
 * Results are kept per file and shown as lens titles (passed or failed) and, for failures, as
 * `test-failed` diagnostics on the failing `expect` line. They hold only for the text they were
 * run on: as soon as any file of the workspace changes (its text, or a file comes or goes), all
 * results are dropped. The diagnostics are merged into what the server publishes for a file, so
 * the build's diagnostics and the test results never overwrite each other.
 *
 * The rule lenses' test counts come from running every test, as `govrule test --coverage` does,
 * once per build and only when a client asks for them.
 */
import { DocumentState, URI, type LangiumDocument } from 'langium';
import {
    CodeLensRefreshRequest, DiagnosticSeverity, LSPErrorCodes, ResponseError, type CancellationToken, type Diagnostic, type DiagnosticRelatedInformation,
    type Range
} from 'vscode-languageserver';
import { sourcePath } from '../../compiler/bundle.js';
import type { Source } from '../../bundle/types.js';
import * as ast from '../../syntax/generated/ast.js';
import { runCompiledTests, type ExpectationKind, type ExpectationResult } from '../../runtime/bundle-tests.js';
import { testsByRule, todayUtc, type TestResult } from '../../runtime/index.js';
import type { Compiled, WorkspaceCompiler } from '../server/workspace-compiler.js';
import { withDocLink } from '../server/document-validator.js';
import type { GovRuleLspServices, GovRuleSharedServices } from '../server/services.js';
import { workspacePath } from '../../model/workspace-path.js';
import { WORKSPACE, worldOfUri, type World } from '../../references/worlds.js';
import { t } from '../../l10n/index.js';
import { expectationRows, failureMessage, namesOf, ruleText, type ExpectationRow, type Names } from '../../reports/test-results.js';
import { coverageByFile, type FileCoverage } from './test-coverage.js';

/** What `govrule.runTests` returns: one entry per test run, in file order. */
export interface RunSummary {
    readonly uri: string;
    readonly passed: number;
    readonly failed: number;
    readonly date: string;
    readonly tests: readonly TestReport[];
}

/** A test that ran: its result, its failure messages (those of its diagnostics), and each expectation in words. */
export interface TestReport {
    readonly name: string;
    /** 1-based, as in the bundle. */
    readonly line: number;
    /** The whole `test` block. */
    readonly range: Range;
    readonly passed: boolean;
    readonly failures: readonly string[];
    /** Each expectation as `govrule test` shows it (what, expected, actual), on its `expect` line. */
    readonly expectations: readonly ExpectationReport[];
    /** Why the event could not be decided (the test then has no expectation results). */
    readonly error?: string;
}

export interface ExpectationReport extends ExpectationRow {
    readonly range: Range;
    /** The failure's message (as the diagnostic says it); absent when it passed. */
    readonly message?: string;
}

/** A file's tests as `govrule.listTests` lists them, in source order. */
export interface TestFile {
    readonly uri: string;
    readonly tests: ReadonlyArray<{ readonly name: string; readonly range: Range }>;
}

/** What `govrule.runSelectedTests` returns: the files whose tests ran, and the run's coverage if asked. */
export interface SelectionReport {
    readonly date: string;
    readonly files: readonly RunSummary[];
    readonly coverage?: readonly FileCoverage[];
}

/** The tests to run: by file URI, the names wanted (undefined: all of that file's tests). */
export type TestSelection = ReadonlyMap<string, ReadonlySet<string> | undefined>;

/**
 * The workspace at a glance, for a status line (`govrule.summary`): how many rules and tests,
 * and how the tests fare on the current text; or how many errors keep it from compiling.
 */
export type WorkspaceSummary =
    | { readonly errors: 0; readonly rules: number; readonly tests: number; readonly passed: number; readonly failed: number }
    | { readonly errors: number };

/** How many tests each rule decides, by rule id; `errors` when the workspace cannot be compiled. */
export type RuleTestCounts = { readonly errors: false; readonly counts: ReadonlyMap<string, number> } | { readonly errors: true };

interface Shown {
    readonly result: TestResult;
    /** Its `test-failed` diagnostics (none when it passed), placed on the text it was run on. */
    readonly diagnostics: readonly Diagnostic[];
}

export class TestRunner {
    /** Results by document URI, then by the test's position (`line:column`, 1-based, as in the bundle). */
    private readonly results = new Map<string, Map<string, Shown>>();
    /** The text each document had when it was last parsed: a re-parse with the same text changes nothing. */
    private readonly texts = new Map<string, string>();
    private building = true;
    private builds = 0;
    private counts: { readonly build: number; readonly value: RuleTestCounts; readonly summary: WorkspaceSummary } | undefined;
    private canRefreshLenses = false;
    private lensesRequested = false;

    private readonly compiler: WorkspaceCompiler;

    constructor(private readonly services: GovRuleLspServices) {
        const shared = services.shared as GovRuleSharedServices;
        this.compiler = shared.lsp.WorkspaceCompiler;
        const builder = shared.workspace.DocumentBuilder;
        builder.onUpdate((_changed, deleted) => {
            this.building = true;
            if (deleted.map(uri => this.texts.delete(uri.toString())).some(Boolean)) {
                this.contentChanged();
            }
        });
        builder.onDocumentPhase(DocumentState.IndexedContent, document => {
            const key = document.uri.toString();
            const text = document.textDocument.getText();
            if (this.texts.get(key) !== text) {
                this.texts.set(key, text);
                this.contentChanged();
            }
        });
        builder.onBuildPhase(DocumentState.Validated, () => {
            this.building = false;
            this.builds++;
            // The counts (and, after a change, the dropped results) may read differently now.
            if (this.lensesRequested) {
                this.refreshLenses();
            }
        });
        shared.lsp.LanguageServer.onInitialize(params => {
            this.canRefreshLenses = params.capabilities.workspace?.codeLens?.refreshSupport === true;
        });
        // Failed tests are diagnostics of their file, sent with the build's.
        shared.lsp.DiagnosticsPublisher.addSource(uri => this.diagnosticsOf(uri));
    }

    /** Runs a file's tests (or those named `name`) and shows the results. */
    run(uri: URI, name: string | undefined, token: CancellationToken): Promise<RunSummary> {
        return this.compiler.whenBuilt(token, () => this.runNow(uri, name));
    }

    /**
     * Runs the selected tests of workspace files (all of the workspace's when `selection` is
     * undefined) in one run, shows the results, and with `coverage` says what the run reached.
     */
    runSelected(selection: TestSelection | undefined, coverage: boolean, token: CancellationToken): Promise<SelectionReport> {
        return this.compiler.whenBuilt(token, () => {
            const wanted = selection === undefined ? this.allTests() : [...selection].map(([uri, names]) => this.testsOf(URI.parse(uri), names));
            return this.runTests(WORKSPACE, wanted.filter(entry => entry.tests.length > 0), coverage);
        });
    }

    /** The tests of the workspace's files (or of one file), by file, in source order. */
    list(uri: URI | undefined, token: CancellationToken): Promise<TestFile[]> {
        return this.compiler.whenBuilt(token, () => {
            const documents = uri ? [this.ruleDocument(uri)] : this.compiler.modelDocuments(WORKSPACE);
            return sortedByUri(documents).flatMap(document => {
                const tests = testsIn(document).filter(test => typeof test.name === 'string').map(test => ({ name: test.name, range: rangeOf(test) }));
                return tests.length > 0 || uri ? [{ uri: document.uri.toString(), tests }] : [];
            });
        });
    }

    /** The result of a test, if it was run on the current text of the workspace. */
    resultOf(document: LangiumDocument, test: ast.Test): TestResult | undefined {
        return this.results.get(document.uri.toString())?.get(positionKey(test))?.result;
    }

    /** The client shows code lenses: ask it to fetch them again after each build. */
    lensesInUse(): void {
        this.lensesRequested = true;
    }

    /**
     * How many tests each rule decides. While the workspace is being rebuilt, the counts of the
     * previous build (or none): the lenses are refreshed when the build is done.
     */
    ruleTestCounts(): RuleTestCounts | undefined {
        this.countIfBuilt();
        return this.counts?.value;
    }

    /** The workspace's rules and tests, and how the tests fare; waits for the build to finish. */
    async summary(token: CancellationToken): Promise<WorkspaceSummary> {
        const workspace = this.services.shared.workspace;
        await workspace.WorkspaceManager.ready;
        await workspace.DocumentBuilder.waitUntil(DocumentState.Validated, token);
        return workspace.WorkspaceLock.read(() => {
            this.countIfBuilt();
            return this.counts?.summary ?? { errors: 0, rules: 0, tests: 0, passed: 0, failed: 0 };
        });
    }

    /** Runs the tests of every file of the workspace and shows the results, as the lenses do file by file. */
    async runAll(token: CancellationToken): Promise<RunSummary[]> {
        const workspace = this.services.shared.workspace;
        await workspace.WorkspaceManager.ready;
        await workspace.DocumentBuilder.waitUntil(DocumentState.Validated, token);
        return workspace.WorkspaceLock.read(() => {
            const wanted = this.allTests();
            return wanted.length === 0 ? [] : this.runTests(WORKSPACE, wanted, false).files as RunSummary[];
        });
    }

    private countIfBuilt(): void {
        if (!this.building && this.counts?.build !== this.builds) {
            const { value, summary } = this.countTests();
            this.counts = { build: this.builds, value, summary };
        }
    }

    private runNow(uri: URI, name: string | undefined): RunSummary {
        const wanted = this.testsOf(uri, name === undefined ? undefined : new Set([name]));
        return this.runTests(worldOfUri(uri), [wanted], false).files[0]!;
    }

    /** Every file of the workspace that has tests, with all of them. */
    private allTests(): Wanted[] {
        return sortedByUri(this.compiler.modelDocuments(WORKSPACE))
            .map(document => ({ document, tests: testsIn(document) }))
            .filter(entry => entry.tests.length > 0);
    }

    private ruleDocument(uri: URI): LangiumDocument {
        const document = this.services.shared.workspace.LangiumDocuments.getDocument(uri);
        if (!document || !ast.isModel(document.parseResult.value)) {
            throw new ResponseError(LSPErrorCodes.RequestFailed, t('editor.command.not-a-rule-file', { file: uri.toString() }));
        }
        return document;
    }

    /** A file's tests, or those of the given names; a name the file does not have is an error. */
    private testsOf(uri: URI, names: ReadonlySet<string> | undefined): Wanted {
        const document = this.ruleDocument(uri);
        const tests = testsIn(document).filter(test => names === undefined || names.has(test.name));
        const missing = names && [...names].find(name => !tests.some(test => test.name === name));
        if (missing !== undefined) {
            const file = workspacePath(uri, this.services.shared.workspace.WorkspaceManager.workspaceFolders);
            throw new ResponseError(LSPErrorCodes.RequestFailed, t('editor.command.no-such-test', { name: JSON.stringify(missing), file }));
        }
        return { document, tests };
    }

    /**
     * The one way tests run: the world's bundle compiled once, the wanted tests run with the
     * runtime, results kept and shown per file (diagnostics, lens titles), and reported.
     */
    private runTests(world: World, wanted: readonly Wanted[], withCoverage: boolean): SelectionReport {
        const documents = this.compiler.modelDocuments(world);
        if (documents.some(doc => doc.state < DocumentState.Validated)) {
            throw new ResponseError(LSPErrorCodes.ContentModified, t('editor.command.workspace-changed'));
        }
        this.compiler.assertNoErrors(documents, 'run the tests');
        const compiled = this.compiler.compile(documents, wanted[0]?.document.uri);
        const byFile = new Map(wanted.map(entry => [sourcePath(compiled.root, entry.document.uri.fsPath), entry]));
        const keysByFile = new Map([...byFile].map(([file, entry]) => [file, new Set(entry.tests.map(positionKey))]));
        const isWanted = (source: Source) => keysByFile.get(source.file)?.has(sourceKey(source)) === true;
        const date = todayUtc();
        const { loaded, results } = runCompiledTests({ ...compiled.bundle, tests: compiled.bundle.tests.filter(t => isWanted(t.source)) }, { date });

        const names = namesOf(compiled.bundle);
        const resultsByFile = new Map<string, TestResult[]>();
        for (const result of results) {
            resultsByFile.set(result.test.source.file, [...(resultsByFile.get(result.test.source.file) ?? []), result]);
        }
        const files = [...byFile].map(([file, { document, tests }]) => {
            const byKey = new Map(tests.map(test => [positionKey(test), test]));
            const stored = this.results.get(document.uri.toString()) ?? new Map<string, Shown>();
            const reports = (resultsByFile.get(file) ?? []).map(result => {
                const key = sourceKey(result.test.source);
                const report = testReport(byKey.get(key)!, result, compiled, names);
                stored.set(key, { result, diagnostics: report.diagnostics });
                return report.report;
            });
            this.results.set(document.uri.toString(), stored);
            this.publish(document);
            const passed = reports.filter(r => r.passed).length;
            return { uri: document.uri.toString(), passed, failed: reports.length - passed, date, tests: reports };
        });
        this.refreshLenses();
        return { date, files, ...(withCoverage ? { coverage: coverageByFile(compiled, loaded, results) } : {}) };
    }

    /** Every test of the workspace, run to count the tests that each rule decides. */
    private countTests(): { value: RuleTestCounts; summary: WorkspaceSummary } {
        const documents = this.compiler.modelDocuments(WORKSPACE);
        const errors = documents.reduce((n, doc) => n + (doc.diagnostics ?? []).filter(d => d.severity === DiagnosticSeverity.Error).length, 0);
        if (errors > 0) {
            return { value: { errors: true }, summary: { errors } };
        }
        try {
            const { bundle } = this.compiler.compile(documents, undefined);
            const { results } = runCompiledTests(bundle, { date: todayUtc() });
            const passed = results.filter(r => r.passed).length;
            return {
                value: { errors: false, counts: new Map([...testsByRule(results)].map(([rule, tests]) => [rule, tests.length])) },
                summary: { errors: 0, rules: bundle.rules.length, tests: results.length, passed, failed: results.length - passed },
            };
        } catch (err) {
            console.error('GovRule: counting the tests of each rule failed:', err);
            // Fail closed: an internal failure counts as an error, never as "all passed".
            return { value: { errors: true }, summary: { errors: 1 } };
        }
    }

    /** Forgets every result (they were worded in a language the server no longer speaks). */
    dropResults(): void {
        this.contentChanged();
    }

    /** The current text no longer is what the results were run on. */
    private contentChanged(): void {
        this.results.clear();
    }

    private diagnosticsOf(uri: string): Diagnostic[] {
        const stored = [...this.results.get(uri)?.values() ?? []];
        return stored.sort((a, b) => a.result.test.source.line - b.result.test.source.line || a.result.test.source.column - b.result.test.source.column)
            .flatMap(entry => entry.diagnostics);
    }

    /** Sends the document's diagnostics again; the test failures are merged in on the way out. */
    private publish(document: LangiumDocument): void {
        (this.services.shared as GovRuleSharedServices).lsp.DiagnosticsPublisher.publish({ uri: document.uri.toString(), diagnostics: document.diagnostics ?? [] })
            .catch(err => console.error('GovRule: publishing test results failed:', err));
    }

    private refreshLenses(): void {
        if (this.canRefreshLenses) {
            this.services.shared.lsp.Connection?.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
        }
    }
}

/** A document and the tests of it to run. */
interface Wanted {
    readonly document: LangiumDocument;
    readonly tests: readonly ast.Test[];
}

function testsIn(document: LangiumDocument): ast.Test[] {
    return (document.parseResult.value as ast.Model).elements.filter(ast.isTest);
}

function sortedByUri(documents: readonly LangiumDocument[]): LangiumDocument[] {
    return [...documents].sort((a, b) => (a.uri.toString() < b.uri.toString() ? -1 : a.uri.toString() > b.uri.toString() ? 1 : 0));
}

function positionKey(test: ast.Test): string {
    const start = test.$cstNode?.range.start ?? { line: 0, character: 0 };
    return `${start.line + 1}:${start.character + 1}`;
}

function sourceKey(source: Source): string {
    return `${source.line}:${source.column}`;
}

const EXPECT_ITEM: Record<ExpectationKind, (item: ast.TestItem) => boolean> = {
    rule: ast.isExpectRule,
    actions: ast.isExpectActions,
    arguments: ast.isExpectActions,
    severity: ast.isExpectSeverity,
    responsible: ast.isExpectResponsible,
    escalation: ast.isExpectEscalation,
};

/**
 * A test's report and its `test-failed` diagnostics: one per failing expectation, on its `expect`
 * line; a test whose event could not be decided gets one on its `given` line. A wrong
 * `expect rule` points at the rule that did decide the test.
 */
function testReport(test: ast.Test, result: TestResult, compiled: Compiled, names: Names): { report: TestReport; diagnostics: Diagnostic[] } {
    const base = { name: result.test.name, line: result.test.source.line, range: rangeOf(test), passed: result.passed };
    if (result.error !== undefined) {
        const given = test.items.find(ast.isGiven);
        const failure = diagnostic(rangeOf(given ?? test), failureMessage(result, undefined, names));
        return { report: { ...base, failures: [messageOf(failure)], expectations: [], error: result.error }, diagnostics: [failure] };
    }
    const rows = expectationRows(result, names);
    const escalations = test.items.filter(ast.isExpectEscalation);
    let escalationIndex = 0;
    const diagnostics: Diagnostic[] = [];
    const expectations: ExpectationReport[] = [];
    for (const [index, expectation] of result.expectations.entries()) {
        // Escalation results come in the order of the `expect escalation` lines; the other kinds
        // appear once per test.
        const item = expectation.kind === 'escalation' ? escalations[escalationIndex++] : test.items.find(EXPECT_ITEM[expectation.kind]);
        const range = rangeOf(item ?? test);
        const row = rows[index]!;
        if (expectation.passed) {
            expectations.push({ ...row, range });
            continue;
        }
        const failure = diagnostic(range, failureMessage(result, row, names), relatedRule(expectation, result, compiled, names));
        diagnostics.push(failure);
        expectations.push({ ...row, range, message: messageOf(failure) });
    }
    return { report: { ...base, failures: diagnostics.map(messageOf), expectations }, diagnostics };
}

function messageOf(diagnostic: Diagnostic): string {
    return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}

/** Where the rule that decided the test is declared, for a failed `expect rule`. */
function relatedRule(expectation: ExpectationResult, result: TestResult, compiled: Compiled, names: Names): DiagnosticRelatedInformation[] | undefined {
    const id = result.decision?.rule;
    const rule = id && expectation.kind === 'rule' ? compiled.bundle.rules.find(r => r.id === id) : undefined;
    const document = rule && compiled.files.get(rule.source.file);
    if (!rule || !document) {
        return undefined;
    }
    const start = { line: rule.source.line - 1, character: rule.source.column - 1 };
    return [{ location: { uri: document.uri.toString(), range: { start, end: start } }, message: t('cli.test.decided-by', { rule: ruleText(rule.id, names) }) }];
}

function rangeOf(node: ast.Test | ast.TestItem): Range {
    return node.$cstNode?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}

function diagnostic(range: Range, message: string, relatedInformation?: DiagnosticRelatedInformation[]): Diagnostic {
    return withDocLink({
        range,
        severity: DiagnosticSeverity.Error,
        code: 'test-failed',
        data: { code: 'test-failed' },
        source: 'govrule',
        message,
        ...(relatedInformation ? { relatedInformation } : {}),
    });
}
