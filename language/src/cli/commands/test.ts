/**
 * `govrule test` (§7, §11): compiles the sources in memory, runs every `test` block with the
 * runtime, and reports each result; exit 1 on any failure or on coverage below the threshold.
 */
import { isCalendarDate } from '../../model/values.js';
import { computeCoverage, todayUtc } from '../../runtime/index.js';
import { runCompiledTests } from '../../runtime/bundle-tests.js';
import { bundleOf } from '../../project/project.js';
import { checkProject } from '../check-project.js';
import type { Command, Io, OptionValues } from '../command.js';
import { collectFiles } from '../../project/files.js';
import { CliError } from '../files.js';
import { t } from '../../l10n/index.js';
import { namesOf } from '../../reports/test-results.js';
import { printProblems, reportOptions } from '../report.js';
import { REPORTERS, coverageText, jsonReport, junitReport, summaryLine, textReport, type Reporter } from '../test-report.js';

export const testCommand: Command = {
    name: 'test',
    summary: 'cli.test.summary',
    help: [
        ['--reporter NAME', 'cli.test.option.reporter'],
        ['--coverage', 'cli.test.option.coverage'],
        ['--coverage-threshold P', 'cli.test.option.coverage-threshold'],
        ['--date YYYY-MM-DD', 'cli.test.option.date'],
    ],
    options: {
        reporter: { type: 'string' },
        coverage: { type: 'boolean' },
        'coverage-threshold': { type: 'string' },
        date: { type: 'string' },
    },
    run: runTests,
};

async function runTests(paths: string[], values: OptionValues, io: Io): Promise<number> {
    const reporter = (values.reporter ?? 'text') as Reporter;
    if (!REPORTERS.includes(reporter)) {
        throw new CliError(t('cli.error.reporter', { reporter: String(values.reporter), reporters: REPORTERS.join(t('cli.list.separator')) }));
    }
    let threshold: number | undefined;
    if (values['coverage-threshold'] !== undefined) {
        const text = String(values['coverage-threshold']).replace(/%$/, '');
        threshold = Number(text);
        if (text.trim() === '' || !Number.isFinite(threshold) || threshold < 0 || threshold > 100) {
            throw new CliError(t('cli.error.coverage-threshold', { value: String(values['coverage-threshold']) }));
        }
    }
    const date = values.date as string | undefined;
    if (date !== undefined && !isCalendarDate(date)) {
        throw new CliError(t('cli.error.date', { value: date }));
    }
    const report = reportOptions(values);

    const fileSet = collectFiles(paths, io.cwd);
    const { unreadable, project, problems, context } = await checkProject(fileSet, io.cwd);
    if (problems.some(p => p.severity === 'error')) {
        // Tests run only on sources that compile: show why they do not.
        printProblems(problems, report, context, io, reporter !== 'text');
        io.stderr(`${t('cli.test.sources-have-errors')}\n`);
        return unreadable.length > 0 ? 2 : 1;
    }

    const bundle = bundleOf(project, fileSet.root);
    const { loaded, results } = runCompiledTests(bundle, { date: date ?? todayUtc() });
    const wantCoverage = values.coverage === true || threshold !== undefined;
    const coverage = wantCoverage ? computeCoverage(loaded, results) : undefined;
    const ctx = { cwd: io.cwd, root: fileSet.root, names: namesOf(bundle) };

    switch (reporter) {
        case 'text':
            io.stdout(textReport(results, coverage, ctx));
            break;
        case 'json':
            io.stdout(jsonReport(results, coverage, ctx));
            io.stderr(`${summaryLine(results)}\n`);
            break;
        case 'junit':
            io.stdout(junitReport(results, ctx));
            io.stderr(`${coverage ? `${coverageText(coverage).join('\n')}\n` : ''}${summaryLine(results)}\n`);
            break;
    }
    if (results.length === 0) {
        io.stderr(`${t('cli.test.none-found')}\n`);
    }
    let status = results.every(r => r.passed) ? 0 : 1;
    if (threshold !== undefined && coverage && coverage.rules.percent < threshold) {
        io.stderr(`${t('cli.test.below-threshold', { percent: coverage.rules.percent.toFixed(1), threshold })}\n`);
        status = 1;
    }
    return status;
}
