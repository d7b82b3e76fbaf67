/**
 * The `govrule` command line (§11). `main` returns the exit code and never calls process.exit,
 * so it can run in-process (benchmarks) as well as from bin/govrule.cjs.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { VERSION } from '../version.js';
import { bundleOf, loadProject } from '../workspace/project.js';
import { CliError, collectFiles, displayPath, readSources } from './files.js';
import { writeAtomically } from './output.js';
import { configProblems, countBySeverity, sortProblems, toProblems, type Problem } from './problems.js';
import { OUTPUT_FORMATS, formatProblems, type OutputFormat } from './report.js';

export interface Io {
    readonly cwd: string;
    stdout(text: string): void;
    stderr(text: string): void;
}

const processIo: Io = {
    cwd: process.cwd(),
    stdout: text => process.stdout.write(text),
    stderr: text => process.stderr.write(text),
};

const USAGE = `Usage: govrule <command> [paths...] [options]

Commands:
  check              parse, link and validate; print diagnostics
  compile            check, then write the bundle (-o FILE, or stdout)

Paths are files or folders (searched for *.govrule). With none, the include
of govrule.json is used, else the current folder.

Options:
  -o, --output FILE      compile: write the bundle to FILE (atomically)
  --format FORMAT        diagnostics as text (default), json, sarif or github
  --max-warnings N       fail when there are more than N warnings
  --quiet                report errors only
  -h, --help             show this help
  -v, --version          show the version

Exit codes: 0 success, 1 errors (or too many warnings), 2 usage or I/O error.
`;

interface Options {
    readonly command: string;
    readonly paths: string[];
    readonly format: OutputFormat;
    readonly output?: string;
    readonly maxWarnings?: number;
    readonly quiet: boolean;
}

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
    try {
        const options = parseOptions(argv, io);
        if (typeof options === 'number') {
            return options;
        }
        switch (options.command) {
            case 'check':
            case 'compile':
                return await checkOrCompile(options, io);
            default:
                throw new CliError(`unknown command '${options.command}' (commands: check, compile); see govrule --help`);
        }
    } catch (err) {
        if (err instanceof CliError) {
            io.stderr(`govrule: error: ${err.message}\n`);
            return 2;
        }
        io.stderr(`govrule: internal error: ${(err as Error)?.message ?? String(err)}\n`);
        return 2;
    }
}

function parseOptions(argv: readonly string[], io: Io): Options | number {
    let parsed;
    try {
        parsed = parseArgs({
            args: [...argv],
            allowPositionals: true,
            options: {
                output: { type: 'string', short: 'o' },
                format: { type: 'string' },
                'max-warnings': { type: 'string' },
                quiet: { type: 'boolean' },
                help: { type: 'boolean', short: 'h' },
                version: { type: 'boolean', short: 'v' },
            },
        });
    } catch (err) {
        throw new CliError(`${(err as Error).message.split('\n')[0]}; see govrule --help`);
    }
    const { values, positionals } = parsed;
    if (values.help) {
        io.stdout(USAGE);
        return 0;
    }
    if (values.version) {
        io.stdout(`govrule ${VERSION}\n`);
        return 0;
    }
    const [command, ...paths] = positionals;
    if (!command) {
        io.stderr(USAGE);
        return 2;
    }
    const format = (values.format ?? 'text') as OutputFormat;
    if (!OUTPUT_FORMATS.includes(format)) {
        throw new CliError(`unknown format '${values.format}' (formats: ${OUTPUT_FORMATS.join(', ')})`);
    }
    let maxWarnings: number | undefined;
    if (values['max-warnings'] !== undefined) {
        maxWarnings = Number(values['max-warnings']);
        if (!Number.isInteger(maxWarnings) || maxWarnings < 0) {
            throw new CliError(`--max-warnings takes a whole number, not '${values['max-warnings']}'`);
        }
    }
    if (values.output !== undefined && command !== 'compile') {
        throw new CliError('-o/--output goes with compile');
    }
    return { command, paths, format, output: values.output, maxWarnings, quiet: values.quiet ?? false };
}

async function checkOrCompile(options: Options, io: Io): Promise<number> {
    const fileSet = collectFiles(options.paths, io.cwd);
    const sources = readSources(fileSet.files, io.cwd);
    const project = await loadProject(sources);
    const texts = new Map(sources.map(s => [s.path, s.text]));
    const configText = fileSet.config?.file ? safeRead(fileSet.config.file) : undefined;
    if (fileSet.config?.file && configText !== undefined) {
        texts.set(fileSet.config.file, configText);
    }
    const all = sortProblems([...configProblems(fileSet.config, configText), ...toProblems(project.diagnostics)]);
    const counts = countBySeverity(all);
    const shown = options.quiet ? all.filter(p => p.severity === 'error') : all;

    const bundleToStdout = options.command === 'compile' && options.output === undefined;
    report(options.format, shown, { cwd: io.cwd, texts, fileCount: sources.length }, bundleToStdout ? io.stderr : (options.format === 'text' ? io.stderr : io.stdout));

    if (counts.error > 0) {
        return 1;
    }
    if (options.maxWarnings !== undefined && counts.warning > options.maxWarnings) {
        io.stderr(`govrule: ${counts.warning} warnings exceed --max-warnings ${options.maxWarnings}\n`);
        return 1;
    }
    if (options.command === 'compile') {
        const { json } = bundleOf(project, fileSet.root);
        if (options.output === undefined) {
            io.stdout(json);
        } else {
            const target = path.resolve(io.cwd, options.output);
            writeAtomically(target, json);
            if (options.format === 'text' && !options.quiet) {
                io.stderr(`Wrote ${displayPath(target, io.cwd)}.\n`);
            }
        }
    }
    return 0;
}

function report(format: OutputFormat, problems: readonly Problem[], ctx: Parameters<typeof formatProblems>[2], write: (text: string) => void): void {
    if (format === 'text' && problems.length === 0) {
        write(`${formatProblems('text', problems, ctx)}`);
        return;
    }
    write(formatProblems(format, problems, ctx));
}

function safeRead(file: string): string | undefined {
    try {
        return fs.readFileSync(file, 'utf8');
    } catch {
        return undefined;
    }
}
