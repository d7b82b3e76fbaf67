/**
 * Lints (the warnings of LANGUAGE.md §10) about declarations and rule lists: unused-declaration,
 * uncovered-category, duplicate-action. (Escalation lints are in validation-escalation.)
 */
import { describe, expect, test } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { rangeAt, rangeIn, rangeOf } from '../helpers/ranges.js';
import { allDiagnostics, checkBody, checkFiles, fileWith, ruleText, withCode } from '../helpers/validation.js';

describe('unused-declaration', () => {
    test.each([
        ['post idle', 'idle', "Post 'idle' is never used"],
        ['authority idle "外部"', 'idle', "Authority 'idle' is never used"],
        ['action idle (d: duration)', 'idle', "Action 'idle' is never used"],
        ['attribute idle: number default 0', 'idle', "Attribute 'idle' is never used"],
    ])('%s: a warning at its name', async (declaration, name, message) => {
        const body = `${declaration}\n${ruleText()}`;
        const ws = await checkBody(body);
        expect(withCode(ws, 'x.govrule', 'unused-declaration').map(d => [d.range, d.severity, d.message])).toEqual([
            [rangeIn(fileWith(body), declaration, name), DiagnosticSeverity.Warning, message]]);
    });

    test('look-alikes: used from another file, by a qualified name, only in an escalation, a condition or a disabled rule', async () => {
        const ws = await checkFiles({
            'decl.govrule': 'package t.decl\npost p1\npost p2\nauthority a1\naction act\nattribute flag: boolean default false\n',
            'x.govrule': fileWith(
                ruleText({ clauses: { responsible: 't.decl.p1', escalate: 'after 1h to p2 after 2h to a1', when: 'flag' } })
                + ruleText({ name: 'off', clauses: { actions: 'act', disabled: '' } }),
                'import t.decl.*\n'),
        });
        expect(allDiagnostics(ws).filter(d => d.code === 'unused-declaration')).toEqual([]);
    });

    test('categories, severity levels and rules are never reported as unused', async () => {
        const ws = await checkFiles({ 'x.govrule': 'package t.x\ncategory lonely\n' });
        expect(allDiagnostics(ws).filter(d => d.code === 'unused-declaration')).toEqual([]);
    });
});

describe('uncovered-category', () => {
    test('a leaf that no rule covers: a warning at its name', async () => {
        const text = 'package t.x\ncategory top {\n    category done\n    category open "待覆盖"\n}\n';
        const ws = await checkFiles({ 'x.govrule': text, 'r.govrule': fileWith(ruleText({ clauses: { category: 't.x.top.done, c' } })).replace('t.x', 't.r') });
        expect(withCode(ws, 'x.govrule', 'uncovered-category').map(d => [d.range, d.severity, d.message])).toEqual([
            [rangeOf(text, 'open'), DiagnosticSeverity.Warning, "No enabled rule covers category 't.x.top.open'"]]);
    });

    test('a leaf covered only by a disabled rule', async () => {
        const body = ruleText({ clauses: { disabled: '' } });
        const ws = await checkBody(body);
        expect(withCode(ws, 'x.govrule', 'uncovered-category').map(d => d.range)).toEqual([rangeAt(fileWith(body), 'c\nrule', 1)]);
    });

    test('look-alikes: a rule on an ancestor covers every leaf below it; inner categories are not reported', async () => {
        const ws = await checkBody(ruleText({ clauses: { category: 'top' } }), 'category top { category mid { category leaf1 category leaf2 } category leaf3 }\n');
        // Only `c`, which no rule names, is uncovered.
        expect(allDiagnostics(ws).filter(d => d.code === 'uncovered-category').map(d => d.message)).toEqual(["No enabled rule covers category 't.x.c'"]);
    });
});

describe('duplicate-action', () => {
    test('the same action twice in one rule: a warning at the second call', async () => {
        const body = ruleText({ clauses: { actions: 'remove, rectify(deadline: 1d), remove' } });
        const ws = await checkBody(body);
        expect(withCode(ws, 'x.govrule', 'duplicate-action').map(d => [d.range, d.severity, d.message])).toEqual([
            [rangeOf(fileWith(body), 'remove', 1), DiagnosticSeverity.Warning, "Action 'remove' is listed more than once in this rule"]]);
    });

    test('with different arguments it is still listed twice', async () => {
        const body = ruleText({ clauses: { actions: 'rectify(deadline: 1d), rectify(deadline: 2d)' } });
        const ws = await checkBody(body);
        const text = fileWith(body);
        const start = rangeOf(text, 'rectify', 1).start;
        expect(withCode(ws, 'x.govrule', 'duplicate-action').map(d => d.range)).toEqual([
            { start, end: { line: start.line, character: start.character + 'rectify(deadline: 2d)'.length } }]);
    });

    test('look-alike: the same action in two rules, and different actions in one', async () => {
        const ws = await checkBody(ruleText({ clauses: { actions: 'remove, rectify(deadline: 1d)' } }) + ruleText({ name: 'r2', clauses: { actions: 'remove' } }));
        expect(allDiagnostics(ws).filter(d => d.code === 'duplicate-action')).toEqual([]);
    });
});
