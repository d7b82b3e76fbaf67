/**
 * `govrule diff OLD NEW --events FILE` as a spawned process: the counts, groups and samples of the
 * replay are checked against a direct computation in the test (each event decided with both
 * bundles through the runtime), and the --fail-on decisions and --max-changed-decisions exits.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { beforeAll, describe, expect, test } from 'vitest';
import { EventError, decide, loadBundle, type LoadedBundle } from '../../language/src/runtime/index.js';
import { ROOT, describeRun, runCli } from '../helpers/cli.js';
import { tempFolder } from '../helpers/temp.js';

const VOCABULARY = (extra: string) => `package p
severities { minor "一般" serious "较重" severe "严重" }
post reviewer
post editor
action remove
action warn
action fine(amount: money)
attribute channel: enum { app, web }
attribute reports: number default 0
category news { category local ${extra} }
category ads
`;

const OLD_RULES = `package p
rule kept { category news severity serious responsible reviewer actions remove when channel == app }
rule local { category news.local severity minor responsible editor actions warn when reports > 3 }
rule adsBaseline { category ads severity minor responsible reviewer actions remove }
`;

const NEW_RULES = `package p
rule kept { category news severity severe responsible reviewer actions remove, fine(amount: 100000 CNY) when channel == app and reports >= 2 }
rule localRenamed { category news.local severity minor responsible editor actions warn when reports > 3 }
rule adsBaseline { category ads severity minor responsible reviewer actions remove }
rule national { category news.national severity serious responsible editor actions warn }
`;

const CATEGORIES = ['p.news', 'p.news.local', 'p.news.national', 'p.ads'];

/** A fixed stream: every category, both channels, report counts around the thresholds. */
function eventLines(): string[] {
    const lines: string[] = [];
    let i = 0;
    for (const category of CATEGORIES) {
        for (const channel of ['app', 'web']) {
            for (const reports of [0, 1, 2, 3, 4, 10]) {
                lines.push(JSON.stringify({ id: i++, category, attributes: { channel, reports }, date: '2026-06-01' }));
            }
        }
    }
    lines.push('', 'not json', JSON.stringify({ id: i++, category: 'p.unknown', attributes: { channel: 'app' } }));
    return lines;
}

interface Expected {
    events: number;
    changed: number;
    winners: Map<string, number>;
    severities: Map<string, number>;
    becameDecidable: number;
    undecidableInBoth: number;
}

/** The replay computed directly: each event decided with both bundles. */
function expectedReplay(oldBundle: LoadedBundle, newBundle: LoadedBundle, lines: string[]): Expected {
    const result: Expected = { events: 0, changed: 0, winners: new Map(), severities: new Map(), becameDecidable: 0, undecidableInBoth: 0 };
    const tryDecide = (bundle: LoadedBundle, line: string) => {
        try {
            return decide(bundle, JSON.parse(line), { date: '2026-06-01' });
        } catch (err) {
            if (err instanceof EventError || err instanceof SyntaxError) return undefined;
            throw err;
        }
    };
    const renamed = (rule: string | null) => rule === 'p.local' ? 'p.localRenamed' : rule;
    const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
    for (const line of lines) {
        if (line.trim() === '') continue;
        result.events++;
        const a = tryDecide(oldBundle, line);
        const b = tryDecide(newBundle, line);
        if (!a && !b) { result.undecidableInBoth++; continue; }
        if (!a || !b) { result.changed++; if (!a) result.becameDecidable++; continue; }
        const changed = renamed(a.rule) !== b.rule || a.severity !== b.severity || JSON.stringify(a.actions) !== JSON.stringify(b.actions);
        if (changed) {
            result.changed++;
            bump(result.winners, `${a.rule ?? 'none'} → ${b.rule ?? 'none'}`);
            if (a.severity !== b.severity) bump(result.severities, `${a.severity} → ${b.severity}`);
        }
    }
    return result;
}

let dir = '';
let expected: Expected;

beforeAll(() => {
    dir = tempFolder({
        'old/vocabulary.govrule': VOCABULARY(''), 'old/rules.govrule': OLD_RULES,
        'new/vocabulary.govrule': VOCABULARY('category national'), 'new/rules.govrule': NEW_RULES,
        'events.jsonl': `${eventLines().join('\n')}\n`,
    });
    for (const side of ['old', 'new']) {
        const compiled = runCli(['compile', side, '-o', `${side}.json`], { cwd: dir });
        expect(compiled.status, describeRun(compiled)).toBe(0);
    }
    expected = expectedReplay(
        loadBundle(fs.readFileSync(path.join(dir, 'old.json'), 'utf8')),
        loadBundle(fs.readFileSync(path.join(dir, 'new.json'), 'utf8')),
        eventLines());
});

