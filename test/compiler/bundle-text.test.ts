/**
 * The bundle's text and order (§9), in process: one head key per line, one list element per
 * line, the streamed chunks equal to serializeBundle, and the same bytes whatever the order of the
 * files. Test blocks are compiled with their expectations, sorted by file and position.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { compileBundle, sourcePath } from '../../language/src/compiler/bundle.js';
import { serializeBundle } from '../../language/src/bundle/serialize.js';
import type { Bundle } from '../../language/src/bundle/types.js';
import { bundleOf, bundleTextOf, loadProject, type SourceFile } from '../../language/src/project/project.js';

const ROOT = path.join(os.tmpdir(), 'govrule-bundle-text');

const VOCAB = `package demo.common
severities { low high }
post reviewer
authority cac
action remove
action fine (amount: money, note: text?)
attribute channel: enum { web, app } default web
attribute reports: number default 0
`;

const RULES = `package t.rules
import demo.common.*
category c { category d }
rule b { category c severity high responsible reviewer actions fine(note: "x", amount: 5 CNY), remove
    escalate { after 30m to cac } when channel == app }
rule a { category c.d severity low responsible reviewer actions remove }
test "second in file" {
    given c.d { channel: app }
    on 2026-06-01
    expect rule b
}
test "first in file" { given c expect rule none }
`;

const MORE = `package t.more
import demo.common.*
import t.rules.*
test "another file" {
    given c { reports: 2 }
    expect actions fine, remove
    expect severity high
    expect responsible reviewer
    expect escalation to cac within 1h
    expect escalation to reviewer
}
`;

function sources(files: Record<string, string>): SourceFile[] {
    return Object.entries(files).map(([name, text]) => ({ path: path.join(ROOT, name), text }));
}

async function build(files: Record<string, string>) {
    const project = await loadProject(sources(files));
    const errors = project.diagnostics.flatMap(f => f.diagnostics.filter(d => d.severity === 1).map(d => d.message));
    expect(errors).toEqual([]);
    return { bundle: bundleOf(project, ROOT), text: [...bundleTextOf(project, ROOT)].join(''), project };
}

/** §9's layout written out: head keys on their own line, list elements one per line. */
function layout(bundle: Bundle): string {
    const lines = Object.entries(bundle).map(([key, value]) => {
        if (!Array.isArray(value) || key === 'packages') return `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`;
        if (value.length === 0) return `  ${JSON.stringify(key)}: []`;
        return `  ${JSON.stringify(key)}: [\n${value.map(v => `    ${JSON.stringify(v)}`).join(',\n')}\n  ]`;
    });
    return `{\n${lines.join(',\n')}\n}\n`;
}

describe('the text', () => {
    test('streamed chunks, serializeBundle and the layout of §9 are the same bytes', async () => {
        const { bundle, text } = await build({ 'common.govrule': VOCAB, 'rules/r.govrule': RULES, 'more.govrule': MORE });
        expect(text).toBe(layout(bundle));
        expect(serializeBundle(bundle)).toBe(text);
        expect(JSON.parse(text)).toEqual(bundle);
        expect(text.split('\n').slice(0, 5)).toEqual([
            '{',
            '  "format": "govrule-bundle",',
            '  "formatVersion": 2,',
            `  "compiler": ${JSON.stringify(bundle.compiler)},`,
            '  "packages": [{"id":"demo.common","files":["common.govrule"]},{"id":"t.more","files":["more.govrule"]},{"id":"t.rules","files":["rules/r.govrule"]}],',
        ]);
        // A list opens on its key's line; each element has a line of its own.
        expect(text).toContain('\n  "authorities": [\n    {"id":"demo.common.cac"');
        expect(text.endsWith('\n  ]\n}\n')).toBe(true);
    });

    test('empty lists are written as []', async () => {
        const { bundle, text } = await build({ 'common.govrule': 'package demo.common\nseverities { low high }\n' });
        expect(bundle.rules).toEqual([]);
        expect(text).toBe(layout(bundle));
        for (const key of ['posts', 'authorities', 'actions', 'attributes', 'categories', 'campaigns', 'rules', 'tests']) {
            expect(text).toContain(`\n  "${key}": []`);
        }
        expect(text).toContain('\n  "severities": [\n    {"id":"demo.common.low"');
        expect(serializeBundle(bundle)).toBe(text);
    });

    test('compileBundle gives the keys in the documented order', async () => {
        const { project } = await build({ 'common.govrule': VOCAB });
        const bundle = compileBundle({ root: ROOT, documents: project.documents, comments: project.services.documentation.CommentProvider });
        expect(Object.keys(bundle)).toEqual(['format', 'formatVersion', 'compiler', 'packages', 'severities', 'posts', 'authorities', 'actions', 'attributes', 'categories', 'campaigns', 'rules', 'tests']);
    });
});

