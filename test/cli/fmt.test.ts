/**
 * `govrule fmt [paths] [--check]` (LANGUAGE.md §11) run as users run it, on files in temporary
 * folders: rewriting in place, --check, syntax errors, usage errors, and how files are written.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { copyExamples, describeRun, runCli, EXAMPLES, UNPRIVILEGED } from '../helpers/cli.js';
import { tempFolder } from '../helpers/temp.js';

const MESSY_VOCABULARY = [
    'package demo.common',
    'severities { low "低" high "高" }',
    'post reviewer    "审核员"',
    'authority cac    "网信办"  // 外部机构',
    'action remove "删除"   action fine "罚款"(amount : money)',
    'attribute reports:  number default 0',
].join('\n');

const FORMATTED_VOCABULARY = [
    'package demo.common',
    'severities {',
    '    low "低"',
    '    high "高"',
    '}',
    'post reviewer "审核员"',
    'authority cac "网信办" // 外部机构',
    'action remove "删除"',
    'action fine "罚款" (amount: money)',
    'attribute reports: number default 0',
    '',
].join('\n');

const MESSY_RULES = [
    'package t.rules',
    'import demo.common.*',
    'category c "分类"',
    '/** 规则说明 */',
    'rule r { category c severity high responsible reviewer',
    '  when reports>3',
    '  actions remove , fine(amount: 100 CNY)',
    '  escalate { after 2h to cac } }',
].join('\n');

const FORMATTED_RULES = [
    'package t.rules',
    'import demo.common.*',
    'category c "分类"',
    '/** 规则说明 */',
    'rule r {',
    '    category c',
    '    severity high',
    '    responsible reviewer',
    '    when reports > 3',
    '    actions remove, fine(amount: 100 CNY)',
    '    escalate { after 2h to cac }',
    '}',
    '',
].join('\n');

function project(extra: Record<string, string> = {}): string {
    return tempFolder({
        'govrule.json': '{ "include": ["**/*.govrule"] }',
        'common/vocabulary.govrule': MESSY_VOCABULARY,
        'rules/rules.govrule': MESSY_RULES,
        'rules/done.govrule': 'package t.rules\n\ncategory other\n',
        ...extra,
    });
}

const read = (dir: string, name: string) => fs.readFileSync(path.join(dir, name), 'utf8');

/** Names of the files in a folder tree, to see that no temporary file is left behind. */
function allFiles(dir: string): string[] {
    return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter(e => e.isFile())
        .map(e => path.relative(dir, path.join(e.parentPath, e.name))).sort();
}

