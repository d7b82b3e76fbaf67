/**
 * `govrule test` as a spawned process: each result, failures side by side, the summary line, exit
 * codes, the JUnit and JSON reporters, coverage and its threshold.
 */
import { describe, expect, test } from 'vitest';
import { EXAMPLES, describeRun, runCli } from '../helpers/cli.js';
import { tempFolder } from '../helpers/temp.js';

const PROJECT = `package t
severities { minor serious critical }
post reviewer
post editor
authority cac
authority police
action remove
action warn
attribute channel: enum { app, web }
attribute reports: number default 0
category news { category local category national }

rule basic { category news severity minor responsible reviewer actions remove escalate { after 2h to editor } }
rule many { category news.local severity serious responsible editor actions remove, warn when reports > 10 escalate { after 1h to reviewer after 1d to cac } }
rule unused { category news.national severity minor responsible reviewer actions warn when channel == web escalate { after 3d to police } }
`;

const PASSING = `package t.tests
import t.*
test "local news with many reports" {
    given news.local { channel: app, reports: 20 }
    on 2026-01-01
    expect rule many
    expect escalation to cac within 1d
}
`;

const FAILING = `package t.tests
import t.*
test "wrong <expectation> & \\"quotes\\"" {
    given news.local { channel: app }
    on 2026-01-01
    expect rule many
    expect actions remove, warn
    expect escalation to cac
}
`;

function project(tests: Record<string, string>): string {
    return tempFolder({ 'rules.govrule': PROJECT, ...tests });
}

const SUMMARY = /^(\d+) passed, (\d+) failed$/m;

describe('the example repository', () => {
    test('every test passes, with full rule coverage', () => {
        const result = runCli(['test', EXAMPLES, '--coverage', '--coverage-threshold', '100']);
        expect(result.status, describeRun(result)).toBe(0);
        const lines = result.stdout.trimEnd().split('\n');
        const [, passed, failed] = SUMMARY.exec(lines[lines.length - 1])!;
        expect(failed).toBe('0');
        expect(Number(passed)).toBeGreaterThan(40);
        expect(lines.filter(l => l.startsWith('PASS ')).length).toBe(Number(passed));
        expect(lines.some(l => l.startsWith('FAIL '))).toBe(false);
        expect(result.stdout).toMatch(/^ {2}rules +(\d+)\/\1 \(100\.0%\)$/m);
        expect(result.stdout).toMatch(/^ {2}leaf categories +(\d+)\/\1 \(100\.0%\)$/m);
        expect(result.stdout).toMatch(/^ {2}escalation targets +(\d+)\/\1 \(100\.0%\)$/m);
        expect(result.stdout).not.toContain('no test reached');
    });

    test('check stays free of warnings with the tests in place', () => {
        const result = runCli(['check', EXAMPLES]);
        expect(result.status, describeRun(result)).toBe(0);
        expect(result.stderr).toMatch(/^No problems in \d+ files\.\n$/);
    });
});

describe('text report', () => {
    test('a failing test shows expected and actual side by side; the summary line; exit 1', () => {
        const dir = project({ 'pass.govrule': PASSING, 'fail.govrule': FAILING });
        const result = runCli(['test'], { cwd: dir });
        expect(result.status, describeRun(result)).toBe(1);
        expect(result.stdout).toBe([
            'FAIL fail.govrule:3 wrong <expectation> & "quotes"',
            '     on 2026-01-01',
            '        what        expected          actual',
            '     ✗  rule        t.many            t.basic',
            '     ✗  actions     t.remove, t.warn  t.remove',
            '     ✗  escalation  t.cac             t.editor after 2h',
            'PASS pass.govrule:3 local news with many reports',
            '1 passed, 1 failed',
            '',
        ].join('\n'));
    });

    test('all passing: exit 0', () => {
        const result = runCli(['test'], { cwd: project({ 'pass.govrule': PASSING }) });
        expect(result.status, describeRun(result)).toBe(0);
        expect(result.stdout.trimEnd().split('\n').pop()).toBe('1 passed, 0 failed');
    });

    test('a test without `on` is decided on --date', () => {
        const undated = PASSING.replace('    on 2026-01-01\n', '').replace('many reports', 'undated');
        const dated = `package t.dated\nimport t.*\nrule later { category news.local severity critical responsible reviewer actions remove priority 5 effective 2030-01-01 escalate { after 1h to cac } }\n`;
        const dir = project({ 'pass.govrule': undated, 'dated.govrule': dated });
        expect(runCli(['test', '--date', '2026-01-01'], { cwd: dir }).status).toBe(0);
        const later = runCli(['test', '--date', '2030-06-01'], { cwd: dir });
        expect(later.status).toBe(1);
        expect(later.stdout).toContain('on 2030-06-01 (today: the test has no `on`)');
        expect(later.stdout).toMatch(/✗ {2}rule +t\.many +t\.dated\.later/);
    });

    test('sources with errors: the diagnostics, no test run, exit 1', () => {
        const dir = project({ 'bad.govrule': 'package t.bad\nimport t.*\ntest "x" { given news { channel: tv } expect rule none }\n' });
        const result = runCli(['test'], { cwd: dir });
        expect(result.status).toBe(1);
        expect(result.stdout).toBe('');
        expect(result.stderr).toContain('bad.govrule:3:34: error [unresolved-reference]');
        expect(result.stderr).toContain('govrule: the sources have errors; no test was run\n');
    });

    test('a project without tests', () => {
        const result = runCli(['test'], { cwd: project({}) });
        expect(result.status).toBe(0);
        expect(result.stdout).toBe('0 passed, 0 failed\n');
        expect(result.stderr).toBe('govrule: no test blocks found\n');
    });
});

