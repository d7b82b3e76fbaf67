/**
 * The shapes of bench/hostile.mjs, at sizes that run in seconds: each finishes and gives the
 * right diagnostics, through the spawned CLI (check, compile, fmt). Their timings are measured by
 * `npm run bench:hostile`, never here; 300,000 flat declarations are in large.test.ts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { closestNames, editDistance } from '../../language/src/model/text-distance.js';
import { quoted } from '../../language/src/model/quote.js';
import { describeRun, runCli, type CliResult } from '../helpers/cli.js';
import { tempFolder } from '../helpers/temp.js';
// @ts-expect-error: a plain ES module without types, shared with the benchmark
import * as hostile from '../../bench/hostile.mjs';
import { MAX_CATEGORY_NESTING } from '../../language/src/syntax/guarded-parser.js';

interface Shape {
    readonly files: Record<string, string>;
}

interface JsonProblem {
    readonly file: string;
    readonly line: number;
    readonly severity: string;
    readonly code: string;
    readonly message: string;
}

function folder(shape: Shape): string {
    return tempFolder(shape.files);
}

function check(dir: string): CliResult & { problems: JsonProblem[] } {
    const result = runCli(['check', '--format', 'json'], { cwd: dir, timeout: 120_000 });
    expect(result.stderr, describeRun(result)).not.toMatch(/internal[ -]error|RangeError|\n\s+at /);
    return { ...result, problems: JSON.parse(result.stdout) as JsonProblem[] };
}

/** No crash, no stack trace, and the exit status a run with these problems must have. */
function expectClean(result: CliResult): void {
    expect(result.stderr, describeRun(result)).not.toMatch(/internal[ -]error|RangeError|Maximum call stack|\n\s+at /);
    expect(result.stdout, describeRun(result)).not.toMatch(/internal-error/);
}

describe('a misspelt name of 30 KB and of 1 MB', () => {
    test.each([30_000, 1_000_000])('%i bytes: one unresolved-reference, the name shortened, no suggestion', bytes => {
        const dir = folder(hostile.misspeltName(bytes));
        const result = check(dir);
        expect(result.status).toBe(1);
        const errors = result.problems.filter(p => p.severity === 'error');
        expect(errors.map(p => [p.file, p.code, p.message])).toEqual([
            ['misspelt.govrule', 'unresolved-reference', "Cannot find a post named 'reviewerreviewerreviewerreviewerreviewer…'"],
        ]);
        // The text report windows the 1 MB line instead of printing it whole.
        const text = runCli(['check'], { cwd: dir, timeout: 120_000 });
        expect(text.stderr.length).toBeLessThan(2000);
    });

    test('suggestions are bounded and still found for ordinary names', () => {
        expect(closestNames('reviewr', ['reviewer', 'editor', 'cac'])).toEqual(['reviewer']);
        expect(closestNames('x'.repeat(65), ['x'.repeat(64)])).toEqual([]);
        expect(closestNames('审核元', ['审核员', '编辑'])).toEqual(['审核员']);
        expect(editDistance('kitten', 'sitting')).toBe(3);
        // Past the threshold the distance is only known to exceed it.
        expect(editDistance('kitten', 'sitting', 1)).toBe(2);
        expect(editDistance('a'.repeat(10_000), 'b'.repeat(10_000), 3)).toBe(4);
        expect(quoted('名'.repeat(41))).toBe(`'${'名'.repeat(40)}…'`);
        expect(quoted('reviewer')).toBe("'reviewer'");
    });
});

describe('rules sharing one category', () => {
    test('2,000 rules told apart by a required value: no finding, exit 0', () => {
        const result = check(folder(hostile.sharedCategory(2000)));
        expect(result.status, describeRun(result)).toBe(0);
        expect(result.problems.filter(p => p.code === 'shadowed-rule' || p.code === 'analysis-budget')).toEqual([]);
    });

    test('the same rules on distinct categories: no finding', () => {
        const result = check(folder(hostile.sharedCategory(1000, { distinct: true })));
        expect(result.status, describeRun(result)).toBe(0);
        expect(result.problems.filter(p => p.code === 'shadowed-rule')).toEqual([]);
    });

    test('small and alike: every rule but one is shadowed, found in full', () => {
        const result = check(folder(hostile.sharedCategory(30, { alike: true })));
        // r0 (`reports > 0`) matches every event a later rule matches, and its id sorts first.
        const shadowed = result.problems.filter(p => p.code === 'shadowed-rule');
        expect(shadowed).toHaveLength(29);
        expect(shadowed[0].message).toMatch(/^Rule 'r1' can never win: rule 'r0' matches every event it matches/);
        expect(result.problems.filter(p => p.code === 'analysis-budget')).toEqual([]);
    });

    test('2,500 alike rules: the analysis stops with one analysis-budget info at the first rule left unchecked', () => {
        const result = check(folder(hostile.sharedCategory(2500, { alike: true })));
        expect(result.status, describeRun(result)).toBe(0);
        const stopped = result.problems.filter(p => p.code === 'analysis-budget');
        expect(stopped).toHaveLength(1);
        expect(stopped[0].severity).toBe('info');
        expect(stopped[0].message).toMatch(/^The search for shadowed rules stopped here/);
        // What was found before the budget ran out is reported, and only rules before the stop.
        const shadowed = result.problems.filter(p => p.code === 'shadowed-rule');
        expect(shadowed.length).toBeGreaterThan(0);
        expect(shadowed.every(p => p.line < stopped[0].line)).toBe(true);
    });
});

