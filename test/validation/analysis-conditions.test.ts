/**
 * The reasoning behind unreachable-rule and shadowed-rule (LANGUAGE.md §10) at its edges: bounds
 * that meet at one point, strict and non-strict ends, lists on numbers, the smallest set of
 * comparisons named, how comparisons are quoted, the search budget, and which rule is named.
 */
import { describe, expect, test } from 'vitest';
import { checkFiles, fileWith, withCode } from '../helpers/validation.js';

function messageText(message: string | { value: string }): string {
    return typeof message === 'string' ? message : message.value;
}

/** For each condition, the detail of its unreachable-rule warning, or null when it can hold. */
async function verdicts(conditions: readonly string[]): Promise<(string | null)[]> {
    const body = conditions.map((condition, i) => `rule r${i} { category c severity minor responsible reviewer actions remove when ${condition} }\n`).join('');
    const ws = await checkFiles({ 'x.govrule': fileWith(body) });
    const found = withCode(ws, 'x.govrule', 'unreachable-rule').map(d => messageText(d.message));
    return conditions.map((_, i) => {
        const prefix = `Rule 'r${i}' can never match: `;
        const message = found.find(m => m.startsWith(prefix));
        return message ? message.slice(prefix.length) : null;
    });
}

async function expectVerdicts(cases: ReadonlyArray<readonly [string, string | null]>): Promise<void> {
    const found = await verdicts(cases.map(([condition]) => condition));
    expect(cases.map(([condition], i) => [condition, found[i]])).toEqual(cases.map(([condition, detail]) => [condition, detail]));
}

describe('numbers', () => {
    test('bounds that meet: which end is strict decides', async () => {
        await expectVerdicts([
            ['reports <= 5 and reports >= 5', null],
            ['reports < 5 and reports >= 5', "'reports < 5' and 'reports >= 5' cannot both hold"],
            ['reports <= 5 and reports > 5', "'reports <= 5' and 'reports > 5' cannot both hold"],
            ['reports < 5 and reports > 4', null],
            // The stricter of two bounds at one value counts, whichever comes first.
            ['reports <= 5 and reports < 5 and reports >= 5', "'reports < 5' and 'reports >= 5' cannot both hold"],
            ['reports < 5 and reports <= 5 and reports >= 5', "'reports < 5' and 'reports >= 5' cannot both hold"],
            ['reports >= 5 and reports > 5 and reports <= 5', "'reports > 5' and 'reports <= 5' cannot both hold"],
            ['reports > 5 and reports >= 5 and reports <= 5', "'reports > 5' and 'reports <= 5' cannot both hold"],
            // The tighter of two bounds counts, whichever comes first.
            ['reports < 3 and reports < 5 and reports > 4', "'reports < 3' and 'reports > 4' cannot both hold"],
            ['reports < 5 and reports < 3 and reports > 4', "'reports < 3' and 'reports > 4' cannot both hold"],
            ['reports > 5 and reports > 3 and reports < 4', "'reports > 5' and 'reports < 4' cannot both hold"],
            ['reports > 3 and reports > 5 and reports < 4', "'reports > 5' and 'reports < 4' cannot both hold"],
            ['reports >= 5 and reports <= 5 and reports != 4', null],
            ['reports != 5', null],
            ['reports == 5 and reports == 5', null],
            ['reports == 5 and reports != 5', "'reports == 5' and 'reports != 5' cannot both hold"],
        ]);
    });

    test('a list of numbers meets bounds and exclusions', async () => {
        await expectVerdicts([
            ['reports in [1, 2] and reports > 2', "'reports in [1, 2]' and 'reports > 2' cannot both hold"],
            ['reports in [1, 2] and reports >= 2', null],
            ['reports in [1, 2] and reports < 1', "'reports in [1, 2]' and 'reports < 1' cannot both hold"],
            ['reports in [1, 2] and reports <= 1', null],
            ['reports in [1, 2] and reports != 1 and reports < 2', "'reports in [1, 2]', 'reports != 1' and 'reports < 2' cannot all hold"],
            ['reports in [1, 2] and reports not in [2, 1]', "'reports in [1, 2]' and 'reports not in [2, 1]' cannot both hold"],
            ['reports in [1, 2] and reports in [2, 3]', null],
            ['reports in [1] and reports in [2, 3]', "'reports in [1]' and 'reports in [2, 3]' cannot both hold"],
        ]);
    });
});

