/**
 * Diagnostic output of the CLI (LANGUAGE.md §11): text for people, json, sarif and github for
 * machines; --quiet and --max-warnings.
 */
import Ajv from 'ajv';
import { describe, expect, test } from 'vitest';
import { describeRun, runCli } from '../helpers/cli.js';
import { tempFolder } from '../helpers/temp.js';
import { USES_VOCABULARY, VOCABULARY } from '../helpers/workspace.js';

/** Line 4 has an unresolved CJK name after CJK text (carets must line up); line 5 an unused post. */
const PROBLEMS = `package t.x
import demo.common.*
category c
rule 规则 { category c severity minor responsible 审核员 actions remove }
post idle
`;
const RULE_PREFIX = 'rule 规则 { category c severity minor responsible ';

function project(): string {
    return tempFolder({ 'common.govrule': VOCABULARY, 'uses.govrule': USES_VOCABULARY, 'rules/x.govrule': PROBLEMS });
}

describe('--format text (the default)', () => {
    test('file:line:col: severity [code] message, the source line, a caret under the range, and a summary', () => {
        const result = runCli(['check'], { cwd: project() });
        expect(result.status, describeRun(result)).toBe(1);
        expect(result.stdout).toBe('');
        const column = RULE_PREFIX.length + 1;
        // Two CJK characters before the name take two columns each; the name itself is six columns wide.
        const caretIndent = ' '.repeat(RULE_PREFIX.length + 2);
        expect(result.stderr).toBe([
            `rules/x.govrule:4:${column}: error [unresolved-reference] Cannot find a post named '审核员'`,
            ` 4 | ${PROBLEMS.split('\n')[3]}`,
            `   | ${caretIndent}^^^^^^`,
            `rules/x.govrule:5:6: warning [unused-declaration] Post 'idle' is never used`,
            ' 5 | post idle',
            '   |      ^^^^',
            '1 error, 1 warning in 3 files.',
            '',
        ].join('\n'));
    });

    test('a wide gutter for line numbers of several digits, tabs shown as spaces', () => {
        const text = `package t.x\nimport demo.common.*\n${'\n'.repeat(97)}\tpost idle\n`;
        const dir = tempFolder({ 'common.govrule': VOCABULARY, 'uses.govrule': USES_VOCABULARY, 'x.govrule': text });
        const result = runCli(['check', 'x.govrule', 'common.govrule', 'uses.govrule'], { cwd: dir });
        expect(result.stderr.split('\n').slice(0, 3)).toEqual([
            "x.govrule:100:7: warning [unused-declaration] Post 'idle' is never used",
            ' 100 |  post idle',
            '     |       ^^^^',
        ]);
    });
});

describe('--format json', () => {
    test('an array of { file, line, column, endLine, endColumn, severity, code, message } on stdout', () => {
        const result = runCli(['check', '--format', 'json'], { cwd: project() });
        expect(result.status, describeRun(result)).toBe(1);
        expect(result.stderr).toBe('');
        const column = RULE_PREFIX.length + 1;
        expect(JSON.parse(result.stdout)).toEqual([
            { file: 'rules/x.govrule', line: 4, column, endLine: 4, endColumn: column + 3, severity: 'error', code: 'unresolved-reference', message: "Cannot find a post named '审核员'" },
            { file: 'rules/x.govrule', line: 5, column: 6, endLine: 5, endColumn: 10, severity: 'warning', code: 'unused-declaration', message: "Post 'idle' is never used" },
        ]);
    });

    test('an empty array when there is nothing to report', () => {
        const dir = tempFolder({ 'common.govrule': VOCABULARY, 'uses.govrule': USES_VOCABULARY });
        const result = runCli(['check', '--format', 'json'], { cwd: dir });
        expect(result.status, describeRun(result)).toBe(0);
        expect(JSON.parse(result.stdout)).toEqual([]);
    });

    test('info and hint levels are named as such', () => {
        const dir = tempFolder({
            'common.govrule': VOCABULARY, 'uses.govrule': USES_VOCABULARY, 'x.govrule': 'package t.x\npost idle\ncategory open\n',
            'govrule.json': '{ "lint": { "unused-declaration": "info", "uncovered-category": "hint" } }',
        });
        const result = runCli(['check', '--format', 'json'], { cwd: dir });
        expect(result.status, describeRun(result)).toBe(0);
        expect((JSON.parse(result.stdout) as Array<{ severity: string }>).map(p => p.severity)).toEqual(['info', 'hint']);
    });
});

