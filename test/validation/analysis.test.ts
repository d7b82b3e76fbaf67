/**
 * Rule-set analysis (LANGUAGE.md §10): unreachable-rule and shadowed-rule. Each has positive
 * cases and look-alikes that must stay silent, since the analysis promises no false positives.
 */
import { describe, expect, test } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { rangeOf } from '../helpers/ranges.js';
import { allDiagnostics, checkBody, checkFiles, fileWith, ruleText, withCode } from '../helpers/validation.js';

/** The unreachable-rule diagnostics of a rule `r` with this condition. */
async function unreachable(condition: string, extra: Partial<Record<'disabled' | 'priority', string>> = {}) {
    const body = ruleText({ clauses: { when: condition, ...extra } });
    const ws = await checkBody(body);
    return { text: fileWith(body), found: withCode(ws, 'x.govrule', 'unreachable-rule') };
}

describe('unreachable-rule', () => {
    test.each([
        ['reports > 5 and reports < 3', "'reports > 5' and 'reports < 3' cannot both hold"],
        ['reports < 3 and reports > 5', "'reports < 3' and 'reports > 5' cannot both hold"],
        ['reports >= 5 and reports < 5', "'reports >= 5' and 'reports < 5' cannot both hold"],
        ['reports == 2 and reports > 4', "'reports == 2' and 'reports > 4' cannot both hold"],
        ['channel == app and channel == website', "'channel == app' and 'channel == website' cannot both hold"],
        ['channel in [app, website] and channel == selfMedia', "'channel in [app, website]' and 'channel == selfMedia' cannot both hold"],
        ['channel in []', "'channel in []' never holds"],
        ['channel not in [website, app, selfMedia]', "'channel not in [website, app, selfMedia]' excludes every value of 'channel'"],
        ['verified and not verified', "'verified' and 'not verified' cannot both hold"],
        ['verified == true and verified != true', "'verified == true' and 'verified != true' cannot both hold"],
        ['district == "a" and district == "b"', `'district == "a"' and 'district == "b"' cannot both hold`],
        ['district == "a" and district != "a"', `'district == "a"' and 'district != "a"' cannot both hold`],
        ['reports >= 5 and reports <= 5 and reports != 5', "'reports >= 5', 'reports <= 5' and 'reports != 5' cannot all hold"],
        ['not (reports <= 5 or reports >= 3)', "'not (reports <= 5)' and 'not (reports >= 3)' cannot both hold"],
        ['channel == app and reports > 1 and district == "x" and channel == website', "'channel == app' and 'channel == website' cannot both hold"],
    ])('%s', async (condition, detail) => {
        const { text, found } = await unreachable(condition);
        expect(found.map(d => [d.message, d.range, d.severity])).toEqual([
            [`Rule 'r' can never match: ${detail}`, rangeOf(text, condition), DiagnosticSeverity.Warning]]);
    });

    test('every alternative contradicts itself: each contradiction is named', async () => {
        const condition = '(reports > 5 and reports < 3) or (channel == app and channel == website)';
        const { found } = await unreachable(condition);
        expect(found.map(d => d.message)).toEqual([
            "Rule 'r' can never match: no alternative of its condition can hold "
            + "('reports > 5' and 'reports < 3' cannot both hold; 'channel == app' and 'channel == website' cannot both hold)"]);
    });

    test('a contradiction through a distributed alternative', async () => {
        const { found } = await unreachable('reports > 5 and (reports < 3 or verified) and not verified');
        expect(found).toHaveLength(1);
        expect(found[0].message).toContain("'reports > 5' and 'reports < 3' cannot both hold");
        expect(found[0].message).toContain("'verified' and 'not verified' cannot both hold");
    });

    test('a contradiction is reported while another clause of the rule has an error', async () => {
        const condition = 'reports > 5 and reports < 3';
        for (const clauses of [{ severity: 'bogus' }, { category: 'nowhere' }, { category: null }, { priority: '9'.repeat(400) }]) {
            const body = ruleText({ clauses: { when: condition, ...clauses } });
            const ws = await checkBody(body);
            expect(withCode(ws, 'x.govrule', 'unreachable-rule').map(d => [d.message, d.range]), JSON.stringify(clauses)).toEqual([
                ["Rule 'r' can never match: 'reports > 5' and 'reports < 3' cannot both hold", rangeOf(fileWith(body), condition)]]);
        }
    });

    test('a disabled rule with an impossible condition is reported too', async () => {
        const { found } = await unreachable('reports > 5 and reports < 3', { disabled: '' });
        expect(found).toHaveLength(1);
    });

    test.each([
        // Numbers are real numbers: 5.5 reports is a value an event may carry.
        'reports > 5 and reports < 6',
        'reports >= 5 and reports <= 5',
        'reports > 3 or reports < 5',
        'reports < 0',
        'channel == app or channel == website',
        'channel in [app] and channel != website',
        'channel not in [website, app]',
        'channel in [app, website] and channel in [website, selfMedia]',
        'district != "a" and district != "b"',
        'district == "a" or district == "b"',
        'verified or not verified',
        'not (reports > 5 and reports < 3)',
        'reports > 5 and district == "x"',
        'not verified and reports != 0',
        '(reports > 5 and reports < 3) or channel == app',
    ])('look-alike that can hold: %s', async condition => {
        const { found } = await unreachable(condition);
        expect(found).toEqual([]);
    });

    test('comparisons that do not resolve are not reasoned about', async () => {
        const ws = await checkBody(ruleText({ clauses: { when: 'bogus > 5 and bogus < 3' } }));
        expect(withCode(ws, 'x.govrule', 'unresolved-reference')).toHaveLength(2);
        expect(withCode(ws, 'x.govrule', 'unreachable-rule')).toEqual([]);
    });

    test('mistyped comparisons are type errors, not contradictions', async () => {
        const ws = await checkBody(ruleText({ clauses: { when: 'reports == "a" and reports == "b"' } }));
        expect(withCode(ws, 'x.govrule', 'type-mismatch')).toHaveLength(2);
        expect(withCode(ws, 'x.govrule', 'unreachable-rule')).toEqual([]);
    });

    test('can be silenced with an ignore comment', async () => {
        const body = `// govrule-ignore unreachable-rule\n${ruleText({ clauses: { when: 'reports > 5 and reports < 3' } })}`;
        const ws = await checkBody(body);
        expect(withCode(ws, 'x.govrule', 'unreachable-rule')).toEqual([]);
    });
});