describe('booleans, enums and texts', () => {
    test('finite domains run out; texts never do', async () => {
        await expectVerdicts([
            ['verified != true and verified != false', "'verified != true' and 'verified != false' cannot both hold"],
            ['verified == false and not verified', null],
            ['not verified and verified == true', "'not verified' and 'verified == true' cannot both hold"],
            ['channel != app and channel != website and channel != selfMedia', "'channel != app', 'channel != website' and 'channel != selfMedia' cannot all hold"],
            ['channel != app and channel != website', null],
            ['channel in [app, website] and channel not in [app]', null],
            ['district in ["a", "b"] and district not in ["a", "b"]', `'district in ["a", "b"]' and 'district not in ["a", "b"]' cannot both hold`],
            ['district in ["a"] and district != "a"', `'district in ["a"]' and 'district != "a"' cannot both hold`],
            ['district not in ["a", "b", "c"]', null],
            ['district in []', "'district in []' never holds"],
            ['reports in []', "'reports in []' never holds"],
            ['verified not in [true, false]', "'verified not in [true, false]' excludes every value of 'verified'"],
            // A number too large to be one (an event's numbers are finite).
            [`reports == ${'9'.repeat(400)}`, `'reports == ${'9'.repeat(29)}…' never holds`],
            [`reports in [${'9'.repeat(400)}]`, `'reports in [${'9'.repeat(28)}…' never holds`],
            [`reports >= ${'9'.repeat(400)}`, `'reports >= ${'9'.repeat(29)}…' excludes every value of 'reports'`],
        ]);
    });
});

describe('comparisons the reasoning cannot read', () => {
    // Each is a type error already; read as written, it would give a contradiction no event can meet.
    test.each([
        ['district == 1 and district == 2', 'type-mismatch'],
        ['reports == true and reports == false', 'type-mismatch'],
        ['channel == 1 and channel == 2', 'type-mismatch'],
        ['reports and reports == 3', 'type-mismatch'],
        ['district and district == "a"', 'type-mismatch'],
        ['district == app and district == website', 'type-mismatch'],
        // Orderings of other types than numbers bound nothing.
        ['verified < true and verified > true', 'type-mismatch'],
        ['district < "a" and district > "b" and district == "c"', 'type-mismatch'],
        ['channel <= app and channel >= website and channel == selfMedia', 'type-mismatch'],
    ])('%s: %s, no unreachable-rule', async (condition, code) => {
        const ws = await checkFiles({ 'x.govrule': fileWith(`rule r { category c severity minor responsible reviewer actions remove when ${condition} }\n`) });
        const codes = withCode(ws, 'x.govrule', code).length;
        expect([codes > 0, withCode(ws, 'x.govrule', 'unreachable-rule')]).toEqual([true, []]);
    });
});

describe('negation', () => {
    test('`not` of each comparison is its opposite', async () => {
        await expectVerdicts([
            ['not (reports == 5) and reports == 5', "'not (reports == 5)' and 'reports == 5' cannot both hold"],
            ['not (reports != 5) and reports != 5', "'not (reports != 5)' and 'reports != 5' cannot both hold"],
            ['not (reports < 5) and reports < 5', "'not (reports < 5)' and 'reports < 5' cannot both hold"],
            ['not (reports <= 5) and reports <= 5', "'not (reports <= 5)' and 'reports <= 5' cannot both hold"],
            ['not (reports > 5) and reports > 5', "'not (reports > 5)' and 'reports > 5' cannot both hold"],
            ['not (reports >= 5) and reports >= 5', "'not (reports >= 5)' and 'reports >= 5' cannot both hold"],
            ['not (reports in [1, 2]) and reports in [1, 2]', "'not (reports in [1, 2])' and 'reports in [1, 2]' cannot both hold"],
            ['not (reports not in [1, 2]) and reports not in [1, 2]', "'not (reports not in [1, 2])' and 'reports not in [1, 2]' cannot both hold"],
            ['not verified and verified', "'not verified' and 'verified' cannot both hold"],
            // The opposite, not its complement of the other side: each of these can hold.
            ['not (reports < 5) and reports > 5', null],
            ['not (reports <= 5) and reports >= 6', null],
            ['not (reports > 5) and reports < 5', null],
            ['not (reports >= 5) and reports <= 4', null],
            ['not (reports == 5) and reports != 4', null],
        ]);
    });

    test('`not` over `and` and `or` is pushed inward', async () => {
        await expectVerdicts([
            ['not (reports <= 5 or reports >= 3)', "'not (reports <= 5)' and 'not (reports >= 3)' cannot both hold"],
            ['not (reports > 5 and reports < 3)', null],
            ['not not (reports > 5 and reports < 3)', "'reports > 5' and 'reports < 3' cannot both hold"],
            ['not (not (reports > 5) or reports >= 3)', "'reports > 5' and 'not (reports >= 3)' cannot both hold"],
            ['not (verified or not verified)', "'not verified' and 'verified' cannot both hold"],
            // A comparison is quoted by its first 40 characters (docs/decisions.md, "Long names in messages").
            ['not (channel in [app, website, selfMedia])', "'not (channel in [app, website, selfMedia…' excludes every value of 'channel'"],
            ['not (channel not in [app])  and channel != app', "'not (channel not in [app])' and 'channel != app' cannot both hold"],
        ]);
    });
});

