/** Printing diagnostics (§11): text for people, json, sarif and github for machines. */
import { CODES, codeDocUrl, isDiagnosticCode } from '../diagnostics.js';
import { escapeInvisible, escapeInvisibleInJson } from '../unicode/characters.js';
import { VERSION } from '../version.js';
import { currentLocale, t } from '../l10n/index.js';
import type { HelpLine, Io, OptionValues, OptionsConfig } from './command.js';
import { CliError, displayPath } from './files.js';
import { countBySeverity, type Problem } from '../project/problems.js';
import { displayWidth } from '../unicode/width.js';

export type OutputFormat = 'text' | 'json' | 'sarif' | 'github';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif', 'github'];

/** Options every command that reports diagnostics takes. */
export const COMMON_OPTIONS: OptionsConfig = {
    format: { type: 'string' },
    'max-warnings': { type: 'string' },
    quiet: { type: 'boolean' },
    debug: { type: 'boolean' },
};

/** `--lang` is read by main.ts before the command's options (so it also holds for --help). */
export const COMMON_HELP: readonly HelpLine[] = [
    ['--format FORMAT', 'cli.option.format'],
    ['--max-warnings N', 'cli.option.max-warnings'],
    ['--quiet', 'cli.option.quiet'],
    ['--debug', 'cli.option.debug'],
    ['--lang LANG', 'cli.option.lang'],
];

export interface ReportOptions {
    readonly format: OutputFormat;
    readonly maxWarnings?: number;
    readonly quiet: boolean;
    readonly debug?: boolean;
}

export function reportOptions(values: OptionValues): ReportOptions {
    const format = (values.format ?? 'text') as OutputFormat;
    if (!OUTPUT_FORMATS.includes(format)) {
        throw new CliError(t('cli.error.format', { format: String(values.format), formats: OUTPUT_FORMATS.join(t('cli.list.separator')) }));
    }
    let maxWarnings: number | undefined;
    if (values['max-warnings'] !== undefined) {
        maxWarnings = Number(values['max-warnings']);
        if (!Number.isInteger(maxWarnings) || maxWarnings < 0) {
            throw new CliError(t('cli.error.max-warnings', { value: String(values['max-warnings']) }));
        }
    }
    return { format, maxWarnings, quiet: values.quiet === true, debug: values.debug === true };
}

export interface ReportContext {
    readonly cwd: string;
    /** File texts, to quote the offending line. */
    readonly texts: ReadonlyMap<string, string>;
    readonly fileCount: number;
}

export function formatProblems(format: OutputFormat, problems: readonly Problem[], ctx: ReportContext): string {
    switch (format) {
        case 'text': return formatText(problems, ctx);
        case 'json': return `${jsonText(problems.map(p => toJsonProblem(p, ctx)))}\n`;
        case 'sarif': return `${jsonText(toSarif(problems, ctx))}\n`;
        case 'github': return problems.map(p => formatGithub(p, ctx)).join('');
    }
}

/** JSON with invisible characters (in a message, a path) as JSON escapes: same values, safe bytes. */
function jsonText(value: unknown): string {
    return escapeInvisibleInJson(JSON.stringify(value, null, 2));
}

function toJsonProblem(p: Problem, ctx: ReportContext) {
    return {
        file: displayPath(p.file, ctx.cwd),
        line: p.start.line + 1,
        column: p.start.character + 1,
        endLine: p.end.line + 1,
        endColumn: p.end.character + 1,
        severity: p.severity,
        code: p.code,
        message: p.message,
    };
}

/** `file:line:col: error [code] message`, the line itself, and a caret under the range. */
/** Characters of a source line an excerpt shows at most. */
const EXCERPT_WIDTH = 160;

function formatText(problems: readonly Problem[], ctx: ReportContext): string {
    const out: string[] = [];
    const lines = new Map<string, string[]>();
    for (const p of problems) {
        out.push(`${escapeInvisible(displayPath(p.file, ctx.cwd))}:${p.start.line + 1}:${p.start.character + 1}: ${p.severity} [${p.code}] ${escapeInvisible(p.message)}`);
        let fileLines = lines.get(p.file);
        if (!fileLines) {
            fileLines = (ctx.texts.get(p.file) ?? '').split(/\r?\n/);
            lines.set(p.file, fileLines);
        }
        const source = fileLines[p.start.line];
        if (source !== undefined && source.trim() !== '') {
            const gutter = String(p.start.line + 1);
            const pad = ' '.repeat(gutter.length);
            const end = p.end.line === p.start.line ? p.end.character : source.length;
            // A long line is shown as a window around the problem, so the excerpt stays readable;
            // invisible characters show as escapes, and the caret stays under them.
            const from = source.length > EXCERPT_WIDTH ? Math.max(0, Math.min(p.start.character - 40, source.length - EXCERPT_WIDTH)) : 0;
            const to = Math.min(source.length, from + EXCERPT_WIDTH);
            const before = `${from > 0 ? '…' : ''}${printable(source.slice(from, p.start.character))}`;
            const width = Math.max(1, displayWidth(printable(source.slice(p.start.character, Math.min(end, to)))));
            out.push(` ${gutter} | ${`${from > 0 ? '…' : ''}${printable(source.slice(from, to))}${to < source.length ? '…' : ''}`.replace(/\t/g, ' ')}`);
            out.push(` ${pad} | ${' '.repeat(displayWidth(before))}${'^'.repeat(width)}`);
        }
    }
    out.push(summary(problems, ctx.fileCount));
    return `${out.join('\n')}\n`;
}