/** The part of SARIF 2.1.0 that consumers (GitHub code scanning among them) require. */
const SARIF_SCHEMA = {
    type: 'object',
    required: ['version', 'runs'],
    properties: {
        version: { const: '2.1.0' },
        $schema: { type: 'string' },
        runs: {
            type: 'array', minItems: 1,
            items: {
                type: 'object',
                required: ['tool', 'results'],
                properties: {
                    tool: {
                        type: 'object', required: ['driver'],
                        properties: {
                            driver: {
                                type: 'object', required: ['name', 'rules'],
                                properties: {
                                    name: { type: 'string', minLength: 1 },
                                    rules: {
                                        type: 'array',
                                        items: { type: 'object', required: ['id'], properties: { id: { type: 'string' }, shortDescription: { type: 'object', required: ['text'] } } },
                                    },
                                },
                            },
                        },
                    },
                    results: {
                        type: 'array',
                        items: {
                            type: 'object',
                            required: ['ruleId', 'level', 'message', 'locations'],
                            properties: {
                                ruleId: { type: 'string' },
                                ruleIndex: { type: 'integer', minimum: 0 },
                                level: { enum: ['none', 'note', 'warning', 'error'] },
                                message: { type: 'object', required: ['text'], properties: { text: { type: 'string', minLength: 1 } } },
                                locations: {
                                    type: 'array', minItems: 1,
                                    items: {
                                        type: 'object', required: ['physicalLocation'],
                                        properties: {
                                            physicalLocation: {
                                                type: 'object', required: ['artifactLocation', 'region'],
                                                properties: {
                                                    artifactLocation: { type: 'object', required: ['uri'], properties: { uri: { type: 'string', minLength: 1 } } },
                                                    region: {
                                                        type: 'object', required: ['startLine', 'startColumn'],
                                                        properties: {
                                                            startLine: { type: 'integer', minimum: 1 }, startColumn: { type: 'integer', minimum: 1 },
                                                            endLine: { type: 'integer', minimum: 1 }, endColumn: { type: 'integer', minimum: 1 },
                                                        },
                                                    },
                                                },
                                            },
                                        },
                                    },
                                },
                            },
                        },
                    },
                },
            },
        },
    },
};

interface SarifLog {
    runs: Array<{
        tool: { driver: { name: string; rules: Array<{ id: string }> } };
        results: Array<{ ruleId: string; ruleIndex?: number; level: string; message: { text: string }; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }> }>;
    }>;
}

describe('--format sarif', () => {
    test('is SARIF 2.1.0 with the codes as rules and one result per diagnostic', () => {
        const result = runCli(['check', '--format', 'sarif'], { cwd: project() });
        expect(result.status, describeRun(result)).toBe(1);
        const log = JSON.parse(result.stdout) as SarifLog;
        const validate = new Ajv({ allErrors: true }).compile(SARIF_SCHEMA);
        expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
        const run = log.runs[0];
        expect(run.tool.driver.name).toBe('govrule');
        const ruleIds = run.tool.driver.rules.map(r => r.id);
        expect(ruleIds).toContain('unresolved-reference');
        expect(ruleIds).toContain('unused-declaration');
        expect(run.results.map(r => [r.ruleId, r.level, r.locations[0].physicalLocation.artifactLocation.uri, r.locations[0].physicalLocation.region.startLine])).toEqual([
            ['unresolved-reference', 'error', 'rules/x.govrule', 4],
            ['unused-declaration', 'warning', 'rules/x.govrule', 5],
        ]);
        for (const r of run.results) {
            expect(ruleIds[r.ruleIndex!]).toBe(r.ruleId);
        }
        expect(run.results[1].message.text).toBe("Post 'idle' is never used");
        expect(run.results[1].locations[0].physicalLocation.region).toEqual({ startLine: 5, startColumn: 6, endLine: 5, endColumn: 10 });
    });

    test('an empty run is still valid', () => {
        const dir = tempFolder({ 'common.govrule': VOCABULARY, 'uses.govrule': USES_VOCABULARY });
        const result = runCli(['check', '--format', 'sarif'], { cwd: dir });
        expect(result.status, describeRun(result)).toBe(0);
        const log = JSON.parse(result.stdout) as SarifLog;
        expect(new Ajv().compile(SARIF_SCHEMA)(log)).toBe(true);
        expect(log.runs[0].results).toEqual([]);
    });

    test('file names with spaces are URI-encoded', () => {
        const dir = tempFolder({ 'common.govrule': VOCABULARY, 'uses.govrule': USES_VOCABULARY, 'my rules/x.govrule': 'package t.x\npost idle\n' });
        const log = JSON.parse(runCli(['check', '--format', 'sarif'], { cwd: dir }).stdout) as SarifLog;
        expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('my%20rules/x.govrule');
    });
});