describe('coverage', () => {
    test('lists the rules, leaf categories and escalation targets no test reached', () => {
        const result = runCli(['test', '--coverage'], { cwd: project({ 'pass.govrule': PASSING, 'fail.govrule': FAILING }) });
        expect(result.stdout).toContain([
            'Coverage:',
            '  rules                 2/3 (66.7%)',
            '  leaf categories       1/2 (50.0%)',
            '  escalation targets    3/4 (75.0%)',
            'Rules no test reached:',
            '  t.unused',
            'Leaf categories no test reached:',
            '  t.news.national',
            'Escalation targets no test reached:',
            '  t.police',
            '',
            '1 passed, 1 failed',
        ].join('\n'));
    });

    test('--coverage-threshold fails below the rule coverage, passes at or above it', () => {
        const dir = project({ 'pass.govrule': PASSING });
        const below = runCli(['test', '--coverage-threshold', '50'], { cwd: dir });
        expect(below.status).toBe(1);
        expect(below.stderr).toBe('govrule: rule coverage 33.3% is below --coverage-threshold 50%\n');
        expect(below.stdout).toContain('Coverage:');
        expect(runCli(['test', '--coverage-threshold', '33'], { cwd: dir }).status).toBe(0);
        expect(runCli(['test', '--coverage-threshold', '30%'], { cwd: dir }).status).toBe(0);
    });

    test.each(['abc', '101', '-1', ''])('an invalid threshold %j is a usage error', value => {
        const result = runCli(['test', `--coverage-threshold=${value}`], { cwd: project({ 'pass.govrule': PASSING }) });
        expect(result.status).toBe(2);
        expect(result.stderr).toBe(`govrule: error: --coverage-threshold takes a percentage from 0 to 100, not '${value}'\n`);
    });
});

/** Checks that the text is well-formed XML 1.0 and returns its elements with decoded attributes. */
function parseXml(text: string): Array<{ name: string; attrs: Record<string, string>; depth: number; text: string }> {
    const declaration = '<?xml version="1.0" encoding="UTF-8"?>\n';
    expect(text.startsWith(declaration)).toBe(true);
    const body = text.slice(declaration.length);
    const entity = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9A-Fa-f]+);/g;
    const decode = (s: string) => {
        expect(s.replace(entity, ''), `stray & or < in ${JSON.stringify(s)}`).not.toMatch(/[&<]/);
        return s.replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n))).replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
    };
    const token = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.-]*="[^"]*")*)\s*(\/?)>|([^<]+)/y;
    const elements: Array<{ name: string; attrs: Record<string, string>; depth: number; text: string }> = [];
    const stack: Array<{ name: string; index: number }> = [];
    let roots = 0;
    let offset = 0;
    while (offset < body.length) {
        token.lastIndex = offset;
        const m = token.exec(body);
        expect(m, `malformed XML at ${JSON.stringify(body.slice(offset, offset + 40))}`).not.toBeNull();
        offset = token.lastIndex;
        const [, closing, name, attrText, selfClosing, textNode] = m!;
        if (textNode !== undefined) {
            if (stack.length === 0) expect(textNode.trim()).toBe('');
            else elements[stack[stack.length - 1].index].text += decode(textNode);
            continue;
        }
        if (closing) {
            expect(stack.pop()?.name, `</${name}> closes nothing open`).toBe(name);
            continue;
        }
        const attrs: Record<string, string> = {};
        for (const a of attrText.matchAll(/([A-Za-z_][\w.-]*)="([^"]*)"/g)) {
            expect(attrs[a[1]], `attribute ${a[1]} twice`).toBeUndefined();
            attrs[a[1]] = decode(a[2]);
        }
        if (stack.length === 0) roots++;
        elements.push({ name, attrs, depth: stack.length, text: '' });
        if (!selfClosing) stack.push({ name, index: elements.length - 1 });
    }
    expect(stack).toEqual([]);
    expect(roots).toBe(1);
    return elements;
}

