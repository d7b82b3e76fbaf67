/**
 * Diagnostics through the real server: published for every file after `initialized`, with codes
 * and documentation links, and kept up to date as files change in the editor and on disk.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { FileChangeType, LspClient, writeFile, writeWorkspace } from '../helpers/lsp-client.js';
import { CATEGORIES, RULES, VOCAB, fixtureWorkspace } from './fixture.js';

/** The server links to the docs shipped beside its bundle (out/../docs), which are these. */
const DOCS = pathToFileURL(path.resolve(__dirname, '..', '..', 'docs', 'diagnostics.md')).href;
let client: LspClient | undefined;

afterEach(async () => {
    await client?.stop();
    client = undefined;
});

async function start(extra: Record<string, string> = {}, remove: string[] = []): Promise<LspClient> {
    const root = fixtureWorkspace(extra);
    remove.forEach(f => fs.rmSync(`${root}/${f}`));
    client = await LspClient.start(root);
    return client;
}

describe('after initialized', () => {
    test('every file of the workspace has diagnostics, each with a code and a link to its documentation', async () => {
        const c = await start({
            'rules/broken.govrule': 'package demo.rules\nimport demo.common.*\n\nrule broken {\n    category leak\n    severity huge\n    responsible cac\n}\n',
        });
        for (const file of ['common/vocab.govrule', 'rules/categories.govrule', 'rules/rules.govrule', 'rules/broken.govrule']) {
            expect(c.published.has(c.uri(file)), file).toBe(true);
        }
        expect(c.codes('rules/broken.govrule')).toEqual(['missing-clause 4:6', 'unresolved-reference 6:14', 'wrong-kind 7:17']);
        for (const d of c.diagnostics('rules/broken.govrule')) {
            expect(d.codeDescription?.href).toBe(`${DOCS}#${String(d.code)}`);
            expect(d.source).toBe('govrule');
        }
        const unresolved = c.diagnostics('rules/broken.govrule').find(d => d.code === 'unresolved-reference')!;
        expect(unresolved.message).toContain("'huge'");
        expect(unresolved.range).toEqual({ start: { line: 5, character: 13 }, end: { line: 5, character: 17 } });
        expect(c.diagnostics('common/vocab.govrule')).toEqual([]);
    });

    test('files that govrule.json does not include are not part of the workspace', async () => {
        const c = await start({
            'govrule.json': '{ "include": ["common/**/*.govrule", "rules/**/*.govrule"] }',
            // Would be a duplicate-name error if it were loaded.
            'drafts/old.govrule': 'package demo.common\npost reviewer\n',
        });
        expect(c.published.has(c.uri('drafts/old.govrule'))).toBe(false);
        expect(c.diagnostics('common/vocab.govrule')).toEqual([]);
    });

    test('a file with a byte-order mark reads as the CLI reads it', async () => {
        const c = await start({ 'rules/bom.govrule': '\uFEFFpackage demo.rules\n' });
        expect(c.diagnostics('rules/bom.govrule')).toEqual([]);
    });

    test('problems in govrule.json are diagnostics of govrule.json', async () => {
        const c = await start({ 'govrule.json': '{\n  "include": ["**/*.govrule"],\n  "lints": {}\n}\n' });
        await c.waitFor(() => c.diagnostics('govrule.json').length > 0, 'govrule.json diagnostics');
        const [problem] = c.diagnostics('govrule.json');
        expect(problem.code).toBe('config');
        expect(problem.message).toContain("Unknown setting 'lints'");
        expect(problem.range.start).toEqual({ line: 2, character: 2 });
        expect(problem.codeDescription?.href).toBe(`${DOCS}#config`);
    });
});

