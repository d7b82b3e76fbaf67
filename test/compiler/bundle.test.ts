/**
 * The bundle's content (LANGUAGE.md §9): ids, sorting, ranks, source positions, values, rules.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Bundle, BundleRule } from '../../language/src/bundle/types.js';
import { bundleOf } from '../../language/src/project/project.js';
import { ROOT } from '../helpers/cli.js';
import { tempFolder } from '../helpers/temp.js';
import { loadFolder } from '../helpers/project.js';

const VOCAB = `package demo.common

severities {
    low "低"
    mid
    high "高"
}

/** 审核
 * 第二行 */
post reviewer "审核员"
post editor
authority cac "网信办"

action remove
action rectify "整改" (deadline: duration)
action fine (amount: money, note: text?, days: number?, public: boolean?)

attribute channel: enum { web, app, selfMedia } "渠道"
attribute reports: number default 0
attribute verified: boolean default false
attribute district: text default "渝中"
attribute size: number
attribute kind: enum { a, b } default b
`;

const RULES = `package t.qinglang
import demo.common.*

category rumor "谣言" {
    category enterprise "涉企"
    category disaster
}
category zeta

/** 自媒体涉企谣言 */
rule b_rule "涉企" {
    category rumor.enterprise, zeta
    severity high
    when channel == selfMedia and (reports >= 3 or not verified) and district in ["渝中", "江北"] and kind not in [a] and size < 2.5
    responsible reviewer
    actions fine(note: "从重", public: true, amount: 100000.5 CNY, days: 3), rectify(deadline: 1w), remove
    escalate {
        after 30m to editor
        after 2h to cac
    }
    basis "第一条", "第二条"
    effective 2026-03-01 .. 2026-12-31
    priority 5
}

rule a_rule {
    category rumor
    severity low
    responsible editor
    actions remove
    effective 2026-01-01
    disabled
}

