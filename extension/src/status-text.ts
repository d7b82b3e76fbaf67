/**
 * What the GovRule status item says. Not the problem counts (VS Code's own status bar shows
 * those) but what only GovRule knows: how many rules and tests the workspace has and whether the
 * tests pass on the current text, e.g. `GovRule: 48 rules · 59 tests ✓`. Pure: no `vscode` import.
 */

export const RUN_ALL_TESTS_COMMAND = 'govrule.runAllTests';
export const SUMMARY_COMMAND = 'govrule.summary';
const PROBLEMS_COMMAND = 'workbench.actions.view.problems';

export interface StatusView {
    readonly text: string;
    readonly tooltip: string;
    readonly command: string;
}

function plural(n: number, word: string): string {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function isCount(value: unknown): value is number {
    return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/** The item for the server's `govrule.summary` answer; anything malformed reads as unknown, never as passing. */
export function statusView(summary: unknown, trusted: boolean): StatusView {
    const s = (typeof summary === 'object' && summary !== null ? summary : {}) as Record<string, unknown>;
    if (isCount(s.errors) && s.errors > 0) {
        return {
            text: `$(circle-slash) GovRule: tests wait for ${plural(s.errors, 'error')}`,
            tooltip: `GovRule: ${plural(s.errors, 'error')} in the rule files; fix them to compile the rules and run the tests. Click to open the Problems view.`,
            command: PROBLEMS_COMMAND,
        };
    }
    if (s.errors !== 0 || !isCount(s.rules) || !isCount(s.tests) || !isCount(s.passed) || !isCount(s.failed) || s.passed + s.failed !== s.tests) {
        return { text: '$(question) GovRule', tooltip: 'GovRule: the language server sent no summary of the workspace. See "GovRule: Show Output".', command: 'govrule.showOutput' };
    }
    const rules = plural(s.rules, 'rule');
    if (!trusted) {
        return {
            text: `GovRule: ${rules} · ${plural(s.tests, 'test')}`,
            tooltip: 'GovRule: tests do not run in Restricted Mode. Click to see how to trust this folder.',
            command: RUN_ALL_TESTS_COMMAND,
        };
    }
    if (s.tests === 0) {
        return { text: `GovRule: ${rules} · no tests`, tooltip: 'GovRule: the workspace has no test blocks. Click to run all tests.', command: RUN_ALL_TESTS_COMMAND };
    }
    const outcome = s.failed === 0 ? `${plural(s.tests, 'test')} ✓` : `${s.failed} of ${plural(s.tests, 'test')} failing ✗`;
    const detail = s.failed === 0 ? `all ${plural(s.tests, 'test')} pass` : `${s.failed} failing, ${s.passed} passing`;
    return {
        text: `GovRule: ${rules} · ${outcome}`,
        tooltip: `GovRule: ${rules}; ${detail} on the current text. Click to run all tests and show their results in the files.`,
        command: RUN_ALL_TESTS_COMMAND,
    };
}