describe('editing', () => {
    test('editing one file updates the diagnostics of a file that imports it', async () => {
        const c = await start();
        await c.change('common/vocab.govrule', VOCAB.replace('post reviewer ', 'post reviewer2'));
        await c.settle();
        expect(c.codes('rules/rules.govrule')).toEqual(['unresolved-reference 9:17']);
        expect(c.diagnostics('rules/rules.govrule')[0].message).toContain("did you mean 'reviewer2'");
        await c.change('common/vocab.govrule', VOCAB);
        await c.settle();
        expect(c.codes('rules/rules.govrule')).toEqual([]);
    });

    test('edits that keep the exported names still update the files that use what changed', async () => {
        const c = await start();
        // A parameter, an enum value and an attribute type: no declaration is added or removed.
        await c.change('common/vocab.govrule', VOCAB.replace('(deadline: duration)', '(period: duration)').replace('selfMedia }', 'weMedia }'));
        await c.settle();
        expect(c.codes('rules/rules.govrule')).toEqual(['unresolved-reference 8:21', 'action-arguments 10:21', 'action-arguments 10:29']);
        await c.change('common/vocab.govrule', VOCAB.replace('attribute reports: number default 0', 'attribute reports: text default ""'));
        await c.settle();
        expect(c.codes('rules/rules.govrule')).toEqual(['type-mismatch 8:43']);
        await c.change('common/vocab.govrule', VOCAB);
        await c.settle();
        expect(c.codes('rules/rules.govrule')).toEqual([]);
    });

    test('workspace lints follow uses in other files', async () => {
        const c = await start();
        await c.change('common/vocab.govrule', `${VOCAB}post auditor "审计员"\n`);
        await c.settle();
        expect(c.codes('common/vocab.govrule')).toEqual(['unused-declaration 26:6']);
        await c.change('rules/rules.govrule', RULES.replace('responsible editor', 'responsible auditor'));
        await c.settle();
        // Now `editor` is only an escalation target; `auditor` is used.
        expect(c.codes('common/vocab.govrule')).toEqual([]);
    });

    test('a duplicate name across files is reported in both, and goes away with either', async () => {
        const c = await start();
        await c.change('rules/rules.govrule', `${RULES}\ncategory leak "重复"\n`);
        await c.settle();
        expect(c.codes('rules/categories.govrule')).toContain('duplicate-name 8:10');
        expect(c.codes('rules/rules.govrule')).toContain('duplicate-name 34:10');
        await c.change('rules/rules.govrule', RULES);
        await c.settle();
        expect(c.codes('rules/categories.govrule')).toEqual([]);
    });

    test('closing an edited document falls back to the file on disk', async () => {
        const c = await start();
        await c.change('rules/rules.govrule', 'package demo.rules\nrule {');
        await c.settle();
        expect(c.codes('rules/rules.govrule')).toContain('syntax 2:6');
        await c.close('rules/rules.govrule');
        await c.settle();
        expect(c.codes('rules/rules.govrule')).toEqual([]);
    });
});

describe('changes on disk', () => {
    test('deleting a file turns its names into unresolved references elsewhere', async () => {
        const c = await start();
        fs.rmSync(c.path('rules/categories.govrule'));
        await c.watched([{ file: 'rules/categories.govrule', type: FileChangeType.Deleted }]);
        await c.settle();
        expect(c.codes('rules/rules.govrule')).toEqual(['unresolved-reference 6:14', 'unresolved-reference 18:14', 'unresolved-reference 26:14']);
        expect(c.diagnostics('rules/categories.govrule')).toEqual([]);
    });

    test('deleting a folder removes its files', async () => {
        const c = await start();
        fs.rmSync(c.path('common'), { recursive: true });
        await c.watched([{ file: 'common', type: FileChangeType.Deleted }]);
        await c.settle();
        expect(c.codes('rules/rules.govrule')).toContain('unresolved-reference 9:17');
        expect(c.codes('rules/categories.govrule')).toEqual(['severity-scale 1:9', 'unresolved-import 2:8']);
    });

    test('a created file joins the workspace', async () => {
        const c = await start({}, ['rules/categories.govrule']);
        expect(c.codes('rules/rules.govrule')).toHaveLength(3);
        writeFile(c.root, 'rules/categories.govrule', CATEGORIES);
        await c.watched([{ file: 'rules/categories.govrule', type: FileChangeType.Created }]);
        await c.settle();
        expect(c.codes('rules/rules.govrule')).toEqual([]);
        expect(c.published.has(c.uri('rules/categories.govrule'))).toBe(true);
    });

    test('a file renamed on disk keeps working under its new name', async () => {
        const c = await start();
        fs.renameSync(c.path('rules/categories.govrule'), c.path('rules/tree.govrule'));
        await c.watched([
            { file: 'rules/categories.govrule', type: FileChangeType.Deleted },
            { file: 'rules/tree.govrule', type: FileChangeType.Created },
        ]);
        await c.settle();
        expect(c.codes('rules/rules.govrule')).toEqual([]);
        expect(c.published.get(c.uri('rules/categories.govrule'))).toEqual([]);
        expect(c.published.has(c.uri('rules/tree.govrule'))).toBe(true);
    });

    test('a file changed on disk is re-read', async () => {
        const c = await start();
        writeFile(c.root, 'common/vocab.govrule', VOCAB.replace('authority cac ', 'authority cca '));
        await c.watched([{ file: 'common/vocab.govrule', type: FileChangeType.Changed }]);
        await c.settle();
        // Without the authority, the top-severity rules no longer escalate to one either.
        expect(c.codes('rules/rules.govrule')).toEqual([
            'unresolved-reference 13:21', 'critical-without-authority 17:6', 'unresolved-reference 22:52',
            'critical-without-authority 25:6', 'unresolved-reference 31:28',
        ]);
    });

    test('changes to other files do not disturb anything', async () => {
        const c = await start();
        writeFile(c.root, 'notes.txt', 'hello');
        await c.watched([{ file: 'notes.txt', type: FileChangeType.Created }]);
        await c.settle();
        expect(c.published.has(c.uri('notes.txt'))).toBe(false);
        expect(c.alive).toBe(true);
    });
});

