/**
 * Code lenses: "Run all tests" at the top of a file that has tests, "Run test" above each test
 * (their titles show the last results while they hold; see test-runner.ts), and above each
 * rule how many tests it decides, as `govrule test --coverage` counts them, and "Evaluate…" for a
 * client that has an event editor (settings.ts, `evaluateCommand`). Running goes through
 * `workspace/executeCommand govrule.runTests`, which any LSP client can send.
 */
import type { LangiumDocument } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CodeLens, Range } from 'vscode-languageserver';
import * as ast from '../../syntax/generated/ast.js';
import { declarationsOf, qualifiedName } from '../../model/names.js';
import { clausesOf } from '../../model/rules.js';
import type { TestResult } from '../../runtime/index.js';
import { RUN_TESTS_COMMAND } from './commands.js';
import type { GovRuleLspServices } from '../server/services.js';
import type { ClientSettings } from '../server/settings.js';
import type { RuleTestCounts } from './test-runner.js';
import { t } from '../../l10n/index.js';

/** A lens title with no command: text only (clients show it, clicking does nothing). */
const NO_COMMAND = '';

export class GovRuleCodeLensProvider implements CodeLensProvider {
    private readonly settings: ClientSettings;

    constructor(private readonly services: GovRuleLspServices) {
        // Created with the handlers, before `initialize`: the settings must hear it.
        this.settings = services.lsp.Settings;
    }

    provideCodeLens(document: LangiumDocument): CodeLens[] {
        const model = document.parseResult.value;
        if (!ast.isModel(model)) {
            return [];
        }
        const runner = this.services.lsp.TestRunner;
        runner.lensesInUse();
        const uri = document.uri.toString();
        const lenses: CodeLens[] = [];
        const tests = model.elements.filter(ast.isTest);
        if (tests.length > 0) {
            const top = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
            const results = tests.map(test => runner.resultOf(document, test));
            lenses.push({ range: top, command: { title: runAllTitle(results), command: RUN_TESTS_COMMAND, arguments: [uri] } });
        }
        for (const test of tests) {
            const range = startOf(test);
            if (range) {
                lenses.push({ range, command: { title: runTitle(runner.resultOf(document, test)), command: RUN_TESTS_COMMAND, arguments: [uri, test.name] } });
            }
        }
        const rules = [...declarationsOf(model)].filter(ast.isRule);
        const evaluate = this.settings.evaluateCommand();
        if (evaluate) {
            for (const rule of rules) {
                const range = startOf(rule);
                if (range && rule.name) {
                    lenses.push({ range, command: { title: t('editor.lens.evaluate'), command: evaluate, arguments: [uri, qualifiedName(rule)] } });
                }
            }
        }
        const counts = rules.length > 0 ? runner.ruleTestCounts() : undefined;
        if (counts) {
            for (const rule of rules) {
                const range = startOf(rule);
                if (range && rule.name) {
                    lenses.push({ range, command: { title: countTitle(rule, counts), command: NO_COMMAND } });
                }
            }
        }
        return lenses;
    }
}

function startOf(node: ast.Test | ast.Rule): Range | undefined {
    const start = node.$cstNode?.range.start;
    return start && { start, end: start };
}

function runTitle(result: TestResult | undefined): string {
    if (!result) {
        return t('editor.lens.run-test');
    }
    return result.passed ? t('editor.lens.passed-run-again') : t('editor.lens.failed-run-again');
}

/** "Run all tests", and once some have run: how many passed, failed, or were not run yet. */
function runAllTitle(results: ReadonlyArray<TestResult | undefined>): string {
    const passed = results.filter(r => r?.passed === true).length;
    const failed = results.filter(r => r?.passed === false).length;
    if (passed + failed === 0) {
        return t('editor.lens.run-all');
    }
    const notRun = results.length - passed - failed;
    const parts = [
        t('editor.lens.passed', { count: passed }),
        ...(failed > 0 ? [t('editor.lens.failed', { count: failed })] : []),
        ...(notRun > 0 ? [t('editor.lens.not-run', { count: notRun })] : []),
    ];
    return t('editor.lens.run-all-results', { mark: failed > 0 ? '✗' : '✓', results: parts.join(t('editor.lens.separator')) });
}

function countTitle(rule: ast.Rule, counts: RuleTestCounts): string {
    if (clausesOf(rule).disabled) {
        return t('editor.lens.rule-disabled');
    }
    if (counts.errors) {
        return t('editor.lens.rule-not-counted');
    }
    const count = counts.counts.get(qualifiedName(rule)) ?? 0;
    return count === 0 ? t('editor.lens.rule-no-tests') : t('editor.lens.rule-tests', { count });
}
