/**
 * The slips of issue 9 §6 as a user meets them: `govrule check`, `compile` and `fmt` spawned on
 * files in a temporary folder, each slip one error with what, where and the fix.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { describeRun, runCli } from '../helpers/cli.js';
import { tempFolder } from '../helpers/temp.js';
import { VOCABULARY } from '../helpers/workspace.js';

/** A rule written on a Chinese keyboard: five slips, one per line. */
const SLIPS = `package t.slips
import demo.comon.*

category misc

rule r {
    category misc
    severity minor
    responsibel reviewer
    actions remove， rectify(deadline: 5天)
    when channel = app && reports > 1
    priority -1
}
`;

function project(): string {
    return tempFolder({ 'common.govrule': VOCABULARY, 'slips.govrule': SLIPS });
}

describe('govrule check', () => {
    test('each slip is one error naming the fix, at its place; exit 1', () => {
        const result = runCli(['check', 'slips.govrule', 'common.govrule', '--quiet'], { cwd: project() });
        expect(result.status, describeRun(result)).toBe(1);
        const errors = result.stderr.split('\n').filter(l => l.startsWith('slips.govrule:'));
        expect(errors).toEqual([
            "slips.govrule:2:8: error [unresolved-import] No package 'demo.comon' in the workspace; did you mean 'demo.common'?",
            "slips.govrule:8:14: error [unresolved-reference] Cannot find a severity level named 'minor'. 'minor' is declared in demo.common; add import demo.common.*",
            "slips.govrule:9:5: error [syntax] Unknown clause 'responsibel'; did you mean 'responsible'?",
            "slips.govrule:10:13: error [unresolved-reference] Cannot find an action named 'remove'. 'remove' is declared in demo.common; add import demo.common.*",
            "slips.govrule:10:19: error [syntax] Use ASCII ',' instead of the full-width '，'",
            "slips.govrule:10:21: error [unresolved-reference] Cannot find an action named 'rectify'. 'rectify' is declared in demo.common; add import demo.common.*",
            "slips.govrule:10:39: error [syntax] '5天' is not a duration: write 5d",
            "slips.govrule:11:10: error [unresolved-reference] Cannot find an attribute named 'channel'. 'channel' is declared in demo.common; add import demo.common.*",
            "slips.govrule:11:18: error [syntax] Use '==' to compare: '=' is not an operator",
            "slips.govrule:11:24: error [syntax] Use 'and' instead of '&&'",
            "slips.govrule:11:27: error [unresolved-reference] Cannot find an attribute named 'reports'. 'reports' is declared in demo.common; add import demo.common.*",
            'slips.govrule:12:14: error [syntax] A priority is a whole number ≥ 0, not -1',
        ]);
    });

    test('--format json carries the code and the worded message', () => {
        const dir = tempFolder({ 'common.govrule': VOCABULARY, 'a.govrule': 'package t.a\nimport demo.common.*\npost test\naction pay (amount: money)\n' });
        const result = runCli(['check', 'a.govrule', 'common.govrule', '--format', 'json', '--quiet'], { cwd: dir });
        expect(result.status, describeRun(result)).toBe(1);
        const problems = JSON.parse(result.stdout) as Array<{ file: string; line: number; column: number; code: string; message: string }>;
        expect(problems.filter(p => p.file === 'a.govrule').map(p => [p.line, p.column, p.code, p.message]))
            .toEqual([[3, 6, 'syntax', "'test' is a reserved word; choose another name"]]);
    });

    test('categories nested past what the parser can read: one error naming categories, exit 1', () => {
        const depth = 5000;
        const text = `package t.deep\n${Array.from({ length: depth }, (_, i) => `category c${i} {\n`).join('')}${'}\n'.repeat(depth)}`;
        const dir = tempFolder({ 'common.govrule': VOCABULARY, 'deep.govrule': text });
        const result = runCli(['check', 'deep.govrule', 'common.govrule', '--quiet'], { cwd: dir });
        expect(result.status, describeRun(result)).toBe(1);
        expect(result.stderr.split('\n').filter(l => l.startsWith('deep.govrule:'))).toEqual([
            `deep.govrule:${depth + 1}:10: error [syntax] Categories are nested too deeply to read (${depth} levels of categories); make the category tree shallower`,
        ]);
    });
});

describe('compile and fmt', () => {
    test('compile writes nothing for a file whose slips the parser read past', () => {
        const text = 'package t.c\nimport demo.common.*\ncategory misc\nrule r {\n    category misc\n    severity minor\n    responsible reviewer\n    actions remove， fine(amount: 100,000 CNY)\n}\n';
        const dir = tempFolder({ 'common.govrule': VOCABULARY, 'c.govrule': text });
        const out = path.join(dir, 'out.json');
        const result = runCli(['compile', 'c.govrule', 'common.govrule', '-o', out, '--quiet'], { cwd: dir });
        expect(result.status, describeRun(result)).toBe(1);
        expect(result.stderr).toContain("c.govrule:8:19: error [syntax] Use ASCII ',' instead of the full-width '，'");
        expect(result.stderr).toContain('c.govrule:8:34: error [syntax] Numbers have no thousands separators: write 100000');
        expect(fs.existsSync(out)).toBe(false);
    });

    test('fmt leaves the file as it is and says what to fix', () => {
        const text = 'package t.f\nimport demo.common.*\ncategory misc\nrule r {\n    category misc\n    severity minor\n    responsible reviewer\n    actions rectify(deadline: 2小时)\n}\n';
        const dir = tempFolder({ 'f.govrule': text });
        const result = runCli(['fmt', 'f.govrule'], { cwd: dir });
        expect(result.status, describeRun(result)).not.toBe(0);
        expect(result.stderr).toContain("'2小时' is not a duration: write 2h");
        expect(fs.readFileSync(path.join(dir, 'f.govrule'), 'utf8')).toBe(text);
    });
});