/** A package with a category tree `top { mid { leaf } }` and a second top-level category. */
function tree(rules: string): string {
    return `package t.x
import demo.common.*
category top { category mid { category leaf } }
category other
${rules}`;
}

function rule(name: string, clauses: string): string {
    return `rule ${name} { responsible reviewer actions remove ${clauses} }\n`;
}

async function shadowed(rules: string, files: Record<string, string> = {}) {
    const text = tree(rules);
    const ws = await checkFiles({ 'x.govrule': text, ...files });
    return { text, ws, found: withCode(ws, 'x.govrule', 'shadowed-rule') };
}

describe('shadowed-rule', () => {
    test('a higher priority on an ancestor category with a weaker condition', async () => {
        const { text, found } = await shadowed(
            rule('broad', 'category top severity minor priority 5 when reports > 1')
            + rule('narrow', 'category top.mid severity serious when reports > 10 and channel == app'));
        expect(found.map(d => [d.message, d.range, d.severity])).toEqual([[
            "Rule 'narrow' can never win: rule 'broad' matches every event it matches and wins by priority (5 > 0)",
            rangeOf(text, 'narrow'), DiagnosticSeverity.Warning]]);
    });

    test('same priority and category: a higher severity wins', async () => {
        const { found } = await shadowed(
            rule('strong', 'category top.mid severity serious')
            + rule('weak', 'category top.mid severity minor when channel == app'));
        expect(found.map(d => d.message)).toEqual([
            "Rule 'weak' can never win: rule 'strong' matches every event it matches and wins by severity (serious > minor)"]);
    });

    test('a duplicate rule loses by bundle order (ids sorted)', async () => {
        const { found } = await shadowed(
            rule('b', 'category top severity minor when district == "x"')
            + rule('a', 'category top severity minor when district == "x"'));
        expect(found.map(d => d.message)).toEqual([
            "Rule 'b' can never win: rule 'a' matches every event it matches and wins by coming first in the bundle (its id sorts first)"]);
    });

    test('same priority, the shadowing rule on a deeper category for every event', async () => {
        const { found } = await shadowed(
            rule('deep', 'category top.mid.leaf severity minor')
            + rule('wide', 'category top.mid.leaf, top severity critical escalate { after 1h to cac }')
            + rule('leafOnly', 'category top.mid.leaf severity minor when reports > 3'));
        // `deep` wins on leaf events over `leafOnly` by bundle order; `wide` matches leaf events through
        // its own leaf category too, and wins there by severity.
        expect(found.map(d => d.message)).toEqual([
            "Rule 'deep' can never win: rule 'wide' matches every event it matches and wins by severity (critical > minor)",
            "Rule 'leafOnly' can never win: rule 'wide' matches every event it matches and wins by severity (critical > minor)",
        ]);
    });

    test('an implied condition: in-list narrowing and ranges', async () => {
        const { found } = await shadowed(
            rule('general', 'category top severity serious priority 2 when channel in [app, selfMedia] and reports >= 3')
            + rule('specific', 'category top.mid severity minor when channel == app and reports > 10 and verified'));
        expect(found.map(d => d.message)).toEqual([
            "Rule 'specific' can never win: rule 'general' matches every event it matches and wins by priority (2 > 0)"]);
    });

    test('a rule in another package is named by its id', async () => {
        const { found } = await shadowed(rule('local', 'category top.mid severity minor'), {
            'y.govrule': `package t.y\nimport demo.common.*\nimport t.x.*\nrule global { category top severity minor priority 9 responsible reviewer actions remove }\n`,
        });
        expect(found.map(d => d.message)).toEqual([
            "Rule 'local' can never win: rule 't.y.global' matches every event it matches and wins by priority (9 > 0)"]);
    });

    test('the first shadowing rule in winner order is named', async () => {
        const { found } = await shadowed(
            rule('p3', 'category top severity minor priority 3')
            + rule('p7', 'category top severity minor priority 7')
            + rule('low', 'category top.mid severity minor'));
        expect(found.map(d => d.message)).toEqual([
            "Rule 'p3' can never win: rule 'p7' matches every event it matches and wins by priority (7 > 3)",
            "Rule 'low' can never win: rule 'p7' matches every event it matches and wins by priority (7 > 0)",
        ]);
    });

    test('an effective period that covers the shadowed one', async () => {
        const { found } = await shadowed(
            rule('always', 'category top severity minor priority 1')
            + rule('spring', 'category top severity minor effective 2026-01-01 .. 2026-06-30'));
        expect(found.map(d => d.message)).toEqual([
            "Rule 'spring' can never win: rule 'always' matches every event it matches and wins by priority (1 > 0)"]);
    });

    test.each([
        ['a weaker condition does not imply a stronger one',
            rule('a', 'category top severity minor priority 5 when reports > 5') + rule('b', 'category top severity minor when reports > 3')],
        ['a condition on another attribute',
            rule('a', 'category top severity minor priority 5 when verified') + rule('b', 'category top severity minor when reports > 3')],
        ['an unconditional rule is not implied by a conditional one',
            rule('a', 'category top severity minor priority 5 when reports > 0') + rule('b', 'category top severity minor')],
        ['the higher-priority rule covers only a sub-category',
            rule('a', 'category top.mid severity minor priority 5') + rule('b', 'category top severity minor')],
        ['the higher-priority rule covers only one of two categories',
            rule('a', 'category top severity minor priority 5') + rule('b', 'category top.mid, other severity minor')],
        ['same priority: the deeper rule wins on its own events',
            rule('a', 'category top severity critical escalate { after 1h to cac }') + rule('b', 'category top.mid severity minor')],
        ['same priority and category: the other rule has the lower severity',
            rule('a', 'category top severity minor') + rule('b', 'category top severity serious when reports > 1')],
        ['a lower priority never shadows',
            rule('a', 'category top severity critical escalate { after 1h to cac }') + rule('b', 'category top.mid severity minor priority 1 when reports > 1')],
        ['the shadowing rule is in force for less time',
            rule('a', 'category top severity minor priority 5 effective 2026-01-01 .. 2026-12-31') + rule('b', 'category top severity minor')],
        ['the shadowing rule starts later',
            rule('a', 'category top severity minor priority 5 effective 2026-01-01') + rule('b', 'category top severity minor effective 2025-01-01 .. 2026-12-31')],
        ['a disabled rule shadows nothing',
            rule('a', 'category top severity minor priority 5 disabled') + rule('b', 'category top.mid severity minor')],
        ['disjoint conditions',
            rule('a', 'category top severity minor priority 5 when channel == app') + rule('b', 'category top severity minor when channel == website')],
        ['a text attribute has values beyond any finite list',
            rule('a', 'category top severity minor priority 5 when district != "a"') + rule('b', 'category top severity minor when district != "b"')],
    ])('look-alike: %s', async (_name, rules) => {
        const { found } = await shadowed(rules);
        expect(found).toEqual([]);
    });

    test('a disabled rule is not reported as shadowed', async () => {
        const { found } = await shadowed(
            rule('a', 'category top severity minor priority 5') + rule('b', 'category top.mid severity minor disabled'));
        expect(found).toEqual([]);
    });

    test('an unreachable rule is reported as unreachable, not as shadowed', async () => {
        const text = tree(rule('a', 'category top severity minor priority 5') + rule('b', 'category top severity minor when reports > 5 and reports < 3'));
        const ws = await checkFiles({ 'x.govrule': text });
        expect(withCode(ws, 'x.govrule', 'shadowed-rule')).toEqual([]);
        expect(withCode(ws, 'x.govrule', 'unreachable-rule')).toHaveLength(1);
    });

    test('the example repository has no unreachable or shadowed rule', async () => {
        const { loadFolder } = await import('../helpers/project.js');
        const { EXAMPLES } = await import('../helpers/cli.js');
        const folder = await loadFolder(EXAMPLES);
        expect(folder.summary().filter(s => s.includes('unreachable-rule') || s.includes('shadowed-rule'))).toEqual([]);
    });
});

