/**
 * GovRule `test` blocks in VS Code's Testing view: one item per file with tests, one per test,
 * listed by the server (`govrule.listTests`) and run by it (`govrule.runSelectedTests`), so the
 * results are those of the code lenses and of `govrule test`. A Run profile (run one, a file, or
 * all; continuous: again on each save of a rule file) and a Coverage profile (the rules and leaf
 * categories the run reached, per file). The tree follows edits, saves and files coming and going.
 */
import * as vscode from 'vscode';
import { ExecuteCommandRequest, State, type LanguageClient } from 'vscode-languageclient/node';
import { describeCommandFailure } from './command-failure.js';
import { t } from './l10n.js';
import { trustMessageTests } from './server-commands.js';
import {
    coverageLines, LIST_TESTS_COMMAND, notReported, outcomeOf, planRun, resultTable, RUN_SELECTED_TESTS_COMMAND, testId,
    type Node, type SelectionReport, type TestFile
} from './test-runs.js';

/** Edits come keystroke by keystroke: the tree is listed again once they pause. */
const RELIST_DELAY_MS = 400;

export class TestExplorer implements vscode.Disposable {
    private readonly controller = vscode.tests.createTestController('govrule', 'GovRule');
    private readonly disposables: vscode.Disposable[] = [this.controller];
    /** The tree as last listed, in the server's shape (planRun reads it). */
    private files: TestFile[] = [];
    private readonly details = new WeakMap<vscode.FileCoverage, vscode.FileCoverageDetail[]>();
    private readonly continuous = new Set<{ request: vscode.TestRunRequest; coverage: boolean; token: vscode.CancellationToken }>();
    private relistTimer: ReturnType<typeof setTimeout> | undefined;
    private listing: Promise<void> = Promise.resolve();

    constructor(private readonly client: () => LanguageClient | undefined, private readonly output: vscode.LogOutputChannel) {
        const controller = this.controller;
        controller.refreshHandler = () => this.relist();
        controller.resolveHandler = item => (item ? Promise.resolve() : this.relist());
        controller.createRunProfile(t('Run'), vscode.TestRunProfileKind.Run, (request, token) => this.handle(request, token, false), true, undefined, true);
        const coverage = controller.createRunProfile(t('Run with Coverage'), vscode.TestRunProfileKind.Coverage, (request, token) => this.handle(request, token, true), true);
        coverage.loadDetailedCoverage = async (_run, file) => this.details.get(file) ?? [];

        const isRuleFile = (document: vscode.TextDocument) => document.languageId === 'govrule' && document.uri.scheme === 'file';
        const watcher = vscode.workspace.createFileSystemWatcher('**/*.govrule');
        this.disposables.push(
            watcher,
            watcher.onDidCreate(() => this.relistSoon()),
            watcher.onDidDelete(() => this.relistSoon()),
            watcher.onDidChange(() => this.relistSoon()),
            vscode.workspace.onDidChangeTextDocument(e => isRuleFile(e.document) && e.contentChanges.length > 0 && this.relistSoon()),
            vscode.workspace.onDidSaveTextDocument(document => {
                if (isRuleFile(document)) {
                    void this.relist().then(() => this.runContinuous());
                }
            }),
        );
    }

    /** Lists the tests once the server runs (and again whenever it has restarted). */
    follow(client: LanguageClient): vscode.Disposable {
        return client.onDidChangeState(e => {
            if (e.newState === State.Running) {
                void this.relist();
            }
        });
    }

    dispose(): void {
        clearTimeout(this.relistTimer);
        this.continuous.clear();
        vscode.Disposable.from(...this.disposables).dispose();
    }

    private relistSoon(): void {
        clearTimeout(this.relistTimer);
        this.relistTimer = setTimeout(() => void this.relist(), RELIST_DELAY_MS);
    }

    /** Asks the server for the tests and makes the tree match; one listing at a time, in order. */
    private relist(): Promise<void> {
        this.listing = this.listing.then(() => this.listNow());
        return this.listing;
    }

    private async listNow(): Promise<void> {
        const client = this.client();
        if (!client?.isRunning()) {
            return;
        }
        let files: TestFile[];
        try {
            files = await client.sendRequest(ExecuteCommandRequest.type, { command: LIST_TESTS_COMMAND, arguments: [] }) as TestFile[];
        } catch (err) {
            this.output.warn(t('{command} failed: {reason}', { command: LIST_TESTS_COMMAND, reason: (err as Error).message ?? String(err) }));
            return;
        }
        if (!Array.isArray(files)) {
            return;
        }
        this.files = files;
        const items: vscode.TestItem[] = [];
        for (const file of files) {
            const uri = vscode.Uri.parse(file.uri);
            const item = this.controller.items.get(file.uri) ?? this.controller.createTestItem(file.uri, vscode.workspace.asRelativePath(uri), uri);
            const seen = new Set<string>();
            const children: vscode.TestItem[] = [];
            for (const test of file.tests) {
                const id = testId(file.uri, test.name);
                // Two tests of one name are a duplicate-name error: the tree shows the first.
                if (seen.has(id)) {
                    continue;
                }
                seen.add(id);
                const child = item.children.get(id) ?? this.controller.createTestItem(id, test.name, uri);
                child.range = toRange(test.range);
                children.push(child);
            }
            item.children.replace(children);
            items.push(item);
        }
        this.controller.items.replace(items);
    }

