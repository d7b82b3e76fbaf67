/** Diagnostics of a run, flattened for printing: one list, sorted by file and position. */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Level } from '../diagnostics.js';
import { stackOf } from '../internal-errors.js';
import type { FileDiagnostics } from './project.js';

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
