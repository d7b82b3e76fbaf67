/**
 * The Test Explorer's logic without VS Code (extension/src/test-runs.ts): which tests a request
 * runs, what a report becomes in the Testing view (a diff of the expected-versus-actual table),
 * the output table and coverage lines; first on hand-made answers, then on the real server's.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { english, useTranslation, fromBundle } from '../../extension/src/l10n.js';
import {
    coverageLines, notReported, outcomeOf, planRun, resultTable, testId,
    type SelectionReport, type TestFile, type TestReport
} from '../../extension/src/test-runs.js';
import { LspClient } from '../helpers/lsp-client.js';
import { fixtureWorkspace } from '../lsp/fixture.js';

const range = (line: number, from = 0, to = 10) => ({ start: { line, character: from }, end: { line, character: to } });

const FILES: TestFile[] = [
    { uri: 'file:///w/a.govrule', tests: [{ name: 'a1', range: range(3) }, { name: 'a2', range: range(8) }] },
    { uri: 'file:///w/b.govrule', tests: [{ name: 'b#1 测试', range: range(4) }] },
];
const A = 'file:///w/a.govrule';
const B = 'file:///w/b.govrule';

describe('which tests a request runs', () => {
    test('everything: the server runs every test of the workspace; the ids are those of the tree', () => {
        expect(planRun(FILES, undefined, [], false)).toEqual({
            argument: { coverage: false },
            ids: [testId(A, 'a1'), testId(A, 'a2'), testId(B, 'b#1 测试')],
        });
        expect(planRun(FILES, undefined, [], true).argument).toEqual({ coverage: true });
    });

    test('a whole file is sent as a file; one test by its name', () => {
        expect(planRun(FILES, [{ uri: B }], [], false)).toEqual({ argument: { tests: [{ uri: B }], coverage: false }, ids: [testId(B, 'b#1 测试')] });
        expect(planRun(FILES, [{ uri: A, name: 'a2' }], [], false)).toEqual({ argument: { tests: [{ uri: A, name: 'a2' }], coverage: false }, ids: [testId(A, 'a2')] });
    });

    test('exclusions: a file with a test left out goes test by test; an excluded file not at all', () => {
        expect(planRun(FILES, undefined, [{ uri: A, name: 'a1' }], false)).toEqual({
            argument: { tests: [{ uri: A, name: 'a2' }, { uri: B }], coverage: false },
            ids: [testId(A, 'a2'), testId(B, 'b#1 测试')],
        });
        expect(planRun(FILES, [{ uri: A }, { uri: B }], [{ uri: B }], false).argument).toEqual({ tests: [{ uri: A }], coverage: false });
        expect(planRun(FILES, [{ uri: A }], [{ uri: A, name: 'a1' }, { uri: A, name: 'a2' }], false)).toEqual({ argument: { tests: [], coverage: false }, ids: [] });
    });

    test('a file and one of its tests: the whole file, once; unknown files and names run nothing', () => {
        expect(planRun(FILES, [{ uri: A, name: 'a1' }, { uri: A }], [], false).argument).toEqual({ tests: [{ uri: A }], coverage: false });
        expect(planRun(FILES, [{ uri: 'file:///w/gone.govrule' }, { uri: A, name: 'gone' }], [], false)).toEqual({ argument: { tests: [], coverage: false }, ids: [] });
    });

    test('test ids keep any name apart from its file', () => {
        expect(testId(B, 'b#1 测试')).toBe('file:///w/b.govrule#b%231%20%E6%B5%8B%E8%AF%95');
        expect(new Set(FILES.flatMap(f => f.tests.map(t => testId(f.uri, t.name)))).size).toBe(3);
    });

    test('tests that the report has no result for did not run', () => {
        const plan = planRun(FILES, undefined, [], false);
        const report: SelectionReport = { date: '2026-06-01', files: [{ uri: A, passed: 1, failed: 0, date: '2026-06-01', tests: [passing('a1')] }] };
        expect(notReported(plan, report)).toEqual([testId(A, 'a2'), testId(B, 'b#1 测试')]);
    });
});

function passing(name: string): TestReport {
    return {
        name, line: 4, range: range(3), passed: true, failures: [],
        expectations: [{ kind: 'rule', what: 'rule', expected: 'r', actual: 'r', passed: true, range: range(5) }],
    };
}

const FAILING: TestReport = {
    name: '涉灾谣言', line: 10, range: range(9, 0, 1), passed: false,
    failures: ['severity is wrong', 'actions are wrong'],
    expectations: [
        { kind: 'rule', what: 'rule', expected: 'demo.rules.disasterRumor', actual: 'demo.rules.disasterRumor', passed: true, range: range(11) },
        { kind: 'actions', what: 'actions', expected: 'demo.common.remove', actual: 'demo.common.remove, demo.common.fine', passed: false, range: range(12), message: 'actions are wrong' },
        { kind: 'severity', what: 'severity', expected: 'demo.common.minor', actual: 'demo.common.critical', passed: false, range: range(13), message: 'severity is wrong' },
    ],
};

describe('what a report becomes in the Testing view', () => {
    test('a pass is a pass', () => {
        expect(outcomeOf(passing('a1'))).toEqual({ passed: true });
    });

    test('a failure is one diff of the whole table at the first failing expect line, saying every failure', () => {
        expect(outcomeOf(FAILING)).toEqual({
            passed: false,
            messages: [{
                message: 'actions are wrong\nseverity is wrong',
                expected: 'rule: demo.rules.disasterRumor\nactions: demo.common.remove\nseverity: demo.common.minor',
                actual: 'rule: demo.rules.disasterRumor\nactions: demo.common.remove, demo.common.fine\nseverity: demo.common.critical',
                range: range(12),
            }],
        });
    });

    test('a row that held reads the same on both sides, whatever its actual text', () => {
        const escalation = { kind: 'escalation' as const, what: 'escalation', expected: 'cac within 2h', actual: 'editor after 1h, cac after 2h', passed: true, range: range(14) };
        const outcome = outcomeOf({ ...FAILING, expectations: [...FAILING.expectations, escalation] });
        expect(outcome.passed).toBe(false);
        const [message] = outcome.passed ? [] : outcome.messages;
        expect(message!.expected!.split('\n')[3]).toBe('escalation: cac within 2h');
        expect(message!.actual!.split('\n')[3]).toBe('escalation: cac within 2h');
    });

    test('an event that could not be decided: its reason at the test, no diff', () => {
        const undecided: TestReport = { ...FAILING, expectations: [], failures: ['Test "x" could not be decided: no channel'], error: 'no channel' };
        expect(outcomeOf(undecided)).toEqual({ passed: false, messages: [{ message: 'Test "x" could not be decided: no channel', range: FAILING.range }] });
        expect(resultTable(undecided)).toBe('✗ 涉灾谣言\r\n    no channel\r\n');
    });

    test('the output table lines up the columns, CJK text two columns wide, in CRLF lines', () => {
        expect(resultTable(FAILING).split('\r\n')).toEqual([
            '✗ 涉灾谣言',
            '       what      expected                  actual',
            '    ✓  rule      demo.rules.disasterRumor  demo.rules.disasterRumor',
            '    ✗  actions   demo.common.remove        demo.common.remove, demo.common.fine',
            '    ✗  severity  demo.common.minor         demo.common.critical',
            '',
        ]);
        useTranslation(fromBundle({ what: '项目', expected: '预期', actual: '实际' }));
        try {
            const table = resultTable({ ...FAILING, expectations: [{ ...FAILING.expectations[0]!, what: '规则', expected: '严重（critical）' }] }).split('\r\n');
            expect(table.slice(1, 3)).toEqual([
                '       项目  预期              实际',
                '    ✓  规则  严重（critical）  demo.rules.disasterRumor',
            ]);
        } finally {
            useTranslation(english);
        }
    });

    test('coverage: rules and leaf categories as statements, rules as declarations too', () => {
        const lines = coverageLines({
            uri: A,
            declarations: [
                { kind: 'category', id: 'p.leaf', range: range(2), tests: 3 },
                { kind: 'rule', id: 'p.r', range: range(5, 0, 1), tests: 0 },
            ],
        });
        expect(lines.statements).toEqual([
            { kind: 'category', id: 'p.leaf', range: range(2), count: 3 },
            { kind: 'rule', id: 'p.r', range: range(5, 0, 1), count: 0 },
        ]);
        expect(lines.declarations).toEqual([{ kind: 'rule', id: 'p.r', range: range(5, 0, 1), count: 0 }]);
    });
});

describe('on the real server', () => {
    const TESTS = `package demo.tests
import demo.common.*
import demo.rules.*

test "对" {
    given rumor.enterprise { channel: selfMedia, reports: 5 }
    expect rule enterpriseRumor
}

test "错" {
    given rumor.disaster { channel: app }
    expect rule disasterRumor
    expect severity minor
}
`;
    let client: LspClient;
    beforeAll(async () => {
        client = await LspClient.start(fixtureWorkspace({ 'tests/t.govrule': TESTS }));
    });
    afterAll(async () => client.stop());

    test('the listed tree, a plan for one file less one test, and the failure as a diff', async () => {
        const files = await client.request<TestFile[]>('workspace/executeCommand', { command: 'govrule.listTests', arguments: [] });
        const uri = client.uri('tests/t.govrule');
        const plan = planRun(files, [{ uri }], [{ uri, name: '对' }], true);
        expect(plan.argument).toEqual({ tests: [{ uri, name: '错' }], coverage: true });
        const report = await client.request<SelectionReport>('workspace/executeCommand', { command: 'govrule.runSelectedTests', arguments: [plan.argument] });
        expect(notReported(plan, report)).toEqual([]);
        const [wrong] = report.files[0]!.tests;
        const outcome = outcomeOf(wrong!);
        expect(outcome).toEqual({
            passed: false,
            messages: [{
                message: expect.stringMatching(/^Test "错" failed: expected severity demo\.common\.minor, actual: demo\.common\.critical/),
                expected: 'rule: demo.rules.disasterRumor\nseverity: demo.common.minor',
                actual: 'rule: demo.rules.disasterRumor\nseverity: demo.common.critical',
                range: { start: client.position('tests/t.govrule', 'expect severity'), end: client.position('tests/t.govrule', 'expect severity minor', 'expect severity minor'.length) },
            }],
        });
        // One test ran: it reached disasterRumor and its category, nothing else.
        const reached = (report.coverage ?? []).flatMap(file => coverageLines(file).statements).filter(line => line.count > 0).map(line => line.id);
        expect(reached).toEqual(['demo.rules.rumor.disaster', 'demo.rules.disasterRumor']);
    });
});
