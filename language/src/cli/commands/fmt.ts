/**
 * `govrule fmt [paths] [--check]` (§11): rewrites files in the canonical format, or with
 * `--check` lists the files that are not in it and fails. Either way the paths go to stdout, one
 * per line; files with syntax errors are left alone and reported like `govrule check` does.
 */
import * as fs from 'node:fs';
import { formatText } from '../../format/formatter.js';
import { describeIoError } from '../../io-errors.js';
import { escapeInvisible } from '../../unicode/characters.js';
import { loadProject, type SourceFile } from '../../project/project.js';
import type { Command, Io, OptionValues } from '../command.js';
import { collectFiles, readSources } from '../../project/files.js';
import { CliError, displayPath } from '../files.js';
import { t } from '../../l10n/index.js';
import { resolveOutput, writeOutput } from '../../project/output.js';
import { sortProblems, toProblems, type Problem } from '../../project/problems.js';
import { printProblems, reportOptions, type ReportOptions } from '../report.js';

export const fmtCommand: Command = {
    name: 'fmt',
    summary: 'cli.fmt.summary',
    help: [['--check', 'cli.fmt.option.check']],
    options: { check: { type: 'boolean' } },
    run: fmt,
};

async function fmt(paths: string[], values: OptionValues, io: Io): Promise<number> {
    const report = reportOptions(values);
    const checkOnly = values.check === true;
    const { sources, unreadable, texts } = readSources(collectFiles(paths, io.cwd).files);
    const refused: Array<{ source: SourceFile; reason: string }> = [];
    let unformatted = 0;
    for (const source of sources) {
        const result = formatText(source.text);
        if (!result.ok) {
            refused.push({ source, reason: result.reason });
        } else if (result.text !== source.text) {
            if (!checkOnly) {
                rewrite(source.path, result.text, io.cwd);
            }
            io.stdout(`${escapeInvisible(displayPath(source.path, io.cwd))}\n`);
            unformatted++;
        }
    }
    if (refused.length > 0 || unreadable.length > 0) {
        await reportProblems(refused, unreadable, texts, report, io);
    }
    if (checkOnly && unformatted > 0 && report.format === 'text' && !report.quiet) {
        const text = unformatted === 1
            ? t('cli.fmt.unformatted-one', { count: sources.length })
            : t('cli.fmt.unformatted-many', { unformatted, count: sources.length });
        io.stderr(`${text}\n`);
    }
    if (unreadable.length > 0) {
        return 2;
    }
    return refused.length > 0 || (checkOnly && unformatted > 0) ? 1 : 0;
}

/**
 * A file that does not parse is not formatted. Its syntax errors are printed as `check` prints
 * them (same messages and ranges), on stderr: stdout carries the list of files. Files that could
 * not be read are reported there too.
 */
async function reportProblems(refused: ReadonlyArray<{ source: SourceFile; reason: string }>, unreadable: readonly Problem[], texts: ReadonlyMap<string, string>, report: ReportOptions, io: Io): Promise<void> {
    const project = await loadProject(refused.map(r => r.source));
    // Only the syntax errors: other checks on a broken file are beside the point here.
    const found = toProblems(project.diagnostics.map(d => ({ ...d, diagnostics: d.diagnostics.filter(x => x.code === 'syntax') })));
    // The validator and the formatter read the same parse; should they ever disagree, still say why.
    const missing: Problem[] = refused.filter(r => !found.some(p => p.file === r.source.path)).map(r => ({
        file: r.source.path,
        start: { line: 0, character: 0 },
        end: { line: 0, character: 0 },
        severity: 'error',
        code: 'syntax',
        message: t('cli.fmt.cannot-format', { reason: r.reason }),
    }));
    printProblems(sortProblems([...found, ...missing, ...unreadable]), report, { cwd: io.cwd, texts, fileCount: refused.length + unreadable.length }, io, true);
}

/**
 * Replaces a file through a temporary file and a rename (cli/output.ts), so it is never half
 * written. The rename goes to the real file behind a symbolic link, and the file keeps its mode
 * and its byte-order mark if it had one.
 */
function rewrite(file: string, text: string, cwd: string): void {
    const target = resolveOutput(file, cwd);
    let bom: boolean;
    try {
        bom = target.kind === 'file' && hasByteOrderMark(target.path);
    } catch (err) {
        throw new CliError(t('cli.error.cannot-write', { file: displayPath(file, cwd), reason: describeIoError(err) }));
    }
    writeOutput({ ...target, given: displayPath(file, cwd) }, [bom ? `\uFEFF${text}` : text]);
}

function hasByteOrderMark(file: string): boolean {
    const fd = fs.openSync(file, 'r');
    try {
        const head = Buffer.alloc(3);
        return fs.readSync(fd, head, 0, 3, 0) === 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
    } finally {
        fs.closeSync(fd);
    }
}
