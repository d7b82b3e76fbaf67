/**
 * Small builders for validation tests: a rule with default clauses that the shared vocabulary
 * resolves, and a workspace around it whose other files raise nothing by themselves.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { USES_VOCABULARY, VOCABULARY, workspace, type TestWorkspace } from './workspace.js';

export type ClauseName = 'category' | 'severity' | 'responsible' | 'actions' | 'when' | 'escalate' | 'basis' | 'priority' | 'effective' | 'disabled' | 'campaign';

export interface RuleOptions {
    /** Clauses to add or replace; `null` leaves a default clause out. */
    readonly clauses?: Partial<Record<ClauseName, string | null>>;
    readonly name?: string;
}

const DEFAULTS: Partial<Record<ClauseName, string>> = { category: 'c', severity: 'minor', responsible: 'reviewer', actions: 'remove' };

/** `rule name { ... }` with one clause per line; `escalate` takes the steps only. */
export function ruleText(options: RuleOptions = {}): string {
    const clauses = { ...DEFAULTS, ...options.clauses };
    const lines = Object.entries(clauses)
        .filter(([, value]) => value !== null && value !== undefined)
        .map(([key, value]) => key === 'escalate' ? `    escalate { ${value} }` : key === 'disabled' ? '    disabled' : `    ${key} ${value}`);
    return `rule ${options.name ?? 'r'} {\n${lines.join('\n')}\n}\n`;
}

/** A file of package t.x that imports the vocabulary, declares category `c`, and holds `body`. */
export function fileWith(body: string, head = ''): string {
    return `package t.x\nimport demo.common.*\n${head}category c\n${body}`;
}

/** The vocabulary, a file that uses all of it, and the given files. */
export function checkFiles(files: Record<string, string>): Promise<TestWorkspace> {
    return workspace({ 'common.govrule': VOCABULARY, 'uses.govrule': USES_VOCABULARY, ...files });
}

/** `x.govrule` holding `body` (see fileWith), checked with the vocabulary. */
export function checkBody(body: string, head = ''): Promise<TestWorkspace> {
    return checkFiles({ 'x.govrule': fileWith(body, head) });
}

export function withCode(ws: TestWorkspace, file: string, code: string): Diagnostic[] {
    return ws.diagnostics(file).filter(d => d.code === code);
}

/** Every diagnostic of every file, for asserting a look-alike is clean. */
export function allDiagnostics(ws: TestWorkspace): Diagnostic[] {
    return [...ws.documents.keys()].flatMap(file => ws.diagnostics(file));
}
