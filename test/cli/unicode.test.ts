/**
 * Unicode through the CLI as a process (LANGUAGE.md §2, §10, §11): invisible characters are
 * errors that stop compile, and no output format ever prints them raw.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { describeRun, runCli, type CliResult } from '../helpers/cli.js';
import { tempFolder } from '../helpers/temp.js';
import { USES_VOCABULARY, VOCABULARY } from '../helpers/workspace.js';

const RLO = '\u202E';
const ZWSP = '\u200B';
/** Any invisible or bidirectional character, raw, in what the CLI printed. */
const RAW = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u2028-\u202E\u2060-\u206F\uFEFF\u{E0000}-\u{E007F}]/u;

const PREFIX = 'post p "审核员';
const LABELLED = `package t.x\nimport demo.common.*\ncategory c\n${PREFIX}${RLO}abc"\nrule r { category c severity minor responsible p actions remove }\n`;

function project(files: Record<string, string> = { 'rules/x.govrule': LABELLED }): string {
    return tempFolder({ 'common.govrule': VOCABULARY, 'uses.govrule': USES_VOCABULARY, ...files });
}

function expectNoRaw(result: CliResult): void {
    expect(RAW.exec(result.stdout), describeRun(result)).toBeNull();
    expect(RAW.exec(result.stderr), describeRun(result)).toBeNull();
}

describe('check', () => {
    test('a right-to-left override in a label: exit 1, named by code point, escaped in the excerpt with the caret under it', () => {
        const result = runCli(['check'], { cwd: project() });
        expect(result.status, describeRun(result)).toBe(1);
        expectNoRaw(result);
        // 审核员 takes six columns.
        const indent = ' '.repeat(PREFIX.length + 3);
        expect(result.stderr).toBe([
            `rules/x.govrule:4:${PREFIX.length + 1}: error [invisible-character] Invisible character in a string: U+202E RIGHT-TO-LEFT OVERRIDE can reorder how the text is displayed; write it as an escape (\\u{202E}) if it is meant`,
            ` 4 | ${PREFIX}\\u{202E}abc"`,
            `   | ${indent}^^^^^^^^`,
            '1 error, 0 warnings in 3 files.',
            '',
        ].join('\n'));
    });

    test('a zero-width space between tokens: a syntax error naming it', () => {
        const dir = project({ 'rules/x.govrule': `package t.x\nimport demo.common.*\ncategory c\npost p${ZWSP}\n` });
        const result = runCli(['check', 'rules/x.govrule', 'common.govrule'], { cwd: dir });
        expect(result.status, describeRun(result)).toBe(1);
        expectNoRaw(result);
        const lines = result.stderr.split('\n');
        const at = lines.findIndex(l => l.includes('[syntax]'));
        expect(lines.slice(at, at + 3)).toEqual([
            'rules/x.govrule:4:7: error [syntax] Unexpected character U+200B ZERO WIDTH SPACE',
            ' 4 | post p\\u{200B}',
            '   |       ^^^^^^^^',
        ]);
    });

    test('NUL and other C0 controls in a label are errors', () => {
        const dir = project({ 'rules/x.govrule': LABELLED.replace(RLO, '\u0000\u0007') });
        const result = runCli(['check', '--format', 'json'], { cwd: dir });
        expect(result.status, describeRun(result)).toBe(1);
        expectNoRaw(result);
        expect(JSON.parse(result.stdout).map((p: { code: string; message: string }) => [p.code, p.message])).toEqual([[
            'invisible-character',
            'Invisible character in a string: U+0000 NULL, U+0007 ALERT cannot be seen; write it as an escape (\\u{0} \\u{7}) if it is meant',
        ]]);
    });

    test('a file whose name holds a right-to-left override: every format escapes the path', () => {
        const name = `rules/evil${RLO}elur.govrule`;
        const dir = project({ [name]: LABELLED });
        const text = runCli(['check'], { cwd: dir });
        expectNoRaw(text);
        expect(text.stderr).toContain('rules/evil\\u{202E}elur.govrule:4:');

        const json = runCli(['check', '--format', 'json'], { cwd: dir });
        expectNoRaw(json);
        // JSON escapes keep the value: a program reading it gets the real path.
        expect(json.stdout).toContain('"file": "rules/evil\\u202Eelur.govrule"');
        expect(JSON.parse(json.stdout)[0].file).toBe(name);

        const sarif = runCli(['check', '--format', 'sarif'], { cwd: dir });
        expectNoRaw(sarif);
        const uri = JSON.parse(sarif.stdout).runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri;
        expect(decodeURI(uri)).toBe(name);

        const github = runCli(['check', '--format', 'github'], { cwd: dir });
        expectNoRaw(github);
        expect(github.stdout).toBe(`::error file=rules/evil\\u{202E}elur.govrule,line=4,col=${PREFIX.length + 1},endLine=4,endColumn=${PREFIX.length + 2},title=govrule invisible-character::Invisible character in a string: U+202E RIGHT-TO-LEFT OVERRIDE can reorder how the text is displayed; write it as an escape (\\u{202E}) if it is meant\n`);
    });

    test('json and sarif: the message names the character and holds no raw one', () => {
        const dir = project();
        for (const format of ['json', 'sarif']) {
            const result = runCli(['check', '--format', format], { cwd: dir });
            expect(result.status, describeRun(result)).toBe(1);
            expectNoRaw(result);
            expect(result.stdout).toContain('U+202E RIGHT-TO-LEFT OVERRIDE');
        }
    });

    test('a message that quotes a token with a raw override (the parser\'s "but found") prints it escaped', () => {
        const dir = project({ 'rules/x.govrule': `package t.x\npost "a${RLO}b"\n` });
        const result = runCli(['check', 'rules/x.govrule'], { cwd: dir });
        expect(result.status, describeRun(result)).toBe(1);
        expectNoRaw(result);
        expect(result.stderr).toContain('\\u{202E}');
    });

    test('confusable-name is a warning: exit 0, the message names the look-alike letter', () => {
        const dir = project({ 'rules/x.govrule': 'package t.x\nimport demo.common.*\ncategory c\npost revıewer\nrule r { category c severity minor responsible revıewer actions remove }\n' });
        const result = runCli(['check'], { cwd: dir });
        expect(result.status, describeRun(result)).toBe(0);
        expect(result.stderr.split('\n')[0]).toBe("rules/x.govrule:4:6: warning [confusable-name] 'revıewer' looks like 'reviewer' (post demo.common.reviewer): it has 'ı' (U+0131 LATIN SMALL LETTER DOTLESS I) where that has 'i' (U+0069 LATIN SMALL LETTER I); rename one of them so that they differ visibly");
    });

    test('豈审核 with U+F900: unnormalized-name, with the NFC spelling', () => {
        const dir = project({ 'rules/x.govrule': 'package t.x\nimport demo.common.*\ncategory c\npost \uF900审核\n' });
        const result = runCli(['check', '--format', 'json'], { cwd: dir });
        expect(result.status, describeRun(result)).toBe(1);
        const problems = JSON.parse(result.stdout) as Array<{ code: string; message: string; line: number; column: number }>;
        expect(problems.filter(p => p.code === 'unnormalized-name').map(p => [p.line, p.column, p.message])).toEqual([[4, 6,
            "Name '\uF900审核' is not in Unicode normalization form C: it contains '\uF900' (U+F900 CJK COMPATIBILITY IDEOGRAPH-F900), which is written '豈' (U+8C48 CJK UNIFIED IDEOGRAPH-8C48) in NFC; names that look alike must be spelt alike, so write '豈审核'"]]);
    });
});

