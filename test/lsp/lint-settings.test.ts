/**
 * The editor's `govrule.lint` setting, read by the language server (LANGUAGE.md §12): asked per
 * workspace folder with `workspace/configuration`, above govrule.json's `lint`, re-levelled and
 * republished when the setting changes. Over stdio, in a workspace of two folders.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { DiagnosticSeverity, type ConfigurationItem } from 'vscode-languageserver-protocol/node';
import { URI } from 'langium';
import { lintLevels } from '../../language/src/lsp/server/lint-settings.js';
import { LspClient, writeWorkspace } from '../helpers/lsp-client.js';
import { CATEGORIES, RULES, VOCAB } from './fixture.js';

const DUPLICATE = 'actions remove, rectify(deadline: 5d), remove';

let client: LspClient | undefined;

afterEach(async () => {
    await client?.stop();
    client = undefined;
});

/**
 * Folder `a`: the fixture with a repeated action, and a govrule.json making `duplicate-action` a
 * hint. Folder `b`: one more rule with a repeated action, and a govrule.json making it `info`,
 * with a key given twice (a `config-duplicate-key` lint).
 */
function twoFolders(): { a: string; b: string } {
    const root = writeWorkspace({
        'a/govrule.json': JSON.stringify({ lint: { 'duplicate-action': 'hint' } }),
        'a/common.govrule': VOCAB,
        'a/categories.govrule': CATEGORIES,
        'a/rules.govrule': RULES.replace('actions remove, rectify(deadline: 5d)', DUPLICATE),
        'b/govrule.json': '{ "lint": { "duplicate-action": "info" }, "lint": { "duplicate-action": "info" } }\n',
        'b/more.govrule': [
            'package demo.more',
            'import demo.common.*',
            'import demo.rules.*',
            '',
            'rule leakRule {',
            '    category leak',
            '    severity minor',
            '    responsible reviewer',
            `    ${DUPLICATE}`,
            '}',
            '',
        ].join('\n'),
    });
    return { a: path.join(root, 'a'), b: path.join(root, 'b') };
}

function fileUri(file: string): string {
    return pathToFileURL(file).href;
}

/** The severities of a file's diagnostics with a code, in order. */
function severities(c: LspClient, file: string, code: string): Array<DiagnosticSeverity | undefined> {
    return (c.published.get(fileUri(file)) ?? []).filter(d => d.code === code).map(d => d.severity);
}

/** Answers `govrule.lint` by folder (scopeUri), and nothing for other sections. */
function answering(levels: Map<string, Record<string, string>>): (item: ConfigurationItem) => unknown {
    return item => item.section === 'govrule.lint' ? levels.get(item.scopeUri ?? '') ?? {} : null;
}