rule c_rule { category rumor.disaster severity mid responsible reviewer actions remove escalate { after 3d to editor } when verified }
`;

const VOCAB_FILE = 'rules/common/vocab.govrule';
const RULES_FILE = 'rules/qinglang/rules.govrule';

let dir: string;
let bundle: Bundle;

beforeAll(async () => {
    dir = tempFolder({ 'govrule.json': '{}', [VOCAB_FILE]: VOCAB, [RULES_FILE]: RULES });
    const loaded = await loadFolder(dir);
    expect(loaded.summary()).toEqual([]);
    bundle = bundleOf(loaded.project, dir);
});

/** `{ file, line, column }` of the first appearance of `needle` in a fixture file. */
function sourceOf(file: string, text: string, needle: string, occurrence = 0) {
    let offset = -1;
    for (let i = 0; i <= occurrence; i++) offset = text.indexOf(needle, offset + 1);
    const before = text.slice(0, offset);
    return { file, line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

function rule(id: string): BundleRule {
    return bundle.rules.find(r => r.id === id)!;
}

describe('the bundle head', () => {
    test('keys in the documented order, the format, the compiler and the packages with their files', () => {
        expect(Object.keys(bundle)).toEqual(['format', 'formatVersion', 'compiler', 'packages', 'severities', 'posts', 'authorities', 'actions', 'attributes', 'categories', 'campaigns', 'rules', 'tests']);
        const version = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
        expect(bundle.format).toBe('govrule-bundle');
        expect(bundle.formatVersion).toBe(2);
        expect(bundle.compiler).toEqual({ name: 'govrule', version });
        expect(bundle.packages).toEqual([{ id: 'demo.common', files: [VOCAB_FILE] }, { id: 't.qinglang', files: [RULES_FILE] }]);
        expect(bundle.tests).toEqual([]);
    });
});

describe('declarations', () => {
    test('severities keep the scale order, with ranks from 0', () => {
        expect(bundle.severities).toEqual([
            { id: 'demo.common.low', name: 'low', label: '低', doc: null, source: sourceOf(VOCAB_FILE, VOCAB, 'low'), rank: 0 },
            { id: 'demo.common.mid', name: 'mid', label: null, doc: null, source: sourceOf(VOCAB_FILE, VOCAB, 'mid'), rank: 1 },
            { id: 'demo.common.high', name: 'high', label: '高', doc: null, source: sourceOf(VOCAB_FILE, VOCAB, 'high'), rank: 2 },
        ]);
    });

    test('posts and authorities: sorted by id, with label, doc and source', () => {
        expect(bundle.posts).toEqual([
            { id: 'demo.common.editor', name: 'editor', label: null, doc: null, source: sourceOf(VOCAB_FILE, VOCAB, 'post editor'), surfaces: [], surfaceAttribute: null },
            { id: 'demo.common.reviewer', name: 'reviewer', label: '审核员', doc: '审核\n第二行', source: sourceOf(VOCAB_FILE, VOCAB, 'post reviewer'), surfaces: [], surfaceAttribute: null },
        ]);
        expect(bundle.authorities).toEqual([{ id: 'demo.common.cac', name: 'cac', label: '网信办', doc: null, source: sourceOf(VOCAB_FILE, VOCAB, 'authority') }]);
    });

    test('actions with their parameters in declaration order', () => {
        expect(bundle.actions.map(a => [a.id, a.label, a.params])).toEqual([
            ['demo.common.fine', null, [
                { name: 'amount', type: 'money', optional: false }, { name: 'note', type: 'text', optional: true },
                { name: 'days', type: 'number', optional: true }, { name: 'public', type: 'boolean', optional: true }]],
            ['demo.common.rectify', '整改', [{ name: 'deadline', type: 'duration', optional: false }]],
            ['demo.common.remove', null, []],
        ]);
    });

    test('attributes with type, enum values in source order, and default (null when required)', () => {
        expect(bundle.attributes.map(a => [a.id, a.type, a.values, a.default, a.label])).toEqual([
            ['demo.common.channel', 'enum', ['web', 'app', 'selfMedia'], null, '渠道'],
            ['demo.common.district', 'text', null, '渝中', null],
            ['demo.common.kind', 'enum', ['a', 'b'], 'b', null],
            ['demo.common.reports', 'number', null, 0, null],
            ['demo.common.size', 'number', null, null, null],
            ['demo.common.verified', 'boolean', null, false, null],
        ]);
    });

    test('categories sorted by id, with the parent of each', () => {
        expect(bundle.categories.map(c => [c.id, c.name, c.label, c.parent, c.source])).toEqual([
            ['t.qinglang.rumor', 'rumor', '谣言', null, sourceOf(RULES_FILE, RULES, 'category rumor')],
            ['t.qinglang.rumor.disaster', 'disaster', null, 't.qinglang.rumor', sourceOf(RULES_FILE, RULES, 'category disaster')],
            ['t.qinglang.rumor.enterprise', 'enterprise', '涉企', 't.qinglang.rumor', sourceOf(RULES_FILE, RULES, 'category enterprise')],
            ['t.qinglang.zeta', 'zeta', null, null, sourceOf(RULES_FILE, RULES, 'category zeta')],
        ]);
    });
});

describe('rules', () => {
    test('sorted by id', () => {
        expect(bundle.rules.map(r => r.id)).toEqual(['t.qinglang.a_rule', 't.qinglang.b_rule', 't.qinglang.c_rule']);
    });

    test('a full rule: references as ids, actions with arguments in parameter order, escalation, condition, dates', () => {
        const b = rule('t.qinglang.b_rule');
        expect(b).toEqual({
            id: 't.qinglang.b_rule',
            name: 'b_rule',
            label: '涉企',
            doc: '自媒体涉企谣言',
            source: sourceOf(RULES_FILE, RULES, 'rule b_rule'),
            categories: ['t.qinglang.rumor.enterprise', 't.qinglang.zeta'],
            severity: 'demo.common.high',
            responsible: 'demo.common.reviewer',
            actions: [
                { action: 'demo.common.fine', args: { amount: { amount: 100000.5, currency: 'CNY' }, note: '从重', days: 3, public: true } },
                { action: 'demo.common.rectify', args: { deadline: { iso: 'P7D', seconds: 604800 } } },
                { action: 'demo.common.remove', args: {} },
            ],
            escalation: [
                { after: 'PT30M', afterSeconds: 1800, to: 'demo.common.editor', toKind: 'post' },
                { after: 'PT2H', afterSeconds: 7200, to: 'demo.common.cac', toKind: 'authority' },
            ],
            when: {
                and: [
                    { '===': [{ var: 'channel' }, 'selfMedia'] },
                    { or: [{ '>=': [{ var: 'reports' }, 3] }, { '!': { '===': [{ var: 'verified' }, true] } }] },
                    { in: [{ var: 'district' }, ['渝中', '江北']] },
                    { '!': { in: [{ var: 'kind' }, ['a']] } },
                    { '<': [{ var: 'size' }, 2.5] },
                ],
            },
            priority: 5,
            enabled: true,
            effective: { from: '2026-03-01', to: '2026-12-31' },
            basis: ['第一条', '第二条'],
            campaign: null,
        });
        expect(Object.keys(b.actions[0].args)).toEqual(['amount', 'note', 'days', 'public']);
    });

    test('defaults of the optional clauses: always, priority 0, no steps, no basis; disabled rules stay with enabled false', () => {
        const a = rule('t.qinglang.a_rule');
        expect([a.when, a.priority, a.escalation, a.basis, a.label, a.doc]).toEqual([true, 0, [], [], null, null]);
        expect(a.enabled).toBe(false);
        expect(a.effective).toEqual({ from: '2026-01-01', to: null });
        const c = rule('t.qinglang.c_rule');
        expect(c.enabled).toBe(true);
        expect(c.effective).toEqual({ from: null, to: null });
        expect(c.when).toEqual({ '===': [{ var: 'verified' }, true] });
        expect(c.escalation).toEqual([{ after: 'P3D', afterSeconds: 259200, to: 'demo.common.editor', toKind: 'post' }]);
    });
});

describe('values', () => {
    test('durations in every unit, and money with its currency', async () => {
        const text = `${VOCAB.replace('action remove', 'action wait (d: duration)\naction remove')}
