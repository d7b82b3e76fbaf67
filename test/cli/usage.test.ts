/**
 * Usage and I/O errors (LANGUAGE.md §11): --help, --version, unknown commands and options, and
 * files that cannot be read. Each error is one line on stderr with exit code 2, never a stack trace.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT, describeRun, runCli, type CliResult } from '../helpers/cli.js';
import { tempFolder } from '../helpers/temp.js';
import { USES_VOCABULARY, VOCABULARY } from '../helpers/workspace.js';

const VERSION = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** Exit 2 with exactly one line on stderr, nothing on stdout, and no stack trace. */
function expectOneLineError(result: CliResult, message: string | RegExp): void {
    expect(result.status, describeRun(result)).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines, describeRun(result)).toHaveLength(1);
    if (typeof message === 'string') {
        expect(lines[0]).toBe(`govrule: error: ${message}`);
    } else {
        expect(lines[0]).toMatch(message);
    }
    expect(result.stderr).not.toMatch(/internal[ -]error|\n\s+at /);
}

describe('help and version', () => {
    test.each([['--help'], ['-h'], ['help'], ['check', '--help'], ['compile', '-h']])('%s prints the usage on stdout', (...args) => {
        const result = runCli(args);
        expect(result.status).toBe(0);
        expect(result.stdout).toMatch(/^Usage: govrule <command> \[paths\.\.\.\] \[options\]/);
        for (const word of ['check', 'compile', '--format', '--max-warnings', '--quiet', '-o, --output', 'Exit codes']) {
            expect(result.stdout).toContain(word);
        }
        expect(result.stderr).toBe('');
    });

    test.each([['--version'], ['-v']])('%s prints the package version', flag => {
        const result = runCli([flag]);
        expect(result.status).toBe(0);
        expect(result.stdout).toBe(`govrule ${VERSION}\n`);
    });

    test('no arguments: the usage on stderr and exit 2', () => {
        const result = runCli([]);
        expect(result.status).toBe(2);
        expect(result.stdout).toBe('');
        expect(result.stderr).toMatch(/^Usage: govrule/);
    });

    test('`npx govrule` runs the same program', () => {
        // The package's bin entry, as npx resolves it from the project root.
        const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
        expect(pkg.bin.govrule).toBe('bin/govrule.cjs');
        const output = execFileSync(process.execPath, [path.join(ROOT, pkg.bin.govrule), '--version'], { encoding: 'utf8' });
        expect(output).toBe(`govrule ${VERSION}\n`);
    });
});

describe('usage errors', () => {
    test('an unknown command', () => {
        expectOneLineError(runCli(['frobnicate']), /^govrule: error: unknown command 'frobnicate' \(commands: check, compile[a-z, ]*\); see govrule --help$/);
    });

    test('an unknown option', () => {
        expectOneLineError(runCli(['check', '--frob']), "Unknown option '--frob'; see govrule --help");
    });

    test('an option without its value', () => {
        expectOneLineError(runCli(['check', '--format']), "Option '--format <value>' argument missing; see govrule --help");
    });

    test.each([
        [['compile', '-o', 'a.json', '-o', 'b.json'], "--output given twice ('-o a.json' and '-o b.json'); give it once"],
        [['compile', '--output=a.json', '-o', 'a.json'], "--output given twice ('--output a.json' and '-o a.json'); give it once"],
        [['check', '--format', 'json', '--format', 'text'], "--format given twice ('--format json' and '--format text'); give it once"],
        [['check', '--max-warnings', '0', '--max-warnings', '5'], "--max-warnings given twice ('--max-warnings 0' and '--max-warnings 5'); give it once"],
        [['test', '--reporter', 'junit', '--reporter', 'json'], "--reporter given twice ('--reporter junit' and '--reporter json'); give it once"],
        [['eval', '--bundle', 'a.json', '--bundle', 'b.json', '--event', 'e.json'], "--bundle given twice ('--bundle a.json' and '--bundle b.json'); give it once"],
    ])('an option that takes one value, given twice: %j', (args, message) => {
        const dir = tempFolder({ 'common.govrule': VOCABULARY });
        expectOneLineError(runCli(args, { cwd: dir }), message);
        expect(fs.readdirSync(dir)).toEqual(['common.govrule']);
    });

    test('a flag given twice is harmless', () => {
        const dir = tempFolder({ 'common.govrule': VOCABULARY, 'uses.govrule': USES_VOCABULARY });
        const result = runCli(['check', '--quiet', '--quiet'], { cwd: dir });
        expect(result.status, describeRun(result)).toBe(0);
    });

    test('an unknown format', () => {
        expectOneLineError(runCli(['check', '--format', 'xml']), "unknown format 'xml' (formats: text, json, sarif, github)");
    });
});

describe('I/O errors', () => {
    const clean = () => tempFolder({ 'common.govrule': VOCABULARY, 'uses.govrule': USES_VOCABULARY });

    test('a missing path', () => {
        const dir = clean();
        expectOneLineError(runCli(['check', 'common.govrule', 'nope.govrule'], { cwd: dir }), 'no such file or folder: nope.govrule');
        expectOneLineError(runCli(['compile', 'missing/'], { cwd: dir }), 'no such file or folder: missing/');
    });

    test('a dangling symbolic link named as a path', () => {
        const dir = clean();
        fs.symlinkSync(path.join(dir, 'gone.govrule'), path.join(dir, 'link.govrule'));
        expectOneLineError(runCli(['check', 'link.govrule'], { cwd: dir }), 'no such file or folder: link.govrule');
    });

    test('a FIFO named as a path is refused rather than read forever', () => {
        const dir = clean();
        try {
            execFileSync('mkfifo', [path.join(dir, 'pipe.govrule')]);
        } catch {
            return; // No mkfifo on this system: nothing to check.
        }
        expectOneLineError(runCli(['check', 'pipe.govrule'], { cwd: dir, timeout: 15_000 }), 'not a file or folder: pipe.govrule');
    });

    test('a folder named like a rule file is searched, not read', () => {
        const dir = tempFolder({ 'x.govrule/inner.txt': 'not a rule file' });
        expectOneLineError(runCli(['check', 'x.govrule'], { cwd: dir }), 'no .govrule files found in x.govrule');
    });

    test('a UTF-8 byte-order mark is accepted', () => {
        const dir = tempFolder({ 'common.govrule': `\ufeff${VOCABULARY}`, 'uses.govrule': USES_VOCABULARY });
        const result = runCli(['check'], { cwd: dir });
        expect(result.status, describeRun(result)).toBe(0);
        expect(result.stderr).toBe('No problems in 2 files.\n');
    });

    test('an unreadable govrule.json is a config problem, not a crash', () => {
        const dir = tempFolder({ 'common.govrule': VOCABULARY, 'uses.govrule': USES_VOCABULARY, 'govrule.json/inner': 'a folder named govrule.json' });
        const result = runCli(['check', '--format', 'json'], { cwd: dir });
        expect(result.status, describeRun(result)).toBe(1);
        expect(result.stderr).toBe('');
        const problems = JSON.parse(result.stdout) as Array<{ file: string; code: string; message: string }>;
        expect(problems.map(p => [p.file, p.code])).toEqual([['govrule.json', 'config']]);
        expect(problems[0].message).toBe('Cannot read govrule.json: it is a folder (EISDIR) (govrule.json)');
    });
});
