/**
 * Rules (LANGUAGE.md §5, §10): duplicate-clause, missing-clause, action-arguments, effective-range.
 */
import { describe, expect, test } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { rangeIn, rangeOf } from '../helpers/ranges.js';
import { allDiagnostics, checkBody, fileWith, ruleText, withCode } from '../helpers/validation.js';

describe('duplicate-clause', () => {
    test.each(['severity minor', 'responsible editor', 'when verified', 'basis "x"', 'priority 2', 'effective 2026-01-01', 'disabled', 'escalate { after 1h to cac }'])(
        'a second `%s` is reported at its keyword', async clause => {
            const keyword = clause.split(' ')[0];
            const body = ruleText({ clauses: { [keyword]: keyword === 'escalate' ? 'after 2h to cac' : clause.slice(keyword.length + 1) || '' } })
                .replace(/}\n$/, `    ${clause}\n}\n`);
            const text = fileWith(body);
            const ws = await checkBody(body);
            const errors = withCode(ws, 'x.govrule', 'duplicate-clause');
            const occurrences = text.split(`\n    ${keyword}`).length - 1;
            expect(occurrences).toBe(2);
            expect(errors.map(e => [e.range, e.severity, e.message])).toEqual([
                [clauseKeyword(text, keyword, 1), DiagnosticSeverity.Error, `Rule 'r' has more than one '${keyword}' clause`]]);
        });

    test('look-alike: every clause once, in any order', async () => {
        const body = `rule r {
    disabled
    effective 2026-01-01 .. 2026-02-01
    priority 1
    basis "a", "b"
    escalate { after 1h to cac }
    when verified
    actions remove
    responsible reviewer
    severity minor
    category c
}
`;
        const ws = await checkBody(body);
        expect(allDiagnostics(ws).filter(d => d.code === 'duplicate-clause')).toEqual([]);
    });
});

/** The range of the `occurrence`-th clause keyword at the start of a rule line. */
function clauseKeyword(text: string, keyword: string, occurrence: number) {
    const { start } = rangeOf(text, `\n    ${keyword}`, occurrence);
    const line = start.line + 1;
    return { start: { line, character: 4 }, end: { line, character: 4 + keyword.length } };
}

describe('missing-clause', () => {
    test.each(['category', 'severity', 'responsible', 'actions'] as const)('a rule without `%s` is reported at its name', async clause => {
        const body = ruleText({ name: 'incomplete', clauses: { [clause]: null } });
        const text = fileWith(body);
        const ws = await checkBody(body);
        const errors = withCode(ws, 'x.govrule', 'missing-clause');
        expect(errors.map(e => [e.range, e.severity, e.message, e.data])).toEqual([
            [rangeOf(text, 'incomplete'), DiagnosticSeverity.Error, `Rule 'incomplete' has no '${clause}' clause`, { clause }]]);
    });

    test('an empty rule lacks all four', async () => {
        const ws = await checkBody('rule empty { }\n');
        expect(withCode(ws, 'x.govrule', 'missing-clause').map(e => e.message)).toEqual([
            "Rule 'empty' has no 'category' clause", "Rule 'empty' has no 'severity' clause",
            "Rule 'empty' has no 'responsible' clause", "Rule 'empty' has no 'actions' clause"]);
    });

    test('look-alike: the optional clauses may all be absent', async () => {
        const ws = await checkBody(ruleText());
        expect(allDiagnostics(ws).filter(d => d.code === 'missing-clause')).toEqual([]);
    });
});

describe('action-arguments', () => {
    async function callErrors(actions: string) {
        const body = ruleText({ clauses: { actions } });
        const text = fileWith(body);
        const ws = await checkBody(body);
        return { text, errors: withCode(ws, 'x.govrule', 'action-arguments') };
    }

    test('a missing required argument, at the action, with a template to write', async () => {
        const { text, errors } = await callErrors('fine(note: "n")');
        expect(errors.map(e => [e.range, e.severity, e.message, e.data])).toEqual([[
            rangeIn(text, 'actions', 'fine'), DiagnosticSeverity.Error,
            "Action 'fine' needs argument amount: money; write fine(amount: 100000 CNY)", { missing: ['amount'] }]]);
    });

    test('an action with required parameters written without parentheses', async () => {
        const { text, errors } = await callErrors('rectify');
        expect(errors.map(e => [e.range, e.message])).toEqual([[rangeIn(text, 'actions', 'rectify'), "Action 'rectify' needs argument deadline: duration; write rectify(deadline: 5d)"]]);
        const empty = await callErrors('rectify()');
        expect(empty.errors.map(e => e.message)).toEqual(["Action 'rectify' needs argument deadline: duration; write rectify(deadline: 5d)"]);
    });

    test('a repeated argument, at the second one', async () => {
        const { text, errors } = await callErrors('rectify(deadline: 1d, deadline: 2d)');
        expect(errors.map(e => [e.range, e.message])).toEqual([[rangeOf(text, 'deadline', 1), "Argument 'deadline' is given more than once"]]);
    });

    test.each([
        ['rectify(deadline: 5)', '5', "Argument 'deadline' of action 'rectify' takes a duration (such as 5d), not a number"],
        ['fine(amount: 100)', '100', "Argument 'amount' of action 'fine' takes a money (such as 100000 CNY), not a number"],
        ['fine(amount: 1 CNY, note: 3d)', '3d', "Argument 'note' of action 'fine' takes a text (such as \"…\"), not a duration"],
        ['fine(amount: "100 CNY")', '"100 CNY"', "Argument 'amount' of action 'fine' takes a money (such as 100000 CNY), not a text"],
        ['rectify(deadline: true)', 'true', "Argument 'deadline' of action 'rectify' takes a duration (such as 5d), not a boolean"],
    ])('a mistyped argument %s, at its value', async (actions, value, message) => {
        const { text, errors } = await callErrors(actions);
        expect(errors.map(e => [e.range, e.message])).toEqual([[rangeIn(text, 'actions', value), message]]);
    });

    test('look-alikes: optional arguments left out, arguments in any order, every type', async () => {
        const body = 'action all (d: duration, m: money, n: number, t: text, b: boolean, o: text?)\n'
            + ruleText({ clauses: { actions: 'remove, fine(amount: 12.5 CNY), fine(note: "x", amount: 1 EUR), rectify(deadline: 1w), all(b: false, t: "t", n: 2.5, m: 3 USD, d: 30m)' } });
        const ws = await checkBody(body);
        expect(allDiagnostics(ws).filter(d => d.code === 'action-arguments')).toEqual([]);
    });
});

describe('effective-range', () => {
    test('an end before the start, at the end date', async () => {
        const body = ruleText({ clauses: { effective: '2026-12-31 .. 2026-03-01' } });
        const text = fileWith(body);
        const ws = await checkBody(body);
        expect(withCode(ws, 'x.govrule', 'effective-range').map(e => [e.range, e.severity, e.message])).toEqual([
            [rangeOf(text, '2026-03-01'), DiagnosticSeverity.Error, 'The rule ends (2026-03-01) before it starts (2026-12-31)']]);
    });

    test('look-alikes: one day, an open end, a range across years', async () => {
        for (const effective of ['2026-03-01 .. 2026-03-01', '2026-03-01', '2025-12-31 .. 2026-01-01']) {
            const ws = await checkBody(ruleText({ clauses: { effective } }));
            expect(allDiagnostics(ws).filter(d => d.code === 'effective-range')).toEqual([]);
        }
    });
});
