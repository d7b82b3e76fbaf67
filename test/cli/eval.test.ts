/**
 * `govrule eval` as a spawned process: one event with its explanation, a JSON Lines stream, and
 * the exit codes (0 decided, 1 an event could not be decided, 2 usage or a bundle it cannot use).
 */
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { MAX_BUNDLE_DEPTH, MAX_CATEGORY_DEPTH, MAX_CONDITION_DEPTH } from '../../language/src/runtime/index.js';
import { BIN, EXAMPLES, describeRun, runCli, type CliResult } from '../helpers/cli.js';
import { MAX_PROPERTY_JSON, hostileEvent, jsonFits, mutate, mutation } from '../helpers/hostile-bundles.js';
import { tempFolder } from '../helpers/temp.js';

let dir: string;
let bundle: string;

beforeAll(() => {
    dir = tempFolder();
    bundle = path.join(dir, 'bundle.json');
    const compiled = runCli(['compile', EXAMPLES, '-o', bundle]);
    expect(compiled.status, describeRun(compiled)).toBe(0);
});

const EVENT = {
    category: 'chongqing.qinglang.rumor.enterprise',
    attributes: { channel: 'selfMedia', sector: 'finance', reports: 3 },
    date: '2026-06-01',
};

function writeEvent(name: string, content: string): string {
    const file = path.join(dir, name);
    fs.writeFileSync(file, content);
    return file;
}

describe('eval --event', () => {
    test('prints the decision with ids, action arguments, the escalation timeline, other matches and explain', () => {
        const result = runCli(['eval', '--bundle', bundle, '--event', writeEvent('one.json', JSON.stringify(EVENT))]);
        expect(result.status, describeRun(result)).toBe(0);
        const decision = JSON.parse(result.stdout);
        expect(Object.keys(decision)).toEqual(['rule', 'campaign', 'severity', 'actions', 'responsible', 'escalation', 'alsoMatched', 'explain']);
        expect(decision.rule).toBe('chongqing.qinglang.enterpriseRumorSelfMedia');
        expect(decision.campaign).toBe('chongqing.qinglang.businessEnvironment');
        expect(decision.severity).toBe('chongqing.common.severe');
        expect(decision.responsible).toBe('chongqing.common.reviewer');
        expect(decision.actions).toContainEqual({ action: 'chongqing.common.suspendAccount', args: { days: 7 } });
        expect(decision.escalation.map((s: { to: string; afterSeconds: number }) => [s.to, s.afterSeconds])).toEqual([
            ['chongqing.common.dutyEditor', 7200], ['chongqing.common.chiefEditor', 86400], ['chongqing.common.cac', 259200]]);
        expect(decision.alsoMatched).toEqual(['chongqing.qinglang.enterpriseRumorBaseline']);
        const autoRule = decision.explain.find((e: { rule: string }) => e.rule === 'chongqing.qinglang.autoRumorLiangjiang');
        expect(autoRule.outcome).toBe('condition-failed');
        expect(autoRule.condition.parts.map((p: { condition: string; holds: boolean }) => [p.condition, p.holds])).toEqual([
            ['sector == auto', false], ['district in ["两江新区", "渝北区"]', false], ['reports >= 5', false]]);
        expect(decision.explain.find((e: { rule: string }) => e.rule === 'chongqing.qinglang.enterpriseRumor2025').outcome).toBe('disabled');
        expect(result.stderr).toBe('');
    });

    test('reads the event from stdin with -', () => {
        const result = runCli(['eval', '--bundle', bundle, '--event', '-'], { input: JSON.stringify({ ...EVENT, date: '2027-01-01' }) });
        expect(result.status, describeRun(result)).toBe(0);
        expect(JSON.parse(result.stdout).rule).toBe('chongqing.qinglang.enterpriseRumorBaseline');
    });

    test('--date is the date of an event that has none', () => {
        const { date: _, ...undated } = EVENT;
        const file = writeEvent('undated.json', JSON.stringify(undated));
        expect(JSON.parse(runCli(['eval', '--bundle', bundle, '--event', file, '--date', '2026-06-01']).stdout).rule).toBe('chongqing.qinglang.enterpriseRumorSelfMedia');
        expect(JSON.parse(runCli(['eval', '--bundle', bundle, '--event', file, '--date', '2025-06-01']).stdout).rule).toBe('chongqing.qinglang.enterpriseRumorBaseline');
    });

    test.each([
        ['a missing required attribute', { category: EVENT.category, attributes: {} }, "the event lacks required attribute 'channel' (no default)"],
        ['a value of the wrong type', { ...EVENT, attributes: { channel: 'selfMedia', reports: '3' } }, 'attribute \'reports\' must be a number, not the text "3"'],
        ['an unknown category', { ...EVENT, category: 'chongqing.qinglang.rumour' }, 'unknown category "chongqing.qinglang.rumour" (did you mean \'chongqing.qinglang.rumor\'?)'],
    ])('%s: exit 1 and the reason', (_name, event, message) => {
        const result = runCli(['eval', '--bundle', bundle, '--event', '-'], { input: JSON.stringify(event) });
        expect(result.status, describeRun(result)).toBe(1);
        expect(result.stdout).toBe('');
        expect(result.stderr).toBe(`govrule: error: the event cannot be decided: ${message}\n`);
    });

    test('--strict rejects attributes the bundle does not declare', () => {
        const event = { ...EVENT, attributes: { ...EVENT.attributes, repots: 1 } };
        expect(runCli(['eval', '--bundle', bundle, '--event', '-'], { input: JSON.stringify(event) }).status).toBe(0);
        const strict = runCli(['eval', '--bundle', bundle, '--event', '-', '--strict'], { input: JSON.stringify(event) });
        expect(strict.status).toBe(1);
        expect(strict.stderr).toContain('unknown attribute "repots" (did you mean \'reports\'?)');
    });

    test('an event that is not JSON: exit 1', () => {
        const result = runCli(['eval', '--bundle', bundle, '--event', '-'], { input: '{"category": ' });
        expect(result.status).toBe(1);
        expect(result.stderr).toMatch(/^govrule: error: the event cannot be decided: the event is not valid JSON: /);
    });
});