describe('deep nesting', () => {
    test('200 levels of categories (the limit): check, compile and fmt all run, on every Node version', () => {
        const dir = folder(hostile.nestedCategories(MAX_CATEGORY_NESTING));
        const compiled = runCli(['compile', '-o', 'bundle.json', '--quiet'], { cwd: dir, timeout: 120_000 });
        expectClean(compiled);
        expect(compiled.status, describeRun(compiled)).toBe(0);
        const bundle = JSON.parse(fs.readFileSync(path.join(dir, 'bundle.json'), 'utf8')) as { categories: Array<{ id: string }> };
        expect(bundle.categories.map(c => c.id)).toContain(`h.n.${Array.from({ length: MAX_CATEGORY_NESTING }, (_, i) => `n${i}`).join('.')}`);
        const formatted = runCli(['fmt', '--check'], { cwd: dir, timeout: 120_000 });
        expectClean(formatted);
    });

    test('one level past the limit, and 400 levels: a clean syntax error, nothing compiled', () => {
        const over = check(folder(hostile.nestedCategories(MAX_CATEGORY_NESTING + 1)));
        expect(over.problems.map(p => [p.file, p.code, p.message])).toEqual([
            ['nested.govrule', 'syntax', `Categories are nested too deeply to read (${MAX_CATEGORY_NESTING + 1} levels of categories); make the category tree shallower`],
        ]);
        const dir = folder(hostile.nestedCategories(400));
        const result = check(dir);
        expect(result.status).toBe(1);
        expect(result.problems.filter(p => p.file === 'nested.govrule').map(p => p.code)).toContain('syntax');
        const compiled = runCli(['compile', '-o', 'bundle.json'], { cwd: dir, timeout: 120_000 });
        expectClean(compiled);
        expect(compiled.status).toBe(1);
        expect(fs.existsSync(path.join(dir, 'bundle.json'))).toBe(false);
        expectClean(runCli(['fmt', '--check'], { cwd: dir, timeout: 120_000 }));
    });

    test('a file too deep to read that holds the severity scale: its syntax error alone, no phantom missing scale', () => {
        const depth = 400;
        const text = `package p\nseverities { minor "一般", severe "严重" }\n${'category c {\n'.repeat(depth)}${'}\n'.repeat(depth)}`;
        const dir = tempFolder({ 'deep.govrule': text });
        const result = check(dir);
        expect(result.status).toBe(1);
        expect(result.problems.map(p => [p.code, p.message])).toEqual([
            ['syntax', `Categories are nested too deeply to read (${depth} levels of categories); make the category tree shallower`],
        ]);
    });

    test('10,000 levels of `not (`: one syntax error; compile writes nothing; fmt leaves the file', () => {
        const dir = folder(hostile.deepCondition(10_000));
        const before = fs.readFileSync(path.join(dir, 'deep.govrule'), 'utf8');
        const result = check(dir);
        expect(result.status).toBe(1);
        expect(result.problems.filter(p => p.severity === 'error').map(p => [p.file, p.code])).toEqual([['deep.govrule', 'syntax']]);
        const compiled = runCli(['compile'], { cwd: dir, timeout: 120_000 });
        expectClean(compiled);
        expect(compiled.status).toBe(1);
        expect(compiled.stdout).toBe('');
        expectClean(runCli(['fmt'], { cwd: dir, timeout: 120_000 }));
        expect(fs.readFileSync(path.join(dir, 'deep.govrule'), 'utf8')).toBe(before);
    });

    test('a chain of 10,000 `or`: compiled or reported, never a crash', () => {
        const dir = folder(hostile.deepCondition(10_000, 'or'));
        const compiled = runCli(['compile', '-o', 'bundle.json', '--format', 'json'], { cwd: dir, timeout: 120_000 });
        expectClean(compiled);
        if (compiled.status === 0) {
            const bundle = JSON.parse(fs.readFileSync(path.join(dir, 'bundle.json'), 'utf8')) as { rules: Array<{ when: { or: unknown[] } }> };
            expect(bundle.rules[0].when.or).toHaveLength(10_000);
        } else {
            expect((JSON.parse(compiled.stdout) as JsonProblem[]).filter(p => p.severity === 'error').map(p => [p.file, p.code])).toEqual([['deep.govrule', 'syntax']]);
        }
        expectClean(runCli(['fmt', '--check'], { cwd: dir, timeout: 120_000 }));
    });
});
