/**
 * The Test Explorer's logic that needs no VS Code (test-explorer.ts does the rest): the ids of
 * the tree's items, which tests a request runs (`govrule.runSelectedTests`' argument), what each
 * test's report becomes (passed or failed, with the expected-versus-actual table), the table the
 * run's output shows, and coverage as statements and declarations. The shapes are the server's
 * (language/src/lsp/features/test-runner.ts). Pure: no `vscode` import.
 */
import type { Range } from 'vscode-languageserver-protocol';
import type { ExpectationReport, SelectionReport, TestFile, TestReport } from '../../language/src/lsp/features/test-runner.js';
import type { FileCoverage } from '../../language/src/lsp/features/test-coverage.js';
import { padToWidth, displayWidth } from '../../language/src/unicode/width.js';
import { t } from './l10n.js';

export type { ExpectationReport, FileCoverage, SelectionReport, TestFile, TestReport };

export const LIST_TESTS_COMMAND = 'govrule.listTests';
export const RUN_SELECTED_TESTS_COMMAND = 'govrule.runSelectedTests';

/** The id of a test item: its file's URI and its name (a name is unique in its package, so in its file). */
export function testId(uri: string, name: string): string {
    return `${uri}#${encodeURIComponent(name)}`;
}

/** A node of the tree as a request names it: a whole file, or one test of it. */
export interface Node {
    readonly uri: string;
    readonly name?: string;
}

export interface SelectionArgument {
    /** Absent: every test of the workspace. */
    readonly tests?: Node[];
    readonly coverage: boolean;
}

/** What a request runs: the server's argument and the ids of the tests it will report on. */
export interface Plan {
    readonly argument: SelectionArgument;
    readonly ids: readonly string[];
}

/**
 * The tests a request runs, from the tree the explorer shows (`files`): the included nodes (all
 * files when `include` is undefined) less the excluded ones. A file wholly included is sent as a
 * file, so the server runs its tests as they are now; a file with tests excluded, test by test.
 */
export function planRun(files: readonly TestFile[], include: readonly Node[] | undefined, exclude: readonly Node[], coverage: boolean): Plan {
    const excludedFiles = new Set(exclude.filter(node => node.name === undefined).map(node => node.uri));
    const excludedTests = new Set(exclude.filter(node => node.name !== undefined).map(node => testId(node.uri, node.name!)));
    const byUri = new Map(files.map(file => [file.uri, file]));
    const wanted = new Map<string, Set<string> | 'all'>();
    for (const node of include ?? files.map((file): Node => ({ uri: file.uri }))) {
        const file = byUri.get(node.uri);
        if (!file || excludedFiles.has(node.uri)) {
            continue;
        }
        const names = node.name === undefined ? file.tests.map(test => test.name) : file.tests.some(test => test.name === node.name) ? [node.name] : [];
        const kept = names.filter(name => !excludedTests.has(testId(node.uri, name)));
        const whole = node.name === undefined && kept.length === file.tests.length;
        const before = wanted.get(node.uri);
        if (whole || before === 'all') {
            wanted.set(node.uri, 'all');
        } else if (kept.length > 0) {
            wanted.set(node.uri, new Set([...(before ?? []), ...kept]));
        }
    }
    const everything = include === undefined && exclude.length === 0;
    const tests: Node[] = [];
    const ids: string[] = [];
    for (const file of files) {
        const entry = wanted.get(file.uri);
        if (entry === undefined) {
            continue;
        }
        if (entry === 'all') {
            tests.push({ uri: file.uri });
        } else {
            tests.push(...file.tests.filter(test => entry.has(test.name)).map(test => ({ uri: file.uri, name: test.name })));
        }
        ids.push(...file.tests.filter(test => entry === 'all' || entry.has(test.name)).map(test => testId(file.uri, test.name)));
    }
    return { argument: everything ? { coverage } : { tests, coverage }, ids };
}

/** A message of a failed test: with both sides when it compares them (a diff), at a range of its file. */
export interface FailureMessage {
    readonly message: string;
    readonly expected?: string;
    readonly actual?: string;
    readonly range: Range;
}

export type Outcome = { readonly passed: true } | { readonly passed: false; readonly messages: readonly FailureMessage[] };

/**
 * A test's result for the Testing view. A failed expectation is a diff of the test's whole
 * table (each expectation `what: value`, expected on one side, actual on the other) at the first
 * failing `expect` line, so the diff shows which rows fail; its message says every failure.
 * An event that could not be decided has no table: its reason, at the test.
 */
export function outcomeOf(test: TestReport): Outcome {
    if (test.passed) {
        return { passed: true };
    }
    const failed = test.expectations.filter(row => !row.passed);
    const first = failed[0];
    if (!first) {
        const message = test.failures.join('\n') || (test.error ?? '');
        return { passed: false, messages: [{ message, range: test.range }] };
    }
    // A row that held reads the same on both sides (an escalation's actual side lists every
    // step, which differs from the one step it expects), so the diff marks only failing rows.
    const side = (pick: (row: ExpectationReport) => string) => test.expectations.map(row => `${row.what}: ${row.passed ? row.expected : pick(row)}`).join('\n');
    return {
        passed: false,
        messages: [{ message: failed.map(row => row.message ?? '').join('\n'), expected: side(row => row.expected), actual: side(row => row.actual), range: first.range }],
    };
}

/**
 * The test's expectations as `govrule test` prints them under a failure: a mark, what, expected
 * and actual, in columns (CJK text counts two columns, as a terminal shows it). Lines end in
 * CRLF: the run's output is a terminal.
 */
export function resultTable(test: TestReport): string {
    const mark = test.passed ? '✓' : '✗';
    const lines = [`${mark} ${test.name}`];
    if (test.error !== undefined) {
        lines.push(`    ${test.error}`);
    } else if (test.expectations.length > 0) {
        const rows = [['', t('what'), t('expected'), t('actual')], ...test.expectations.map(row => [row.passed ? '✓' : '✗', row.what, row.expected, row.actual])];
        const widths = [1, 2].map(col => Math.max(...rows.map(row => displayWidth(row[col]!))));
        for (const row of rows) {
            lines.push(`    ${[row[0] || ' ', padToWidth(row[1]!, widths[0]!), padToWidth(row[2]!, widths[1]!), row[3]].join('  ').trimEnd()}`);
        }
    }
    return `${lines.join('\r\n')}\r\n`;
}

/** One line of coverage: a rule or a leaf category, and how many of the run's tests reached it. */
export interface CoverageLine {
    readonly kind: 'rule' | 'category';
    readonly id: string;
    readonly range: Range;
    readonly count: number;
}

/** A file's coverage: its rules and leaf categories as statements, its rules again as declarations. */
export function coverageLines(file: FileCoverage): { statements: CoverageLine[]; declarations: CoverageLine[] } {
    const statements = file.declarations.map(d => ({ kind: d.kind, id: d.id, range: d.range, count: d.tests }));
    return { statements, declarations: statements.filter(line => line.kind === 'rule') };
}

/** The tests the plan named that the report has no result for: they did not run (the file changed, say). */
export function notReported(plan: Plan, report: SelectionReport): string[] {
    const reported = new Set(report.files.flatMap(file => file.tests.map(test => testId(file.uri, test.name))));
    return plan.ids.filter(id => !reported.has(id));
}
