/**
 * Where the search for shadowed rules stops (PAIR_BUDGET), in-process: the shape of
 * bench/hostile.mjs that test/robustness/hostile-shapes.test.ts runs through the CLI. Slow: the
 * mutation config runs this file after the quick ones.
 */
import { describe, expect, test } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { workspace } from '../helpers/workspace.js';
import { PAIR_BUDGET } from '../../language/src/validation/analysis-rules.js';
// @ts-expect-error: a plain ES module without types, shared with the benchmark
import * as hostile from '../../bench/hostile.mjs';

function messageText(message: string | { value: string }): string {
    return typeof message === 'string' ? message : message.value;
}

describe('the pair budget', () => {
    test(`2,001 alike rules on one category: found in full while at most ${PAIR_BUDGET.toLocaleString('en')} pairs are spent, then one analysis-budget info`, async () => {
        const ws = await workspace(hostile.sharedCategory(2001, { alike: true }).files);
        const found = ws.diagnostics('rules.govrule');
        const stopped = found.filter(d => d.code === 'analysis-budget');
        const shadowed = found.filter(d => d.code === 'shadowed-rule');
        // Each rule has the other 2,000 as candidates: the first 1,000 rules spend exactly the budget,
        // so the analysis stops at the next one, r1000.
        const at = PAIR_BUDGET / 2000;
        expect(at).toBe(1000);
        expect(stopped.map(d => [messageText(d.message), d.severity])).toEqual([[
            'The search for shadowed rules stopped here: the workspace has too many rules that could shadow one another '
            + '(over 2,000,000 pairs to compare). This rule and the ones after it are not checked for shadowing.', DiagnosticSeverity.Information]]);
        const ruleAt = (line: number) => /rule (r\d+)/.exec(ws.documents.get('rules.govrule')!.textDocument.getText().split('\n')[line])![1];
        expect(ruleAt(stopped[0].range.start.line)).toBe(`r${at}`);
        // r0 (`reports > 0`) matches every event a later rule matches, and its id sorts first.
        expect(shadowed.map(d => ruleAt(d.range.start.line))).toEqual(Array.from({ length: at - 1 }, (_, i) => `r${i + 1}`));
        expect(messageText(shadowed[0].message)).toBe("Rule 'r1' can never win: rule 'r0' matches every event it matches and wins by coming first in the bundle (its id sorts first)");
    }, 120_000);
});
