/**
 * The packaged extension (issue 13, items 6 and 11): the .vsix carries docs/diagnostics.md, so
 * diagnostic code links open the shipped copy offline (and, issue 12, docs/zh-CN/diagnostics.md
 * and the Chinese texts of the manifest and of vscode.l10n); its bundles are minified and refer to no
 * source map (none is shipped). The packaged server is then started from an unpacked copy.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { LspClient, writeWorkspace } from '../helpers/lsp-client.js';
import { tempFolder } from '../helpers/temp.js';

interface ZipEntry { fileName: string }
interface ZipFile {
    readEntry(): void;
    on(event: 'entry', listener: (entry: ZipEntry) => void): void;
    on(event: 'end', listener: () => void): void;
    on(event: 'error', listener: (err: Error) => void): void;
    openReadStream(entry: ZipEntry, callback: (err: Error | null, stream: NodeJS.ReadableStream) => void): void;
}
// yauzl comes with @vscode/vsce, which packs the .vsix.
const yauzl = createRequire(import.meta.url)('yauzl') as { open(file: string, options: object, callback: (err: Error | null, zip: ZipFile) => void): void };

/** Every entry of a zip, with its bytes. */
function unzip(file: string): Promise<Map<string, Buffer>> {
    return new Promise((resolve, reject) => {
        yauzl.open(file, { lazyEntries: true }, (err, zip) => {
            if (err) {
                reject(err);
                return;
            }
            const entries = new Map<string, Buffer>();
            zip.on('error', reject);
            zip.on('end', () => resolve(entries));
            zip.on('entry', entry => {
                zip.openReadStream(entry, (error, stream) => {
                    if (error) {
                        reject(error);
                        return;
                    }
                    const chunks: Buffer[] = [];
                    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
                    stream.on('end', () => {
                        entries.set(entry.fileName, Buffer.concat(chunks));
                        zip.readEntry();
                    });
                });
            });
            zip.readEntry();
        });
    });
}

describe('the .vsix', () => {
    let entries: Map<string, Buffer>;
    let unpacked: string;

    beforeAll(async () => {
        const out = tempFolder({}, 'govrule-vsix-');
        // out/ is built by the tests' global setup; packing it is what `npm run package` does next.
        const result = spawnSync(process.execPath, [path.join(ROOT, 'extension', 'scripts', 'package.mjs'), '--no-build', '--out', out], { cwd: ROOT, encoding: 'utf8' });
        expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
        const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'extension', 'package.json'), 'utf8'));
        entries = await unzip(path.join(out, `${manifest.name}-${manifest.version}.vsix`));
        unpacked = tempFolder({}, 'govrule-unpacked-');
        for (const [name, bytes] of entries) {
            if (name.startsWith('extension/') && !name.endsWith('/')) {
                fs.mkdirSync(path.dirname(path.join(unpacked, name)), { recursive: true });
                fs.writeFileSync(path.join(unpacked, name), bytes);
            }
        }
    }, 120_000);

    test('ships the diagnostics reference beside the server, identical to docs/diagnostics.md', () => {
        expect(entries.get('extension/docs/diagnostics.md')?.toString('utf8')).toBe(fs.readFileSync(path.join(ROOT, 'docs', 'diagnostics.md'), 'utf8'));
        expect(entries.has('extension/out/server.cjs')).toBe(true);
        expect(entries.has('extension/out/extension.cjs')).toBe(true);
    });

    test('ships the Chinese texts: the manifest nls files, the l10n bundle, and the Chinese diagnostics reference with its glossary', () => {
        for (const [entry, source] of [
            ['extension/package.nls.json', 'extension/package.nls.json'],
            ['extension/package.nls.zh-cn.json', 'extension/package.nls.zh-cn.json'],
            ['extension/l10n/bundle.l10n.zh-cn.json', 'extension/l10n/bundle.l10n.zh-cn.json'],
            ['extension/docs/zh-CN/diagnostics.md', 'docs/zh-CN/diagnostics.md'],
            ['extension/docs/zh-CN/glossary.md', 'docs/zh-CN/glossary.md'],
        ]) {
            expect(entries.get(entry)?.toString('utf8'), entry).toBe(fs.readFileSync(path.join(ROOT, source), 'utf8'));
        }
        // The packaged manifest names its texts by key and points VS Code at the bundles.
        const packaged = JSON.parse(entries.get('extension/package.json')!.toString('utf8'));
        expect(packaged.l10n).toBe('./l10n');
        expect(packaged.contributes.commands.map((c: { title: string }) => c.title)).toContain('%commands.compileWorkspace.title%');
        // The Marketplace listing (extension.vsixmanifest) reads the English texts.
        expect(entries.get('extension.vsixmanifest')?.toString('utf8')).toContain('Language support for GovRule content-governance rules');
    });

    test('no source map, and no bundle refers to one; the server is minified', () => {
        expect([...entries.keys()].filter(name => name.endsWith('.map'))).toEqual([]);
        for (const bundle of ['extension/out/server.cjs', 'extension/out/extension.cjs']) {
            expect(entries.get(bundle)!.toString('utf8'), bundle).not.toMatch(/sourceMappingURL/);
        }
        // The development build keeps its map; the shipped server is a minified copy, well under its size.
        expect(fs.readFileSync(path.join(ROOT, 'out', 'server.cjs'), 'utf8')).toMatch(/sourceMappingURL=server\.cjs\.map/);
        expect(entries.get('extension/out/server.cjs')!.length).toBeLessThan(fs.statSync(path.join(ROOT, 'out', 'server.cjs')).size * 0.7);
    });

    describe('the packaged server, unpacked', () => {
        let client: LspClient;

        beforeAll(async () => {
            const root = writeWorkspace({ 'a.govrule': 'package a\nseverities { low high }\npost p\nrule r {\n    category nowhere\n    severity low\n    responsible p\n    actions none\n}\n' });
            client = await LspClient.start(root, { command: { file: process.execPath, args: [path.join(unpacked, 'extension', 'out', 'server.cjs'), '--stdio'] } });
        }, 60_000);

        afterAll(async () => {
            await client?.stop();
        });

        test('runs, and links each diagnostic code to the shipped reference, offline', () => {
            const diagnostics = client.diagnostics('a.govrule');
            const unresolved = diagnostics.find(d => d.code === 'unresolved-reference');
            expect(unresolved, JSON.stringify(diagnostics)).toBeDefined();
            const docs = pathToFileURL(path.join(unpacked, 'extension', 'docs', 'diagnostics.md')).href;
            expect(unresolved!.codeDescription?.href).toBe(`${docs}#unresolved-reference`);
        });
    });
});
