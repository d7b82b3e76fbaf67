/**
 * Campaigns (LANGUAGE.md §5.1): parsing, campaign-period, effective-range of a campaign,
 * unused-declaration of a campaign, the kind a `campaign` clause expects, and the period in force
 * that the compiler writes.
 */
import { describe, expect, test } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { rangeOf } from '../helpers/ranges.js';
import { allDiagnostics, checkBody, checkFiles, fileWith, ruleText, withCode } from '../helpers/validation.js';
import { intersectPeriods, rulePeriod } from '../../language/src/model/rules.js';
import * as ast from '../../language/src/syntax/generated/ast.js';

const SPRING = 'campaign spring "春季专项" effective 2026-03-01 .. 2026-05-31\n';

describe('the campaign declaration and clause', () => {
    test('a campaign with a label, a doc comment and a period; a rule joins it: no problems', async () => {
        const body = `/** 春季 */\n${SPRING}${ruleText({ clauses: { campaign: 'spring', effective: '2026-04-01 .. 2026-12-31' } })}`;
        const ws = await checkBody(body);
        expect(allDiagnostics(ws)).toEqual([]);
        const model = ws.documents.get('x.govrule')!.parseResult.value;
        const campaign = model.elements.find(ast.isCampaign)!;
        expect([campaign.name, campaign.label, campaign.period.from, campaign.period.to]).toEqual(['spring', '春季专项', '2026-03-01', '2026-05-31']);
        const rule = model.elements.find(ast.isRule)!;
        expect(rulePeriod(rule)).toEqual({ from: '2026-04-01', to: '2026-05-31' });
    });

    test('a campaign needs its period: without `effective` it is a syntax error', async () => {
        const ws = await checkBody('campaign spring "春季专项"\n');
        expect(withCode(ws, 'x.govrule', 'syntax').length).toBeGreaterThan(0);
    });

    test('a campaign clause names a campaign: anything else is wrong-kind, a misspelling is unresolved with a suggestion', async () => {
        const wrong = await checkBody(SPRING + ruleText({ clauses: { campaign: 'reviewer' } }));
        expect(withCode(wrong, 'x.govrule', 'wrong-kind').map(d => d.message)).toEqual([
            "Expected a campaign here, but 'reviewer' is a post (demo.common.reviewer)"]);
        const misspelt = await checkBody(SPRING + ruleText({ clauses: { campaign: 'sprin' } }));
        expect(withCode(misspelt, 'x.govrule', 'unresolved-reference').map(d => d.message)).toEqual([
            "Cannot find a campaign named 'sprin'; did you mean 'spring'?"]);
    });

    test('a second campaign clause is duplicate-clause', async () => {
        const ws = await checkBody(SPRING + ruleText({ clauses: { campaign: 'spring' } }).replace(/}\n$/, '    campaign spring\n}\n'));
        expect(withCode(ws, 'x.govrule', 'duplicate-clause').map(d => d.message)).toEqual(["Rule 'r' has more than one 'campaign' clause"]);
    });

    test('a campaign in another package is joined by its qualified name or through an import', async () => {
        const campaigns = `package t.campaigns\n${SPRING}`;
        const qualified = await checkFiles({ 'c.govrule': campaigns, 'x.govrule': fileWith(ruleText({ clauses: { campaign: 't.campaigns.spring' } })) });
        expect(allDiagnostics(qualified)).toEqual([]);
        const imported = await checkFiles({ 'c.govrule': campaigns, 'x.govrule': fileWith(ruleText({ clauses: { campaign: 'spring' } })).replace('import demo.common.*\n', 'import demo.common.*\nimport t.campaigns.*\n') });
        expect(allDiagnostics(imported)).toEqual([]);
    });
});

