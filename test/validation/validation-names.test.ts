/**
 * Names and declarations (LANGUAGE.md §3, §4, §10): duplicate-name, duplicate-attribute,
 * unresolved-import and severity-scale.
 */
import { describe, expect, test } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { rangeAt, rangeIn, rangeOf } from '../helpers/ranges.js';
import { allDiagnostics, checkBody, checkFiles, fileWith, ruleText, withCode } from '../helpers/validation.js';
import { VOCABULARY, workspace } from '../helpers/workspace.js';

describe('duplicate-name', () => {
    test('two declarations of one name in a file: reported at both, whatever their kinds', async () => {
        const body = 'post twin\naction twin\n' + ruleText({ clauses: { responsible: 'reviewer' } });
        const text = fileWith(body);
        const ws = await checkBody(body);
        const errors = withCode(ws, 'x.govrule', 'duplicate-name');
        expect(errors.map(e => e.range)).toEqual([rangeIn(text, 'post twin', 'twin'), rangeIn(text, 'action twin', 'twin')]);
        expect(errors.every(e => e.severity === DiagnosticSeverity.Error)).toBe(true);
        expect(errors[0].message).toBe("'t.x.twin' is declared more than once (also action in /ws/x.govrule:5)");
        expect(errors[1].message).toBe("'t.x.twin' is declared more than once (also post in /ws/x.govrule:4)");
    });

    test('a package spread over two files: reported in both files', async () => {
        const ws = await checkFiles({
            'x.govrule': fileWith('post shared\n' + ruleText({ clauses: { responsible: 'shared' } })),
            'y.govrule': 'package t.x\npost shared "again"\n',
        });
        const inX = withCode(ws, 'x.govrule', 'duplicate-name');
        const inY = withCode(ws, 'y.govrule', 'duplicate-name');
        expect(inX).toHaveLength(1);
        expect(inY).toHaveLength(1);
        expect(inX[0].message).toBe("'t.x.shared' is declared more than once (also post in /ws/y.govrule:2)");
        expect(inY[0].message).toBe("'t.x.shared' is declared more than once (also post in /ws/x.govrule:4)");
        expect(inY[0].range).toEqual(rangeOf('package t.x\npost shared "again"\n', 'shared'));
    });

    test('three declarations: each names the other two', async () => {
        const ws = await checkFiles({ 'x.govrule': 'package t.x\npost p\nauthority p\n', 'y.govrule': 'package t.x\ncategory p\n' });
        const messages = [...withCode(ws, 'x.govrule', 'duplicate-name'), ...withCode(ws, 'y.govrule', 'duplicate-name')].map(d => d.message);
        expect(messages).toEqual([
            "'t.x.p' is declared more than once (also authority in /ws/x.govrule:3, category in /ws/y.govrule:2)",
            "'t.x.p' is declared more than once (also post in /ws/x.govrule:2, category in /ws/y.govrule:2)",
            "'t.x.p' is declared more than once (also post in /ws/x.govrule:2, authority in /ws/x.govrule:3)",
        ]);
    });

    test('a severity level and a rule share the package namespace', async () => {
        const ws = await workspace({ 'a.govrule': 'package t.a\nseverities { low high }\ncategory c\npost p\naction x\nrule high { category c severity low responsible p actions x }\n' });
        expect(ws.codes('a.govrule').filter(c => c === 'duplicate-name')).toHaveLength(2);
    });

    test('nested categories with the same path', async () => {
        const nested = 'package t.n\ncategory top { category leaf }\ncategory top { category other }\n';
        const ws = await workspace({ 'n.govrule': nested });
        expect(withCode(ws, 'n.govrule', 'duplicate-name').map(d => d.range)).toEqual([rangeOf(nested, 'top'), rangeOf(nested, 'top', 1)]);
        const children = 'package t.c\ncategory top { category leaf category leaf }\n';
        const ws2 = await workspace({ 'c.govrule': children });
        expect(withCode(ws2, 'c.govrule', 'duplicate-name').map(d => d.message)).toEqual([
            "'t.c.top.leaf' is declared more than once (also category in /ws/c.govrule:2)",
            "'t.c.top.leaf' is declared more than once (also category in /ws/c.govrule:2)",
        ]);
    });

    test('parameters of an action and members of an enum must be distinct', async () => {
        const text = 'package t.x\naction a (d: duration, d: number)\nattribute e: enum { one, two, one }\n';
        const ws = await workspace({ 'x.govrule': text });
        const errors = withCode(ws, 'x.govrule', 'duplicate-name');
        expect(errors.map(e => [e.message, e.range])).toEqual([
            ["Parameter 'd' is declared twice", rangeAt(text, 'd: number', 1)],
            ["Enum member 'one' is declared twice", rangeOf(text, 'one', 1)],
        ]);
    });

    test('a nested category and a declaration of another package with the same qualified name', async () => {
        const a = 'package t.a\ncategory b { category c }\n';
        const ab = 'package t.a.b\npost c\n';
        const ws = await workspace({ 'a.govrule': a, 'ab.govrule': ab });
        expect(withCode(ws, 'a.govrule', 'duplicate-name').map(d => [d.range, d.message])).toEqual([
            [rangeAt(a, 'c }', 1), "'t.a.b.c' is declared more than once (also post in /ws/ab.govrule:2)"]]);
        expect(withCode(ws, 'ab.govrule', 'duplicate-name').map(d => d.range)).toEqual([rangeIn(ab, 'post c', 'c')]);
    });

    test('look-alikes: the same name in two packages, the same child name under two parents', async () => {
        const ws = await checkFiles({
            'x.govrule': fileWith(ruleText({ clauses: { category: 'c, a.leaf, b.leaf', responsible: 'reviewer' } }), 'post reviewer\ncategory a { category leaf }\ncategory b { category leaf }\n'),
        });
        expect(allDiagnostics(ws).filter(d => d.code === 'duplicate-name')).toEqual([]);
    });
});

