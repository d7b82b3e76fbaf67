/**
 * A failed `workspace/executeCommand` as a person reads it. The language client would show the
 * raw error (`Request workspace/executeCommand failed … Code: -32803 [object Object]`); the
 * extension sends the requests itself and words the failure from its code and its
 * `data.problems` (see language/src/lsp/commands.ts). Each task has its own whole sentences, so
 * that a translation never has to fit a task's name into a sentence. Pure: no `vscode` import.
 */
import { t, tCount, type Args } from './l10n.js';

export const RUN_TESTS_COMMAND = 'govrule.runTests';

export type FailureAction = 'Show Problems' | 'Show Output';

/** The buttons' labels in the current language (the actions stay the English names). */
export function actionLabel(action: FailureAction): string {
    return action === 'Show Problems' ? t('Show Problems') : t('Show Output');
}

export interface Failure {
    readonly message: string;
    readonly actions: readonly FailureAction[];
}

/** JSON-RPC / LSP error codes the server answers with. */
const REQUEST_CANCELLED = -32800;
const CONTENT_MODIFIED = -32801;

type Task = 'test' | 'compile' | 'other';

const TASKS: Record<string, Task> = {
    'govrule.runTests': 'test',
    'govrule.runAllTests': 'test',
    'govrule.runSelectedTests': 'test',
    'govrule.compile': 'compile',
};

/** "N errors in the rule files; fix them to …", by task. */
function errorsMessage(task: Task, count: number): string {
    switch (task) {
        case 'test': return tCount(count, 'GovRule: {count} error in the rule files; fix it to run tests.', 'GovRule: {count} errors in the rule files; fix them to run tests.');
        case 'compile': return tCount(count, 'GovRule: {count} error in the rule files; fix it to compile.', 'GovRule: {count} errors in the rule files; fix them to compile.');
        default: return tCount(count, 'GovRule: {count} error in the rule files; fix it first.', 'GovRule: {count} errors in the rule files; fix them first.');
    }
}

function changedMessage(task: Task): string {
    switch (task) {
        case 'test': return t('GovRule: the rule files changed while starting; run tests again.');
        case 'compile': return t('GovRule: the rule files changed while starting; compile again.');
        default: return t('GovRule: the rule files changed while starting; try again.');
    }
}

function cannotMessage(task: Task, args: Args): string {
    switch (task) {
        case 'test': return t('GovRule: cannot run tests: {reason}', args);
        case 'compile': return t('GovRule: cannot compile: {reason}', args);
        default: return t('GovRule: cannot do that: {reason}', args);
    }
}

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
    const task = TASKS[command] ?? 'other';
    const problems = problemsOf(error);
    if (problems && problems.length > 0) {
        const summary = errorsMessage(task, problems.length);
        const first = place(problems[0]);
        const message = first && typeof problems[0].message === 'string'
            ? t('{summary} First: {place}: {problem}', { summary, place: first, problem: problems[0].message })
            : summary;
        return { message, actions: ['Show Problems'] };
    }
    if (code === CONTENT_MODIFIED) {
        return { message: changedMessage(task), actions: [] };
    }
    const raw = (error as { message?: unknown } | null | undefined)?.message;
    const reason = typeof raw === 'string' && raw.trim() !== '' ? raw.trim() : t('the language server did not answer.');
    return { message: cannotMessage(task, { reason }), actions: ['Show Output'] };
}