describe('govrule fmt', () => {
    test('rewrites unformatted files in place and lists them', () => {
        const dir = project();
        const untouched = fs.statSync(path.join(dir, 'rules/done.govrule'));
        const result = runCli(['fmt'], { cwd: dir });
        expect(result.status, describeRun(result)).toBe(0);
        expect(result.stdout).toBe('common/vocabulary.govrule\nrules/rules.govrule\n');
        expect(result.stderr).toBe('');
        expect(read(dir, 'common/vocabulary.govrule')).toBe(FORMATTED_VOCABULARY);
        expect(read(dir, 'rules/rules.govrule')).toBe(FORMATTED_RULES);
        const after = fs.statSync(path.join(dir, 'rules/done.govrule'));
        expect([after.ino, after.mtimeMs]).toEqual([untouched.ino, untouched.mtimeMs]);
        expect(allFiles(dir)).toEqual(['common/vocabulary.govrule', 'govrule.json', 'rules/done.govrule', 'rules/rules.govrule']);
    });

    test('formats only the paths given', () => {
        const dir = project();
        const result = runCli(['fmt', 'rules'], { cwd: dir });
        expect(result.status, describeRun(result)).toBe(0);
        expect(result.stdout).toBe('rules/rules.govrule\n');
        expect(read(dir, 'rules/rules.govrule')).toBe(FORMATTED_RULES);
        expect(read(dir, 'common/vocabulary.govrule')).toBe(MESSY_VOCABULARY);
    });

    test('a second run finds nothing to do', () => {
        const dir = project();
        expect(runCli(['fmt'], { cwd: dir }).status).toBe(0);
        const again = runCli(['fmt'], { cwd: dir });
        expect(again.status, describeRun(again)).toBe(0);
        expect(again.stdout).toBe('');
    });

    test('the bundle compiled after formatting is the same, byte for byte', () => {
        const dir = copyExamples();
        // Put the examples' original column alignment back, then format it away again.
        const vocabulary = path.join(dir, 'common/vocabulary.govrule');
        const original = fs.readFileSync(vocabulary, 'utf8');
        fs.writeFileSync(vocabulary, original.replace(/^(post|authority) (\w+) "/gm, (_, kw: string, name: string) => `${kw} ${name.padEnd(18)}"`));
        const before = runCli(['compile', '-o', 'before.json'], { cwd: dir });
        expect(before.status, describeRun(before)).toBe(0);
        const result = runCli(['fmt'], { cwd: dir });
        expect(result.status, describeRun(result)).toBe(0);
        expect(result.stdout).toBe('common/vocabulary.govrule\n');
        expect(fs.readFileSync(vocabulary, 'utf8')).toBe(original);
        const after = runCli(['compile', '-o', 'after.json'], { cwd: dir });
        expect(after.status, describeRun(after)).toBe(0);
        expect(read(dir, 'after.json')).toBe(read(dir, 'before.json'));
    });

    test('keeps a CRLF file CRLF, a byte-order mark, and the file mode', () => {
        const dir = tempFolder({ 'a.govrule': Buffer.from('\uFEFFpackage a\r\npost   p\r\n', 'utf8') });
        const file = path.join(dir, 'a.govrule');
        fs.chmodSync(file, 0o640);
        const result = runCli(['fmt', 'a.govrule'], { cwd: dir });
        expect(result.status, describeRun(result)).toBe(0);
        expect(fs.readFileSync(file)).toEqual(Buffer.from('\uFEFFpackage a\r\npost p\r\n', 'utf8'));
        expect(fs.statSync(file).mode & 0o777).toBe(0o640);
    });

    test('writes through a temporary file and a rename, to the file behind a symbolic link', () => {
        const dir = tempFolder({ 'real/a.govrule': 'package a\npost   p\n' });
        fs.symlinkSync(path.join(dir, 'real/a.govrule'), path.join(dir, 'link.govrule'));
        const inode = fs.statSync(path.join(dir, 'real/a.govrule')).ino;
        const result = runCli(['fmt', 'link.govrule'], { cwd: dir });
        expect(result.status, describeRun(result)).toBe(0);
        expect(fs.lstatSync(path.join(dir, 'link.govrule')).isSymbolicLink()).toBe(true);
        expect(read(dir, 'real/a.govrule')).toBe('package a\npost p\n');
        // A new inode: the content was renamed into place, never rewritten in place.
        expect(fs.statSync(path.join(dir, 'real/a.govrule')).ino).not.toBe(inode);
        expect(allFiles(dir)).toEqual(['real/a.govrule']);
    });

    test('a file it may not write is an I/O error (exit 2) and stays as it was, even in a folder it may write', () => {
        const dir = tempFolder({ 'a.govrule': 'package a\npost   p\n' });
        fs.chmodSync(dir, 0o777);
        fs.chmodSync(path.join(dir, 'a.govrule'), 0o444);
        const result = runCli(['fmt'], { cwd: dir, user: UNPRIVILEGED });
        expect(result.status, describeRun(result)).toBe(2);
        expect(result.stderr).toBe('govrule: error: cannot write a.govrule: permission denied (EACCES)\n');
        expect(read(dir, 'a.govrule')).toBe('package a\npost   p\n');
        expect(allFiles(dir)).toEqual(['a.govrule']);
    });
});

describe('govrule fmt --check', () => {
    test('lists the unformatted files, changes nothing and fails', () => {
        const dir = project();
        const result = runCli(['fmt', '--check'], { cwd: dir });
        expect(result.status, describeRun(result)).toBe(1);
        expect(result.stdout).toBe('common/vocabulary.govrule\nrules/rules.govrule\n');
        expect(result.stderr).toBe('govrule: 2 of 3 files are not formatted; run govrule fmt to format them\n');
        expect(read(dir, 'common/vocabulary.govrule')).toBe(MESSY_VOCABULARY);
        expect(read(dir, 'rules/rules.govrule')).toBe(MESSY_RULES);
    });

    test('passes silently once the files are formatted', () => {
        const dir = project();
        runCli(['fmt'], { cwd: dir });
        const result = runCli(['fmt', '--check'], { cwd: dir });
        expect(result.status, describeRun(result)).toBe(0);
        expect(result.stdout).toBe('');
        expect(result.stderr).toBe('');
    });

    test('--quiet leaves out the hint, not the list', () => {
        const dir = project();
        const result = runCli(['fmt', '--check', '--quiet', 'rules/rules.govrule'], { cwd: dir });
        expect(result.status).toBe(1);
        expect(result.stdout).toBe('rules/rules.govrule\n');
        expect(result.stderr).toBe('');
    });

    test('passes on the example repository', () => {
        const result = runCli(['fmt', '--check', EXAMPLES]);
        expect(result.status, describeRun(result)).toBe(0);
        expect(result.stdout).toBe('');
    });
});

describe('files with syntax errors', () => {
    const BROKEN = 'package t.rules\nrule broken {\n  severity\n}\n';

    test('are left alone and reported as check reports them; the other files are formatted', () => {
        const dir = project({ 'rules/broken.govrule': BROKEN });
        const result = runCli(['fmt'], { cwd: dir });
        expect(result.status, describeRun(result)).toBe(1);
        expect(result.stdout).toBe('common/vocabulary.govrule\nrules/rules.govrule\n');
        expect(result.stderr).toContain("rules/broken.govrule:4:1: error [syntax] Expected a name but found '}'");
        expect(read(dir, 'rules/broken.govrule')).toBe(BROKEN);
        expect(read(dir, 'rules/rules.govrule')).toBe(FORMATTED_RULES);
        const check = runCli(['check', 'rules/broken.govrule'], { cwd: dir });
        const syntaxLines = (stderr: string) => stderr.split('\n').filter(l => l.includes('[syntax]'));
        expect(syntaxLines(result.stderr)).toHaveLength(1);
        expect(syntaxLines(check.stderr)).toContain(syntaxLines(result.stderr)[0]);
    });

    test('make --check fail too, with the diagnostics in the chosen format on stderr', () => {
        const dir = tempFolder({ 'ok.govrule': 'package a\n', 'bad.govrule': 'package a\npost p @\n' });
        const result = runCli(['fmt', '--check', '--format', 'json'], { cwd: dir });
        expect(result.status, describeRun(result)).toBe(1);
        expect(result.stdout).toBe('');
        expect(JSON.parse(result.stderr)).toEqual([{
            file: 'bad.govrule', line: 2, column: 8, endLine: 2, endColumn: 9,
            severity: 'error', code: 'syntax', message: "Unexpected character '@' (U+0040 COMMERCIAL AT)",
        }]);
    });
});

describe('usage errors', () => {
    test.each([
        [['fmt', '--bogus'], /^govrule: error: Unknown option '--bogus'/],
        [['fmt', 'missing.govrule'], /^govrule: error: no such file or folder: missing\.govrule$/],
        [['fmt', '--check=yes'], /^govrule: error: Option '--check' does not take an argument/],
    ])('%j exits with 2 and one line on stderr', (args, message) => {
        const dir = project();
        const result = runCli(args, { cwd: dir });
        expect(result.status, describeRun(result)).toBe(2);
        expect(result.stdout).toBe('');
        expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
        expect(result.stderr.trimEnd()).toMatch(message);
        expect(read(dir, 'rules/rules.govrule')).toBe(MESSY_RULES);
    });

    test('fmt is listed in the help', () => {
        const result = runCli(['--help']);
        expect(result.stdout).toMatch(/^ {2}fmt +rewrite files in the canonical format/m);
        expect(result.stdout).toContain('--check');
    });
});
