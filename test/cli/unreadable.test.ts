/**
 * One file that cannot be read, or is not UTF-8, does not stop the run: it is an
 * `unreadable-file` diagnostic on that file, every other file is still checked and reported, and
 * the command exits 2 (an I/O error) once everything is printed. Nothing is compiled from a
 * partial set of sources.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { UNPRIVILEGED, describeRun, runCli } from '../helpers/cli.js';
import { tempFolder } from '../helpers/temp.js';
import { USES_VOCABULARY, VOCABULARY } from '../helpers/workspace.js';

const LATIN1 = Buffer.from('package t.l\npost caf\xe9\n', 'latin1');
const BROKEN = 'package t.broken\npost twin\npost twin\n';

function project(extra: Record<string, string | Buffer> = {}): string {
    return tempFolder({ 'common.govrule': VOCABULARY, 'uses.govrule': USES_VOCABULARY, ...extra });
}

interface JsonProblem { file: string; line: number; column: number; endColumn: number; severity: string; code: string; message: string }

const NOT_UTF8 = 'Not valid UTF-8: the byte 0xE9 here is not part of a UTF-8 character; save the file as UTF-8';

describe('a file that is not UTF-8', () => {
    test('is a diagnostic at its first bad byte; the other files are checked and reported; exit 2', () => {
        const dir = project({ 'latin1.govrule': LATIN1, 'broken.govrule': BROKEN });
        const result = runCli(['check', '--format', 'json'], { cwd: dir });
        expect(result.status, describeRun(result)).toBe(2);
        const problems = JSON.parse(result.stdout) as JsonProblem[];
        expect(problems.map(p => `${p.file}:${p.line}:${p.column}-${p.endColumn} ${p.severity} ${p.code} ${p.message}`)).toEqual([
            "broken.govrule:2:6-10 error duplicate-name 't.broken.twin' is declared more than once (also post in broken.govrule:3)",
            "broken.govrule:2:6-10 warning unused-declaration Post 'twin' is never used",
            "broken.govrule:3:6-10 error duplicate-name 't.broken.twin' is declared more than once (also post in broken.govrule:2)",
            "broken.govrule:3:6-10 warning unused-declaration Post 'twin' is never used",
            `latin1.govrule:2:9-10 error unreadable-file ${NOT_UTF8}`,
        ]);
    });

    test('text output: quoted with a caret, counted in the summary, which comes last', () => {
        const dir = project({ 'latin1.govrule': LATIN1 });
        const result = runCli(['check'], { cwd: dir });
        expect(result.status, describeRun(result)).toBe(2);
        expect(result.stderr).toBe([
            `latin1.govrule:2:9: error [unreadable-file] ${NOT_UTF8}`,
            ' 2 | post caf\uFFFD',
            '   |         ^',
            '1 error, 0 warnings in 3 files.',
            '',
        ].join('\n'));
    });

    test('compile reports it and writes nothing', () => {
        const dir = project({ 'latin1.govrule': LATIN1 });
        const toFile = runCli(['compile', '-o', 'out.json'], { cwd: dir });
        expect(toFile.status, describeRun(toFile)).toBe(2);
        expect(toFile.stderr).toContain(`latin1.govrule:2:9: error [unreadable-file] ${NOT_UTF8}`);
        expect(fs.existsSync(path.join(dir, 'out.json'))).toBe(false);
        const toStdout = runCli(['compile'], { cwd: dir });
        expect(toStdout.status, describeRun(toStdout)).toBe(2);
        expect(toStdout.stdout).toBe('');
    });

    test('a sequence cut short, an overlong form and a surrogate are found too', () => {
        const files = {
            'cut.govrule': Buffer.concat([Buffer.from('package t.cut\n// 审'), Buffer.from('核', 'utf8').subarray(0, 2)]),
            'overlong.govrule': Buffer.concat([Buffer.from('package t.o\n//'), Buffer.from([0xc0, 0xaf])]),
            'surrogate.govrule': Buffer.concat([Buffer.from('package t.s //'), Buffer.from([0xed, 0xa0, 0x80])]),
        };
        const result = runCli(['check', '--format', 'json'], { cwd: project(files) });
        expect(result.status, describeRun(result)).toBe(2);
        expect((JSON.parse(result.stdout) as JsonProblem[]).map(p => `${p.file}:${p.line}:${p.column} ${p.message}`)).toEqual([
            `cut.govrule:2:5 ${NOT_UTF8.replace('0xE9', '0xE6')}`,
            `overlong.govrule:2:3 ${NOT_UTF8.replace('0xE9', '0xC0')}`,
            `surrogate.govrule:1:15 ${NOT_UTF8.replace('0xE9', '0xED')}`,
        ]);
    });

    test('test: reported, no test run, exit 2', () => {
        const dir = project({ 'latin1.govrule': LATIN1 });
        const result = runCli(['test'], { cwd: dir });
        expect(result.status, describeRun(result)).toBe(2);
        expect(result.stderr).toContain(`latin1.govrule:2:9: error [unreadable-file] ${NOT_UTF8}`);
        expect(result.stderr).toContain('govrule: the sources have errors; no test was run');
    });

    test('fmt: the other files are formatted, this one is reported and left alone; exit 2', () => {
        const dir = tempFolder({ 'a.govrule': 'package a\npost   p\n', 'latin1.govrule': LATIN1 });
        const result = runCli(['fmt'], { cwd: dir });
        expect(result.status, describeRun(result)).toBe(2);
        expect(result.stdout).toBe('a.govrule\n');
        expect(result.stderr).toContain(`latin1.govrule:2:9: error [unreadable-file] ${NOT_UTF8}`);
        expect(fs.readFileSync(path.join(dir, 'a.govrule'), 'utf8')).toBe('package a\npost p\n');
        expect(fs.readFileSync(path.join(dir, 'latin1.govrule'))).toEqual(LATIN1);
    });
});

describe('a file that cannot be read', () => {
    test('without read permission: a diagnostic naming the reason; the rest is checked; exit 2', () => {
        const dir = project({ 'secret.govrule': 'package t.secret\n', 'broken.govrule': BROKEN });
        fs.chmodSync(dir, 0o755);
        fs.chmodSync(path.join(dir, 'secret.govrule'), 0o000);
        const result = runCli(['check', '--format', 'json'], { cwd: dir, user: UNPRIVILEGED });
        expect(result.status, describeRun(result)).toBe(2);
        const problems = JSON.parse(result.stdout) as JsonProblem[];
        expect(problems.map(p => `${p.file}:${p.line}:${p.column} ${p.code} ${p.message}`)).toEqual([
            "broken.govrule:2:6 duplicate-name 't.broken.twin' is declared more than once (also post in broken.govrule:3)",
            "broken.govrule:2:6 unused-declaration Post 'twin' is never used",
            "broken.govrule:3:6 duplicate-name 't.broken.twin' is declared more than once (also post in broken.govrule:2)",
            "broken.govrule:3:6 unused-declaration Post 'twin' is never used",
            'secret.govrule:1:1 unreadable-file Cannot read this file: permission denied (EACCES)',
        ]);
    });

    test.skipIf(!fs.existsSync('/proc/self/mem'))('a read that fails (works for root too)', () => {
        // Reading /proc/self/mem from offset 0 fails with EIO for every user.
        const dir = project();
        fs.symlinkSync('/proc/self/mem', path.join(dir, 'mem.govrule'));
        const result = runCli(['check', 'common.govrule', 'uses.govrule', 'mem.govrule'], { cwd: dir });
        expect(result.status, describeRun(result)).toBe(2);
        expect(result.stderr).toBe([
            'mem.govrule:1:1: error [unreadable-file] Cannot read this file: input/output error (EIO)',
            '1 error, 0 warnings in 3 files.',
            '',
        ].join('\n'));
    });
});
