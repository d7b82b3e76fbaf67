/**
 * `compile -o` never destroys what it was not asked to write (LANGUAGE.md §11): an output that is
 * one of the inputs or a govrule.json is refused before any work; a symbolic link is followed and
 * its target replaced atomically; a device, a FIFO or an open file (/dev/stdout) is written
 * through, never replaced by a regular file.
 */
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { BIN, UNPRIVILEGED, describeRun, runCli, type CliResult } from '../helpers/cli.js';
import { tempFolder } from '../helpers/temp.js';
import { USES_VOCABULARY, VOCABULARY } from '../helpers/workspace.js';

const CLEAN = { 'common.govrule': VOCABULARY, 'uses.govrule': USES_VOCABULARY };
const CONFIG = '{ "include": ["**/*.govrule"] }\n';
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function project(extra: Record<string, string> = {}): string {
    return tempFolder({ ...CLEAN, ...extra });
}

/** The bundle the project compiles to, as `compile` prints it on stdout. */
function bundleOf(dir: string): string {
    const result = runCli(['compile'], { cwd: dir });
    expect(result.status, describeRun(result)).toBe(0);
    return result.stdout;
}

/** Exit 2, nothing on stdout, exactly this one line on stderr. */
function expectRefused(result: CliResult, message: string): void {
    expect(result.status, describeRun(result)).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`govrule: error: ${message}\n`);
}

function hasMkfifo(): boolean {
    try {
        execFileSync('mkfifo', ['--version'], { stdio: 'ignore' });
        return true;
    } catch {
        return false;
    }
}

describe('an output that would destroy an input is refused', () => {
    test('a source file named as the output, with the file named as a path or found in a folder', () => {
        const dir = project();
        expectRefused(runCli(['compile', 'common.govrule', 'uses.govrule', '-o', 'uses.govrule'], { cwd: dir }),
            'the output uses.govrule is a source file of this run; refusing to replace it with the bundle');
        expectRefused(runCli(['compile', '-o', 'common.govrule'], { cwd: dir }),
            'the output common.govrule is a source file of this run; refusing to replace it with the bundle');
        expectRefused(runCli(['compile', '.', '-o', `../${path.basename(dir)}/common.govrule`], { cwd: dir }),
            `the output ../${path.basename(dir)}/common.govrule is a source file of this run; refusing to replace it with the bundle`);
        expect(fs.readFileSync(path.join(dir, 'common.govrule'), 'utf8')).toBe(VOCABULARY);
        expect(fs.readFileSync(path.join(dir, 'uses.govrule'), 'utf8')).toBe(USES_VOCABULARY);
    });

    test('a symbolic link or a hard link to a source file: the message names both', () => {
        const dir = project();
        fs.mkdirSync(path.join(dir, 'dist'));
        fs.symlinkSync('../common.govrule', path.join(dir, 'dist/link.json'));
        fs.linkSync(path.join(dir, 'uses.govrule'), path.join(dir, 'hard.json'));
        expectRefused(runCli(['compile', '-o', 'dist/link.json'], { cwd: dir }),
            'the output dist/link.json is common.govrule, a source file of this run; refusing to replace it with the bundle');
        expectRefused(runCli(['compile', '-o', 'hard.json'], { cwd: dir }),
            'the output hard.json is uses.govrule, a source file of this run; refusing to replace it with the bundle');
        expect(fs.lstatSync(path.join(dir, 'dist/link.json')).isSymbolicLink()).toBe(true);
        expect(fs.readFileSync(path.join(dir, 'common.govrule'), 'utf8')).toBe(VOCABULARY);
        expect(fs.readFileSync(path.join(dir, 'hard.json'), 'utf8')).toBe(USES_VOCABULARY);
    });

    test('any govrule.json: the project’s, one that does not exist yet, one behind a link, a hard link to it', () => {
        const dir = project({ 'govrule.json': CONFIG });
        fs.symlinkSync('govrule.json', path.join(dir, 'settings.json'));
        expectRefused(runCli(['compile', '-o', 'govrule.json'], { cwd: dir }),
            'the output govrule.json is a project configuration (govrule.json); refusing to replace it with the bundle');
        expectRefused(runCli(['compile', '-o', 'other/govrule.json'], { cwd: dir }),
            'the output other/govrule.json is a project configuration (govrule.json); refusing to replace it with the bundle');
        expectRefused(runCli(['compile', '-o', 'settings.json'], { cwd: dir }),
            'the output settings.json is govrule.json, a project configuration (govrule.json); refusing to replace it with the bundle');
        fs.linkSync(path.join(dir, 'govrule.json'), path.join(dir, 'hard.json'));
        expectRefused(runCli(['compile', '-o', 'hard.json'], { cwd: dir }),
            'the output hard.json is govrule.json, a project configuration (govrule.json); refusing to replace it with the bundle');
        fs.rmSync(path.join(dir, 'hard.json'));
        expect(fs.readFileSync(path.join(dir, 'govrule.json'), 'utf8')).toBe(CONFIG);
        expect(fs.existsSync(path.join(dir, 'other'))).toBe(false);
        expect(fs.readdirSync(dir).sort()).toEqual(['common.govrule', 'govrule.json', 'settings.json', 'uses.govrule']);
    });

    test('a file that is not an input may be replaced', () => {
        const dir = project({ 'notes.txt': 'old' });
        const result = runCli(['compile', 'common.govrule', 'uses.govrule', '-o', 'notes.txt'], { cwd: dir });
        expect(result.status, describeRun(result)).toBe(0);
        expect(fs.readFileSync(path.join(dir, 'notes.txt'), 'utf8')).toBe(bundleOf(dir));
    });
});