describe('govrule.lint settings in the language server', () => {
    test('per folder, above govrule.json, re-levelled and republished when they change', async () => {
        const { a, b } = twoFolders();
        const levels = new Map<string, Record<string, string>>([[fileUri(a), { 'duplicate-action': 'error' }]]);
        client = await LspClient.start(path.dirname(a), { folders: [a, b], configuration: answering(levels) });
        const c = client;
        const rulesA = path.join(a, 'rules.govrule');
        const moreB = path.join(b, 'more.govrule');
        const configB = path.join(b, 'govrule.json');

        // The server asked once without a scope and once per folder.
        const asked = c.configurationItems.filter(item => item.section === 'govrule.lint').map(item => item.scopeUri);
        expect(asked.slice(0, 3)).toEqual([undefined, fileUri(a), fileUri(b)]);
        // The first build already has the setting: a's setting beats a's govrule.json (hint); b has no setting, so its govrule.json's info holds.
        await c.waitFor(() => severities(c, rulesA, 'duplicate-action').length === 1 && severities(c, moreB, 'duplicate-action').length === 1, 'duplicate-action in both folders');
        expect(severities(c, rulesA, 'duplicate-action')).toEqual([DiagnosticSeverity.Error]);
        expect(severities(c, moreB, 'duplicate-action')).toEqual([DiagnosticSeverity.Information]);
        await c.waitFor(() => severities(c, configB, 'config-duplicate-key').length === 1, 'config-duplicate-key in b/govrule.json');
        expect(severities(c, configB, 'config-duplicate-key')).toEqual([DiagnosticSeverity.Warning]);

        // a turns the lint off, b sets it and the govrule.json lint: both folders are republished.
        levels.set(fileUri(a), { 'duplicate-action': 'off' });
        levels.set(fileUri(b), { 'duplicate-action': 'warning', 'config-duplicate-key': 'error' });
        await c.configure({ govrule: { lint: {} } });
        await c.waitFor(() => severities(c, rulesA, 'duplicate-action').length === 0
            && severities(c, moreB, 'duplicate-action')[0] === DiagnosticSeverity.Warning
            && severities(c, configB, 'config-duplicate-key')[0] === DiagnosticSeverity.Error, 'the new levels');
        expect(severities(c, moreB, 'duplicate-action')).toEqual([DiagnosticSeverity.Warning]);

        // `inherit`, or a code left out, falls back to govrule.json; errors are never re-levelled.
        levels.set(fileUri(a), { 'duplicate-action': 'inherit', 'syntax': 'off' });
        levels.set(fileUri(b), {});
        await c.configure({ govrule: { lint: {} } });
        await c.waitFor(() => severities(c, rulesA, 'duplicate-action')[0] === DiagnosticSeverity.Hint
            && severities(c, moreB, 'duplicate-action')[0] === DiagnosticSeverity.Information
            && severities(c, configB, 'config-duplicate-key')[0] === DiagnosticSeverity.Warning, "govrule.json's levels again");
    });

    test('a folder added later is asked for its own settings', async () => {
        const { a, b } = twoFolders();
        const levels = new Map<string, Record<string, string>>([[fileUri(b), { 'duplicate-action': 'error' }]]);
        client = await LspClient.start(a, { configuration: answering(levels) });
        const c = client;
        await c.changeFolders([b], []);
        const moreB = path.join(b, 'more.govrule');
        await c.waitFor(() => severities(c, moreB, 'duplicate-action')[0] === DiagnosticSeverity.Error, "b's duplicate-action as an error");
        expect(c.configurationItems.some(item => item.section === 'govrule.lint' && item.scopeUri === fileUri(b))).toBe(true);
        expect(severities(c, path.join(a, 'rules.govrule'), 'duplicate-action')).toEqual([DiagnosticSeverity.Hint]);
    });

    test('a client that cannot be asked: the lint of the settings it pushes', async () => {
        const { a } = twoFolders();
        client = await LspClient.start(a);
        const c = client;
        const rulesA = path.join(a, 'rules.govrule');
        expect(c.configurationItems).toEqual([]);
        await c.waitFor(() => severities(c, rulesA, 'duplicate-action')[0] === DiagnosticSeverity.Hint, "govrule.json's hint");
        await c.configure({ govrule: { lint: { 'duplicate-action': 'warning' } } });
        await c.waitFor(() => severities(c, rulesA, 'duplicate-action')[0] === DiagnosticSeverity.Warning, 'the pushed warning');
    });
});

describe('lintLevels', () => {
    test('lint codes set to a level; errors, unknown codes, inherit and other values are left out', () => {
        const levels = lintLevels({ 'unused-declaration': 'off', 'shadowed-rule': 'inherit', 'duplicate-action': 'hint', 'syntax': 'off', 'unreachable-rule': 'loud', 'no-such-code': 'error', 'confusable-name': 3 });
        expect([...levels]).toEqual([['unused-declaration', 'off'], ['duplicate-action', 'hint']]);
        expect(lintLevels(undefined).size).toBe(0);
        expect(lintLevels(['error']).size).toBe(0);
        expect(lintLevels('error').size).toBe(0);
    });

    test('URIs of folders are compared as the server parses them', () => {
        expect(`${URI.parse(fileUri('/tmp/x y')).toString()}/`).toBe(`${URI.file('/tmp/x y').toString()}/`);
    });
});
