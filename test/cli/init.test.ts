/**
 * `govrule init` as a spawned process: the scaffold checks, tests, formats and compiles clean with
 * the CLI itself, and init never writes over a file that is already there.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { describeRun, runCli } from '../helpers/cli.js';
import { tempFolder } from '../helpers/temp.js';

const SCAFFOLD_FILES = [
    '.github/workflows/govrule.yml', '.vscode/extensions.json', 'govrule.json',
    'rules/spam.govrule', 'rules/vocabulary.govrule', 'tests/spam.govrule',
];

function listFiles(dir: string): string[] {
    return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
        .filter(entry => entry.isFile())
        .map(entry => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
        .sort();
}

describe('govrule init', () => {
    test('scaffolds a repository that checks, tests, formats and compiles without a finding', () => {
        const parent = tempFolder();
        const init = runCli(['init', 'my-rules'], { cwd: parent });
        expect(init.status, describeRun(init)).toBe(0);
        const repo = path.join(parent, 'my-rules');
        expect(listFiles(repo)).toEqual(SCAFFOLD_FILES);
        expect(init.stdout.trim().split('\n').sort()).toEqual(SCAFFOLD_FILES.map(f => `my-rules/${f}`).sort());

        const check = runCli(['check', '--format', 'json'], { cwd: repo });
        expect(check.status, describeRun(check)).toBe(0);
        expect(JSON.parse(check.stdout)).toEqual([]);

        const tests = runCli(['test'], { cwd: repo });
        expect(tests.status, describeRun(tests)).toBe(0);
        expect(tests.stdout).toContain('2 passed, 0 failed');

        const fmt = runCli(['fmt', '--check'], { cwd: repo });
        expect(fmt.status, describeRun(fmt)).toBe(0);

        const compile = runCli(['compile', '-o', 'dist/govrule.bundle.json'], { cwd: repo });
        expect(compile.status, describeRun(compile)).toBe(0);
        const bundle = JSON.parse(fs.readFileSync(path.join(repo, 'dist', 'govrule.bundle.json'), 'utf8')) as { rules: Array<{ id: string }>; severities: Array<{ label: string }> };
        expect(bundle.rules.map(r => r.id)).toEqual(['policy.advertisingSpam', 'policy.spamBaseline']);
        // Labels in Chinese and English.
        expect(bundle.severities.map(s => s.label)).toEqual(['一般 Minor', '较重 Serious', '严重 Severe']);
    });

    test('the CI workflow runs check as SARIF for code scanning, JUnit tests and compile as an artifact', () => {
        const repo = tempFolder();
        expect(runCli(['init'], { cwd: repo }).status).toBe(0);
        const workflow = fs.readFileSync(path.join(repo, '.github/workflows/govrule.yml'), 'utf8');
        expect(workflow).toContain('npx govrule check --format sarif > govrule.sarif');
        expect(workflow).toContain('github/codeql-action/upload-sarif');
        expect(workflow).toContain('npx govrule test --reporter junit');
        expect(workflow).toContain('npx govrule compile -o dist/govrule.bundle.json');
        expect(workflow).toMatch(/upload-artifact[\s\S]*path: dist\/govrule\.bundle\.json/);
        expect(JSON.parse(fs.readFileSync(path.join(repo, '.vscode/extensions.json'), 'utf8'))).toEqual({ recommendations: ['govrule.govrule'] });
    });

    test('writes nothing when any file of the scaffold is already there', () => {
        const repo = tempFolder({ 'govrule.json': '{ "include": ["mine/**/*.govrule"] }\n', 'tests/keep.txt': 'mine' });
        const init = runCli(['init', '.'], { cwd: repo });
        expect(init.status, describeRun(init)).toBe(2);
        expect(init.stderr).toBe('govrule: error: init writes nothing over existing files; already there: govrule.json\n');
        expect(listFiles(repo)).toEqual(['govrule.json', 'tests/keep.txt']);
        expect(fs.readFileSync(path.join(repo, 'govrule.json'), 'utf8')).toBe('{ "include": ["mine/**/*.govrule"] }\n');
    });

    test('refuses a path that is a file, and more than one folder', () => {
        const repo = tempFolder({ 'file.txt': 'x' });
        const onFile = runCli(['init', 'file.txt'], { cwd: repo });
        expect(onFile.status).toBe(2);
        expect(onFile.stderr).toBe('govrule: error: file.txt is not a folder\n');
        const two = runCli(['init', 'a', 'b'], { cwd: repo });
        expect(two.status).toBe(2);
        expect(two.stderr).toBe('govrule: error: init takes at most one folder (got a b)\n');
        expect(listFiles(repo)).toEqual(['file.txt']);
    });
});