function printable(line: string): string {
    return escapeInvisible(line).replace(/\t/g, ' ');
}

export function summary(problems: readonly Problem[], fileCount: number): string {
    const counts = countBySeverity(problems);
    if (counts.error + counts.warning + counts.info + counts.hint === 0) {
        return t('cli.report.clean', { count: fileCount });
    }
    const parts = [t('cli.report.errors', { count: counts.error }), t('cli.report.warnings', { count: counts.warning })];
    if (counts.info) parts.push(t('cli.report.info', { count: counts.info }));
    if (counts.hint) parts.push(t('cli.report.hints', { count: counts.hint }));
    return t('cli.report.found', { problems: parts.join(t('cli.report.problem.separator')), count: fileCount });
}

/** GitHub workflow commands: `::error file=…,line=…::message`. */
function formatGithub(p: Problem, ctx: ReportContext): string {
    const command = p.severity === 'error' ? 'error' : p.severity === 'warning' ? 'warning' : 'notice';
    const props = [
        `file=${escapeProperty(escapeInvisible(displayPath(p.file, ctx.cwd)))}`,
        `line=${p.start.line + 1}`,
        `col=${p.start.character + 1}`,
        `endLine=${p.end.line + 1}`,
        `endColumn=${p.end.character + 1}`,
        `title=${escapeProperty(`govrule ${p.code}`)}`,
    ];
    return `::${command} ${props.join(',')}::${escapeData(escapeInvisible(p.message))}\n`;
}

function escapeData(text: string): string {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** SARIF 2.1.0: one run, the codes as rules, columns in UTF-16 code units as in LSP. */
function toSarif(problems: readonly Problem[], ctx: ReportContext) {
    const codes = Object.keys(CODES).sort();
    return {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [{
            tool: {
                driver: {
                    name: 'govrule',
                    version: VERSION,
                    informationUri: 'https://github.com/govrule/govrule',
                    rules: codes.map(code => {
                        const info = CODES[code as keyof typeof CODES];
                        return {
                            id: code,
                            shortDescription: { text: info.summary },
                            // The rule metadata is the same in every language (only messages follow it): the English page.
                            helpUri: codeDocUrl(code as keyof typeof CODES, 'en'),
                            defaultConfiguration: { level: sarifLevel(info.level) },
                        };
                    }),
                },
            },
            // The language of the messages (SARIF 2.1.0 §3.14.13); the rest does not depend on it.
            language: currentLocale(),
            columnKind: 'utf16CodeUnits',
            originalUriBaseIds: { SRCROOT: { uri: `${pathToFileUri(ctx.cwd)}/` } },
            results: problems.map(p => ({
                ruleId: p.code,
                ...(isDiagnosticCode(p.code) ? { ruleIndex: codes.indexOf(p.code) } : {}),
                level: sarifLevel(p.severity),
                message: { text: p.message },
                locations: [{
                    physicalLocation: {
                        artifactLocation: { uri: encodeURI(displayPath(p.file, ctx.cwd)), uriBaseId: 'SRCROOT' },
                        region: {
                            startLine: p.start.line + 1,
                            startColumn: p.start.character + 1,
                            endLine: p.end.line + 1,
                            endColumn: p.end.character + 1,
                        },
                    },
                }],
            })),
        }],
    };
}

function sarifLevel(level: string): 'error' | 'warning' | 'note' {
    return level === 'error' ? 'error' : level === 'warning' ? 'warning' : 'note';
}

function pathToFileUri(folder: string): string {
    return `file://${encodeURI(folder.split('\\').join('/')).replace(/^([^/])/, '/$1')}`;
}

/**
 * Prints problems in the chosen format and returns the exit status they imply: text goes to
 * stderr, machine formats to stdout unless stdout carries the command's own output.
 */
export function printProblems(problems: readonly Problem[], report: ReportOptions, ctx: ReportContext, io: Io, stdoutTaken = false): number {
    const counts = countBySeverity(problems);
    const shown = report.quiet ? problems.filter(p => p.severity === 'error') : problems;
    const write = report.format === 'text' || stdoutTaken ? io.stderr : io.stdout;
    write(formatProblems(report.format, shown, ctx));
    if (report.debug) {
        for (const problem of shown) {
            if (problem.stack) {
                io.stderr(`${t('cli.report.stack', { file: displayPath(problem.file, ctx.cwd), stack: problem.stack })}\n`);
            }
        }
    }
    if (counts.error > 0) {
        return 1;
    }
    if (report.maxWarnings !== undefined && counts.warning > report.maxWarnings) {
        io.stderr(`${t('cli.report.too-many-warnings', { count: counts.warning, max: report.maxWarnings })}\n`);
        return 1;
    }
    return 0;
}