describe('govrule diff --events (replay)', () => {
    test('counts and groups the changed decisions as a direct computation does', () => {
        const result = runCli(['diff', 'old.json', 'new', '--events', 'events.jsonl', '--date', '2026-06-01', '--format', 'json', '--samples', '2'], { cwd: dir });
        expect(result.status, describeRun(result)).toBe(0);
        const report = JSON.parse(result.stdout);
        const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'language/schema/diff.schema.json'), 'utf8'));
        const validate = new Ajv({ allErrors: true }).compile(schema);
        expect(validate(report), JSON.stringify(validate.errors)).toBe(true);

        const replay = report.replay;
        expect(expected.changed).toBeGreaterThan(0);
        expect(replay.events).toBe(expected.events);
        expect(replay.changed).toBe(expected.changed);
        expect(replay.changedPercent).toBe(Math.round((expected.changed / expected.events) * 10000) / 100);
        expect(replay.undecidableInBoth).toBe(expected.undecidableInBoth);
        expect(replay.becameDecidable?.count ?? 0).toBe(expected.becameDecidable);
        expect(replay.becameUndecidable).toBeNull();
        expect(new Map(replay.byWinner.map((g: { old: string; new: string; count: number }) => [`${g.old} → ${g.new}`, g.count]))).toEqual(expected.winners);
        // Severities are shown by label in the report.
        const labels: Record<string, string> = { 'p.minor': '一般', 'p.serious': '较重', 'p.severe': '严重', null: 'none' };
        const bySeverity = new Map([...expected.severities].map(([key, n]) => [key.split(' → ').map(s => labels[s]).join(' → '), n]));
        expect(new Map(replay.bySeverity.map((g: { old: string; new: string; count: number }) => [`${g.old} → ${g.new}`, g.count]))).toEqual(bySeverity);
        // A renamed rule decides the same: it is no changed decision.
        expect(replay.byWinner.map((g: { old: string }) => g.old)).not.toContain('p.local');
        for (const group of [...replay.byWinner, ...replay.bySeverity, ...replay.byActions]) {
            expect(group.samples.length).toBe(Math.min(2, group.count));
            for (const sample of group.samples) {
                expect(JSON.parse(eventLines()[sample.line - 1])).toEqual(sample.event);
            }
        }
        expect(replay.byActions.map((g: { old: string; new: string; count: number }) => [g.old, g.new, g.count])).toEqual([
            ['remove', 'remove, fine(amount: 100000 CNY)', expected.severities.get('p.serious → p.severe')],
            ['remove', 'none', expected.severities.get('p.serious → null')],
        ]);
    });

    test('prints the replay after the rule changes as text', () => {
        const result = runCli(['diff', 'old', 'new', '--events', 'events.jsonl', '--date', '2026-06-01', '--samples', '1'], { cwd: dir });
        expect(result.status, describeRun(result)).toBe(0);
        const replay = result.stdout.slice(result.stdout.indexOf('\nReplay of'));
        const percent = Math.round((expected.changed / expected.events) * 10000) / 100;
        expect(replay.split('\n')[1]).toBe(`Replay of ${expected.events} events: ${expected.changed} decisions changed (${percent}%)`);
        expect(replay).toContain(`  Became decidable: ${expected.becameDecidable} (`);
        expect(replay).toContain(`  Undecidable in both: ${expected.undecidableInBoth}\n`);
        expect(replay).toMatch(/ {4}p\.kept → p\.kept: \d+ \([\d.]+%\)\n {6}line \d+: \{"id":/);
    });

    test('--fail-on decisions and --max-changed-decisions gate on the changed decisions', () => {
        const base = ['diff', 'old.json', 'new.json', '--events', 'events.jsonl', '--date', '2026-06-01'];
        const n = expected.changed;
        // 22 of 50 events: a percentage that is exact in floating point, to test the boundary.
        expect([n, expected.events]).toEqual([22, 50]);
        const percent = (n / expected.events) * 100;
        const cases: Array<[string[], number]> = [
            [['--fail-on', 'decisions'], 1],
            [['--max-changed-decisions', String(n)], 0],
            [['--max-changed-decisions', String(n - 1)], 1],
            [['--max-changed-decisions', `${percent}%`], 0],
            [['--max-changed-decisions', `${percent - 0.5}%`], 1],
            [['--fail-on', 'removed'], 0],
        ];
        for (const [extra, status] of cases) {
            const result = runCli([...base, ...extra], { cwd: dir });
            expect(result.status, `${extra.join(' ')}\n${describeRun(result)}`).toBe(status);
        }
        const same = runCli(['diff', 'new.json', 'new', '--events', 'events.jsonl', '--fail-on', 'decisions', '--max-changed-decisions', '0'], { cwd: dir });
        expect(same.status, describeRun(same)).toBe(0);
        const gate = runCli([...base, '--fail-on', 'decisions'], { cwd: dir });
        expect(gate.stderr).toBe(`govrule: --fail-on decisions: ${n} changed decisions\n`);
    });

    test('reads the events from stdin', () => {
        const fromFile = runCli(['diff', 'old.json', 'new.json', '--events', 'events.jsonl', '--date', '2026-06-01', '--format', 'json'], { cwd: dir });
        const fromStdin = runCli(['diff', 'old.json', 'new.json', '--events', '-', '--date', '2026-06-01', '--format', 'json'], { cwd: dir, input: fs.readFileSync(path.join(dir, 'events.jsonl'), 'utf8') });
        expect(fromStdin.status, describeRun(fromStdin)).toBe(0);
        expect(fromStdin.stdout).toBe(fromFile.stdout);
    });

    test('replay options without --events, and bad values, are usage errors', () => {
        const cases: Array<[string[], string]> = [
            [['--fail-on', 'decisions'], 'govrule: error: --fail-on decisions needs --events FILE (the events to replay)\n'],
            [['--max-changed-decisions', '5'], 'govrule: error: --max-changed-decisions needs --events FILE (the events to replay)\n'],
            [['--events', 'events.jsonl', '--max-changed-decisions', 'many'], "govrule: error: --max-changed-decisions takes a count N or a percentage P% (0 to 100), not 'many'\n"],
            [['--events', 'events.jsonl', '--samples', '1.5'], "govrule: error: --samples takes a whole number from 0 to 1000, not '1.5'\n"],
            [['--events', 'missing.jsonl'], 'govrule: error: cannot read missing.jsonl: no such file or folder (ENOENT)\n'],
        ];
        for (const [extra, stderr] of cases) {
            const result = runCli(['diff', 'old.json', 'new.json', ...extra], { cwd: dir });
            expect(result.status, describeRun(result)).toBe(2);
            expect(result.stderr).toBe(stderr);
        }
    });
});