describe('--format github', () => {
    test('workflow commands on stdout, one per diagnostic', () => {
        const result = runCli(['check', '--format', 'github'], { cwd: project() });
        expect(result.status, describeRun(result)).toBe(1);
        const column = RULE_PREFIX.length + 1;
        expect(result.stdout).toBe(
            `::error file=rules/x.govrule,line=4,col=${column},endLine=4,endColumn=${column + 3},title=govrule unresolved-reference::Cannot find a post named '审核员'\n`
            + `::warning file=rules/x.govrule,line=5,col=6,endLine=5,endColumn=10,title=govrule unused-declaration::Post 'idle' is never used\n`);
    });

    test('info and hint become notices; commas, colons and newlines are escaped', () => {
        const dir = tempFolder({
            'common.govrule': VOCABULARY, 'uses.govrule': USES_VOCABULARY, 'a,b:c.govrule': 'package t.x\npost idle\n',
            'govrule.json': '{ "lint": { "unused-declaration": "info" } }',
        });
        const result = runCli(['check', '--format', 'github'], { cwd: dir });
        expect(result.stdout).toBe("::notice file=a%2Cb%3Ac.govrule,line=2,col=6,endLine=2,endColumn=10,title=govrule unused-declaration::Post 'idle' is never used\n");
    });
});

describe('--quiet and --max-warnings', () => {
    test('--quiet reports errors only', () => {
        const result = runCli(['check', '--quiet', '--format', 'json'], { cwd: project() });
        expect(result.status).toBe(1);
        expect((JSON.parse(result.stdout) as Array<{ code: string }>).map(p => p.code)).toEqual(['unresolved-reference']);
        const text = runCli(['check', '--quiet'], { cwd: project() });
        expect(text.stderr).not.toContain('warning [');
        expect(text.stderr).toContain('error [unresolved-reference]');
    });

    test('--max-warnings fails when warnings exceed it, and counts warnings hidden by --quiet', () => {
        const dir = tempFolder({ 'common.govrule': VOCABULARY, 'uses.govrule': USES_VOCABULARY, 'x.govrule': 'package t.x\npost idle\npost idle2\n' });
        const within = runCli(['check', '--max-warnings', '2'], { cwd: dir });
        expect(within.status, describeRun(within)).toBe(0);
        const over = runCli(['check', '--max-warnings', '1'], { cwd: dir });
        expect(over.status, describeRun(over)).toBe(1);
        expect(over.stderr.trimEnd().split('\n').slice(-2)).toEqual(['0 errors, 2 warnings in 3 files.', 'govrule: 2 warnings exceed --max-warnings 1']);
        const quiet = runCli(['check', '--quiet', '--max-warnings=0', '--format', 'json'], { cwd: dir });
        expect(quiet.status).toBe(1);
        expect(JSON.parse(quiet.stdout)).toEqual([]);
        expect(quiet.stderr).toBe('govrule: 2 warnings exceed --max-warnings 0\n');
    });

    test('--max-warnings does not count info or hints', () => {
        const dir = tempFolder({
            'common.govrule': VOCABULARY, 'uses.govrule': USES_VOCABULARY, 'x.govrule': 'package t.x\npost idle\n',
            'govrule.json': '{ "lint": { "unused-declaration": "info" } }',
        });
        const result = runCli(['check', '--max-warnings', '0'], { cwd: dir });
        expect(result.status, describeRun(result)).toBe(0);
        expect(result.stderr.trimEnd().split('\n').pop()).toBe('0 errors, 0 warnings, 1 info in 3 files.');
    });

    test.each([['-1'], ['x'], ['1.5']])('--max-warnings %s is a usage error', value => {
        const result = runCli(['check', `--max-warnings=${value}`], { cwd: project() });
        expect(result.status).toBe(2);
        expect(result.stderr).toBe(`govrule: error: --max-warnings takes a whole number, not '${value}'\n`);
    });
});