describe('campaign-period', () => {
    test('a rule whose own period shares no day with its campaign\'s: an error on its effective clause', async () => {
        const body = SPRING + ruleText({ clauses: { campaign: 'spring', effective: '2025-01-01 .. 2025-12-31' } });
        const text = fileWith(body);
        const ws = await checkBody(body);
        const errors = withCode(ws, 'x.govrule', 'campaign-period');
        expect(errors.map(e => [e.severity, e.message, e.range])).toEqual([[DiagnosticSeverity.Error,
            "Rule 'r' is in force 2025-01-01 .. 2025-12-31, which shares no day with campaign 'spring' (2026-03-01 .. 2026-05-31): the rule would never apply",
            rangeOf(text, 'effective 2025-01-01 .. 2025-12-31')]]);
        expect(errors[0].data).toMatchObject({ replacement: 'effective 2026-03-01 .. 2026-05-31' });
    });

    test.each([
        ['ends the day before the campaign starts', '2026-01-01 .. 2026-02-28', true],
        ['starts the day after it ends', '2026-06-01', true],
        ['ends on the campaign\'s first day', '2026-01-01 .. 2026-03-01', false],
        ['starts on its last day', '2026-05-31 .. 2027-01-01', false],
        ['lies inside it', '2026-04-01 .. 2026-04-30', false],
        ['covers it', '2025-01-01 .. 2027-12-31', false],
        ['opens before and never ends', '2020-01-01', false],
    ])('a rule that %s: reported %s', async (_what, period, reported) => {
        const ws = await checkBody(SPRING + ruleText({ clauses: { campaign: 'spring', effective: period } }));
        expect(withCode(ws, 'x.govrule', 'campaign-period').length).toBe(reported ? 1 : 0);
    });

    test('an open-ended campaign: only a rule that ends before it starts misses it', async () => {
        const open = 'campaign ongoing effective 2026-03-01\n';
        const before = await checkBody(open + ruleText({ clauses: { campaign: 'ongoing', effective: '2025-01-01 .. 2026-02-28' } }));
        expect(withCode(before, 'x.govrule', 'campaign-period').length).toBe(1);
        const later = await checkBody(open + ruleText({ clauses: { campaign: 'ongoing', effective: '2030-01-01' } }));
        expect(withCode(later, 'x.govrule', 'campaign-period')).toEqual([]);
    });

    test('an inverted period is effective-range alone, in a rule or in a campaign', async () => {
        const rule = await checkBody(SPRING + ruleText({ clauses: { campaign: 'spring', effective: '2025-12-31 .. 2025-01-01' } }));
        expect(withCode(rule, 'x.govrule', 'campaign-period')).toEqual([]);
        expect(withCode(rule, 'x.govrule', 'effective-range').map(d => d.message)).toEqual(['The rule ends (2025-01-01) before it starts (2025-12-31)']);
        const campaign = await checkBody('campaign spring effective 2026-05-31 .. 2026-03-01\n' + ruleText({ clauses: { campaign: 'spring', effective: '2025-01-01 .. 2025-02-01' } }));
        expect(withCode(campaign, 'x.govrule', 'campaign-period')).toEqual([]);
        expect(withCode(campaign, 'x.govrule', 'effective-range').map(d => d.message)).toEqual(['The campaign ends (2026-03-01) before it starts (2026-05-31)']);
    });

    test('an impossible date in a campaign is invalid-literal', async () => {
        const ws = await checkBody('campaign spring effective 2026-02-30\n' + ruleText({ clauses: { campaign: 'spring' } }));
        expect(withCode(ws, 'x.govrule', 'invalid-literal').length).toBe(1);
    });

    test('a rule outside its campaign shadows nothing, and the analysis reads the period in force', async () => {
        // 'wide' is in force only in spring, so it cannot shadow 'late', which runs all year.
        const body = SPRING + ruleText({ name: 'wide', clauses: { priority: '5', campaign: 'spring' } }) + ruleText({ name: 'late', clauses: { effective: '2026-01-01 .. 2026-12-31' } });
        const ws = await checkBody(body);
        expect(withCode(ws, 'x.govrule', 'shadowed-rule')).toEqual([]);
    });
});

describe('unused-declaration of a campaign', () => {
    test('a campaign no rule joins', async () => {
        const ws = await checkBody(SPRING);
        const text = fileWith(SPRING);
        expect(withCode(ws, 'x.govrule', 'unused-declaration').map(d => [d.severity, d.message, d.range])).toEqual([
            [DiagnosticSeverity.Warning, "No rule joins campaign 'spring'", rangeOf(text, 'spring')]]);
    });
});

describe('periods', () => {
    test('the intersection of two periods: the later start, the earlier end; open ends give way', () => {
        expect(intersectPeriods({ from: '2026-01-01', to: '2026-06-30' }, { from: '2026-03-01', to: '2026-12-31' })).toEqual({ from: '2026-03-01', to: '2026-06-30' });
        expect(intersectPeriods({ from: null, to: null }, { from: '2026-03-01', to: null })).toEqual({ from: '2026-03-01', to: null });
        expect(intersectPeriods({ from: '2026-07-01', to: null }, { from: null, to: '2026-06-30' })).toBeUndefined();
        expect(intersectPeriods({ from: '2026-06-30', to: '2026-06-30' }, { from: '2026-06-30', to: null })).toEqual({ from: '2026-06-30', to: '2026-06-30' });
    });
});
