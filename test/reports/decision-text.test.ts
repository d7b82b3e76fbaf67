/**
 * A decision in words (reports/decision-text.ts), as "Evaluate…" shows it beside the event: the
 * winner, its actions and timeline, the other matches and why each covering rule won, lost or did
 * not match, with the win step of the runtime's order (§8), in English and in Chinese. In process.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { setLocale } from '../../language/src/l10n/index.js';
import { decisionMarkdown } from '../../language/src/reports/decision-text.js';
import { decide, decideNormalized, loadBundle, normalizeEvent, type LoadedBundle } from '../../language/src/runtime/index.js';
import { compile, rules } from '../runtime/fixtures.js';

const RULES = `
rule base "一般处置" { category top severity minor responsible reviewer actions remove }
rule deep { category top.mid severity minor responsible reviewer actions remove }
rule loud "重点处置" { category top.mid severity serious responsible editor priority 2 when reports > 3
    actions remove, rectify(deadline: 5d), fine(amount: 100000 CNY, note: "依法*处罚")
    escalate { after 30m to editor after 2d to cac } }
rule graver { category top.mid severity critical responsible reviewer actions remove }
rule off { category top severity minor responsible reviewer actions remove disabled }
rule old { category top severity minor responsible reviewer actions remove effective 2020-01-01 .. 2020-12-31 }
rule never { category top severity minor responsible reviewer actions remove when channel == app }
`;

async function loaded(): Promise<LoadedBundle> {
    return loadBundle(await compile(rules(RULES)));
}

function markdown(bundle: LoadedBundle, event: unknown): string {
    const normalized = normalizeEvent(bundle, event, { trackGiven: true });
    return decisionMarkdown({ loaded: bundle, event: normalized, decision: decideNormalized(bundle, normalized, true) });
}

const EVENT = { category: 't.r.top.mid', attributes: { channel: 'website', reports: 5 }, date: '2026-06-01' };

afterEach(() => setLocale('en'));

describe('a decision in words', () => {
    test('the winner with its actions, post and timeline; each covering rule with its outcome and why', async () => {
        const bundle = await loaded();
        // The runtime's own decision, for the same event.
        expect(decide(bundle, EVENT).rule).toBe('t.r.loud');
        expect(markdown(bundle, EVENT)).toBe([
            '## Decision for `t.r.top.mid` on 2026-06-01',
            '',
            '### Winning rule: `t.r.loud` (重点处置)',
            '',
            '- Severity: `demo.common.serious` (较重)',
            '- Actions: `demo.common.remove` (删除信息), `demo.common.rectify` (责令限期改正) (deadline: 5d), `demo.common.fine` (罚款) (amount: 100,000 CNY, note: "依法\\*处罚")',
            '- Responsible post: `demo.common.editor` (值班编辑)',
            '',
            '#### Escalation',
            '',
            '1. after 30m to `demo.common.editor` (值班编辑)',
            '2. after 2d to `demo.common.cac` (市委网信办)',
            '',
            '#### Also matched',
            '',
            '- `t.r.graver`',
            '- `t.r.deep`',
            '- `t.r.base` (一般处置)',
            '',
            '#### Explanation',
            '',
            '- ✓ `t.r.loud` (重点处置) — won: won over 3 other matches',
            '  - `reports > 3` ✓',
            '- ≈ `t.r.graver` — matched: matched, but `t.r.loud` (重点处置) wins by priority (2 > 0)',
            '- ≈ `t.r.deep` — matched: matched, but `t.r.loud` (重点处置) wins by priority (2 > 0)',
            '- ≈ `t.r.base` (一般处置) — matched: matched, but `t.r.loud` (重点处置) wins by priority (2 > 0)',
            '- ✗ `t.r.never` — condition does not hold: its condition does not hold',
            '  - `channel == app` ✗',
            '- ✗ `t.r.off` — disabled: the rule is disabled',
            '- ✗ `t.r.old` — not in force: not in force on 2026-06-01 (effective 2020-01-01 .. 2020-12-31)',
            '',
        ].join('\n'));
    });

    test('the win step after priority: the deeper category, then the higher severity, then bundle order', async () => {
        const bundle = await loaded();
        const text = markdown(bundle, { ...EVENT, attributes: { channel: 'website', reports: 0 } });
        expect(text).toContain('- ✓ `t.r.graver` — won: won over 2 other matches');
        expect(text).toContain('### Winning rule: `t.r.graver`');
        expect(text).toContain('- ≈ `t.r.deep` — matched: matched, but `t.r.graver` wins by severity (critical > minor)');
        expect(text).toContain('- ≈ `t.r.base` (一般处置) — matched: matched, but `t.r.graver` wins by a more specific category (`t.r.top.mid` is inside `t.r.top`)');
        expect(text).not.toContain('No rule matches');
        const order = loadBundle(await compile(rules('rule a { category top severity minor responsible reviewer actions remove }\nrule b { category top severity minor responsible reviewer actions remove }\n')));
        expect(markdown(order, { category: 't.r.top', attributes: { channel: 'app' }, date: '2026-06-01' })).toContain('matched, but `t.r.a` wins by coming first in the bundle (ids in order)');
    });

    test('no rule: said so, with why each covering rule did not match; an uncovered category says that', async () => {
        const bundle = await loaded();
        const only = loadBundle(await compile(rules('rule never { category top severity minor responsible reviewer actions remove when channel == app }\n')));
        const none = markdown(only, { category: 't.r.top.mid', attributes: { channel: 'website' }, date: '2020-06-01' });
        expect(none).toContain('No rule matches this event.');
        expect(none).not.toContain('Winning rule');
        expect(none).toContain('#### Also matched\n\nnone\n');
        expect(none).toContain('- ✗ `t.r.never` — condition does not hold: its condition does not hold\n  - `channel == app` ✗');
        const uncovered = markdown(bundle, { category: 't.r.other', attributes: { channel: 'website' }, date: '2026-06-01' });
        expect(uncovered).toContain('No rule covers this category.');
    });

    test('in Chinese: the same decision in Chinese words, durations and amounts in words', async () => {
        const bundle = await loaded();
        setLocale('zh-CN');
        const text = markdown(bundle, EVENT);
        expect(text).toContain('## `t.r.top.mid` 于 2026-06-01 的判定结果');
        expect(text).toContain('### 胜出规则：`t.r.loud`（重点处置）');
        expect(text).toContain('- 处置措施：`demo.common.remove`（删除信息）、`demo.common.rectify`（责令限期改正）（deadline：5 天）、`demo.common.fine`（罚款）（amount：100,000 元（CNY）、note："依法\\*处罚"）');
        expect(text).toContain('1. 30 分钟后升级至`demo.common.editor`（值班编辑）');
        expect(text).toContain('- ✓ `t.r.loud`（重点处置） — 胜出：胜过其他 3 条匹配的规则');
        expect(text).toContain('- ≈ `t.r.graver` — 匹配但未胜出：已匹配，但按优先级（2 > 0），`t.r.loud`（重点处置）胜出');
        expect(text).toContain('- ✗ `t.r.old` — 不在生效期间：2026-06-01 不在生效期间内（生效期间 2020-01-01 .. 2020-12-31）');
        expect(text).not.toMatch(/won|matched|Severity/);
    });
});
