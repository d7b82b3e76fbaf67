/**
 * Which files `govrule check` reads (LANGUAGE.md §11): the paths given, else the `include` of
 * govrule.json, else the current folder; and the exit codes 0 and 1 that follow.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { describeRun, runCli } from '../helpers/cli.js';
import { tempFolder } from '../helpers/temp.js';
import { USES_VOCABULARY, VOCABULARY } from '../helpers/workspace.js';

const BROKEN = 'package t.broken\npost\n';
const CLEAN = { 'common.govrule': VOCABULARY, 'uses.govrule': USES_VOCABULARY };

function summaryLine(stderr: string): string {
    return stderr.trimEnd().split('\n').pop()!;
}

describe('exit codes', () => {
    test('0 without problems, 0 with warnings only, 1 with errors', () => {
        const clean = tempFolder(CLEAN);
        const ok = runCli(['check'], { cwd: clean });
        expect(ok.status, describeRun(ok)).toBe(0);
        expect(ok.stderr).toBe('No problems in 2 files.\n');
        expect(ok.stdout).toBe('');

        const warned = tempFolder({ ...CLEAN, 'idle.govrule': 'package t.idle\npost idle\n' });
        const warnings = runCli(['check'], { cwd: warned });
        expect(warnings.status, describeRun(warnings)).toBe(0);
        expect(summaryLine(warnings.stderr)).toBe('0 errors, 1 warning in 3 files.');

        const broken = tempFolder({ ...CLEAN, 'broken.govrule': BROKEN });
        const errors = runCli(['check'], { cwd: broken });
        expect(errors.status, describeRun(errors)).toBe(1);
        expect(summaryLine(errors.stderr)).toBe('1 error, 0 warnings in 3 files.');
    });
});

describe('paths given on the command line', () => {
    test('files and folders; other files are not read', () => {
        const dir = tempFolder({ 'a/common.govrule': VOCABULARY, 'b/uses.govrule': USES_VOCABULARY, 'c/broken.govrule': BROKEN });
        const result = runCli(['check', 'a', 'b/uses.govrule'], { cwd: dir });
        expect(result.status, describeRun(result)).toBe(0);
        expect(result.stderr).toBe('No problems in 2 files.\n');
        const all = runCli(['check', 'a', 'b', 'c'], { cwd: dir });
        expect(all.status, describeRun(all)).toBe(1);
        expect(all.stderr).toContain('c/broken.govrule:2:5: error [syntax]');
    });

    test('a file named twice, or a file and its folder, is read once', () => {
        const dir = tempFolder(CLEAN);
        const result = runCli(['check', 'common.govrule', '.', './uses.govrule', 'common.govrule'], { cwd: dir });
        expect(result.status, describeRun(result)).toBe(0);
        expect(result.stderr).toBe('No problems in 2 files.\n');
    });

    test('a file named explicitly is read whatever its extension', () => {
        const dir = tempFolder({ 'common.govrule': VOCABULARY, 'uses.txt': USES_VOCABULARY });
        const result = runCli(['check', 'common.govrule', 'uses.txt'], { cwd: dir });
        expect(result.status, describeRun(result)).toBe(0);
        expect(result.stderr).toBe('No problems in 2 files.\n');
        // A folder search only takes *.govrule, so the vocabulary alone has unused declarations.
        const folder = runCli(['check', '.'], { cwd: dir });
        expect(summaryLine(folder.stderr)).toMatch(/^0 errors, \d+ warnings in 1 file\.$/);
    });

    test('paths are printed relative to the current folder, with /', () => {
        const dir = tempFolder({ ...CLEAN, 'deep/er/broken.govrule': BROKEN });
        const result = runCli(['check', path.join(dir)], { cwd: path.join(dir, 'deep') });
        expect(result.stderr.split('\n')[0]).toBe("er/broken.govrule:2:5: error [syntax] Expected a name but found the end of the file");
        const above = runCli(['check', '../..'], { cwd: path.join(dir, 'deep', 'er') });
        expect(above.stderr.split('\n')[0]).toBe("broken.govrule:2:5: error [syntax] Expected a name but found the end of the file");
    });
});

describe('govrule.json include', () => {
    const project = () => tempFolder({
        'govrule.json': '{ "include": ["rules/**/*.govrule"] }',
        'rules/common.govrule': VOCABULARY,
        'rules/more/uses.govrule': USES_VOCABULARY,
        'drafts/broken.govrule': BROKEN,
    });

    test('without paths, the include of govrule.json selects the files', () => {
        const dir = project();
        const result = runCli(['check'], { cwd: dir });
        expect(result.status, describeRun(result)).toBe(0);
        expect(result.stderr).toBe('No problems in 2 files.\n');
    });

    test('from a folder below the project, the project’s govrule.json still applies', () => {
        const dir = project();
        const result = runCli(['check'], { cwd: path.join(dir, 'rules', 'more') });
        expect(result.status, describeRun(result)).toBe(0);
        expect(result.stderr).toBe('No problems in 2 files.\n');
    });

    test('a folder given as a path is searched with its own govrule.json', () => {
        const dir = project();
        const result = runCli(['check', dir], { cwd: tempFolder() });
        expect(result.status, describeRun(result)).toBe(0);
        expect(result.stderr).toBe('No problems in 2 files.\n');
    });

    test('paths given override the include', () => {
        const dir = project();
        const result = runCli(['check', 'drafts'], { cwd: dir });
        expect(result.status, describeRun(result)).toBe(1);
        expect(result.stderr).toContain('drafts/broken.govrule:2:5: error [syntax]');
    });

    test('an include that matches nothing is a usage error', () => {
        const dir = tempFolder({ 'govrule.json': '{ "include": ["src/**/*.govrule"] }', 'rules/a.govrule': VOCABULARY });
        const result = runCli(['check'], { cwd: dir });
        expect(result.status).toBe(2);
        expect(result.stderr).toBe('govrule: error: no .govrule files found in . (include: src/**/*.govrule)\n');
    });
});

describe('the current folder', () => {
    test('without paths or govrule.json, the current folder is searched; dot folders and node_modules are skipped', () => {
        const dir = tempFolder({
            ...CLEAN,
            'node_modules/pkg/broken.govrule': BROKEN,
            '.git/broken.govrule': BROKEN,
            '.cache/x/broken.govrule': BROKEN,
        });
        const result = runCli(['check'], { cwd: dir });
        expect(result.status, describeRun(result)).toBe(0);
        expect(result.stderr).toBe('No problems in 2 files.\n');
    });

    test('a folder without .govrule files is a usage error', () => {
        const dir = tempFolder({ 'readme.md': '# nothing' });
        const result = runCli(['check'], { cwd: dir });
        expect(result.status).toBe(2);
        expect(result.stderr).toBe('govrule: error: no .govrule files found in .\n');
        expect(fs.readdirSync(dir)).toEqual(['readme.md']);
    });
});