describe('duplicate-attribute', () => {
    test('two attributes of one name in different packages: reported at both', async () => {
        const a = 'package t.a\nattribute level: number default 0\n';
        const b = 'package t.b\nattribute level: text default ""\n';
        const ws = await workspace({ 'common.govrule': VOCABULARY, 'a.govrule': a, 'b.govrule': b });
        const inA = withCode(ws, 'a.govrule', 'duplicate-attribute');
        const inB = withCode(ws, 'b.govrule', 'duplicate-attribute');
        expect(inA.map(d => [d.range, d.severity])).toEqual([[rangeOf(a, 'level'), DiagnosticSeverity.Error]]);
        expect(inB.map(d => d.range)).toEqual([rangeOf(b, 'level')]);
        expect(inA[0].message).toBe("Attribute name 'level' is used by t.b.level too; attribute names are event keys and must be unique in the bundle");
        expect(inB[0].message).toContain('t.a.level');
    });

    test('look-alike: an attribute and a post of one name in different packages', async () => {
        const ws = await workspace({ 'common.govrule': VOCABULARY, 'a.govrule': 'package t.a\npost channel\n' });
        expect(allDiagnostics(ws).filter(d => d.code === 'duplicate-attribute')).toEqual([]);
    });
});

describe('unresolved-import', () => {
    test('a package that does not exist', async () => {
        const head = 'import t.nowhere.*\n';
        const ws = await checkBody(ruleText(), head);
        const errors = withCode(ws, 'x.govrule', 'unresolved-import');
        expect(errors).toHaveLength(1);
        expect(errors[0]).toMatchObject({ severity: DiagnosticSeverity.Error, message: "No package 't.nowhere' in the workspace" });
        expect(errors[0].range).toEqual(rangeOf(fileWith(ruleText(), head), 't.nowhere.*'));
    });

    test('an element that its package does not have', async () => {
        const head = 'import demo.common.nobody\n';
        const ws = await checkBody(ruleText(), head);
        const errors = withCode(ws, 'x.govrule', 'unresolved-import');
        expect(errors.map(e => [e.message, e.range])).toEqual([["'demo.common.nobody' names no element of a package in the workspace", rangeOf(fileWith(ruleText(), head), 'demo.common.nobody')]]);
    });

    test('look-alikes: an existing package, an element, a nested category, a package with no declarations', async () => {
        const ws = await checkFiles({
            'cats.govrule': 'package t.cats\ncategory rumor { category enterprise }\n',
            'empty.govrule': 'package t.empty\n',
            'x.govrule': fileWith(ruleText({ clauses: { category: 'c, rumor.enterprise' } }), 'import demo.common.reviewer\nimport t.cats.rumor.enterprise\nimport t.cats.rumor\nimport t.empty.*\n'),
        });
        expect(allDiagnostics(ws).filter(d => d.code === 'unresolved-import')).toEqual([]);
    });
});

describe('severity-scale', () => {
    test('no scale: reported once, at the package of the first file', async () => {
        const a = 'package t.a\npost p\n';
        const ws = await workspace({ 'a.govrule': a, 'b.govrule': 'package t.b\npost q\n' });
        const errors = [...withCode(ws, 'a.govrule', 'severity-scale'), ...withCode(ws, 'b.govrule', 'severity-scale')];
        expect(errors.map(e => [e.range, e.severity])).toEqual([[rangeOf(a, 't.a'), DiagnosticSeverity.Error]]);
        expect(errors[0].message).toBe('The bundle has no severity scale; declare one with `severities { ... }`');
    });

    test('two scales: reported at each', async () => {
        const b = 'package t.b\nseverities { low high }\n';
        const ws = await workspace({ 'common.govrule': VOCABULARY, 'b.govrule': b });
        const inB = withCode(ws, 'b.govrule', 'severity-scale');
        expect(inB.map(d => [d.range, d.message])).toEqual([[rangeOf(b, 'severities'), 'The bundle has 2 severity scales; it must have exactly one']]);
        expect(withCode(ws, 'common.govrule', 'severity-scale')).toHaveLength(1);
    });

    test('fewer than two levels', async () => {
        const one = 'package t.a\nseverities { only }\n';
        const ws = await workspace({ 'a.govrule': one });
        expect(withCode(ws, 'a.govrule', 'severity-scale').map(d => [d.range, d.message])).toEqual([
            [rangeOf(one, 'severities'), 'A severity scale needs at least two levels (this one has 1)']]);
        const none = 'package t.a\nseverities { }\n';
        const ws0 = await workspace({ 'a.govrule': none });
        expect(withCode(ws0, 'a.govrule', 'severity-scale').map(d => d.message)).toEqual(['A severity scale needs at least two levels (this one has 0)']);
    });

    test('look-alike: one scale of two levels in one of several files', async () => {
        const ws = await workspace({ 'a.govrule': 'package t.a\nseverities { low high }\n', 'b.govrule': 'package t.b\npost q\n' });
        expect(allDiagnostics(ws).filter(d => d.code === 'severity-scale')).toEqual([]);
    });
});
