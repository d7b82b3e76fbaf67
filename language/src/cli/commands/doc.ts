/**
 * `govrule doc`: the rulebook, a static HTML site of the rules for the people who approve them
 * (docs/rulebook.md). Checks the sources like `compile`, runs the test blocks like `test`, then
 * writes the site into a folder that is new, empty or an earlier rulebook. Sources with errors:
 * the problems are printed and nothing is written.
 */
import * as path from 'node:path';
import { CompileFailure } from '../../compiler/bundle.js';
import { internalError } from '../../internal-errors.js';
import { t } from '../../l10n/index.js';
import { isCalendarDate } from '../../model/values.js';
import { collectFiles } from '../../project/files.js';
import { ownedFolder, writeOwnedFolder } from '../../project/output-folder.js';
import { countBySeverity, sortProblems, toProblems } from '../../project/problems.js';
import { bundleOf } from '../../project/project.js';
import { conditionTexts } from '../../rulebook/conditions.js';
import { buildRulebook } from '../../rulebook/model.js';
import { renderSite } from '../../rulebook/pages.js';
import { runCompiledTests } from '../../runtime/bundle-tests.js';
import { todayUtc } from '../../runtime/index.js';
import { VERSION } from '../../version.js';
import { checkProject } from '../check-project.js';
import type { Command, Io, OptionValues } from '../command.js';
import { CliError, displayPath } from '../files.js';
import { printProblems, reportOptions } from '../report.js';

/** The file that marks a folder as a rulebook and lists what the run wrote. */
export const RULEBOOK_MARKER = '.govrule-rulebook';
const GENERATOR = 'govrule doc';

export const docCommand: Command = {
    name: 'doc',
    summary: 'cli.doc.summary',
    help: [
        ['-o, --output FOLDER', 'cli.doc.option.output'],
        ['--date YYYY-MM-DD', 'cli.doc.option.date'],
    ],
    options: { output: { type: 'string', short: 'o' }, date: { type: 'string' } },
    run: writeRulebook,
};

async function writeRulebook(paths: string[], values: OptionValues, io: Io): Promise<number> {
    const output = values.output as string | undefined;
    if (output === undefined || output === '') {
        throw new CliError(t('cli.error.doc-output-missing'));
    }
    const date = values.date as string | undefined;
    if (date !== undefined && !isCalendarDate(date)) {
        throw new CliError(t('cli.error.date', { value: date }));
    }
    const report = reportOptions(values);
    const fileSet = collectFiles(paths, io.cwd);
    // Refused before any work: the site never goes into a folder holding anything else.
    const folder = ownedFolder(output, io.cwd, RULEBOOK_MARKER, GENERATOR);
    const { sources, unreadable, project, problems, context } = await checkProject(fileSet, io.cwd);
    let all = problems;

    // The whole site is made before anything is printed or written, so that a failure of the
    // compiler is reported with the other problems and leaves nothing behind.
    let site: { files: Map<string, string>; failing: number } | undefined;
    if (unreadable.length === 0 && countBySeverity(all).error === 0) {
        try {
            const bundle = bundleOf(project, fileSet.root);
            const runDate = date ?? todayUtc();
            const { results } = runCompiledTests(bundle, { date: runDate });
            const model = buildRulebook({ bundle, conditions: conditionTexts(project.documents), results, date: runDate, version: VERSION });
            site = { files: renderSite(model), failing: model.failing.length };
        } catch (err) {
            if (!(err instanceof CompileFailure)) {
                throw err;
            }
            const file = err.file ?? sources[0]?.path ?? fileSet.root;
            all = sortProblems([...all, ...toProblems([{ path: file, diagnostics: [internalError('compilation', err.cause)] }])]);
        }
    }
    const status = printProblems(all, report, context, io);
    if (unreadable.length > 0) {
        return 2;
    }
    if (site === undefined) {
        io.stderr(`${t('cli.doc.sources-have-errors')}\n`);
        return status === 0 ? 1 : status;
    }
    if (status !== 0) {
        return status;
    }
    writeOwnedFolder(folder, GENERATOR, site.files);
    if (report.format === 'text' && !report.quiet) {
        if (site.failing > 0) {
            io.stderr(`${t('cli.doc.failing', { count: site.failing })}\n`);
        }
        const shown = path.isAbsolute(output) ? output : displayPath(path.resolve(io.cwd, output), io.cwd);
        io.stderr(`${t('cli.doc.wrote', { folder: shown, count: [...site.files.keys()].filter(f => f.endsWith('.html')).length })}\n`);
    }
    return 0;
}
