/**
 * The project's choices (LANGUAGE.md §12): lint levels from govrule.json, `// govrule-ignore code`
 * comments, and errors that cannot be turned off. Projects are real folders on disk, loaded as the
 * CLI loads them.
 */
import { describe, expect, test } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { describeRun, runCli } from '../helpers/cli.js';
import { tempFolder } from '../helpers/temp.js';
import { loadFolder } from '../helpers/project.js';
import { rangeOf } from '../helpers/ranges.js';
import { USES_VOCABULARY, VOCABULARY } from '../helpers/workspace.js';

/** A project whose only problems are lints: an unused post, an uncovered category, a repeated action. */
const LINTS = `package t.x
import demo.common.*

post idle
category open
category c
rule r {
    category c
    severity minor
    responsible reviewer
    actions remove, remove
}
`;

function project(files: Record<string, string>): string {
    return tempFolder({ 'rules/common.govrule': VOCABULARY, 'rules/uses.govrule': USES_VOCABULARY, ...files });
}

describe('lint levels in govrule.json', () => {
    test('by default the lints are warnings', async () => {
        const dir = project({ 'rules/x.govrule': LINTS });
        const loaded = await loadFolder(dir);
        expect(loaded.summary()).toEqual([
            'rules/x.govrule:11:21 duplicate-action warning',
            'rules/x.govrule:4:6 unused-declaration warning',
            'rules/x.govrule:5:10 uncovered-category warning',
        ]);
        expect(loaded.project.hasErrors).toBe(false);
    });

    test('a lint can be raised to an error, lowered to info or hint, or turned off', async () => {
        const dir = project({
            'rules/x.govrule': LINTS,
            'govrule.json': JSON.stringify({ lint: { 'unused-declaration': 'off', 'uncovered-category': 'error', 'duplicate-action': 'hint' } }),
        });
        const loaded = await loadFolder(dir);
        expect(loaded.summary()).toEqual([
            'rules/x.govrule:11:21 duplicate-action hint',
            'rules/x.govrule:5:10 uncovered-category error',
        ]);
        expect(loaded.project.hasErrors).toBe(true);
        const info = project({ 'rules/x.govrule': LINTS, 'govrule.json': '{ "lint": { "unused-declaration": "info", "uncovered-category": "warning" } }' });
        expect((await loadFolder(info)).summary()).toContain('rules/x.govrule:4:6 unused-declaration info');
    });

    test('the nearest govrule.json above a file governs it', async () => {
        const dir = project({
            'govrule.json': '{ "lint": { "unused-declaration": "error" } }',
            'rules/x.govrule': LINTS,
            'rules/quiet/govrule.json': '{ "lint": { "unused-declaration": "off" } }',
            'rules/quiet/y.govrule': 'package t.y\npost idleToo\n',
        });
        const loaded = await loadFolder(dir);
        expect(loaded.diagnostics('rules/x.govrule').find(d => d.code === 'unused-declaration')?.severity).toBe(DiagnosticSeverity.Error);
        expect(loaded.diagnostics('rules/quiet/y.govrule')).toEqual([]);
    });

    test('errors keep their level whatever govrule.json says', async () => {
        const dir = project({
            'rules/x.govrule': 'package t.x\npost twin\npost twin\n',
            'govrule.json': '{ "lint": { "duplicate-name": "off", "unused-declaration": "off" } }',
        });
        const loaded = await loadFolder(dir);
        expect(loaded.summary()).toEqual(['rules/x.govrule:2:6 duplicate-name error', 'rules/x.govrule:3:6 duplicate-name error']);
    });
});