describe('what is named', () => {
    test('only the comparisons that contradict each other, in source order', async () => {
        // The first contradiction the search meets (it reads a conjunction from its end), reduced
        // to the comparisons it needs.
        await expectVerdicts([
            ['reports > 1 and channel == app and reports < 0 and reports > 5', "'reports < 0' and 'reports > 5' cannot both hold"],
            ['reports < 0 and verified and reports > 5 and reports > 1', "'reports < 0' and 'reports > 1' cannot both hold"],
            ['reports > 5 and reports < 0 and reports > 1 and reports < 9', "'reports < 0' and 'reports > 1' cannot both hold"],
            ['channel == app and reports >= 0 and channel == website and district == "x"', "'channel == app' and 'channel == website' cannot both hold"],
        ]);
    });

    test('comparisons are quoted as written, without their parentheses, spaces collapsed', async () => {
        await expectVerdicts([
            ['(reports > 5) and ((reports < 3))', "'reports > 5' and 'reports < 3' cannot both hold"],
            ['reports   >   5 and reports<3', "'reports > 5' and 'reports<3' cannot both hold"],
            ['(reports > 5) and not (reports > 4)', "'reports > 5' and 'not (reports > 4)' cannot both hold"],
            ['not ((verified)) and verified', "'not verified' and 'verified' cannot both hold"],
            ['( reports > 5 ) and reports < 3', "'reports > 5' and 'reports < 3' cannot both hold"],
            // Parentheses inside a text are not the comparison's.
            ['(district == ")") and district == "("', `'district == ")"' and 'district == "("' cannot both hold`],
            ['(district == "(a)") and (district in [")"])', `'district == "(a)"' and 'district in [")"]' cannot both hold`],
        ]);
    });

    test('several impossible alternatives: each is named once, the first three at most', async () => {
        const a = '(reports > 5 and reports < 3)';
        const b = '(channel == app and channel == website)';
        const c = '(verified and not verified)';
        const d = '(district == "x" and district == "y")';
        await expectVerdicts([
            [`${a} or ${a}`, "'reports > 5' and 'reports < 3' cannot both hold"],
            [`${a} or ${b} or ${c}`, "no alternative of its condition can hold ('reports > 5' and 'reports < 3' cannot both hold; "
                + "'channel == app' and 'channel == website' cannot both hold; 'verified' and 'not verified' cannot both hold)"],
            [`${a} or ${b} or ${c} or ${d}`, "no alternative of its condition can hold ('reports > 5' and 'reports < 3' cannot both hold; "
                + "'channel == app' and 'channel == website' cannot both hold; 'verified' and 'not verified' cannot both hold; …)"],
        ]);
    });
});

describe('the search budget', () => {
    test('a contradiction behind a few alternatives is found; behind thousands of them it is not claimed', async () => {
        // The contradiction comes first, so the search meets it last, on every combination of alternatives.
        const group = (i: number) => `(reports > ${i} or verified)`;
        const contradiction = 'channel == app and channel == website';
        const few = `${contradiction} and ${Array.from({ length: 3 }, (_, i) => group(i + 1)).join(' and ')}`;
        const many = `${contradiction} and ${Array.from({ length: 14 }, (_, i) => group(i + 1)).join(' and ')}`;
        const [fewVerdict, manyVerdict] = await verdicts([few, many]);
        expect(fewVerdict).toBe("'channel == app' and 'channel == website' cannot both hold");
        expect(manyVerdict).toBeNull();
    });
});

/** A package with `top { mid { leaf } }` and `other`, holding the rules. */
async function shadowMessages(rules: string): Promise<string[]> {
    const text = `package t.x\nimport demo.common.*\ncategory top { category mid { category leaf } }\ncategory other\n${rules}`;
    const ws = await checkFiles({ 'x.govrule': text });
    return withCode(ws, 'x.govrule', 'shadowed-rule').map(d => messageText(d.message));
}

const rule = (name: string, clauses: string) => `rule ${name} { responsible reviewer actions remove ${clauses} }\n`;