describe('order', () => {
    test('the same bytes whatever the order of the files', async () => {
        const files = { 'common.govrule': VOCAB, 'rules/r.govrule': RULES, 'more.govrule': MORE, 'rules/extra.govrule': 'package t.rules\npost zed\npost alpha\n' };
        const baseline = (await build(files)).text;
        const entries = Object.entries(files);
        for (const order of [[...entries].reverse(), [entries[2], entries[0], entries[3], entries[1]]]) {
            expect((await build(Object.fromEntries(order))).text).toBe(baseline);
        }
        const bundle = JSON.parse(baseline) as Bundle;
        expect(bundle.packages.find(p => p.id === 't.rules')!.files).toEqual(['rules/extra.govrule', 'rules/r.govrule']);
        expect(bundle.posts.map(p => p.id)).toEqual(['demo.common.reviewer', 't.rules.alpha', 't.rules.zed']);
        expect(bundle.severities.map(s => [s.id, s.rank])).toEqual([['demo.common.low', 0], ['demo.common.high', 1]]);
        expect(bundle.rules.map(r => r.id)).toEqual(['t.rules.a', 't.rules.b']);
    });

    test('tests by file, then by position in the file', async () => {
        const { bundle } = await build({ 'common.govrule': VOCAB, 'z.govrule': RULES, 'more.govrule': MORE });
        expect(bundle.tests.map(t => [t.name, t.source.file, t.source.line])).toEqual([
            ['another file', 'more.govrule', 4],
            ['second in file', 'z.govrule', 7],
            ['first in file', 'z.govrule', 12],
        ]);
        const sameLine = RULES.replace('test "first in file"', 'test "x" { given c expect rule none } test "first in file"');
        const columns = (await build({ 'common.govrule': VOCAB, 'z.govrule': sameLine })).bundle.tests;
        expect(columns.map(t => [t.name, t.source.line, t.source.column])).toEqual([
            ['second in file', 7, 1], ['x', 12, 1], ['first in file', 12, 39],
        ]);
    });
});

describe('test blocks', () => {
    test('the event, the date and every kind of expectation', async () => {
        const { bundle } = await build({ 'common.govrule': VOCAB, 'rules/r.govrule': RULES, 'more.govrule': MORE });
        const [another, second, first] = bundle.tests;
        expect(another).toEqual({
            name: 'another file', doc: null, source: { file: 'more.govrule', line: 4, column: 1 },
            given: { category: 't.rules.c', attributes: { reports: 2 } },
            on: null,
            expect: {
                actions: ['demo.common.fine', 'demo.common.remove'],
                severity: 'demo.common.high',
                responsible: 'demo.common.reviewer',
                escalations: [
                    { to: 'demo.common.cac', within: { iso: 'PT1H', seconds: 3600 } },
                    { to: 'demo.common.reviewer', within: null },
                ],
            },
        });
        expect([second.given, second.on, second.expect]).toEqual([{ category: 't.rules.c.d', attributes: { channel: 'app' } }, '2026-06-01', { rule: 't.rules.b' }]);
        expect([first.given, first.expect]).toEqual([{ category: 't.rules.c', attributes: {} }, { rule: null }]);
    });

    test('a documented test carries its doc comment', async () => {
        const { bundle } = await build({ 'common.govrule': VOCAB, 'rules/r.govrule': RULES.replace('test "first in file"', '/** Why this test. */\ntest "first in file"') });
        expect(bundle.tests.map(t => t.doc)).toEqual([null, 'Why this test.']);
    });
});

describe('rule details', () => {
    test('arguments in the order of the parameters, whatever the order of the call', async () => {
        const { bundle } = await build({ 'common.govrule': VOCAB, 'rules/r.govrule': RULES });
        const b = bundle.rules.find(r => r.id === 't.rules.b')!;
        expect(b.actions).toEqual([
            { action: 'demo.common.fine', args: { amount: { amount: 5, currency: 'CNY' }, note: 'x' } },
            { action: 'demo.common.remove', args: {} },
        ]);
        expect(Object.keys(b.actions[0].args)).toEqual(['amount', 'note']);
        expect(b.escalation).toEqual([{ after: 'PT30M', afterSeconds: 1800, to: 'demo.common.cac', toKind: 'authority' }]);
        expect(b.label).toBeNull();
    });

    test('a rule with a label, and an escalation to a post', async () => {
        const text = RULES.replace('rule a {', 'rule a "标签" {').replace('actions remove }', 'actions remove escalate { after 1d to reviewer } }');
        const { bundle } = await build({ 'common.govrule': VOCAB, 'rules/r.govrule': text });
        const a = bundle.rules.find(r => r.id === 't.rules.a')!;
        expect(a.label).toBe('标签');
        expect(a.escalation).toEqual([{ after: 'P1D', afterSeconds: 86400, to: 'demo.common.reviewer', toKind: 'post' }]);
    });

    test('source paths are relative to the root and use /', () => {
        expect(sourcePath(ROOT, path.join(ROOT, 'a', 'b.govrule'))).toBe('a/b.govrule');
        expect(sourcePath(ROOT, path.join(ROOT, 'b.govrule'))).toBe('b.govrule');
    });
});
