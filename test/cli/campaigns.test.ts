/**
 * Campaigns through the spawned CLI: `compile` writes the campaigns and each rule's campaign and
 * period in force, `check` reports campaign-period, `eval` names the winning rule's campaign (one
 * event and a stream), and the example's enterprise-rumour campaign is pinned.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { EXAMPLES, describeRun, runCli } from '../helpers/cli.js';
import { tempFolder } from '../helpers/temp.js';
import { VOCABULARY } from '../helpers/vocabulary.js';

const RULES = `package t.c
import demo.common.*

category rumor "谣言"

/** 春季集中整治 */
campaign spring "春季专项" effective 2026-03-01 .. 2026-05-31

rule standing {
    category rumor
    severity minor
    responsible reviewer
    actions remove
}

rule inSpring "春季从严" {
    category rumor
    severity serious
    responsible reviewer
    actions remove
    priority 5
    campaign spring
    effective 2026-04-01 .. 2026-12-31
}
`;

let dir: string;
let bundleFile: string;

beforeAll(() => {
    dir = tempFolder({ 'common.govrule': VOCABULARY, 'rules.govrule': RULES });
    bundleFile = path.join(dir, 'bundle.json');
    const result = runCli(['compile', '-o', bundleFile], { cwd: dir });
    expect(result.status, describeRun(result)).toBe(0);
});

function evalEvent(date: string): Record<string, unknown> {
    const event = path.join(dir, `event-${date}.json`);
    fs.writeFileSync(event, JSON.stringify({ category: 't.c.rumor', attributes: { channel: 'app' }, date }));
    const result = runCli(['eval', '--bundle', bundleFile, '--event', event]);
    expect(result.status, describeRun(result)).toBe(0);
    return JSON.parse(result.stdout) as Record<string, unknown>;
}

describe('govrule compile and eval with campaigns', () => {
    test('the bundle lists the campaign and gives each rule its campaign and its period in force', () => {
        const bundle = JSON.parse(fs.readFileSync(bundleFile, 'utf8'));
        expect(bundle.formatVersion).toBe(2);
        expect(bundle.campaigns).toEqual([{
            id: 't.c.spring', name: 'spring', label: '春季专项', doc: '春季集中整治',
            source: { file: 'rules.govrule', line: 7, column: 1 }, effective: { from: '2026-03-01', to: '2026-05-31' },
        }]);
        const rules = Object.fromEntries(bundle.rules.map((r: { id: string; campaign: string | null; effective: unknown }) => [r.id, [r.campaign, r.effective]]));
        expect(rules).toEqual({
            't.c.inSpring': ['t.c.spring', { from: '2026-04-01', to: '2026-05-31' }],
            't.c.standing': [null, { from: null, to: null }],
        });
        // The campaigns come after the categories and before the rules, one element per line.
        const text = fs.readFileSync(bundleFile, 'utf8');
        expect(text.indexOf('  "categories": [')).toBeLessThan(text.indexOf('  "campaigns": ['));
        expect(text.indexOf('  "campaigns": [')).toBeLessThan(text.indexOf('  "rules": ['));
        expect(text).toContain('  "campaigns": [\n    {"id":"t.c.spring",');
    });

    test('eval names the winning rule\'s campaign, and null outside it', () => {
        expect(evalEvent('2026-04-15')).toMatchObject({ rule: 't.c.inSpring', campaign: 't.c.spring', alsoMatched: ['t.c.standing'] });
        expect(evalEvent('2026-03-15')).toMatchObject({ rule: 't.c.standing', campaign: null });
        const late = evalEvent('2026-06-01');
        expect(late).toMatchObject({ rule: 't.c.standing', campaign: null });
        const out = (late.explain as Array<{ rule: string; reason: string }>).find(e => e.rule === 't.c.inSpring')!;
        expect(out.reason).toBe("not in force on 2026-06-01 (effective 2026-04-01 .. 2026-05-31, within campaign 't.c.spring')");
    });

    test('eval --events: every decision line carries the campaign', () => {
        const events = path.join(dir, 'events.jsonl');
        fs.writeFileSync(events, ['2026-04-15', '2026-07-01'].map((date, i) => JSON.stringify({ id: i, category: 't.c.rumor', attributes: { channel: 'app' }, date })).join('\n') + '\n');
        const result = runCli(['eval', '--bundle', bundleFile, '--events', events]);
        expect(result.status, describeRun(result)).toBe(0);
        expect(result.stdout.split('\n').filter(Boolean).map(line => JSON.parse(line)).map(d => [d.id, d.rule, d.campaign])).toEqual([
            [0, 't.c.inSpring', 't.c.spring'], [1, 't.c.standing', null]]);
    });

    test('check: a rule outside its campaign is campaign-period, and compile writes nothing', () => {
        const bad = tempFolder({ 'common.govrule': VOCABULARY, 'rules.govrule': RULES.replace('effective 2026-04-01 .. 2026-12-31', 'effective 2025-04-01 .. 2025-12-31') });
        const check = runCli(['check', '--format', 'json'], { cwd: bad });
        expect(check.status, describeRun(check)).toBe(1);
        const found = (JSON.parse(check.stdout) as Array<{ code: string; line: number; column: number; endColumn: number; severity: string }>).filter(d => d.code === 'campaign-period');
        expect(found.map(d => [d.severity, d.line, d.column, d.endColumn])).toEqual([['error', 23, 5, 39]]);
        const out = path.join(bad, 'bundle.json');
        const compile = runCli(['compile', '-o', out], { cwd: bad });
        expect(compile.status).toBe(1);
        expect(fs.existsSync(out)).toBe(false);
    });
});

describe('examples/chongqing: 清朗·优化营商网络环境', () => {
    let bundle: { campaigns: Array<{ id: string; label: string; effective: unknown }>; rules: Array<{ id: string; campaign: string | null; effective: unknown }> };

    beforeAll(() => {
        const result = runCli(['compile', EXAMPLES]);
        expect(result.status, describeRun(result)).toBe(0);
        bundle = JSON.parse(result.stdout);
    });

    test('the campaign and the enterprise-rumour rules that join it', () => {
        expect(bundle.campaigns.map(c => [c.id, c.label, c.effective])).toEqual([
            ['chongqing.qinglang.businessEnvironment', '清朗·优化营商网络环境', { from: '2026-03-01', to: '2026-12-31' }]]);
        const joining = bundle.rules.filter(r => r.campaign !== null).map(r => [r.id, r.effective]);
        expect(joining).toEqual([
            ['chongqing.qinglang.autoRumorLiangjiang', { from: '2026-05-01', to: '2026-12-31' }],
            ['chongqing.qinglang.enterpriseRumorSelfMedia', { from: '2026-03-01', to: '2026-12-31' }],
            ['chongqing.qinglang.executiveSmear', { from: '2026-03-01', to: '2026-12-31' }],
            ['chongqing.qinglang.financialRiskRumor', { from: '2026-03-01', to: '2026-12-31' }],
            ['chongqing.qinglang.productRumorRepeat', { from: '2026-03-01', to: '2026-12-31' }],
        ]);
        expect(new Set(bundle.rules.filter(r => r.campaign !== null).map(r => r.campaign))).toEqual(new Set(['chongqing.qinglang.businessEnvironment']));
        // The standing fallback stays outside the campaign.
        expect(bundle.rules.find(r => r.id === 'chongqing.qinglang.enterpriseRumorBaseline')!.campaign).toBeNull();
    });

    test('its tests pass: before, during and after the campaign', () => {
        const result = runCli(['test', EXAMPLES, '--reporter', 'json']);
        expect(result.status, describeRun(result)).toBe(0);
        const report = JSON.parse(result.stdout);
        const byName = new Map<string, { passed: boolean; decision?: { rule: string; campaign: string | null } }>(
            report.tests.map((t: { name: string }) => [t.name, t]));
        for (const [name, rule, campaign] of [
            ['专项行动开始前回到一般处置', 'chongqing.qinglang.enterpriseRumorBaseline', null],
            ['专项行动首日适用专项规则', 'chongqing.qinglang.enterpriseRumorSelfMedia', 'chongqing.qinglang.businessEnvironment'],
            ['两江新区规则生效前适用自媒体专项规则', 'chongqing.qinglang.enterpriseRumorSelfMedia', 'chongqing.qinglang.businessEnvironment'],
            ['两江新区汽车谣言由值班编辑处置', 'chongqing.qinglang.autoRumorLiangjiang', 'chongqing.qinglang.businessEnvironment'],
            ['专项行动结束后两江新区规则不再适用', 'chongqing.qinglang.enterpriseRumorBaseline', null],
            ['专项规则期满后回到一般处置', 'chongqing.qinglang.enterpriseRumorBaseline', null],
        ] as const) {
            const test = byName.get(name);
            expect(test, name).toBeDefined();
            expect([test!.passed, test!.decision?.rule, test!.decision?.campaign], name).toEqual([true, rule, campaign]);
        }
    });
});
