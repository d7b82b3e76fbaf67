/**
 * The parts of the extension that do not need VS Code: how settings reach the server, and how
 * the answer of `govrule.compile` becomes a file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { describeBundle, toOutcome } from '../../extension/src/bundle-result.js';
import { toServerConfigurationItem, toServerSettings } from '../../extension/src/settings.js';
import { describeRun, EXAMPLES, runCli } from '../helpers/cli.js';
import { tempFolder } from '../helpers/temp.js';

describe('settings for the server', () => {
    const section = {
        trace: { server: 'off' },
        inlayHints: { labels: false },
        lint: { 'unused-declaration': 'off', 'shadowed-rule': 'inherit', 'duplicate-action': 'error', 'uncovered-category': 'inherit' },
    };

    test('inherited lint levels are dropped; the rest is kept as set', () => {
        expect(toServerSettings(section)).toEqual({
            trace: { server: 'off' },
            inlayHints: { labels: false },
            lint: { 'duplicate-action': 'error', 'unused-declaration': 'off' },
        });
        expect(Object.keys((toServerSettings(section) as { lint: object }).lint)).toEqual(['duplicate-action', 'unused-declaration']);
    });

    test('pulled configuration items: the section, its lint sub-section, others untouched', () => {
        expect(toServerConfigurationItem('govrule', section)).toEqual(toServerSettings(section));
        expect(toServerConfigurationItem('govrule.lint', section.lint)).toEqual({ 'duplicate-action': 'error', 'unused-declaration': 'off' });
        expect(toServerConfigurationItem('editor', { tabSize: 4 })).toEqual({ tabSize: 4 });
        expect(toServerConfigurationItem('govrule', null)).toBeNull();
    });
});

describe('the answer of govrule.compile', () => {
    test('a bundle is written byte for byte as `govrule compile` writes it', () => {
        const dir = tempFolder();
        const out = path.join(dir, 'bundle.json');
        const result = runCli(['compile', EXAMPLES, '-o', out]);
        expect(result.status, describeRun(result)).toBe(0);
        const text = fs.readFileSync(out, 'utf8');
        const outcome = toOutcome(JSON.parse(text));
        expect(outcome.ok).toBe(true);
        if (outcome.ok) {
            expect(outcome.text).toBe(text);
            expect(describeBundle(outcome.bundle)).toMatch(/^49 rules, \d+ categories, \d+ tests?$/);
        }
    });

    test('anything but a bundle is a failure with a message', () => {
        expect(toOutcome(undefined)).toEqual({ ok: false, message: 'The language server returned no bundle.' });
        expect(toOutcome({ format: 'other' }).ok).toBe(false);
        expect(toOutcome({ message: 'Cannot compile: 2 errors' })).toEqual({ ok: false, message: 'Cannot compile: 2 errors' });
    });
});
