/**
 * Reading govrule.json (LANGUAGE.md §12) as `govrule check` reports it: a byte-order mark is
 * accepted, a JSON error is placed at its real line and column, a key given twice is a
 * `config-duplicate-key` warning, and include patterns or an `out` that leave the project root
 * are `config` errors at the offending value.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { describeRun, runCli } from '../helpers/cli.js';
import { tempFolder } from '../helpers/temp.js';
import { USES_VOCABULARY, VOCABULARY } from '../helpers/workspace.js';

interface JsonProblem {
    file: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    severity: string;
    code: string;
    message: string;
}

function project(config: string | Buffer, extra: Record<string, string> = {}): string {
    return tempFolder({ 'rules/common.govrule': VOCABULARY, 'rules/uses.govrule': USES_VOCABULARY, 'govrule.json': config, ...extra });
}

function check(dir: string, args: string[] = []): { status: number | null; problems: JsonProblem[]; stderr: string } {
    const result = runCli(['check', '--format', 'json', ...args], { cwd: dir });
    expect(result.stdout, describeRun(result)).not.toBe('');
    return { status: result.status, problems: JSON.parse(result.stdout) as JsonProblem[], stderr: result.stderr };
}

/** `line:column-endLine:endColumn severity code message` of each problem in govrule.json. */
function configLines(problems: readonly JsonProblem[]): string[] {
    return problems.filter(p => p.file === 'govrule.json')
        .map(p => `${p.line}:${p.column}-${p.endLine}:${p.endColumn} ${p.severity} ${p.code} ${p.message}`);
}