describe('eval --events', () => {
    test('one compact decision per line, in input order; errors as lines that name the line; exit 1 when any failed', () => {
        const lines = [
            JSON.stringify({ id: 'a', ...EVENT }),
            '',
            JSON.stringify({ id: 'b', category: 'chongqing.qinglang.dataSecurity.leak', attributes: { channel: 'app', affectedRecords: 200000 }, date: '2026-06-15' }),
            JSON.stringify({ id: 'c', category: 'chongqing.qinglang.dataSecurity.leak', attributes: {} }),
            'not json',
            JSON.stringify({ category: 'chongqing.直播.网络表演', attributes: { channel: 'livestream' }, date: '2026-10-01' }),
        ];
        const file = writeEvent('events.jsonl', `${lines.join('\r\n')}\n`);
        const result = runCli(['eval', '--bundle', bundle, '--events', file]);
        expect(result.status, describeRun(result)).toBe(1);
        const out = result.stdout.trimEnd().split('\n').map(line => JSON.parse(line));
        expect(out.map(d => ('error' in d ? d.error : d.rule))).toEqual([
            'chongqing.qinglang.enterpriseRumorSelfMedia',
            'chongqing.qinglang.massiveDataLeak',
            "the event lacks required attribute 'channel' (no default)",
            expect.stringMatching(/^the event is not valid JSON: /),
            null,
        ]);
        expect(out.map(d => d.id ?? null)).toEqual(['a', 'b', 'c', null, null]);
        expect(out[2]).toEqual({ error: "the event lacks required attribute 'channel' (no default)", line: 4, id: 'c' });
        expect(out[3].line).toBe(5);
        expect(Object.keys(out[0])).toEqual(['id', 'rule', 'campaign', 'severity', 'actions', 'responsible', 'escalation', 'alsoMatched']);
        expect(result.stderr).toBe('govrule: 2 of 5 events could not be decided (see the "error" lines)\n');
    });

    test('a clean stream from stdin exits 0; --explain adds the explanation', () => {
        const input = `${JSON.stringify(EVENT)}\n${JSON.stringify({ ...EVENT, date: '2027-01-01' })}`;
        const plain = runCli(['eval', '--bundle', bundle, '--events', '-'], { input });
        expect(plain.status, describeRun(plain)).toBe(0);
        expect(plain.stdout.split('\n').filter(Boolean).map(l => JSON.parse(l).rule)).toEqual([
            'chongqing.qinglang.enterpriseRumorSelfMedia', 'chongqing.qinglang.enterpriseRumorBaseline']);
        expect(plain.stdout).not.toContain('"explain"');
        const explained = runCli(['eval', '--bundle', bundle, '--events', '-', '--explain'], { input });
        expect(explained.stdout.split('\n').filter(Boolean).every(l => Array.isArray(JSON.parse(l).explain))).toBe(true);
    });

    test('a long stream: every event decided, in order, the same as one by one', () => {
        const categories = ['chongqing.qinglang.rumor.disaster', 'chongqing.qinglang.dataSecurity.leak', 'chongqing.直播.短视频.炫富拜金'];
        const events = Array.from({ length: 20_000 }, (_, i) => ({
            id: i, category: categories[i % 3], attributes: { channel: i % 2 ? 'shortVideo' : 'app', reports: i % 150, verified: i % 5 === 0, affectedRecords: i * 10 }, date: '2026-06-15',
        }));
        const file = writeEvent('long.jsonl', events.map(e => JSON.stringify(e)).join('\n'));
        const result = runCli(['eval', '--bundle', bundle, '--events', file]);
        expect(result.status, describeRun(result)).toBe(0);
        const out = result.stdout.trimEnd().split('\n');
        expect(out).toHaveLength(events.length);
        expect(out.map(l => JSON.parse(l).id)).toEqual(events.map(e => e.id));
        for (const i of [0, 1, 2, 149, 150, 9999, 19999]) {
            const single = runCli(['eval', '--bundle', bundle, '--event', '-'], { input: JSON.stringify(events[i]) });
            const { explain: _, ...decision } = JSON.parse(single.stdout);
            expect(JSON.parse(out[i])).toEqual(decision);
        }
    });
});