category c
rule r {
    category c
    severity high
    responsible reviewer
    actions wait(d: 45m), wait(d: 36h), wait(d: 10d), wait(d: 2w), fine(amount: 12 EUR), fine(amount: 0.05 USD)
    escalate { after 1m to editor after 1h to cac }
    when size > 0 and channel != app and reports <= 1 and district != "" and kind == a and verified == false
}
`;
        const folder = tempFolder({ 'v.govrule': text });
        const loaded = await loadFolder(folder);
        expect(loaded.project.hasErrors).toBe(false);
        const compiled = bundleOf(loaded.project, folder);
        const [r] = compiled.rules;
        expect(r.actions.map(a => Object.values(a.args)[0])).toEqual([
            { iso: 'PT45M', seconds: 2700 }, { iso: 'PT36H', seconds: 129600 }, { iso: 'P10D', seconds: 864000 }, { iso: 'P14D', seconds: 1209600 },
            { amount: 12, currency: 'EUR' }, { amount: 0.05, currency: 'USD' },
        ]);
        expect(r.escalation.map(s => [s.after, s.afterSeconds])).toEqual([['PT1M', 60], ['PT1H', 3600]]);
        expect(r.when).toEqual({ and: [
            { '>': [{ var: 'size' }, 0] }, { '!==': [{ var: 'channel' }, 'app'] }, { '<=': [{ var: 'reports' }, 1] },
            { '!==': [{ var: 'district' }, ''] }, { '===': [{ var: 'kind' }, 'a'] }, { '===': [{ var: 'verified' }, false] },
        ] });
    });

    test('`and` and `or` of one kind are flattened however they are grouped; other nesting is kept', async () => {
        const text = `${VOCAB}
category c
rule r { category c severity low responsible reviewer actions remove
    when (verified or (size > 1 or size < 0)) and ((reports > 1 and reports < 9) and not (verified and channel == web)) }
`;
        const folder = tempFolder({ 'v.govrule': text });
        const compiled = bundleOf((await loadFolder(folder)).project, folder);
        expect(compiled.rules[0].when).toEqual({ and: [
            { or: [{ '===': [{ var: 'verified' }, true] }, { '>': [{ var: 'size' }, 1] }, { '<': [{ var: 'size' }, 0] }] },
            { '>': [{ var: 'reports' }, 1] },
            { '<': [{ var: 'reports' }, 9] },
            { '!': { and: [{ '===': [{ var: 'verified' }, true] }, { '===': [{ var: 'channel' }, 'web'] }] } },
        ] });
    });
});