    private handle(request: vscode.TestRunRequest, token: vscode.CancellationToken, coverage: boolean): Promise<void> {
        if (request.continuous) {
            // Runs on each save of a rule file until the user stops it.
            const entry = { request, coverage, token };
            this.continuous.add(entry);
            token.onCancellationRequested(() => this.continuous.delete(entry));
            return Promise.resolve();
        }
        return this.run(request, token, coverage);
    }

    private async runContinuous(): Promise<void> {
        for (const { request, coverage, token } of [...this.continuous]) {
            const again = new vscode.TestRunRequest(request.include, request.exclude, request.profile, true);
            // The continuous run's token: stopping it also stops a run it has under way.
            await this.run(again, token, coverage);
        }
    }

    private async run(request: vscode.TestRunRequest, token: vscode.CancellationToken, coverage: boolean): Promise<void> {
        const run = this.controller.createTestRun(request);
        const plan = planRun(this.files, request.include?.map(nodeOf), (request.exclude ?? []).map(nodeOf), coverage);
        const items = plan.ids.map(id => this.item(id)).filter((item): item is vscode.TestItem => item !== undefined);
        try {
            items.forEach(item => run.enqueued(item));
            const client = this.client();
            if (!vscode.workspace.isTrusted) {
                return this.erroredAll(run, items, trustMessageTests());
            }
            if (!client?.isRunning()) {
                return this.erroredAll(run, items, t('The GovRule language server is not running.'));
            }
            items.forEach(item => run.started(item));
            let report: SelectionReport;
            try {
                report = await client.sendRequest(ExecuteCommandRequest.type, { command: RUN_SELECTED_TESTS_COMMAND, arguments: [plan.argument] }, token) as SelectionReport;
            } catch (err) {
                const failure = describeCommandFailure(RUN_SELECTED_TESTS_COMMAND, err);
                if (failure) {
                    this.output.warn(t('{command} failed: {reason}', { command: RUN_SELECTED_TESTS_COMMAND, reason: (err as Error).message ?? String(err) }));
                    return this.erroredAll(run, items, failure.message);
                }
                items.forEach(item => run.skipped(item));
                return;
            }
            this.report(run, report);
            for (const id of notReported(plan, report)) {
                const item = this.item(id);
                if (item) {
                    run.skipped(item);
                }
            }
            if (coverage) {
                this.addCoverage(run, report);
            }
        } finally {
            run.end();
        }
    }

    private report(run: vscode.TestRun, report: SelectionReport): void {
        for (const file of report.files) {
            const uri = vscode.Uri.parse(file.uri);
            for (const test of file.tests) {
                const item = this.item(testId(file.uri, test.name));
                const outcome = outcomeOf(test);
                // The test's output, with no location: VS Code would show it inline after the test's line.
                run.appendOutput(resultTable(test), undefined, item);
                if (!item) {
                    continue;
                }
                if (outcome.passed) {
                    run.passed(item);
                    continue;
                }
                run.failed(item, outcome.messages.map(m => {
                    const message = m.expected !== undefined && m.actual !== undefined
                        ? vscode.TestMessage.diff(m.message, m.expected, m.actual)
                        : new vscode.TestMessage(m.message);
                    message.location = new vscode.Location(uri, toRange(m.range));
                    return message;
                }));
            }
        }
    }

    private addCoverage(run: vscode.TestRun, report: SelectionReport): void {
        for (const file of report.coverage ?? []) {
            const { statements, declarations } = coverageLines(file);
            const details: vscode.FileCoverageDetail[] = [
                ...statements.map(line => new vscode.StatementCoverage(line.count, toRange(line.range))),
                ...declarations.map(line => new vscode.DeclarationCoverage(line.id, line.count, toRange(line.range))),
            ];
            const coverage = vscode.FileCoverage.fromDetails(vscode.Uri.parse(file.uri), details);
            this.details.set(coverage, details);
            run.addCoverage(coverage);
        }
    }

    private erroredAll(run: vscode.TestRun, items: readonly vscode.TestItem[], message: string): void {
        items.forEach(item => run.errored(item, new vscode.TestMessage(message)));
        if (items.length === 0) {
            run.appendOutput(`${message}\r\n`);
        }
    }

    private item(id: string): vscode.TestItem | undefined {
        const file = this.controller.items.get(id.slice(0, id.lastIndexOf('#')));
        return file?.children.get(id);
    }
}

/** A file item or a test item, as planRun takes it (a test's id is its file's id, `#`, its name encoded). */
function nodeOf(item: vscode.TestItem): Node {
    if (item.parent === undefined) {
        return { uri: item.id };
    }
    return { uri: item.parent.id, name: decodeURIComponent(item.id.slice(item.id.lastIndexOf('#') + 1)) };
}

function toRange(range: { start: { line: number; character: number }; end: { line: number; character: number } }): vscode.Range {
    return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}
