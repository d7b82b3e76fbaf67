/** Diagnostics of a run, flattened for printing: one list, sorted by file and position. */
import type { Diagnostic } from 'vscode-languageserver-types';
import { CONFIG_FILE, type GovRuleConfig } from '../config.js';
import { CODES, type Level } from '../diagnostics.js';
import { stackOf } from '../internal-errors.js';
import type { FileDiagnostics } from '../workspace/project.js';

export interface Problem {
    readonly file: string;
    /** 0-based, end exclusive, as in LSP. */
    readonly start: { line: number; character: number };
    readonly end: { line: number; character: number };
    readonly severity: Level;
    readonly code: string;
    readonly message: string;
    /** For an internal error: where it happened, printed with --debug only. */
    readonly stack?: string;
}

const LEVELS: Level[] = ['error', 'error', 'warning', 'info', 'hint'];

export function toProblems(files: readonly FileDiagnostics[]): Problem[] {
    const problems: Problem[] = [];
    for (const file of files) {
        for (const d of file.diagnostics) {
            problems.push(fromDiagnostic(file.path, d));
        }
    }
    return sortProblems(problems);
}

function fromDiagnostic(file: string, d: Diagnostic): Problem {
    return {
        file,
        start: d.range.start,
        end: d.range.end,
        severity: LEVELS[d.severity ?? 1],
        code: String(d.code ?? 'internal-error'),
        message: String(d.message),
        stack: stackOf(d),
    };
}

/**
 * Findings about govrule.json itself, at the key or value they are about: `config` errors, and
 * lints (`config-duplicate-key`) at the level the same file's `lint` gives them.
 */
export function configProblems(config: GovRuleConfig | undefined): Problem[] {
    if (!config?.file) {
        return [];
    }
    const problems: Problem[] = [];
    for (const p of config.problems) {
        const level = CODES[p.code].lint ? config.lint.get(p.code) ?? CODES[p.code].level : CODES[p.code].level;
        if (level === 'off') {
            continue;
        }
        problems.push({
            file: config.file,
            start: p.range.start,
            end: p.range.end,
            severity: level,
            code: p.code,
            message: `${p.message} (${CONFIG_FILE})`,
        });
    }
    return problems;
}

export function sortProblems(problems: Problem[]): Problem[] {
    return problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)
        || a.start.line - b.start.line || a.start.character - b.start.character
        || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

export function countBySeverity(problems: readonly Problem[]): Record<Level, number> {
    const counts: Record<Level, number> = { error: 0, warning: 0, info: 0, hint: 0 };
    for (const p of problems) {
        counts[p.severity]++;
    }
    return counts;
}
