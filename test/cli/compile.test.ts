/**
 * `govrule compile` (LANGUAGE.md §11): the bundle on stdout with diagnostics on stderr, or written
 * atomically with -o; nothing written or replaced when there are errors or the target is unwritable.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { describeRun, runCli } from '../helpers/cli.js';
import { tempFolder } from '../helpers/temp.js';
import { USES_VOCABULARY, VOCABULARY } from '../helpers/workspace.js';

const CLEAN = { 'common.govrule': VOCABULARY, 'uses.govrule': USES_VOCABULARY };
const WARNED = { ...CLEAN, 'idle.govrule': 'package t.idle\npost idle\n' };
const BROKEN = { ...CLEAN, 'broken.govrule': 'package t.broken\npost twin\npost twin\n' };

/** Lists a folder, so a left-over temp file would show. */
function listing(dir: string): string[] {
    return fs.readdirSync(dir).sort();
}

describe('compile to stdout', () => {
    test('stdout is the bundle alone; text diagnostics and the summary go to stderr', () => {
        const dir = tempFolder(WARNED);
        const result = runCli(['compile'], { cwd: dir });
        expect(result.status, describeRun(result)).toBe(0);
        const bundle = JSON.parse(result.stdout);
        expect(bundle.format).toBe('govrule-bundle');
        expect(bundle.posts.map((p: { id: string }) => p.id)).toEqual(['demo.common.chiefEditor', 'demo.common.editor', 'demo.common.reviewer', 't.idle.idle']);
        expect(result.stderr).toContain("idle.govrule:2:6: warning [unused-declaration] Post 'idle' is never used");
        expect(result.stderr.trimEnd().split('\n').pop()).toBe('0 errors, 1 warning in 3 files.');
    });

    test.each(['json', 'sarif', 'github'])('with --format %s the diagnostics still go to stderr', format => {
        const dir = tempFolder(WARNED);
        const result = runCli(['compile', '--format', format], { cwd: dir });
        expect(result.status, describeRun(result)).toBe(0);
        expect(JSON.parse(result.stdout).format).toBe('govrule-bundle');
        expect(result.stderr).toContain('unused-declaration');
        if (format !== 'github') {
            expect(() => JSON.parse(result.stderr)).not.toThrow();
        }
    });

    test('errors: exit 1 and nothing on stdout', () => {
        const dir = tempFolder(BROKEN);
        const result = runCli(['compile'], { cwd: dir });
        expect(result.status, describeRun(result)).toBe(1);
        expect(result.stdout).toBe('');
        expect(result.stderr).toContain('error [duplicate-name]');
    });

    test('warnings over --max-warnings: exit 1 and no bundle', () => {
        const dir = tempFolder(WARNED);
        const result = runCli(['compile', '--max-warnings', '0'], { cwd: dir });
        expect(result.status, describeRun(result)).toBe(1);
        expect(result.stdout).toBe('');
    });
});

describe('compile -o', () => {
    test('writes the same bytes as stdout, says so on stderr, and leaves no temp file', () => {
        const dir = tempFolder(CLEAN);
        const streamed = runCli(['compile'], { cwd: dir }).stdout;
        const result = runCli(['compile', '-o', 'dist/out/bundle.json'], { cwd: dir });
        expect(result.status, describeRun(result)).toBe(0);
        expect(result.stdout).toBe('');
        expect(result.stderr).toBe('No problems in 2 files.\nWrote dist/out/bundle.json.\n');
        expect(fs.readFileSync(path.join(dir, 'dist/out/bundle.json'), 'utf8')).toBe(streamed);
        expect(listing(path.join(dir, 'dist/out'))).toEqual(['bundle.json']);
    });

    test('replaces an existing file', () => {
        const dir = tempFolder({ ...CLEAN, 'bundle.json': 'old' });
        const result = runCli(['compile', '--output', 'bundle.json', '--format', 'json'], { cwd: dir });
        expect(result.status, describeRun(result)).toBe(0);
        expect(result.stdout).toBe('[]\n');
        expect(JSON.parse(fs.readFileSync(path.join(dir, 'bundle.json'), 'utf8')).format).toBe('govrule-bundle');
        expect(listing(dir)).toEqual(['bundle.json', 'common.govrule', 'uses.govrule']);
    });

    test('on errors no file is written', () => {
        const dir = tempFolder(BROKEN);
        const result = runCli(['compile', '-o', 'dist/bundle.json'], { cwd: dir });
        expect(result.status, describeRun(result)).toBe(1);
        expect(fs.existsSync(path.join(dir, 'dist'))).toBe(false);
        expect(result.stderr).not.toContain('Wrote');
    });

    test('on errors an existing file is not replaced', () => {
        const dir = tempFolder({ ...BROKEN, 'bundle.json': 'previous bundle' });
        const result = runCli(['compile', '-o', 'bundle.json'], { cwd: dir });
        expect(result.status, describeRun(result)).toBe(1);
        expect(fs.readFileSync(path.join(dir, 'bundle.json'), 'utf8')).toBe('previous bundle');
        expect(listing(dir)).toEqual(['broken.govrule', 'bundle.json', 'common.govrule', 'uses.govrule']);
    });

    test('an output whose parent is a file: one line, exit 2, nothing left behind', () => {
        const dir = tempFolder({ ...CLEAN, 'blocker': 'a file' });
        const result = runCli(['compile', '-o', 'blocker/bundle.json'], { cwd: dir });
        expect(result.status, describeRun(result)).toBe(2);
        expect(result.stdout).toBe('');
        // Refused before the sources are checked.
        expect(result.stderr).toBe('govrule: error: cannot write blocker/bundle.json: a part of the path is not a folder (ENOTDIR)\n');
        expect(fs.readFileSync(path.join(dir, 'blocker'), 'utf8')).toBe('a file');
        expect(listing(dir)).toEqual(['blocker', 'common.govrule', 'uses.govrule']);
    });

    test('an output that is a folder: one line, exit 2, the folder untouched, no temp file', () => {
        const dir = tempFolder({ ...CLEAN, 'out/keep.txt': 'keep' });
        const result = runCli(['compile', '-o', 'out'], { cwd: dir });
        expect(result.status, describeRun(result)).toBe(2);
        expect(result.stderr).toBe('govrule: error: cannot write out: it is a folder (EISDIR)\n');
        expect(result.stderr).not.toMatch(/\n\s+at /);
        expect(listing(path.join(dir, 'out'))).toEqual(['keep.txt']);
        expect(listing(dir)).toEqual(['common.govrule', 'out', 'uses.govrule']);
    });
});
