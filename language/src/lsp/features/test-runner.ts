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
import { DocumentState, type LangiumDocument, type URI } from 'langium';
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
import { WORKSPACE, worldOfUri } from '../../references/worlds.js';
import { t } from '../../l10n/index.js';
import { expectationRows, failureMessage, namesOf, ruleText, type Names } from '../../reports/test-results.js';

/** What `govrule.runTests` returns: one entry per test run, in file order. */
export interface RunSummary {
    readonly uri: string;
    readonly passed: number;
    readonly failed: number;
    readonly date: string;
    readonly tests: ReadonlyArray<{ readonly name: string; readonly line: number; readonly passed: boolean; readonly failures: readonly string[] }>;
}

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
            const withTests = this.compiler.modelDocuments(WORKSPACE).filter(doc => (doc.parseResult.value as ast.Model).elements.some(ast.isTest))
                .sort((a, b) => (a.uri.toString() < b.uri.toString() ? -1 : a.uri.toString() > b.uri.toString() ? 1 : 0));
            return withTests.map(doc => this.runNow(doc.uri, undefined));
        });
    }

    private countIfBuilt(): void {
        if (!this.building && this.counts?.build !== this.builds) {
            const { value, summary } = this.countTests();
            this.counts = { build: this.builds, value, summary };
        }
    }

    private runNow(uri: URI, name: string | undefined): RunSummary {
        const document = this.services.shared.workspace.LangiumDocuments.getDocument(uri);
        const model = document?.parseResult.value;
        if (!document || !ast.isModel(model)) {
            throw new ResponseError(LSPErrorCodes.RequestFailed, t('editor.command.not-a-rule-file', { file: uri.toString() }));
        }
        const wanted = model.elements.filter(ast.isTest).filter(test => name === undefined || test.name === name);
        if (name !== undefined && wanted.length === 0) {
            const file = workspacePath(uri, this.services.shared.workspace.WorkspaceManager.workspaceFolders);
            throw new ResponseError(LSPErrorCodes.RequestFailed, t('editor.command.no-such-test', { name: JSON.stringify(name), file }));
        }
        const documents = this.compiler.modelDocuments(worldOfUri(uri));
        if (documents.some(doc => doc.state < DocumentState.Validated)) {
            throw new ResponseError(LSPErrorCodes.ContentModified, t('editor.command.workspace-changed'));
        }
        this.compiler.assertNoErrors(documents, 'run the tests');
        const compiled = this.compiler.compile(documents, uri);
        const file = sourcePath(compiled.root, document.uri.fsPath);
        const keys = new Set(wanted.map(positionKey));
        const isWanted = (source: Source) => source.file === file && keys.has(sourceKey(source));
        const date = todayUtc();
        const { results } = runCompiledTests({ ...compiled.bundle, tests: compiled.bundle.tests.filter(t => isWanted(t.source)) }, { date });

        const byKey = new Map(wanted.map(test => [positionKey(test), test]));
        const stored = this.results.get(uri.toString()) ?? new Map<string, Shown>();
        const shown = results.map(result => {
            const key = sourceKey(result.test.source);
            const entry = { result, diagnostics: result.passed ? [] : failureDiagnostics(byKey.get(key)!, result, compiled) };
            stored.set(key, entry);
            return entry;
        });
        this.results.set(uri.toString(), stored);
        this.publish(document);
        this.refreshLenses();

        const tests = shown.map(({ result, diagnostics }) => ({
            name: result.test.name,
            line: result.test.source.line,
            passed: result.passed,
            failures: diagnostics.map(d => (typeof d.message === 'string' ? d.message : d.message.value)),
        }));
        const passed = tests.filter(t => t.passed).length;
        return { uri: uri.toString(), passed, failed: tests.length - passed, date, tests };
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
 * One `test-failed` diagnostic per failing expectation, on its `expect` line; a test whose event
 * could not be decided gets one on its `given` line. A wrong `expect rule` points at the rule
 * that did decide the test.
 */
function failureDiagnostics(test: ast.Test, result: TestResult, compiled: Compiled): Diagnostic[] {
    const names = namesOf(compiled.bundle);
    if (result.error !== undefined) {
        const given = test.items.find(ast.isGiven);
        return [diagnostic(rangeOf(given ?? test), failureMessage(result, undefined, names))];
    }
    const rows = expectationRows(result, names);
    const escalations = test.items.filter(ast.isExpectEscalation);
    let escalationIndex = 0;
    const diagnostics: Diagnostic[] = [];
    for (const [index, expectation] of result.expectations.entries()) {
        // Escalation results come in the order of the `expect escalation` lines; the other kinds
        // appear once per test.
        const item = expectation.kind === 'escalation' ? escalations[escalationIndex++] : test.items.find(EXPECT_ITEM[expectation.kind]);
        if (expectation.passed) {
            continue;
        }
        diagnostics.push(diagnostic(rangeOf(item ?? test), failureMessage(result, rows[index], names), relatedRule(expectation, result, compiled, names)));
    }
    return diagnostics;
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
