/**
 * What the GovRule status item says. Not the problem counts (VS Code's own status bar shows
 * those) but what only GovRule knows: how many rules and tests the workspace has and whether the
 * tests pass on the current text, e.g. `GovRule: 48 rules · 59 tests ✓`. Pure: no `vscode` import.
 */
import { t, tCount } from './l10n.js';

export const RUN_ALL_TESTS_COMMAND = 'govrule.runAllTests';
export const SUMMARY_COMMAND = 'govrule.summary';
const PROBLEMS_COMMAND = 'workbench.actions.view.problems';

export interface StatusView {
    readonly text: string;
    readonly tooltip: string;
    readonly command: string;
}

function rulesText(n: number): string {
    return tCount(n, '{count} rule', '{count} rules');
}

function testsText(n: number): string {
    return tCount(n, '{count} test', '{count} tests');
}

function isCount(value: unknown): value is number {
    return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/** The item for the server's `govrule.summary` answer; anything malformed reads as unknown, never as passing. */
export function statusView(summary: unknown, trusted: boolean): StatusView {
    const s = (typeof summary === 'object' && summary !== null ? summary : {}) as Record<string, unknown>;
    if (isCount(s.errors) && s.errors > 0) {
        return {
            text: `$(circle-slash) ${tCount(s.errors, 'GovRule: tests wait for {count} error', 'GovRule: tests wait for {count} errors')}`,
            tooltip: tCount(s.errors,
                'GovRule: {count} error in the rule files; fix it to compile the rules and run the tests. Click to open the Problems view.',
                'GovRule: {count} errors in the rule files; fix them to compile the rules and run the tests. Click to open the Problems view.'),
            command: PROBLEMS_COMMAND,
        };
    }
    if (s.errors !== 0 || !isCount(s.rules) || !isCount(s.tests) || !isCount(s.passed) || !isCount(s.failed) || s.passed + s.failed !== s.tests) {
        return { text: '$(question) GovRule', tooltip: t('GovRule: the language server sent no summary of the workspace. See "GovRule: Show Output".'), command: 'govrule.showOutput' };
    }
    const rules = rulesText(s.rules);
    const tests = testsText(s.tests);
    if (!trusted) {
        return {
            text: t('GovRule: {rules} · {tests}', { rules, tests }),
            tooltip: t('GovRule: tests do not run in Restricted Mode. Click to see how to trust this folder.'),
            command: RUN_ALL_TESTS_COMMAND,
        };
    }
    if (s.tests === 0) {
        return {
            text: t('GovRule: {rules} · no tests', { rules }),
            tooltip: t('GovRule: the workspace has no test blocks. Click to run all tests.'),
            command: RUN_ALL_TESTS_COMMAND,
        };
    }
    if (s.failed === 0) {
        return {
            text: t('GovRule: {rules} · {tests} ✓', { rules, tests }),
            tooltip: t('GovRule: {rules}; all {tests} pass on the current text. Click to run all tests and show their results in the files.', { rules, tests }),
            command: RUN_ALL_TESTS_COMMAND,
        };
    }
    return {
        text: t('GovRule: {rules} · {failed} of {tests} failing ✗', { rules, tests, failed: s.failed }),
        tooltip: t('GovRule: {rules}; {failed} failing, {passed} passing on the current text. Click to run all tests and show their results in the files.', { rules, failed: s.failed, passed: s.passed }),
        command: RUN_ALL_TESTS_COMMAND,
    };
}
