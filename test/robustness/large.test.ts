/**
 * Size and depth: a ~5 MB file compiles, and deeply nested conditions compile or give a `syntax`
 * diagnostic, never a stack overflow.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Bundle } from '../../language/src/bundle/types.js';
import { loadProject } from '../../language/src/project/project.js';
import { describeRun, runCli, type CliResult } from '../helpers/cli.js';
import { tempFolder } from '../helpers/temp.js';
import { USES_VOCABULARY, VOCABULARY } from '../helpers/workspace.js';

const DOC = '本条规则适用于在重点领域散布涉企虚假信息的情形，处置时应当保存证据并及时上报。'.repeat(6);

/** One file of about `bytes` bytes: a category tree and many rules with long documentation. */
function largeFile(bytes: number): { text: string; rules: number } {
    const parts = ['package t.big\nimport demo.common.*\n\ncategory big "大类" {\n'];
    for (let i = 0; i < 100; i++) parts.push(`    category c${i} "类别${i}"\n`);
    parts.push('}\n');
    let size = parts.join('').length;
    let rules = 0;
    while (size < bytes) {
        const rule = `
/** ${DOC} (${rules}) */
rule r${rules} "规则${rules}" {
    category big.c${rules % 100}
    severity ${['minor', 'serious', 'critical'][rules % 3]}
    when channel in [app, selfMedia] and (reports > ${rules % 50} or not verified) and district != "两江新区"
    responsible reviewer
    actions remove, rectify(deadline: ${(rules % 9) + 1}d)
    escalate { after ${(rules % 5) + 1}h to editor after 2d to cac }
    basis "《网络安全法》第${rules % 79}条", "${DOC.slice(0, 60)}"
}
`;
        parts.push(rule);
        size += Buffer.byteLength(rule);
        rules++;
    }
    return { text: parts.join(''), rules };
}

function ruleFile(condition: string): string {
    return `package t.deep\nimport demo.common.*\ncategory c\nrule deep { category c severity minor responsible reviewer actions remove when ${condition} }\n`;
}

function compileDeep(condition: string): CliResult & { dir: string } {
    const dir = tempFolder({ 'common.govrule': VOCABULARY, 'uses.govrule': USES_VOCABULARY, 'deep.govrule': ruleFile(condition) });
    return { ...runCli(['compile', '-o', 'bundle.json', '--format', 'json'], { cwd: dir }), dir };
}

/** Either the bundle is written (and `check` holds for its `when`), or one syntax error says why not. */
function expectCompiledOrNestingError(result: CliResult & { dir: string }, check: (when: unknown) => void): void {
    expect(result.stderr, describeRun(result)).not.toMatch(/internal[ -]error|RangeError|\n\s+at /);
    if (result.status === 0) {
        const bundle = JSON.parse(fs.readFileSync(path.join(result.dir, 'bundle.json'), 'utf8')) as Bundle;
        check(bundle.rules.find(r => r.name === 'deep')!.when);
    } else {
        expect(result.status, describeRun(result)).toBe(1);
        const problems = JSON.parse(result.stdout) as Array<{ code: string; file: string; message: string }>;
        expect(problems.map(p => [p.file, p.code])).toEqual([['deep.govrule', 'syntax']]);
        expect(problems[0].message).toMatch(/^This is nested too deeply to read \(\d+ levels of parentheses and 'not'\)/);
    }
}

function depthOfNots(when: unknown): number {
    let depth = 0;
    for (let w = when as Record<string, unknown>; w && typeof w === 'object' && '!' in w; w = w['!'] as Record<string, unknown>) depth++;
    return depth;
}

describe('a large file', () => {
    test('about 5 MB in one file compiles', () => {
        const { text, rules } = largeFile(5_000_000);
        expect(Buffer.byteLength(text)).toBeGreaterThanOrEqual(5_000_000);
        const dir = tempFolder({ 'common.govrule': VOCABULARY, 'uses.govrule': USES_VOCABULARY, 'big.govrule': text });
        const started = Date.now();
        const result = runCli(['compile', '-o', 'bundle.json', '--quiet'], { cwd: dir, timeout: 120_000 });
        const seconds = (Date.now() - started) / 1000;
        expect(result.status, describeRun(result)).toBe(0);
        expect(result.stderr).not.toMatch(/internal[ -]error|\n\s+at /);
        const bundle = JSON.parse(fs.readFileSync(path.join(dir, 'bundle.json'), 'utf8')) as Bundle;
        expect(bundle.rules).toHaveLength(rules + 1);
        expect(seconds).toBeLessThan(120);
    }, 150_000);
});