describe('usage and bundle errors (exit 2)', () => {
    test.each([
        [['eval', '--event', '-'], 'govrule: error: eval needs --bundle FILE (a bundle written by govrule compile -o FILE)\n'],
        [['eval', '--bundle', 'b.json'], 'govrule: error: eval needs exactly one of --event FILE|- and --events FILE|-\n'],
        [['eval', '--bundle', 'b.json', '--event', 'e.json', '--events', 'f.jsonl'], 'govrule: error: eval needs exactly one of --event FILE|- and --events FILE|-\n'],
        [['eval', '--bundle', 'b.json', '--event', 'e.json', '--date', '2026-13-01'], "govrule: error: --date takes a calendar date YYYY-MM-DD, not '2026-13-01'\n"],
        [['eval', 'rules', '--bundle', 'b.json', '--event', 'e.json'], 'govrule: error: eval takes no paths (got rules); give --bundle FILE and --event FILE or --events FILE\n'],
        [['eval', '--bundle', 'missing.json', '--event', 'e.json'], 'govrule: error: cannot read missing.json: no such file or folder (ENOENT)\n'],
    ])('%j', (args, stderr) => {
        const result = runCli(args, { cwd: dir });
        expect([result.status, result.stderr]).toEqual([2, stderr]);
    });

    test.each([
        ['not JSON', '{"format":', /^govrule: error: cannot use bad\.json: the bundle is not valid JSON: /],
        ['another format', '{"format":"other"}', /^govrule: error: cannot use bad\.json: not a GovRule bundle: "format" is the text "other", expected "govrule-bundle"\n$/],
        ['a newer format version', '{"format":"govrule-bundle","formatVersion":3}', /^govrule: error: cannot use bad\.json: unsupported bundle: "formatVersion" is 3, but this runtime reads version 2; compile the rules with a matching govrule\n$/],
        ['a bundle of format version 1', '{"format":"govrule-bundle","formatVersion":1}', /^govrule: error: cannot use bad\.json: outdated bundle: "formatVersion" is 1, an older format this runtime no longer reads \(it reads version 2\); recompile the rules with a current govrule and load the new bundle\n$/],
        ['not matching the schema', '{"format":"govrule-bundle","formatVersion":2}', /^govrule: error: cannot use bad\.json: the bundle does not match the bundle schema: \/ must have required property/],
    ])('a bundle that is %s', (_name, content, stderr) => {
        fs.writeFileSync(path.join(dir, 'bad.json'), content);
        const result = runCli(['eval', '--bundle', 'bad.json', '--event', '-'], { cwd: dir, input: JSON.stringify(EVENT) });
        expect(result.status).toBe(2);
        expect(result.stderr).toMatch(stderr);
        expect(result.stdout).toBe('');
    });

    test('--events with a file that does not exist', () => {
        const result = runCli(['eval', '--bundle', bundle, '--events', 'nope.jsonl'], { cwd: dir });
        expect([result.status, result.stderr]).toEqual([2, 'govrule: error: cannot read nope.jsonl: no such file or folder (ENOENT)\n']);
    });
});

