/**
 * `govrule test` with argument expectations, as a spawned process: a passing run, and a failing one
 * whose report shows the expected and decided arguments side by side (English and Chinese).
 */
import { describe, expect, test } from 'vitest';
import { describeRun, runCli } from '../helpers/cli.js';
import { tempFolder } from '../helpers/temp.js';
import { VOCABULARY } from '../helpers/vocabulary.js';

const RULES = `package t
import demo.common.*
category leak "数据泄露"
rule leakRule { category leak severity serious responsible reviewer actions rectify(deadline: 5d), fine(amount: 100000 CNY) }
`;

const PASSING = `package t.tests
import demo.common.*
import t.*
test "five days and 100,000 CNY" {
    given leak { channel: app }
    on 2026-01-01
    expect actions rectify(deadline: 5d), fine(amount: 100000 CNY)
}
`;

const FAILING = `package t.tests
import demo.common.*
import t.*
test "wrong deadline" {
    given leak { channel: app }
    on 2026-01-01
    expect actions rectify(deadline: 3d), fine
}
`;

const project = (tests: string) => tempFolder({ 'common.govrule': VOCABULARY, 'rules.govrule': RULES, 'tests.govrule': tests });

describe('govrule test with argument expectations', () => {
    test('arguments that hold: exit 0', () => {
        const result = runCli(['test'], { cwd: project(PASSING) });
        expect(result.status, describeRun(result)).toBe(0);
        expect(result.stdout).toBe('PASS tests.govrule:4 five days and 100,000 CNY\n1 passed, 0 failed\n');
    });

    test('a different argument: expected and actual side by side, exit 1', () => {
        const result = runCli(['test'], { cwd: project(FAILING) });
        expect(result.status, describeRun(result)).toBe(1);
        expect(result.stdout).toBe([
            'FAIL tests.govrule:4 wrong deadline',
            '     on 2026-01-01',
            '        what                              expected                               actual',
            '     ✓  actions                           demo.common.rectify, demo.common.fine  demo.common.rectify, demo.common.fine',
            '     ✗  arguments of demo.common.rectify  deadline: 3d                           deadline: 5d',
            '0 passed, 1 failed',
            '',
        ].join('\n'));
    });

    test('in Chinese: labels and values in words', () => {
        const result = runCli(['test', '--lang', 'zh-CN'], { cwd: project(FAILING) });
        expect(result.status, describeRun(result)).toBe(1);
        expect(result.stdout).toMatch(/✗ {2}责令限期改正（rectify）的参数 +deadline：3 天 +deadline：5 天\n/);
    });

    test('the JSON reporter carries the runtime\'s words for both sides', () => {
        const result = runCli(['test', '--reporter', 'json'], { cwd: project(FAILING) });
        const report = JSON.parse(result.stdout) as { tests: Array<{ expectations: unknown[] }> };
        expect(report.tests[0]!.expectations).toContainEqual({ kind: 'arguments', passed: false, expected: 'demo.common.rectify(deadline: 3d)', actual: 'demo.common.rectify(deadline: 5d)' });
    });
});
