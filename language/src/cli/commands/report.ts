/**
 * `govrule report posts [paths]` (§11): the post management list of the sources, as text,
 * Markdown or CSV, to stdout or `-o FILE` (never over a source or a govrule.json).
 */
import * as path from 'node:path';
import { bundleOf } from '../../project/project.js';
import { outputTarget, writeOutput } from '../../project/output.js';
import { collectFiles } from '../../project/files.js';
import { postList } from '../../reports/post-list.js';
import { checkProject } from '../check-project.js';
import type { Command, Io, OptionValues } from '../command.js';
import { CliError, displayPath } from '../files.js';
import { t } from '../../l10n/index.js';
import { printProblems } from '../report.js';
import { POST_LIST_FORMATS, renderPostList, type PostListFormat } from '../post-list-report.js';

const REPORTS = ['posts'] as const;

export const reportCommand: Command = {
    name: 'report',
    summary: 'cli.report.summary',
    help: [
        ['posts [paths...]', 'cli.report.option.posts'],
        ['--format FORMAT', 'cli.report.option.format'],
        ['-o, --output FILE', 'cli.report.option.output'],
    ],
    options: { output: { type: 'string', short: 'o' } },
    run: runReport,
};

async function runReport(positionals: string[], values: OptionValues, io: Io): Promise<number> {
    const [kind, ...paths] = positionals;
    if (kind === undefined) {
        throw new CliError(t('cli.report.no-kind', { reports: REPORTS.join(t('cli.list.separator')) }));
    }
    if (!(REPORTS as readonly string[]).includes(kind)) {
        throw new CliError(t('cli.report.unknown-kind', { kind, reports: REPORTS.join(t('cli.list.separator')) }));
    }
    const format = (values.format ?? 'text') as PostListFormat;
    if (!POST_LIST_FORMATS.includes(format)) {
        throw new CliError(t('cli.report.format', { format: String(values.format), formats: POST_LIST_FORMATS.join(t('cli.list.separator')) }));
    }
    const output = values.output as string | undefined;
    const fileSet = collectFiles(paths, io.cwd);
    // Refused before any work: a report never replaces a source or a configuration.
    const target = output === undefined ? undefined : outputTarget(output, io.cwd, fileSet.files, fileSet.config?.file ? [fileSet.config.file] : []);
    const { unreadable, project, problems, context } = await checkProject(fileSet, io.cwd);
    if (unreadable.length > 0 || problems.some(p => p.severity === 'error')) {
        printProblems(problems, { format: 'text', quiet: true }, context, io, true);
        io.stderr(`${t('cli.report.sources-have-errors')}\n`);
        return unreadable.length > 0 ? 2 : 1;
    }
    const list = postList(bundleOf(project, fileSet.root));
    if (list.surfaces.length === 0) {
        io.stderr(`${t('cli.report.posts.no-surfaces')}\n`);
    }
    const text = renderPostList(list, format);
    if (target === undefined || target.fd === 1) {
        io.stdout(text);
    } else if (target.fd === 2) {
        io.stderr(text);
    } else {
        writeOutput(target, [text]);
        io.stderr(`${t('cli.compile.wrote', { file: path.isAbsolute(target.given) ? target.given : displayPath(path.resolve(io.cwd, target.given), io.cwd) })}\n`);
    }
    return 0;
}