describe('shadowing', () => {
    test('of several shadowing rules at one priority, the higher severity, then the first id, is named', async () => {
        expect(await shadowMessages(
            rule('z', 'category top severity serious priority 2')
            + rule('y', 'category top severity critical priority 2 escalate { after 1h to cac }')
            + rule('n', 'category top.mid severity minor'))).toEqual([
            "Rule 'z' can never win: rule 'y' matches every event it matches and wins by severity (critical > serious)",
            "Rule 'n' can never win: rule 'y' matches every event it matches and wins by priority (2 > 0)",
        ]);
        expect(await shadowMessages(
            rule('q', 'category top severity serious priority 2')
            + rule('p', 'category top severity serious priority 2')
            + rule('n', 'category top.mid severity minor'))).toEqual([
            "Rule 'q' can never win: rule 'p' matches every event it matches and wins by coming first in the bundle (its id sorts first)",
            "Rule 'n' can never win: rule 'p' matches every event it matches and wins by priority (2 > 0)",
        ]);
    });

    test('different events, different steps of the order: every reason is given', async () => {
        const found = await shadowMessages(
            rule('a', 'category top, top.mid.leaf, other severity critical escalate { after 1h to cac }')
            + rule('b', 'category top, other severity minor'));
        expect(found).toEqual([
            "Rule 'b' can never win: rule 'a' matches every event it matches and wins by severity (critical > minor) or with a more specific category"]);
    });

    test('a later id at the same depth and severity does not shadow', async () => {
        expect(await shadowMessages(
            rule('a', 'category top severity minor when reports > 1')
            + rule('b', 'category top severity minor'))).toEqual([]);
    });

    test('in force on every day the other is: open ends and equal periods', async () => {
        expect(await shadowMessages(
            rule('a', 'category top severity minor priority 1 effective 2026-01-01 .. 2026-12-31')
            + rule('b', 'category top severity minor effective 2026-01-01 .. 2026-12-31')
            + rule('c', 'category other severity minor priority 1 effective 2026-01-01')
            + rule('d', 'category other severity minor effective 2026-03-01 .. 2027-12-31'))).toEqual([
            "Rule 'b' can never win: rule 'a' matches every event it matches and wins by priority (1 > 0)",
            "Rule 'd' can never win: rule 'c' matches every event it matches and wins by priority (1 > 0)",
        ]);
        expect(await shadowMessages(
            rule('a', 'category top severity minor priority 1 effective 2026-01-01 .. 2026-12-30')
            + rule('b', 'category top severity minor effective 2026-01-01 .. 2026-12-31'))).toEqual([]);
    });

    test('a condition that cannot fail on an attribute the other rule never reads is implied', async () => {
        expect(await shadowMessages(
            rule('a', 'category top severity minor priority 2 when channel in [website, app, selfMedia]')
            + rule('b', 'category top severity minor when reports > 1'))).toEqual([
            "Rule 'b' can never win: rule 'a' matches every event it matches and wins by priority (2 > 0)"]);
    });

    test('an attribute read only inside alternatives is read', async () => {
        expect(await shadowMessages(
            rule('a', 'category top severity minor priority 2 when channel == app')
            + rule('b', 'category top severity minor when (channel == app and reports > 1) or (channel == app and verified)')
            + rule('c', 'category other severity minor priority 2 when reports > 0')
            + rule('d', 'category other severity minor when (reports > 1 and verified) or not (reports <= 2 or verified)'))).toEqual([
            "Rule 'b' can never win: rule 'a' matches every event it matches and wins by priority (2 > 0)",
            "Rule 'd' can never win: rule 'c' matches every event it matches and wins by priority (2 > 0)",
        ]);
    });

    test('a category tree of 2,000 event categories is reasoned about; one more is not', async () => {
        // `big` and its 1,999 children are 2,000 categories an event of `b` may have.
        const children = Array.from({ length: 1999 }, (_, i) => `category k${i}`).join('\n');
        const text = `package t.x\nimport demo.common.*\ncategory big {\n${children}\n}\n`
            + rule('a', 'category big severity critical escalate { after 1h to cac }') + rule('b', 'category big severity minor');
        const ws = await checkFiles({ 'x.govrule': text });
        expect(withCode(ws, 'x.govrule', 'shadowed-rule').map(d => d.message)).toEqual([
            "Rule 'b' can never win: rule 'a' matches every event it matches and wins by severity (critical > minor)"]);
    });

    test('a category tree too large to enumerate is not reasoned about', async () => {
        const children = Array.from({ length: 2000 }, (_, i) => `category k${i}`).join('\n');
        const text = `package t.x\nimport demo.common.*\ncategory big {\n${children}\n}\ncategory small { category one }\n`
            + rule('a', 'category big severity critical escalate { after 1h to cac }') + rule('b', 'category big severity minor')
            + rule('c', 'category small severity critical') + rule('d', 'category small severity minor');
        const ws = await checkFiles({ 'x.govrule': text });
        expect(withCode(ws, 'x.govrule', 'shadowed-rule').map(d => d.message)).toEqual([
            "Rule 'd' can never win: rule 'c' matches every event it matches and wins by severity (critical > minor)"]);
    });
});