describe('byte-order mark', () => {
    test('a UTF-8 byte-order mark before the JSON is accepted, and the include applies', () => {
        const dir = project(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{ "include": ["rules/common.govrule"] }\n')]));
        const result = runCli(['check'], { cwd: dir });
        expect(result.status, describeRun(result)).toBe(0);
        // Only the included file: the unused vocabulary is reported, and there is no config problem.
        expect(result.stderr).toContain('in 1 file.');
        expect(result.stderr).not.toContain('[config]');
    });

    test('positions after a byte-order mark are those an editor shows (the mark takes no column)', () => {
        const dir = project('\uFEFF{\n  "lints": {}\n}\n');
        expect(configLines(check(dir).problems)).toEqual([
            "2:3-2:10 error config Unknown setting 'lints' (settings: include, out, lint) (govrule.json)",
        ]);
    });
});

describe('JSON errors at their real line and column', () => {
    test.each([
        ['a missing comma', '{\n  "include": ["**/*.govrule"]\n  "out": "dist/b.json"\n}\n',
            '3:3-3:4 error config govrule.json is not valid JSON: expected \',\' or \'}\' after the value of "include", found \'"\' (govrule.json)'],
        ['a trailing comma', '{\n  "include": ["**/*.govrule"],\n}\n',
            "3:1-3:2 error config govrule.json is not valid JSON: a comma before '}': JSON allows no trailing comma (govrule.json)"],
        ['a comment', '{\n  // rules only\n  "include": ["rules/**/*.govrule"]\n}\n',
            '2:3-2:5 error config govrule.json is not valid JSON: comments are not allowed in JSON (govrule.json)'],
        ['a single-quoted string', "{\n  \"lint\": {\n    'shadowed-rule': \"off\"\n  }\n}\n",
            "3:5-3:6 error config govrule.json is not valid JSON: expected a key in double quotes, found ''' (govrule.json)"],
        ['an unclosed object', '{\n  "include": ["**/*.govrule"]\n',
            '3:1-3:1 error config govrule.json is not valid JSON: expected \',\' or \'}\' after the value of "include", found the end of the text (govrule.json)'],
        ['an unclosed string', '{ "out": "dist/b.json }\n',
            '1:10-1:24 error config govrule.json is not valid JSON: a string is not closed: a \'"\' is missing before the end of the line (govrule.json)'],
        ['a tab inside a string', '{ "out": "dist/\tb.json" }\n',
            '1:16-1:17 error config govrule.json is not valid JSON: character U+0009 inside a string; write it as an escape such as \\n (govrule.json)'],
        ['text after the object', '{ "include": ["**/*.govrule"] }\n}\n',
            "2:1-2:2 error config govrule.json is not valid JSON: unexpected '}' after the end of the JSON value (govrule.json)"],
        ['an empty file', '',
            '1:1-1:1 error config govrule.json is not valid JSON: expected a value, found the end of the text (govrule.json)'],
    ])('%s', (_, config, expected) => {
        const { status, problems } = check(project(config));
        expect(status).toBe(1);
        expect(configLines(problems)).toEqual([expected]);
    });

    test('the text output quotes the line of a JSON error with a caret under it', () => {
        const dir = project('{\n  "include": ["**/*.govrule"]\n  "out": "dist/b.json"\n}\n');
        const result = runCli(['check'], { cwd: dir });
        expect(result.status, describeRun(result)).toBe(1);
        expect(result.stderr).toContain([
            'govrule.json:3:3: error [config] govrule.json is not valid JSON: expected \',\' or \'}\' after the value of "include", found \'"\' (govrule.json)',
            ' 3 |   "out": "dist/b.json"',
            '   |   ^',
        ].join('\n'));
    });

    test('a govrule.json that is not UTF-8 is a config error', () => {
        const dir = project(Buffer.from('{ "out": "caf\xe9.json" }\n', 'latin1'));
        expect(configLines(check(dir).problems)).toEqual(['1:1-1:1 error config govrule.json is not valid UTF-8 (govrule.json)']);
    });
});

describe('duplicate keys', () => {
    const twice = '{\n  "include": ["nothing/*.govrule"],\n  "include": ["rules/**/*.govrule"],\n  "lint": { "unused-declaration": "off", "unused-declaration": "warning" }\n}\n';

    test('a key given twice is a config-duplicate-key warning at the second; the last value is used', () => {
        const { status, problems } = check(project(twice));
        expect(status).toBe(0);
        expect(configLines(problems)).toEqual([
            '3:3-3:12 warning config-duplicate-key Duplicate key "include" (first at line 2); the last one is used (govrule.json)',
            '4:42-4:62 warning config-duplicate-key Duplicate key "unused-declaration" in "lint" (first at line 4); the last one is used (govrule.json)',
        ]);
        // The last include and the last level count: the rule files are checked, and nothing is unused.
        expect(problems.filter(p => p.file !== 'govrule.json')).toEqual([]);
    });

    test('it counts towards --max-warnings', () => {
        const result = runCli(['check', '--max-warnings', '0'], { cwd: project(twice) });
        expect(result.status, describeRun(result)).toBe(1);
        expect(result.stderr).toContain('govrule: 2 warnings exceed --max-warnings 0');
    });

    test('as a lint, its level is set in the same file: error fails the run, off silences it', () => {
        const asError = '{ "lint": { "config-duplicate-key": "error" }, "lint": { "config-duplicate-key": "error" } }';
        const failing = check(project(asError));
        expect(failing.status).toBe(1);
        expect(configLines(failing.problems)).toEqual([
            '1:48-1:54 error config-duplicate-key Duplicate key "lint" (first at line 1); the last one is used (govrule.json)',
        ]);
        const silenced = check(project('{ "out": "a.json", "out": "b.json", "lint": { "config-duplicate-key": "off" } }'));
        expect(silenced.status).toBe(0);
        expect(configLines(silenced.problems)).toEqual([]);
    });
});

describe('include patterns that leave the project root', () => {
    test('are config errors at the pattern; the other patterns still select files', () => {
        const dir = project('{\n  "include": ["../shared/*.govrule", "rules/**/*.govrule", "/etc/*.govrule"]\n}\n');
        fs.mkdirSync(path.join(dir, '..', path.basename(dir) + '-shared'), { recursive: true });
        const { status, problems } = check(dir);
        expect(status).toBe(1);
        expect(configLines(problems)).toEqual([
            "2:15-2:36 error config Include pattern '../shared/*.govrule' leaves the project root; patterns are relative to the folder of govrule.json (govrule.json)",
            "2:60-2:76 error config Include pattern '/etc/*.govrule' leaves the project root; patterns are relative to the folder of govrule.json (govrule.json)",
        ]);
        expect(problems.filter(p => p.file !== 'govrule.json')).toEqual([]);
    });

    test('a `..` inside a pattern leaves it too', () => {
        const { problems } = check(project('{ "include": ["rules/**/*.govrule", "rules/../../x/*.govrule"] }'));
        expect(configLines(problems)).toEqual([
            "1:37-1:62 error config Include pattern 'rules/../../x/*.govrule' leaves the project root; patterns are relative to the folder of govrule.json (govrule.json)",
        ]);
    });

    test('when no pattern is left, the usage error says why', () => {
        const result = runCli(['check'], { cwd: project('{ "include": ["../rules/*.govrule"] }') });
        expect(result.status, describeRun(result)).toBe(2);
        expect(result.stderr).toBe("govrule: error: no .govrule files found in . (include: ); govrule.json: Include pattern '../rules/*.govrule' leaves the project root; patterns are relative to the folder of govrule.json\n");
    });
});

describe('out', () => {
    test.each([
        ['../dist/bundle.json', `"out" must be a file inside the project root (the folder of govrule.json), not '../dist/bundle.json' (govrule.json)`],
        ['/tmp/bundle.json', `"out" must be a file inside the project root (the folder of govrule.json), not '/tmp/bundle.json' (govrule.json)`],
        ['.', `"out" must be a file inside the project root (the folder of govrule.json), not '.' (govrule.json)`],
        ['dist/govrule.json', `"out" must not be a govrule.json: the bundle would replace a project's configuration (govrule.json)`],
        ['rules/common.govrule', `"out" 'rules/common.govrule' is matched by "include": the bundle would replace a source file (govrule.json)`],
    ])('%s is a config error at its value', (out, message) => {
        const config = `{\n  "out": ${JSON.stringify(out)}\n}\n`;
        const { status, problems } = check(project(config));
        expect(status).toBe(1);
        expect(configLines(problems)).toEqual([`2:10-2:${10 + JSON.stringify(out).length} error config ${message}`]);
    });

    test('a path inside the root is fine', () => {
        const { status, problems } = check(project('{ "out": "dist/govrule.bundle.json" }'));
        expect(status).toBe(0);
        expect(problems).toEqual([]);
    });
});

describe('a govrule.json that is not a regular file', () => {
    test('a FIFO is a config error, not a read that never ends', () => {
        const dir = tempFolder({ 'rules/common.govrule': VOCABULARY, 'rules/uses.govrule': USES_VOCABULARY });
        try {
            execFileSync('mkfifo', [path.join(dir, 'govrule.json')]);
        } catch {
            return; // No mkfifo on this system: nothing to check.
        }
        const result = runCli(['check', '--format', 'json'], { cwd: dir, timeout: 30_000 });
        expect(result.status, describeRun(result)).toBe(1);
        expect(configLines(JSON.parse(result.stdout) as JsonProblem[])).toEqual([
            '1:1-1:1 error config Cannot read govrule.json: it is not a regular file (govrule.json)',
        ]);
    });
});
