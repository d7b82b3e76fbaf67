/** `govrule check` and `govrule compile` (§11). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { bundleTextOf, loadProject } from '../../workspace/project.js';
import type { Command, Io, OptionValues } from '../command.js';
import { collectFiles, displayPath, readSources } from '../files.js';
import { batched, writeAtomically } from '../output.js';
import { configProblems, countBySeverity, sortProblems, toProblems } from '../problems.js';
import { formatProblems, reportOptions, type ReportOptions } from '../report.js';

export const checkCommand: Command = {
    name: 'check',
    summary: 'parse, link and validate; print diagnostics',
    help: '',
    options: {},
    run: (paths, values, io) => checkOrCompile('check', paths, values, io),
};

export const compileCommand: Command = {
    name: 'compile',
    summary: 'check, then write the bundle (-o FILE, or stdout)',
    help: '  -o, --output FILE      write the bundle to FILE (atomically); else to stdout',
    options: { output: { type: 'string', short: 'o' } },
    run: (paths, values, io) => checkOrCompile('compile', paths, values, io),
};

async function checkOrCompile(command: 'check' | 'compile', paths: string[], values: OptionValues, io: Io): Promise<number> {
    const report = reportOptions(values);
    const output = values.output as string | undefined;
    const fileSet = collectFiles(paths, io.cwd);
    const sources = readSources(fileSet.files, io.cwd);
    const project = await loadProject(sources);
    const texts = new Map(sources.map(s => [s.path, s.text]));
    const configText = fileSet.config?.file ? safeRead(fileSet.config.file) : undefined;
    if (fileSet.config?.file && configText !== undefined) {
        texts.set(fileSet.config.file, configText);
    }
    const all = sortProblems([...configProblems(fileSet.config, configText), ...toProblems(project.diagnostics)]);
    const bundleToStdout = command === 'compile' && output === undefined;
    const status = printProblems(all, report, { cwd: io.cwd, texts, fileCount: sources.length }, io, bundleToStdout);
    if (status !== 0) {
        return status;
    }
    if (command === 'compile') {
        const chunks = bundleTextOf(project, fileSet.root);
        if (output === undefined) {
            for (const batch of batched(chunks)) {
                io.stdout(batch);
            }
        } else {
            const target = path.resolve(io.cwd, output);
            writeAtomically(target, chunks);
            if (report.format === 'text' && !report.quiet) {
                io.stderr(`Wrote ${displayPath(target, io.cwd)}.\n`);
            }
        }
    }
    return 0;
}

/**
 * Prints problems in the chosen format and returns the exit status they imply: text goes to
 * stderr, machine formats to stdout unless stdout carries the command's own output.
 */
export function printProblems(problems: ReturnType<typeof sortProblems>, report: ReportOptions, ctx: Parameters<typeof formatProblems>[2], io: Io, stdoutTaken = false): number {
    const counts = countBySeverity(problems);
    const shown = report.quiet ? problems.filter(p => p.severity === 'error') : problems;
    const write = report.format === 'text' || stdoutTaken ? io.stderr : io.stdout;
    write(formatProblems(report.format, shown, ctx));
    if (counts.error > 0) {
        return 1;
    }
    if (report.maxWarnings !== undefined && counts.warning > report.maxWarnings) {
        io.stderr(`govrule: ${counts.warning} ${counts.warning === 1 ? 'warning exceeds' : 'warnings exceed'} --max-warnings ${report.maxWarnings}\n`);
        return 1;
    }
    return 0;
}

function safeRead(file: string): string | undefined {
    try {
        return fs.readFileSync(file, 'utf8');
    } catch {
        return undefined;
    }
}
