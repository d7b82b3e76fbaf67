/**
 * A failed `workspace/executeCommand` as a person reads it. The language client would show the
 * raw error (`Request workspace/executeCommand failed … Code: -32803 [object Object]`); the
 * extension sends the requests itself and words the failure from its code and its
 * `data.problems` (see language/src/lsp/commands.ts). Pure: no `vscode` import.
 */

export const RUN_TESTS_COMMAND = 'govrule.runTests';

export type FailureAction = 'Show Problems' | 'Show Output';

export interface Failure {
    readonly message: string;
    readonly actions: readonly FailureAction[];
}

/** JSON-RPC / LSP error codes the server answers with. */
const REQUEST_CANCELLED = -32800;
const CONTENT_MODIFIED = -32801;

const TASKS: Record<string, string> = {
    'govrule.runTests': 'run tests',
    'govrule.runAllTests': 'run tests',
    'govrule.compile': 'compile',
};

interface Problem {
    readonly path?: unknown;
    readonly file?: unknown;
    readonly line?: unknown;
    readonly column?: unknown;
    readonly message?: unknown;
}

function problemsOf(error: unknown): Problem[] | undefined {
    const problems = (error as { data?: { problems?: unknown } } | null | undefined)?.data?.problems;
    return Array.isArray(problems) ? problems.filter((p): p is Problem => typeof p === 'object' && p !== null) : undefined;
}

/** `qinglang/rumor.govrule:9:18`, from what the server sent (its workspace-relative path first). */
function place(problem: Problem): string | undefined {
    const file = typeof problem.path === 'string' ? problem.path : typeof problem.file === 'string' ? problem.file : undefined;
    if (!file) {
        return undefined;
    }
    return typeof problem.line === 'number' && typeof problem.column === 'number' ? `${file}:${problem.line}:${problem.column}` : file;
}

/** The notification for a failed command, or undefined when there is nothing to say (a cancelled request). */
export function describeCommandFailure(command: string, error: unknown): Failure | undefined {
    const code = (error as { code?: unknown } | null | undefined)?.code;
    if (code === REQUEST_CANCELLED) {
        return undefined;
    }
    const task = TASKS[command] ?? 'do that';
    const problems = problemsOf(error);
    if (problems && problems.length > 0) {
        const count = problems.length === 1 ? '1 error' : `${problems.length} errors`;
        const first = place(problems[0]);
        const detail = first && typeof problems[0].message === 'string' ? ` First: ${first}: ${problems[0].message}` : '';
        return { message: `GovRule: ${count} in the rule files; fix ${problems.length === 1 ? 'it' : 'them'} to ${task}.${detail}`, actions: ['Show Problems'] };
    }
    if (code === CONTENT_MODIFIED) {
        return { message: `GovRule: the rule files changed while starting; ${task} again.`, actions: [] };
    }
    const raw = (error as { message?: unknown } | null | undefined)?.message;
    const message = typeof raw === 'string' && raw.trim() !== '' ? raw.trim() : 'the language server did not answer.';
    return { message: `GovRule: cannot ${task}: ${message}`, actions: ['Show Output'] };
}