describe('symbolic links are followed; the target is replaced atomically', () => {
    test('a chain of relative links, through a linked folder: the link stays, the target gets the bundle', () => {
        const dir = project({ 'real/dist/bundle.json': 'old', 'real/keep.txt': 'keep' });
        fs.symlinkSync('real', path.join(dir, 'alias'));
        // Relative to the folder that really holds it (real/), not to alias/.
        fs.symlinkSync('dist/bundle.json', path.join(dir, 'real/second.json'));
        fs.symlinkSync('alias/second.json', path.join(dir, 'first.json'));
        const inode = fs.statSync(path.join(dir, 'real/dist/bundle.json')).ino;
        const result = runCli(['compile', '-o', 'first.json'], { cwd: dir });
        expect(result.status, describeRun(result)).toBe(0);
        expect(result.stderr).toBe('No problems in 2 files.\nWrote first.json.\n');
        expect(fs.lstatSync(path.join(dir, 'first.json')).isSymbolicLink()).toBe(true);
        expect(fs.lstatSync(path.join(dir, 'real/second.json')).isSymbolicLink()).toBe(true);
        expect(fs.readFileSync(path.join(dir, 'real/dist/bundle.json'), 'utf8')).toBe(bundleOf(dir));
        // Renamed into place: a new inode, and no temp file left beside it.
        expect(fs.statSync(path.join(dir, 'real/dist/bundle.json')).ino).not.toBe(inode);
        expect(fs.readdirSync(path.join(dir, 'real/dist'))).toEqual(['bundle.json']);
    });

    test('a dangling link: its target is created, the link kept', () => {
        const dir = project();
        fs.symlinkSync('dist/bundle.json', path.join(dir, 'latest.json'));
        const result = runCli(['compile', '-o', 'latest.json'], { cwd: dir });
        expect(result.status, describeRun(result)).toBe(0);
        expect(fs.lstatSync(path.join(dir, 'latest.json')).isSymbolicLink()).toBe(true);
        expect(fs.readFileSync(path.join(dir, 'dist/bundle.json'), 'utf8')).toBe(bundleOf(dir));
    });

    test('a loop of links is an I/O error, not a hang', () => {
        const dir = project();
        fs.symlinkSync('b.json', path.join(dir, 'a.json'));
        fs.symlinkSync('a.json', path.join(dir, 'b.json'));
        expectRefused(runCli(['compile', '-o', 'a.json'], { cwd: dir }), 'cannot write a.json: too many symbolic links (ELOOP)');
    });

    test('a replaced file keeps its mode', () => {
        const dir = project({ 'bundle.json': 'old' });
        fs.chmodSync(path.join(dir, 'bundle.json'), 0o640);
        const result = runCli(['compile', '-o', 'bundle.json'], { cwd: dir });
        expect(result.status, describeRun(result)).toBe(0);
        expect(fs.statSync(path.join(dir, 'bundle.json')).mode & 0o777).toBe(0o640);
    });

    test('a read-only file is not replaced, even in a folder the user may write', () => {
        const dir = project({ 'bundle.json': 'old' });
        fs.chmodSync(dir, 0o777);
        fs.chmodSync(path.join(dir, 'bundle.json'), 0o444);
        const result = runCli(['compile', '-o', 'bundle.json'], { cwd: dir, user: UNPRIVILEGED });
        expect(result.status, describeRun(result)).toBe(2);
        expect(result.stderr.trimEnd().split('\n').pop()).toBe('govrule: error: cannot write bundle.json: permission denied (EACCES)');
        expect(fs.readFileSync(path.join(dir, 'bundle.json'), 'utf8')).toBe('old');
        expect(fs.readdirSync(dir).sort()).toEqual(['bundle.json', 'common.govrule', 'uses.govrule']);
    });
});