describe('files that do not parse', () => {
    // Their trees may lack mandatory parts; the analysis leaves their rules out rather than fail
    // on them, or report findings in other files because of half-read conditions.
    test.each(['not', 'reports > 1 and', '(reports > 1 or', 'not (channel == app and'])('a half-parsed condition in another file of the package: %s', async condition => {
        const broken = `package t.x\nimport demo.common.*\nrule broken { category top severity serious priority 9 responsible reviewer actions remove when ${condition} }\n`;
        const { ws, found } = await shadowed(rule('narrow', 'category top.mid severity minor when reports > 10'), { 'y.govrule': broken });
        expect(withCode(ws, 'y.govrule', 'syntax').length).toBeGreaterThan(0);
        expect(allDiagnostics(ws).filter(d => d.code === 'internal-error')).toEqual([]);
        expect(found).toEqual([]);
    });

    test('the rest of the workspace is still analysed', async () => {
        const { found } = await shadowed(
            rule('strong', 'category top.mid severity serious') + rule('weak', 'category top.mid severity minor when channel == app'),
            { 'y.govrule': 'package t.x\nimport demo.common.*\nrule broken { category top severity serious when not }\n' });
        expect(found.map(d => d.message)).toEqual([
            "Rule 'weak' can never win: rule 'strong' matches every event it matches and wins by severity (serious > minor)"]);
    });
});
