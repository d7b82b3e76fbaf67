/** `govrule check` and `govrule compile` (§11). */
import * as path from 'node:path';
import { CompileFailure } from '../../compiler/bundle.js';
import { internalError } from '../../internal-errors.js';
import { bundleTextOf } from '../../project/project.js';
import { outputTarget, spool, writeOutput, type Spool } from '../../project/output.js';
import { checkProject } from '../check-project.js';
import type { Command, Io, OptionValues } from '../command.js';
import { collectFiles } from '../../project/files.js';
import { displayPath } from '../files.js';
import { t } from '../../l10n/index.js';
import { countBySeverity, sortProblems, toProblems } from '../../project/problems.js';
import { printProblems, reportOptions } from '../report.js';

export const checkCommand: Command = {
    name: 'check',
    summary: 'cli.check.summary',
    help: [],
    options: {},
    run: (paths, values, io) => checkOrCompile('check', paths, values, io),
};

export const compileCommand: Command = {
    name: 'compile',
    summary: 'cli.compile.summary',
    help: [['-o, --output FILE', 'cli.compile.option.output']],
    options: { output: { type: 'string', short: 'o' } },
    run: (paths, values, io) => checkOrCompile('compile', paths, values, io),
};

async function checkOrCompile(command: 'check' | 'compile', paths: string[], values: OptionValues, io: Io): Promise<number> {
    const report = reportOptions(values);
    const output = values.output as string | undefined;
    const fileSet = collectFiles(paths, io.cwd);
    // Refused before any work: the bundle must never replace a source or a configuration.
    const target = output === undefined ? undefined : outputTarget(output, io.cwd, fileSet.files, fileSet.config?.file ? [fileSet.config.file] : []);
    const { sources, unreadable, project, problems, context } = await checkProject(fileSet, io.cwd);
    let all = problems;
    // /dev/stdout and /dev/stderr are this process's own streams: written as without -o.
    const stream = target?.fd === 1 ? io.stdout : target?.fd === 2 ? io.stderr : undefined;
    const bundleToStdout = command === 'compile' && (target === undefined || target.fd === 1);
    // The bundle is produced before anything is printed or written, so that a failure of the
    // compiler is reported with the other problems and leaves no output behind.
    let bundle: Spool | undefined;
    if (command === 'compile' && unreadable.length === 0 && countBySeverity(all).error === 0) {
        try {
            bundle = spool(bundleTextOf(project, fileSet.root));
        } catch (err) {
            if (!(err instanceof CompileFailure)) {
                throw err;
            }
            const file = err.file ?? sources[0]?.path ?? fileSet.root;
            all = sortProblems([...all, ...toProblems([{ path: file, diagnostics: [internalError('compilation', err.cause)] }])]);
        }
    }
    try {
        const status = printProblems(all, report, context, io, bundleToStdout);
        if (unreadable.length > 0) {
            // An I/O error, reported with the rest; a bundle without the file's rules would be wrong.
            return 2;
        }
        if (status !== 0 || bundle === undefined) {
            return status;
        }
        if (target === undefined || stream) {
            for (const batch of bundle.read()) {
                (stream ?? io.stdout)(batch);
            }
        } else {
            writeOutput(target, bundle.read());
        }
        if (target !== undefined && report.format === 'text' && !report.quiet) {
            io.stderr(`${t('cli.compile.wrote', { file: path.isAbsolute(target.given) ? target.given : displayPath(path.resolve(io.cwd, target.given), io.cwd) })}\n`);
        }
        return 0;
    } finally {
        bundle?.dispose();
    }
}