describe('300,000 flat declarations', () => {
    // bench/hostile.mjs's shape: 300,000 top-level categories in one file (about 5 MB), each an
    // `uncovered-category` warning, and one rule.
    test('compile writes the bundle with every category; fmt rewrites the file', async () => {
        // @ts-expect-error: a plain ES module without types, shared with the benchmark
        const { flatDeclarations } = await import('../../bench/hostile.mjs');
        const dir = tempFolder((flatDeclarations(300_000) as { files: Record<string, string> }).files);
        const result = runCli(['compile', '-o', 'bundle.json', '--quiet'], { cwd: dir, timeout: 400_000 });
        expect(result.stderr, describeRun(result)).not.toMatch(/internal[ -]error|RangeError|Maximum call stack|\n\s+at /);
        expect(result.status, describeRun(result)).toBe(0);
        const bundle = JSON.parse(fs.readFileSync(path.join(dir, 'bundle.json'), 'utf8')) as Bundle;
        expect(bundle.categories).toHaveLength(300_002);
        const formatted = runCli(['fmt', 'flat.govrule'], { cwd: dir, timeout: 400_000 });
        expect(formatted.stderr, describeRun(formatted)).not.toMatch(/internal[ -]error|RangeError|Maximum call stack|\n\s+at /);
        expect(formatted.status, describeRun(formatted)).toBe(0);
        expect(fs.readFileSync(path.join(dir, 'flat.govrule'), 'utf8').match(/^category c\d+$/gm)).toHaveLength(300_000);
    }, 900_000);
});

describe('deep nesting', () => {
    test('200 levels of parentheses', () => {
        const result = compileDeep(`${'('.repeat(200)}verified${')'.repeat(200)}`);
        expectCompiledOrNestingError(result, when => expect(when).toEqual({ '===': [{ var: 'verified' }, true] }));
    });

    test('200 levels of `not (`', () => {
        const result = compileDeep(`${'not ('.repeat(200)}verified${')'.repeat(200)}`);
        expectCompiledOrNestingError(result, when => expect(depthOfNots(when)).toBe(200));
    });

    test('200 levels alternating `and`, `or` and `not`', () => {
        let condition = 'verified';
        for (let i = 0; i < 200; i++) {
            condition = i % 3 === 0 ? `not (${condition})` : i % 3 === 1 ? `(reports > ${i} and ${condition})` : `(${condition} or channel == app)`;
        }
        const result = compileDeep(condition);
        expectCompiledOrNestingError(result, when => expect(JSON.stringify(when).split('"!"').length - 1).toBe(67));
    });

    test('2000 levels are always a syntax error at the deepest parenthesis', () => {
        const condition = `${'('.repeat(2000)}verified${')'.repeat(2000)}`;
        const result = compileDeep(condition);
        expect(result.status, describeRun(result)).toBe(1);
        const problems = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
        const column = ruleFile(condition).split('\n')[3].indexOf('(') + 2000;
        expect(problems).toEqual([{
            file: 'deep.govrule', line: 4, column, endLine: 4, endColumn: column + 1, severity: 'error', code: 'syntax',
            message: "This is nested too deeply to read (2000 levels of parentheses and 'not'); write the condition with less nesting",
        }]);
        expect(fs.existsSync(path.join(result.dir, 'bundle.json'))).toBe(false);
    });

    test('a chain of 30,000 `or` is read or reported, and the other files of the build are unaffected', async () => {
        const chain = Array.from({ length: 30_000 }, (_, i) => `reports == ${i}`).join(' or ');
        const project = await loadProject([
            { path: '/deep/common.govrule', text: VOCABULARY },
            { path: '/deep/uses.govrule', text: USES_VOCABULARY },
            { path: '/deep/chain.govrule', text: ruleFile(chain) },
            { path: '/deep/nested.govrule', text: ruleFile(`${'not '.repeat(5000)}verified`).replace('t.deep', 't.nested') },
            { path: '/deep/later.govrule', text: ruleFile('verified').replace('t.deep', 't.later') },
        ]);
        const byFile = new Map(project.diagnostics.map(d => [path.basename(d.path), d.diagnostics]));
        expect(byFile.get('common.govrule')).toEqual([]);
        expect(byFile.get('uses.govrule')).toEqual([]);
        expect(byFile.get('later.govrule')).toEqual([]);
        expect(byFile.get('nested.govrule')!.map(d => [d.code, d.message])).toEqual([
            ['syntax', "This is nested too deeply to read (5000 levels of parentheses and 'not'); write the condition with less nesting"]]);
        const chainProblems = byFile.get('chain.govrule')!;
        if (chainProblems.length > 0) {
            expect(chainProblems.map(d => [d.code, d.message, d.range.start.line])).toEqual([
                ['syntax', "This condition is too long to read (29999 'and'/'or'); split it over several rules", 3]]);
        }
    });
});