describe('what is not a regular file is written through, never replaced', () => {
    test('/dev/null: exit 0, and it is still the character device', () => {
        const result = runCli(['compile', '-o', '/dev/null'], { cwd: project() });
        expect(result.status, describeRun(result)).toBe(0);
        expect(result.stderr).toBe('No problems in 2 files.\nWrote /dev/null.\n');
        expect(fs.statSync('/dev/null').isCharacterDevice()).toBe(true);
    });

    test('/dev/null as a user without privileges: no EACCES', () => {
        const dir = project();
        fs.chmodSync(dir, 0o755);
        const result = runCli(['compile', '-o', '/dev/null'], { cwd: dir, user: UNPRIVILEGED });
        expect(result.status, describeRun(result)).toBe(0);
        expect(fs.statSync('/dev/null').isCharacterDevice()).toBe(true);
    });

    test('a link to /dev/null in the project: the link stays, nothing is created', () => {
        const dir = project();
        fs.symlinkSync('/dev/null', path.join(dir, 'sink.json'));
        const result = runCli(['compile', '-o', 'sink.json'], { cwd: dir });
        expect(result.status, describeRun(result)).toBe(0);
        expect(fs.readlinkSync(path.join(dir, 'sink.json'))).toBe('/dev/null');
        expect(fs.statSync('/dev/null').isCharacterDevice()).toBe(true);
        expect(fs.readdirSync(dir).sort()).toEqual(['common.govrule', 'sink.json', 'uses.govrule']);
    });

    test('/dev/stdout: the bundle arrives on stdout, as without -o, and machine diagnostics go to stderr', () => {
        const dir = project();
        const result = runCli(['compile', '-o', '/dev/stdout'], { cwd: dir });
        expect(result.status, describeRun(result)).toBe(0);
        expect(result.stdout).toBe(bundleOf(dir));
        const json = runCli(['compile', '-o', '/dev/stdout', '--format', 'json'], { cwd: dir });
        expect(json.status, describeRun(json)).toBe(0);
        expect(json.stdout).toBe(bundleOf(dir));
        expect(json.stderr).toBe('[]\n');
    });

    test('/dev/stdout appended to a file by the shell: the file is appended to, not replaced', () => {
        const dir = project({ 'log.txt': 'before\n' });
        execFileSync('sh', ['-c', `"${process.execPath}" "${BIN}" compile -o /dev/stdout >> log.txt`], { cwd: dir, stdio: 'ignore' });
        expect(fs.readFileSync(path.join(dir, 'log.txt'), 'utf8')).toBe(`before\n${bundleOf(dir)}`);
    });

    test.skipIf(!isRoot)('a character device made in the project folder stays a device', () => {
        const dir = project();
        const device = path.join(dir, 'null.json');
        execFileSync('mknod', [device, 'c', '1', '3']); // the same device as /dev/null
        const result = runCli(['compile', '-o', 'null.json'], { cwd: dir });
        expect(result.status, describeRun(result)).toBe(0);
        expect(fs.lstatSync(device).isCharacterDevice()).toBe(true);
        expect(fs.readdirSync(dir).sort()).toEqual(['common.govrule', 'null.json', 'uses.govrule']);
    });

    test.skipIf(!hasMkfifo())('a FIFO: the reader gets the bundle, and the FIFO is still a FIFO', async () => {
        const dir = project();
        const fifo = path.join(dir, 'bundle.fifo');
        execFileSync('mkfifo', [fifo]);
        // The reader writes to a file, so it never waits on this process while the CLI runs.
        const reader = spawn('sh', ['-c', 'cat bundle.fifo > received.json'], { cwd: dir, stdio: 'ignore' });
        const exited = once(reader, 'exit');
        const result = runCli(['compile', '-o', 'bundle.fifo'], { cwd: dir, timeout: 30_000 });
        expect(result.status, describeRun(result)).toBe(0);
        await exited;
        expect(fs.lstatSync(fifo).isFIFO()).toBe(true);
        expect(fs.readFileSync(path.join(dir, 'received.json'), 'utf8')).toBe(bundleOf(dir));
        expect(fs.readdirSync(dir).sort()).toEqual(['bundle.fifo', 'common.govrule', 'received.json', 'uses.govrule']);
    });
});