describe('compile', () => {
    test('a raw override stops compile: exit 1 and no bundle', () => {
        const dir = project();
        const out = path.join(dir, 'out.json');
        const result = runCli(['compile', '-o', out], { cwd: dir });
        expect(result.status, describeRun(result)).toBe(1);
        expectNoRaw(result);
        expect(fs.existsSync(out)).toBe(false);
    });

    test('written as an escape, the character reaches the bundle as the author asked', () => {
        const dir = project({ 'rules/x.govrule': LABELLED.replace(RLO, '\\u{202E}\\u{1F4E2}') });
        const out = path.join(dir, 'out.json');
        const result = runCli(['compile', '-o', out], { cwd: dir });
        expect(result.status, describeRun(result)).toBe(0);
        const bundle = JSON.parse(fs.readFileSync(out, 'utf8')) as { posts: Array<{ id: string; label?: string }> };
        expect(bundle.posts.find(p => p.id === 't.x.p')?.label).toBe('审核员\u202E\u{1F4E2}abc');
    });
});

describe('fmt', () => {
    test('a file the lexer cannot read is left alone, and the reason names the character', () => {
        const text = `package t.x\npost p ${RLO}\n`;
        const dir = tempFolder({ 'x.govrule': text });
        const result = runCli(['fmt', 'x.govrule'], { cwd: dir });
        expect(result.status, describeRun(result)).toBe(1);
        expectNoRaw(result);
        expect(result.stderr).toContain('Unexpected character U+202E RIGHT-TO-LEFT OVERRIDE');
        expect(fs.readFileSync(path.join(dir, 'x.govrule'), 'utf8')).toBe(text);
    });
});

describe('other output', () => {
    const TESTED = 'package t.x\nimport demo.common.*\ncategory c\nrule r { category c severity minor responsible reviewer actions remove }\n'
        + 'test "审核\\u{202E}通过" {\n    given c { channel: app }\n    expect rule r\n}\n';

    test('govrule test: a test name written with an escape is printed as the escape, in text, JSON and JUnit', () => {
        const dir = project({ 'rules/x.govrule': TESTED });
        const text = runCli(['test'], { cwd: dir });
        expect(text.status, describeRun(text)).toBe(0);
        expectNoRaw(text);
        expect(text.stdout).toContain('PASS rules/x.govrule:5 审核\\u{202E}通过');

        const json = runCli(['test', '--reporter', 'json'], { cwd: dir });
        expectNoRaw(json);
        expect(JSON.parse(json.stdout).tests[0].name).toBe('审核\u202E通过');

        const junit = runCli(['test', '--reporter', 'junit'], { cwd: dir });
        expectNoRaw(junit);
        expect(junit.stdout).toContain('name="审核\\u{202E}通过"');
    });

    test('a usage error naming a path with an override prints it escaped', () => {
        const result = runCli(['check', `missing${RLO}elur.govrule`], { cwd: project() });
        expect(result.status, describeRun(result)).toBe(2);
        expectNoRaw(result);
        expect(result.stderr).toBe('govrule: error: no such file or folder: missing\\u{202E}elur.govrule\n');
    });

    test('fmt lists a reformatted file whose name holds an override escaped', () => {
        const dir = tempFolder({ [`evil${RLO}elur.govrule`]: 'package   t.x\npost    p\n' });
        const result = runCli(['fmt'], { cwd: dir });
        expect(result.status, describeRun(result)).toBe(0);
        expect(result.stdout).toBe('evil\\u{202E}elur.govrule\n');
        expect(fs.readFileSync(path.join(dir, `evil${RLO}elur.govrule`), 'utf8')).toBe('package t.x\npost p\n');
    });
});