describe('config diagnostics', () => {
    test('turning an error off is a `config` error at its key, and the error is still reported', () => {
        const config = '{\n  "lint": {\n    "duplicate-name": "off"\n  }\n}\n';
        const dir = project({ 'rules/x.govrule': 'package t.x\npost twin\npost twin\n', 'govrule.json': config });
        const result = runCli(['check', '--format', 'json'], { cwd: dir });
        expect(result.status, describeRun(result)).toBe(1);
        const problems = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
        const configProblems = problems.filter(p => p.code === 'config');
        expect(configProblems).toEqual([{
            file: 'govrule.json', line: 3, column: 5, endLine: 3, endColumn: 21, severity: 'error', code: 'config',
            message: "'duplicate-name' is an error and cannot be changed or turned off; only lints can (govrule.json)",
        }]);
        expect(problems.filter(p => p.code === 'duplicate-name')).toHaveLength(2);
    });

    test.each([
        ['{ "lint": { "unused-declaration": "loud" } }', 'unused-declaration', "Level of 'unused-declaration' must be one of error, warning, info, hint, off (govrule.json)"],
        ['{ "lint": { "unused-declarations": "off" } }', 'unused-declarations', "Unknown lint 'unused-declarations' (lints: "],
        ['{ "lint": ["unused-declaration"] }', 'lint', '"lint" must map diagnostic codes to levels (govrule.json)'],
        ['{ "include": "rules" }', 'include', '"include" must be a list of glob patterns (govrule.json)'],
        ['{ "lints": {} }', 'lints', "Unknown setting 'lints' (settings: include, out, lint) (govrule.json)"],
        ['{ "lint": { ', undefined, 'govrule.json is not valid JSON'],
    ])('%s is a config error', (config, key, message) => {
        const dir = project({ 'rules/x.govrule': 'package t.x\n', 'govrule.json': config });
        const result = runCli(['check', '--format', 'json'], { cwd: dir });
        expect(result.status, describeRun(result)).toBe(1);
        const problems = (JSON.parse(result.stdout) as Array<{ code: string; message: string; file: string; line: number; column: number }>).filter(p => p.code === 'config');
        expect(problems).toHaveLength(1);
        expect(problems[0].file).toBe('govrule.json');
        expect(problems[0].message.startsWith(message)).toBe(true);
        if (key) {
            const range = rangeOf(config, `"${key}"`);
            expect([problems[0].line, problems[0].column]).toEqual([range.start.line + 1, range.start.character + 1]);
        }
    });

    test('setting an error to its own level is allowed', () => {
        const dir = project({ 'rules/x.govrule': 'package t.x\n', 'govrule.json': '{ "lint": { "duplicate-name": "error" } }' });
        const result = runCli(['check', '--format', 'json'], { cwd: dir });
        expect(result.status, describeRun(result)).toBe(0);
        expect(JSON.parse(result.stdout)).toEqual([]);
    });
});

describe('// govrule-ignore', () => {
    test('silences its code on the declaration that follows, and nowhere else', async () => {
        const text = `package t.x
import demo.common.*

// govrule-ignore unused-declaration
post idle
post idleToo
category c
rule r { category c severity minor responsible reviewer actions remove }
`;
        const loaded = await loadFolder(project({ 'rules/x.govrule': text }));
        expect(loaded.summary()).toEqual(['rules/x.govrule:6:6 unused-declaration warning']);
    });

    test('silences its code on the clause that follows', async () => {
        const text = LINTS.replace('    actions remove, remove', '    // govrule-ignore duplicate-action\n    actions remove, remove');
        const loaded = await loadFolder(project({ 'rules/x.govrule': text }));
        expect(loaded.summary().filter(s => s.includes('duplicate-action'))).toEqual([]);
        expect(loaded.summary()).toHaveLength(2);
    });

    test('names several codes; blank lines and comments may stand between', async () => {
        const text = `package t.x
import demo.common.*

// govrule-ignore unused-declaration, uncovered-category

/* reviewed in 2026 */
category open
post idle
category c
rule r { category c severity minor responsible reviewer actions remove }
`;
        const loaded = await loadFolder(project({ 'rules/x.govrule': text }));
        // `category open` is silenced (only uncovered-category applies to it); `post idle` is the next declaration and is not.
        expect(loaded.summary()).toEqual(['rules/x.govrule:8:6 unused-declaration warning']);
    });

    test('a comment at the end of a line silences that line', async () => {
        const text = 'package t.x\nimport demo.common.*\npost idle // govrule-ignore unused-declaration\npost other\n';
        const loaded = await loadFolder(project({ 'rules/x.govrule': text }));
        expect(loaded.summary()).toEqual(['rules/x.govrule:4:6 unused-declaration warning']);
    });

    test('a different code is not silenced', async () => {
        const text = 'package t.x\nimport demo.common.*\n// govrule-ignore uncovered-category\npost idle\n';
        const loaded = await loadFolder(project({ 'rules/x.govrule': text }));
        expect(loaded.summary()).toEqual(['rules/x.govrule:4:6 unused-declaration warning']);
    });

    test('errors cannot be silenced', async () => {
        const text = 'package t.x\n// govrule-ignore duplicate-name, unused-declaration\npost twin\npost twin\n';
        const loaded = await loadFolder(project({ 'rules/x.govrule': text }));
        expect(loaded.summary()).toEqual([
            'rules/x.govrule:3:6 duplicate-name error',
            'rules/x.govrule:4:6 duplicate-name error',
            'rules/x.govrule:4:6 unused-declaration warning',
        ]);
    });

    test('the CLI applies the same comments and levels', () => {
        const dir = project({
            'rules/x.govrule': LINTS.replace('post idle', '// govrule-ignore unused-declaration\npost idle'),
            'govrule.json': '{ "lint": { "uncovered-category": "off" } }',
        });
        const result = runCli(['check', '--format', 'json'], { cwd: dir });
        expect(result.status, describeRun(result)).toBe(0);
        expect((JSON.parse(result.stdout) as Array<{ code: string }>).map(p => p.code)).toEqual(['duplicate-action']);
    });
});