describe('hostile bundles: a decision, or exit 1 or 2 with one line, never an internal error', () => {
    let example: Record<string, any>;
    /** The example rule for EVENT's category that reads `reports`, and its position. */
    let target: number;

    beforeAll(() => {
        example = JSON.parse(fs.readFileSync(bundle, 'utf8'));
        target = example.rules.findIndex((r: { id: string }) => r.id === 'chongqing.qinglang.enterpriseRumorSelfMedia');
        expect(target).toBeGreaterThanOrEqual(0);
    });

    function withRule(when: unknown): Record<string, any> {
        const copy = structuredClone(example);
        copy.rules[target].when = when;
        return copy;
    }

    function evalBundle(content: Record<string, any>, args: string[] = []): CliResult {
        fs.writeFileSync(path.join(dir, 'hostile.json'), JSON.stringify(content));
        return runCli(['eval', '--bundle', 'hostile.json', '--event', '-', ...args], { cwd: dir, input: JSON.stringify(EVENT) });
    }

    function expectRefused(result: CliResult, message: RegExp): void {
        expect(result.status, describeRun(result)).toBe(2);
        expect(result.stderr).toMatch(/^govrule: error: cannot use hostile\.json: [^\n]*\n$/);
        expect(result.stderr).toMatch(message);
        expect(result.stdout).toBe('');
    }

    /** `reports > 0 or (reports > 1 and (...))`, `levels` levels deep: holds for EVENT (reports 3). */
    function alternation(levels: number): unknown {
        let when: unknown = { '>': [{ var: 'reports' }, levels] };
        for (let i = levels - 1; i >= 0; i--) {
            when = { [i % 2 === 0 ? 'or' : 'and']: [{ '>': [{ var: 'reports' }, i] }, when] };
        }
        return when;
    }

    test('a run of 700 `!` (once a stack overflow in the schema check) is decided', () => {
        let when: unknown = { '===': [{ var: 'channel' }, 'selfMedia'] };
        for (let i = 0; i < 700; i++) when = { '!': when };
        const result = evalBundle(withRule(when));
        expect(result.status, describeRun(result)).toBe(0);
        const rule = JSON.parse(result.stdout).explain.find((e: { rule: string }) => e.rule === 'chongqing.qinglang.enterpriseRumorSelfMedia');
        expect(rule.condition.condition).toBe('channel == selfMedia');
    });

    test(`a condition ${MAX_CONDITION_DEPTH} levels deep is decided, also with a third of the default stack; one level more is refused`, () => {
        const deep = withRule(alternation(MAX_CONDITION_DEPTH));
        const result = evalBundle(deep);
        expect(result.status, describeRun(result)).toBe(0);
        expect(JSON.parse(result.stdout).rule).toBe('chongqing.qinglang.enterpriseRumorSelfMedia');
        // Node's default stack is about 984 KB: the runtime's recursion at the limits leaves most of it to the caller.
        const small = spawnSync(process.execPath, ['--stack-size=300', BIN, 'eval', '--bundle', 'hostile.json', '--event', '-'], { cwd: dir, input: JSON.stringify(EVENT), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
        expect(small.status, small.stderr).toBe(0);
        expect(JSON.parse(small.stdout).rule).toBe('chongqing.qinglang.enterpriseRumorSelfMedia');
        const stream = runCli(['eval', '--bundle', 'hostile.json', '--events', '-', '--explain'], { cwd: dir, input: `${JSON.stringify(EVENT)}\n` });
        expect(stream.status, describeRun(stream)).toBe(0);
        expectRefused(evalBundle(withRule(alternation(MAX_CONDITION_DEPTH + 1))),
            new RegExp(`: rule 'chongqing\\.qinglang\\.enterpriseRumorSelfMedia': the condition nests more than ${MAX_CONDITION_DEPTH} levels of and, or and not at /rules/${target}/when/or/1/and/1/`));
    });

    test(`nesting past ${MAX_BUNDLE_DEPTH} levels anywhere, or a category tree past ${MAX_CATEGORY_DEPTH} levels, is refused`, () => {
        let basis: unknown = 'x';
        for (let i = 0; i < MAX_BUNDLE_DEPTH; i++) basis = [basis];
        const deep = structuredClone(example);
        deep.rules[0].basis = basis;
        expectRefused(evalBundle(deep), new RegExp(`the bundle is nested more than ${MAX_BUNDLE_DEPTH} levels deep at /rules/0/basis/0/0/0/`));
        const tall = structuredClone(example);
        for (let i = 0; i <= MAX_CATEGORY_DEPTH; i++) {
            tall.categories.push({ ...tall.categories[0], id: `z.c${i}`, name: `c${i}`, parent: i === 0 ? null : `z.c${i - 1}` });
        }
        expectRefused(evalBundle(tall), new RegExp(`the bundle is inconsistent at /categories/\\d+/parent: category 'z\\.c${MAX_CATEGORY_DEPTH}' is more than ${MAX_CATEGORY_DEPTH} levels deep`));
    });

    test('random hostile bundles and events (property)', () => {
        const categories = example.categories.map((c: { id: string }) => c.id);
        const attributes = example.attributes.map((a: { name: string }) => a.name);
        fc.assert(fc.property(fc.array(mutation, { minLength: 1, maxLength: 2 }), hostileEvent(categories, attributes), (mutations, event) => {
            const hostile = mutate(example, mutations);
            fc.pre(jsonFits(hostile, MAX_PROPERTY_JSON) && jsonFits(event, MAX_PROPERTY_JSON));
            fs.writeFileSync(path.join(dir, 'hostile.json'), JSON.stringify(hostile));
            // From a file: a refused bundle ends the run before stdin is read, and a large event
            // written to a pipe nobody reads fails the writer (EPIPE), not GovRule.
            fs.writeFileSync(path.join(dir, 'hostile-event.json'), JSON.stringify(event));
            const result = runCli(['eval', '--bundle', 'hostile.json', '--event', 'hostile-event.json'], { cwd: dir });
            expect(result.stderr, describeRun(result)).not.toMatch(/internal error|\n\s+at /i);
            if (result.status === 0) {
                expect(JSON.parse(result.stdout)).toHaveProperty('rule');
            } else {
                expect([1, 2], describeRun(result)).toContain(result.status);
                expect(result.stderr, describeRun(result)).toMatch(/^govrule: error: [^\n]*\n$/);
            }
        }), { numRuns: 12 });
    }, 300_000);
});
