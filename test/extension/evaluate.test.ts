/**
 * The plain parts of "Evaluate…" and "Save as test" (extension/src/evaluate-text.ts): what the
 * decision view shows for the server's answers and failures, where a saved test goes in a file,
 * which files the picker offers. The server's side is tested over stdio in test/lsp/evaluate.test.ts.
 */
import { afterEach, describe, expect, test } from 'vitest';
import {
    appendedText, decisionPath, decisionView, eventText, fileChoices, hasTests, toTemplate
} from '../../extension/src/evaluate-text.js';
import { english, fromBundle, useTranslation } from '../../extension/src/l10n.js';
import { ResponseError } from 'vscode-languageserver';

afterEach(() => useTranslation(english));

describe('the decision view', () => {
    test('shows the server\'s Markdown as it is', () => {
        expect(decisionView({ ok: true, value: { markdown: '# Decision\n', decision: {} } })).toBe('# Decision\n');
    });

    test('an answer without Markdown is said to be one, never shown as an empty decision', () => {
        expect(decisionView({ ok: true, value: null })).toBe('The language server returned no decision.');
        expect(decisionView({ ok: true, value: { markdown: 3 } })).toBe('The language server returned no decision.');
    });

    test('a workspace with errors: how many, and the first, as the other commands word it', () => {
        const error = new ResponseError(-32803, 'Cannot compile: 1 error', {
            problems: [{ path: 'rules/a.govrule', line: 3, column: 5, code: 'unresolved-reference', message: "'x' is not declared" }],
        });
        expect(decisionView({ ok: false, error })).toBe("GovRule: 1 error in the rule files; fix it first. First: rules/a.govrule:3:5: 'x' is not declared");
    });

    test('a cancelled request says so, and in Chinese', () => {
        const cancelled = new ResponseError(-32800, 'cancelled');
        expect(decisionView({ ok: false, error: cancelled })).toBe('GovRule: the request was cancelled; edit the event to decide it again.');
        useTranslation(fromBundle({ 'GovRule: the request was cancelled; edit the event to decide it again.': 'GovRule：请求已取消，修改事件即可重新判定。' }));
        expect(decisionView({ ok: false, error: cancelled })).toBe('GovRule：请求已取消，修改事件即可重新判定。');
    });

    test('one view per event, named after its rule', () => {
        expect(decisionPath('demo.rules.enterpriseRumor', 1)).toBe('/enterpriseRumor.decision.md');
        expect(decisionPath('demo.rules.enterpriseRumor', 2)).toBe('/enterpriseRumor-2.decision.md');
        expect(decisionPath('chongqing.直播.带货一般违规', 1)).toBe('/带货一般违规.decision.md');
    });
});

describe('the event template', () => {
    test('the server\'s answer is checked before use', () => {
        const event = { category: 'a.b', attributes: { channel: 'app' }, date: '2026-06-01' };
        expect(toTemplate({ rule: 'a.r', event })).toEqual({ rule: 'a.r', event });
        expect(toTemplate({ rule: 'a.r' })).toBeUndefined();
        expect(toTemplate({ rule: 1, event })).toBeUndefined();
        expect(toTemplate(null)).toBeUndefined();
    });

    test('the event shows as indented JSON that parses back to itself', () => {
        const event = { category: 'a.b', attributes: { channel: 'app', reports: 4 }, date: '2026-06-01' };
        const text = eventText(event);
        expect(text).toBe('{\n    "category": "a.b",\n    "attributes": {\n        "channel": "app",\n        "reports": 4\n    },\n    "date": "2026-06-01"\n}\n');
        expect(JSON.parse(text)).toEqual(event);
    });
});

describe('Save as test', () => {
    const block = 'test "t" {\n    given a\n}\n';

    test('the block goes after a blank line at the end, whatever the file ends with', () => {
        expect(appendedText('', block)).toBe(block);
        expect(appendedText('package p\n', block)).toBe(`\n${block}`);
        expect(appendedText('package p', block)).toBe(`\n\n${block}`);
        expect(appendedText('package p\n\n', block)).toBe(block);
        // The file's text stays as it was: only text after its end is added.
        for (const text of ['package p\n', 'package p', 'package p\n\n']) {
            const after = text + appendedText(text, block);
            expect(after.startsWith(text)).toBe(true);
            expect(after).toMatch(/\n\ntest "t"/);
        }
    });

    test('test files are those with a test block; a word "test" elsewhere does not count', () => {
        expect(hasTests('package p\n\ntest "a" {\n}\n')).toBe(true);
        expect(hasTests('package p\n    test "indented" {}\n')).toBe(true);
        expect(hasTests('package p\n// test "commented"\nrule test {}\n')).toBe(false);
        expect(hasTests('package p\nrule r "a test" {}\n')).toBe(false);
    });

    test('the picker lists the test files by path, then "New file…"', () => {
        const choices = fileChoices([
            { uri: 'file:///w/tests/rumor.govrule', path: 'tests/rumor.govrule' },
            { uri: 'file:///w/tests/data.govrule', path: 'tests/data.govrule' },
        ]);
        expect(choices).toEqual([
            { label: 'tests/data.govrule', uri: 'file:///w/tests/data.govrule' },
            { label: 'tests/rumor.govrule', uri: 'file:///w/tests/rumor.govrule' },
            { label: 'New file…', description: 'a new .govrule file for this test' },
        ]);
        expect(fileChoices([])).toEqual([{ label: 'New file…', description: 'a new .govrule file for this test' }]);
    });
});
