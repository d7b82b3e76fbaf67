/**
 * How shadowed-rule finds the rules that may shadow another: an index by category and by a
 * required `x == v` (analysis-rules.ts, findShadowed), and rules it cannot read.
 */
import { describe, expect, test } from 'vitest';
import { allDiagnostics, checkFiles } from '../helpers/validation.js';

function messageText(message: string | { value: string }): string {
    return typeof message === 'string' ? message : message.value;
}

/** The shadowed-rule messages of `x.govrule`, a package with `top { mid }` and `other`. */
async function shadowMessages(rules: string): Promise<string[]> {
    const ws = await checkFiles({ 'x.govrule': `package t.x\nimport demo.common.*\ncategory top { category mid }\ncategory other\n${rules}` });
    expect(allDiagnostics(ws).filter(d => d.code === 'internal-error')).toEqual([]);
    return ws.diagnostics('x.govrule').filter(d => d.code === 'shadowed-rule').map(d => messageText(d.message));
}

const rule = (name: string, clauses: string) => `rule ${name} { responsible reviewer actions remove ${clauses} }\n`;

describe('candidates', () => {
    test('a rule requiring `x == v` shadows one that leaves x no other value, without naming it', async () => {
        // `b` never compares channel with app, but excludes every other member.
        expect(await shadowMessages(
            rule('a', 'category top severity minor priority 5 when channel == app')
            + rule('b', 'category top severity minor when channel != website and channel != selfMedia'))).toEqual([
            "Rule 'b' can never win: rule 'a' matches every event it matches and wins by priority (5 > 0)"]);
    });

    test('a rule requiring `x == v` shadows one that allows only v, by `in` or by `==`', async () => {
        expect(await shadowMessages(
            rule('a', 'category top severity minor priority 5 when channel == app')
            + rule('b', 'category top severity minor when channel in [app] and reports > 1')
            + rule('c', 'category top.mid severity minor when reports > 2 and channel == app'))).toEqual([
            "Rule 'b' can never win: rule 'a' matches every event it matches and wins by priority (5 > 0)",
            "Rule 'c' can never win: rule 'a' matches every event it matches and wins by priority (5 > 0)",
        ]);
    });

    test('a rule requiring `x == v` does not shadow one that allows other values of x', async () => {
        expect(await shadowMessages(
            rule('a', 'category top severity minor priority 5 when channel == app')
            + rule('b', 'category top severity minor when channel in [app, website]')
            + rule('c', 'category top.mid severity minor when channel == website')
            + rule('d', 'category top severity minor when reports > 1'))).toEqual([]);
    });

    test('two required values of one attribute: a rule is met under each, and allows their intersection', async () => {
        expect(await shadowMessages(
            rule('a', 'category top severity minor priority 5 when reports == 3 and channel == website')
            + rule('b', 'category top severity minor when channel in [app, website] and channel in [website, selfMedia] and reports in [3]'))).toEqual([
            "Rule 'b' can never win: rule 'a' matches every event it matches and wins by priority (5 > 0)"]);
    });

    test('a shadowing rule is found through an ancestor of the first category of the other', async () => {
        expect(await shadowMessages(
            rule('a', 'category top severity minor priority 5 when channel == app')
            + rule('b', 'category top.mid, top severity minor when channel == app'))).toEqual([
            "Rule 'b' can never win: rule 'a' matches every event it matches and wins by priority (5 > 0)"]);
    });
});

describe('rules the analysis cannot read', () => {
    test('an unknown severity or category, and a priority too large for a number: no finding, no internal error', async () => {
        const huge = '9'.repeat(400);
        const ws = await checkFiles({
            'x.govrule': `package t.x\nimport demo.common.*\ncategory top\n`
                + rule('a', 'category top severity bogus priority 5')
                + rule('b', 'category nowhere severity minor priority 5')
                + rule('c', `category top severity minor priority ${huge}`)
                + rule('d', 'category top severity minor when reports > 1'),
        });
        expect(ws.codes('x.govrule')).toEqual(['unresolved-reference', 'unresolved-reference']);
    });
});
