/**
 * `test` blocks are checked like rules (LANGUAGE.md §7): names resolve to the right kind, given
 * values fit their attributes, and a test is complete enough to be run.
 */
import { describe, expect, test } from 'vitest';
import { rangeIn, rangeOf } from '../helpers/ranges.js';
import { allDiagnostics, checkFiles, fileWith, ruleText, withCode } from '../helpers/validation.js';

const RULE = ruleText({ name: 'r', clauses: { when: 'reports > 1' } });

async function check(tests: string) {
    const text = fileWith(`${RULE}${tests}`);
    const ws = await checkFiles({ 'x.govrule': text });
    return { text, ws, codes: (code: string) => withCode(ws, 'x.govrule', code) };
}

describe('test blocks', () => {
    test('a complete test raises nothing', async () => {
        const { ws } = await check(`
test "ok" {
    given c { channel: app, reports: 3, verified: true, district: "渝中区" }
    on 2026-06-01
    expect rule r
    expect severity minor
    expect responsible reviewer
    expect actions remove
    expect escalation to editor within 2h
    expect escalation to cac
}
test "nothing matches" { given c { channel: app } expect rule none }
`);
        expect(allDiagnostics(ws)).toEqual([]);
    });

    test('an unknown attribute, rule or category is an unresolved reference with a suggestion', async () => {
        const { text, codes } = await check(`
test "t" {
    given cc { channel: app, reprots: 3 }
    expect rule rr
}
`);
        const found = codes('unresolved-reference');
        expect(found.map(d => d.range)).toEqual([rangeOf(text, 'cc'), rangeOf(text, 'reprots'), rangeOf(text, 'rr')]);
        expect(found[1].message).toContain("'reprots'");
        expect(found[1].message).toContain('reports');
    });

    test('a name of the wrong kind', async () => {
        const { text, codes } = await check('test "t" { given c { channel: app } expect rule reviewer expect responsible cac }\n');
        expect(codes('wrong-kind').map(d => d.range)).toEqual([rangeIn(text, 'expect rule', 'reviewer'), rangeOf(text, 'cac')]);
    });

    test('a given value of the wrong type', async () => {
        const { text, codes } = await check('test "t" { given c { channel: "app", reports: "3", verified: 1 } expect rule none }\n');
        expect(codes('type-mismatch').map(d => d.range)).toEqual([rangeOf(text, '"app"'), rangeOf(text, '"3"'), rangeOf(text, '1 }')].map(
            (r, i) => i === 2 ? { start: r.start, end: { line: r.start.line, character: r.start.character + 1 } } : r));
    });

    test('a test without given, and one that expects nothing', async () => {
        const { text, codes } = await check('test "no event" { expect rule none }\ntest "no expectation" { given c { channel: app } }\n');
        expect(codes('missing-clause').map(d => [d.message, d.range])).toEqual([
            ['Test "no event" has no \'given\': write the event, such as `given category { attribute: value }`', rangeOf(text, '"no event"')],
            ['Test "no expectation" expects nothing: add `expect rule name` (or `expect rule none`) or another expectation', rangeOf(text, '"no expectation"')],
        ]);
    });

    test('a required attribute missing from the event is named', async () => {
        const { text, codes } = await check('test "t" { given c { reports: 2 } expect rule none }\n');
        expect(codes('missing-clause').map(d => [d.message, d.range])).toEqual([[
            "The event gives no value for 'channel' (an enum (website, app, selfMedia)), which has no default; every event must give it, e.g. { channel: … }",
            rangeIn(text, 'test "t"', 'given')]]);
    });

    test('an item given twice', async () => {
        const { text, codes } = await check(`
test "t" {
    given c { channel: app, channel: website }
    on 2026-01-01
    on 2026-01-02
    expect rule r
    expect rule none
    expect escalation to cac
    expect escalation to cac within 1d
}
`);
        expect(codes('duplicate-clause').map(d => [d.message, d.range.start.line]).sort((a, b) => Number(a[1]) - Number(b[1]))).toEqual([
            ["Attribute 'channel' is given more than once", rangeIn(text, 'given', 'channel: website').start.line],
            ['Test "t" has more than one \'on\'', rangeOf(text, 'on 2026-01-02').start.line],
            ['Test "t" has more than one \'expect rule\'', rangeOf(text, 'expect rule none').start.line],
            ['Test "t" already expects an escalation to \'cac\'', rangeOf(text, 'cac within').start.line],
        ]);
    });

    test('two tests of one name in a package, at both; the same name in another package is fine', async () => {
        const text = fileWith(`${RULE}test "same" { given c { channel: app } expect rule r }\ntest "same" { given c { channel: app } expect rule r }\n`);
        const ws = await checkFiles({
            'x.govrule': text,
            'y.govrule': 'package t.y\nimport t.x.*\ntest "same" { given c { channel: app } expect rule r }\n',
        });
        expect(withCode(ws, 'x.govrule', 'duplicate-name').map(d => d.range)).toEqual([rangeOf(text, '"same"', 0), rangeOf(text, '"same"', 1)]);
        expect(withCode(ws, 'y.govrule', 'duplicate-name')).toEqual([]);
    });

    test('an impossible date in on', async () => {
        const { text, codes } = await check('test "t" { given c { channel: app } on 2026-02-30 expect rule none }\n');
        expect(codes('invalid-literal').map(d => d.range)).toEqual([rangeOf(text, '2026-02-30')]);
    });
});
