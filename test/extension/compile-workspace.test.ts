/**
 * "Compile Workspace" without the workbench: where it may write (never outside the folder it
 * compiles, links included), which folder it compiles in a window with several, what the
 * manifest promises in Restricted Mode, and the server's bundle of one folder.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chooseFolder } from '../../extension/src/folder-choice.js';
import { checkWriteTarget } from '../../extension/src/write-target.js';
import { findConfig } from '../../language/src/config/config.js';
import { LspClient, writeWorkspace } from '../helpers/lsp-client.js';
import { localizedManifest } from '../helpers/manifest.js';
import { tempFolder } from '../helpers/temp.js';
import { CATEGORIES, RULES, VOCAB } from '../lsp/fixture.js';

// As VS Code shows it in English (its texts are in package.nls.json).
const manifest = localizedManifest('en');

describe('where the editor may write a bundle', () => {
    test('a bundle path outside the folder is refused, wherever it comes from (the untrusted-folder report)', () => {
        const top = tempFolder({
            'project/govrule.json': '{ "include": ["**/*.govrule"], "out": "../outside/bundle.json" }\n',
            'project/a.govrule': 'package a\n',
            // A govrule.json above the opened folder governs it too; its "out" is inside its own root.
            'repo/govrule.json': '{ "include": ["**/*.govrule"], "out": "outside/bundle.json" }\n',
            'repo/opened/a.govrule': 'package a\n',
        });
        const folder = path.join(top, 'project');
        // The configuration refuses an "out" that leaves its root...
        expect(findConfig(folder)?.out).toBeUndefined();
        expect(checkWriteTarget(path.join(top, 'outside', 'bundle.json'), folder)).toEqual({ ok: false, reason: 'outside' });
        // ...and the editor refuses one that leaves the opened folder.
        const opened = path.join(top, 'repo', 'opened');
        const config = findConfig(opened)!;
        const target = path.resolve(config.root, config.out!);
        expect(target).toBe(path.join(top, 'repo', 'outside', 'bundle.json'));
        expect(checkWriteTarget(target, opened)).toEqual({ ok: false, reason: 'outside' });
        expect(checkWriteTarget(path.join(folder, 'dist', 'bundle.json'), folder)).toEqual({ ok: true });
        expect(checkWriteTarget(path.join(folder, 'dist', '..', '..', 'x.json'), folder).ok).toBe(false);
        expect(checkWriteTarget(folder, folder).ok).toBe(false);
        // A sibling whose name starts like the folder is not inside it.
        expect(checkWriteTarget(`${folder}-2/bundle.json`, folder).ok).toBe(false);
    });

    test('a link inside the folder that leads out of it is refused; one that stays inside is fine', () => {
        const top = tempFolder({ 'project/a.govrule': 'package a\n', 'outside/keep.txt': 'x' });
        const folder = path.join(top, 'project');
        fs.symlinkSync(path.join(top, 'outside'), path.join(folder, 'dist'), 'dir');
        fs.symlinkSync(path.join(top, 'outside', 'bundle.json'), path.join(folder, 'bundle.json'));
        fs.mkdirSync(path.join(folder, 'real'));
        fs.symlinkSync(path.join(folder, 'real'), path.join(folder, 'inner'), 'dir');
        const refused = { ok: false, reason: 'link' };
        expect(checkWriteTarget(path.join(folder, 'dist', 'bundle.json'), folder)).toEqual(refused);
        expect(checkWriteTarget(path.join(folder, 'dist', 'new', 'bundle.json'), folder)).toEqual(refused);
        expect(checkWriteTarget(path.join(folder, 'bundle.json'), folder)).toEqual(refused);
        expect(checkWriteTarget(path.join(folder, 'inner', 'bundle.json'), folder)).toEqual({ ok: true });
        expect(fs.readdirSync(path.join(top, 'outside'))).toEqual(['keep.txt']);
    });
});

describe('which folder a window with several compiles', () => {
    const key = (f: string) => f;

    test('none, the only one, the one picked before, else ask', () => {
        expect(chooseFolder([], 'a', key)).toEqual({ kind: 'none' });
        expect(chooseFolder(['a'], undefined, key)).toEqual({ kind: 'use', folder: 'a' });
        expect(chooseFolder(['a', 'b'], undefined, key)).toEqual({ kind: 'ask', folders: ['a', 'b'] });
        expect(chooseFolder(['a', 'b'], 'b', key)).toEqual({ kind: 'use', folder: 'b' });
        // A remembered folder that was removed from the window is asked for again.
        expect(chooseFolder(['a', 'b'], 'c', key)).toEqual({ kind: 'ask', folders: ['a', 'b'] });
    });
});

describe('Restricted Mode in the manifest', () => {
    test('untrusted workspaces are supported in a limited way, saying what is off', () => {
        const untrusted = manifest.capabilities.untrustedWorkspaces;
        expect(untrusted.supported).toBe('limited');
        expect(untrusted.description).toMatch(/does not write compiled bundles to disk/);
        expect(untrusted.description).toMatch(/does not run tests/);
    });
});

describe('the bundle of one folder, from the server', () => {
    let client: LspClient;

    beforeAll(async () => {
        const root = writeWorkspace({
            'one/govrule.json': '{ "include": ["**/*.govrule"] }\n',
            'one/common/vocab.govrule': VOCAB,
            'one/rules/categories.govrule': CATEGORIES,
            'one/rules/rules.govrule': RULES,
            'two/govrule.json': '{ "include": ["**/*.govrule"] }\n',
            'two/posts.govrule': 'package other.common\n\npost someone "某岗位"\n',
        });
        client = await LspClient.start(root);
    });

    afterAll(async () => {
        await client?.stop();
    });

    test('only that folder\'s files, with source paths relative to its project root', async () => {
        interface Bundle { packages: Array<{ id: string }>; rules: Array<{ id: string; source: { file: string } }> }
        const bundle = await client.request<Bundle>('workspace/executeCommand', { command: 'govrule.compile', arguments: [{ folder: client.uri('one') }] });
        expect(bundle.packages.map(p => p.id)).toEqual(['demo.common', 'demo.rules']);
        expect([...new Set(bundle.rules.map(r => r.source.file))]).toEqual(['rules/rules.govrule']);
        const other = await client.request<Bundle>('workspace/executeCommand', { command: 'govrule.compile', arguments: [{ folder: client.uri('two') }] });
        expect(other.packages.map(p => p.id)).toEqual(['other.common']);
        expect(other.rules).toEqual([]);
    });
});