describe('govrule.json changes', () => {
    test('lint levels are re-read and every file revalidated', async () => {
        const c = await start({ 'common/extra.govrule': 'package demo.common\npost auditor\n' });
        expect(c.diagnostics('common/extra.govrule').map(d => [d.code, d.severity])).toEqual([['unused-declaration', 2]]);
        writeFile(c.root, 'govrule.json', '{ "include": ["**/*.govrule"], "lint": { "unused-declaration": "error" } }');
        await c.watched([{ file: 'govrule.json', type: FileChangeType.Changed }]);
        await c.settle();
        expect(c.diagnostics('common/extra.govrule').map(d => [d.code, d.severity])).toEqual([['unused-declaration', 1]]);
        writeFile(c.root, 'govrule.json', '{ "include": ["**/*.govrule"], "lint": { "unused-declaration": "off" } }');
        await c.watched([{ file: 'govrule.json', type: FileChangeType.Changed }]);
        await c.settle();
        expect(c.diagnostics('common/extra.govrule')).toEqual([]);
    });

    test('a changed include adds and removes files', async () => {
        const c = await start({ 'other/more.govrule': 'package demo.more\nimport demo.common.*\ncategory misc\nrule r { category misc severity minor responsible reviewer actions remove }\n' });
        expect(c.published.has(c.uri('other/more.govrule'))).toBe(true);
        writeFile(c.root, 'govrule.json', '{ "include": ["common/*.govrule", "rules/*.govrule"] }');
        await c.watched([{ file: 'govrule.json', type: FileChangeType.Changed }]);
        await c.settle();
        expect(c.published.get(c.uri('other/more.govrule'))).toEqual([]);
        writeFile(c.root, 'govrule.json', '{ "include": ["common/*.govrule"] }');
        await c.watched([{ file: 'govrule.json', type: FileChangeType.Changed }]);
        await c.settle();
        expect(c.published.get(c.uri('rules/rules.govrule'))).toEqual([]);
        // Nothing uses the vocabulary now: 3 posts, 1 authority, 3 actions, 4 attributes.
        expect(c.codes('common/vocab.govrule').filter(x => x.startsWith('unused-declaration'))).toHaveLength(11);
        writeFile(c.root, 'govrule.json', '{ "include": ["**/*.govrule"] }');
        await c.watched([{ file: 'govrule.json', type: FileChangeType.Changed }]);
        await c.settle();
        expect(c.codes('rules/rules.govrule')).toEqual([]);
        expect(c.codes('other/more.govrule')).toEqual([]);
        expect(c.codes('common/vocab.govrule')).toEqual([]);
    });

    test('fixing govrule.json clears its diagnostics', async () => {
        const c = await start({ 'govrule.json': '{ "include": 3 }' });
        await c.waitFor(() => c.diagnostics('govrule.json').length === 1, 'a config diagnostic');
        writeFile(c.root, 'govrule.json', '{ "include": ["**/*.govrule"] }');
        await c.watched([{ file: 'govrule.json', type: FileChangeType.Changed }]);
        await c.waitFor(() => c.published.get(c.uri('govrule.json'))?.length === 0, 'cleared config diagnostics');
    });
});

describe('workspace folders', () => {
    test('a client that sends only rootUri gets that folder as the workspace', async () => {
        client = await LspClient.start(fixtureWorkspace({}), { rootUriOnly: true });
        expect([...client.published.keys()].sort()).toEqual(
            ['common/vocab.govrule', 'rules/categories.govrule', 'rules/rules.govrule'].map(f => client!.uri(f)));
        expect(client.codes('rules/rules.govrule')).toEqual([]);
    });

    test('folders added and removed while the server runs join and leave the workspace', async () => {
        const c = await start();
        expect(c.initializeResult.capabilities.workspace?.workspaceFolders).toEqual({ supported: true, changeNotifications: true });
        const other = writeWorkspace({
            'govrule.json': '{ "include": 3 }',
            'more.govrule': 'package demo.more\nimport demo.common.*\ncategory misc\nrule r { category misc severity minor responsible reviewer actions remove }\n',
        });
        const more = pathToFileURL(path.join(other, 'more.govrule')).href;
        const config = pathToFileURL(path.join(other, 'govrule.json')).href;
        expect(c.published.has(more)).toBe(false);

        await c.changeFolders([other], []);
        await c.settle();
        expect(c.published.get(more)).toEqual([]);
        expect(c.published.get(config)?.map(d => d.code)).toEqual(['config']);
        const bundle = await c.request<{ rules: Array<{ id: string }> }>('workspace/executeCommand', { command: 'govrule.compile', arguments: [more] });
        expect(bundle.rules.map(r => r.id)).toEqual(['demo.more.r']);

        // The vocabulary's folder leaves: its files are gone, and their names with them.
        await c.changeFolders([], [c.root]);
        await c.settle();
        expect(c.published.get(c.uri('common/vocab.govrule'))).toEqual([]);
        expect(c.published.get(c.uri('rules/rules.govrule'))).toEqual([]);
        expect(c.published.get(more)?.map(d => d.code)).toContain('unresolved-import');

        await c.changeFolders([], [other]);
        await c.settle();
        expect(c.published.get(more)).toEqual([]);
        expect(c.published.get(config)).toEqual([]);
    });
});