describe('reporters', () => {
    test('junit: well-formed XML, one suite per file, a failure with expected and actual; summary on stderr', () => {
        const dir = project({ 'pass.govrule': PASSING, 'fail.govrule': FAILING });
        const result = runCli(['test', '--reporter', 'junit'], { cwd: dir });
        expect(result.status).toBe(1);
        expect(result.stderr).toBe('1 passed, 1 failed\n');
        const elements = parseXml(result.stdout);
        expect(elements.map(e => [e.depth, e.name, e.attrs.name])).toEqual([
            [0, 'testsuites', 'govrule'],
            [1, 'testsuite', 'fail.govrule'],
            [2, 'testcase', 'wrong <expectation> & "quotes"'],
            [3, 'failure', undefined],
            [1, 'testsuite', 'pass.govrule'],
            [2, 'testcase', 'local news with many reports'],
        ]);
        expect(elements[0].attrs).toMatchObject({ tests: '2', failures: '1', errors: '0' });
        expect(elements[2].attrs).toMatchObject({ classname: 'fail.govrule', file: 'fail.govrule', line: '3' });
        expect(elements[3].attrs.message).toBe('rule: expected t.many, actual t.basic; actions: expected t.remove, t.warn, actual t.remove; escalation: expected t.cac, actual t.editor after 2h');
        expect(elements[3].text).toContain('✗  rule        t.many            t.basic');
    });

    test('junit with coverage: the XML stays clean, coverage goes to stderr', () => {
        const result = runCli(['test', '--reporter', 'junit', '--coverage'], { cwd: project({ 'pass.govrule': PASSING }) });
        expect(result.status).toBe(0);
        parseXml(result.stdout);
        expect(result.stderr).toContain('Rules no test reached:\n  t.basic\n  t.unused\n');
        expect(result.stderr.trimEnd().split('\n').pop()).toBe('1 passed, 0 failed');
    });

    test('json: results, expectations, decisions and coverage', () => {
        const dir = project({ 'pass.govrule': PASSING, 'fail.govrule': FAILING });
        const result = runCli(['test', '--reporter', 'json', '--coverage'], { cwd: dir });
        expect(result.status).toBe(1);
        expect(result.stderr).toBe('1 passed, 1 failed\n');
        const report = JSON.parse(result.stdout);
        expect([report.passed, report.failed]).toEqual([1, 1]);
        expect(report.tests.map((t: { name: string; file: string; line: number; passed: boolean }) => [t.name, t.file, t.line, t.passed])).toEqual([
            ['wrong <expectation> & "quotes"', 'fail.govrule', 3, false],
            ['local news with many reports', 'pass.govrule', 3, true],
        ]);
        expect(report.tests[0].expectations).toEqual([
            { kind: 'rule', passed: false, expected: 't.many', actual: 't.basic' },
            { kind: 'actions', passed: false, expected: 't.remove, t.warn', actual: 't.remove' },
            { kind: 'escalation', passed: false, expected: 't.cac', actual: 't.editor after 2h' },
        ]);
        expect(report.tests[1].decision.rule).toBe('t.many');
        expect(report.coverage.rules).toEqual({ covered: ['t.basic', 't.many'], missed: ['t.unused'], percent: 200 / 3 });
    });

    test('an unknown reporter is a usage error', () => {
        const result = runCli(['test', '--reporter', 'tap'], { cwd: project({}) });
        expect([result.status, result.stderr]).toEqual([2, "govrule: error: unknown reporter 'tap' (reporters: text, junit, json)\n"]);
    });
});
