/**
 * The package as a rule repository gets it: `npm pack` (whose prepack builds out/) on a copy of
 * the project, `npm install` of the tarball into a fresh folder without the network, then the
 * installed `govrule` and `govrule-language-server` run there through npx.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EXAMPLES, ROOT } from '../helpers/cli.js';
import { LspClient } from '../helpers/lsp-client.js';
import { tempFolder } from '../helpers/temp.js';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';

/** The environment without what an enclosing `npm test` sets for its own scripts. */
const ENV: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));

/** Never copied: what is built, installed or generated, and the tests themselves. */
const NOT_COPIED = new Set(['node_modules', 'out', '.git', '.cache', 'test', 'dist', 'coverage']);

function run(command: string, args: readonly string[], cwd: string): SpawnSyncReturns<string> {
    const result = spawnSync(command, args, { cwd, env: ENV, encoding: 'utf8', timeout: 240_000, maxBuffer: 64 * 1024 * 1024 });
    if (result.error) {
        throw result.error;
    }
    return result;
}

function describeResult(result: SpawnSyncReturns<string>): string {
    return `exit ${result.status}\n--- stdout\n${result.stdout.slice(0, 4000)}\n--- stderr\n${result.stderr.slice(0, 4000)}`;
}

let files: string[] = [];
let repo = '';

beforeAll(() => {
    // Packing the project itself would rebuild the out/ that other test files are running.
    const project = tempFolder({}, 'govrule-pack-src-');
    fs.cpSync(ROOT, project, {
        recursive: true,
        filter: source => !NOT_COPIED.has(path.basename(source)) && !source.endsWith('.vsix'),
    });
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(project, 'node_modules'), 'dir');
    const tarballs = tempFolder({}, 'govrule-pack-');
    const packed = run(NPM, ['pack', '--json', '--pack-destination', tarballs], project);
    expect(packed.status, describeResult(packed)).toBe(0);
    const [info] = JSON.parse(packed.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
    files = info.files.map(f => f.path).sort();

    repo = tempFolder({ 'package.json': '{ "name": "rules", "private": true }\n' }, 'govrule-installed-');
    fs.cpSync(EXAMPLES, repo, { recursive: true });
    fs.rmSync(path.join(repo, 'dist'), { recursive: true, force: true });
    const installed = run(NPM, ['install', '--offline', '--no-audit', '--no-fund', path.join(tarballs, info.filename)], repo);
    expect(installed.status, describeResult(installed)).toBe(0);
}, 300_000);

describe('the packed package', () => {
    test('holds the built programs, the schemas and the documentation, and no sources', () => {
        for (const file of ['bin/govrule.cjs', 'bin/govrule-language-server.cjs', 'out/cli.cjs', 'out/server.cjs', 'out/runtime.cjs',
            'language/schema/bundle.schema.json', 'language/schema/config.schema.json', 'docs/LANGUAGE.md', 'docs/bundle.md', 'README.md', 'package.json',
            'conformance/README.md', 'conformance/index.json',
            // For Chinese readers: the README, the diagnostics reference (linked from diagnostics) and the glossary.
            'README.zh-CN.md', 'docs/zh-CN/diagnostics.md', 'docs/zh-CN/glossary.md']) {
            expect(files).toContain(file);
        }
        const index = JSON.parse(fs.readFileSync(path.join(ROOT, 'conformance', 'index.json'), 'utf8')) as { suites: Array<{ bundle: string; vectors: string }> };
        for (const suite of index.suites) {
            expect(files).toContain(`conformance/${suite.bundle}`);
            expect(files).toContain(`conformance/${suite.vectors}`);
        }
        expect(files.filter(f => f.endsWith('.ts') || f.endsWith('.map') || f.startsWith('test/') || f.startsWith('examples/'))).toEqual([]);
        const manifest = JSON.parse(fs.readFileSync(path.join(repo, 'node_modules', 'govrule', 'package.json'), 'utf8')) as Record<string, unknown>;
        expect(manifest.private).toBeUndefined();
        expect(manifest.dependencies).toBeUndefined();
    });

    test('installs without anything else: the bundles need no node_modules', () => {
        expect(fs.readdirSync(path.join(repo, 'node_modules')).filter(name => !name.startsWith('.'))).toEqual(['govrule']);
    });

    test('npx govrule checks, compiles and tests a rule repository', () => {
        const check = run(NPX, ['--offline', 'govrule', 'check'], repo);
        expect(check.status, describeResult(check)).toBe(0);
        expect(check.stderr).toContain('No problems in 14 files');

        const compile = run(NPX, ['--offline', 'govrule', 'compile', '-o', 'dist/govrule.bundle.json'], repo);
        expect(compile.status, describeResult(compile)).toBe(0);
        const bundle = JSON.parse(fs.readFileSync(path.join(repo, 'dist', 'govrule.bundle.json'), 'utf8')) as { rules: unknown[] };
        expect(bundle.rules.length).toBeGreaterThan(5);

        const tests = run(NPX, ['--offline', 'govrule', 'test'], repo);
        expect(tests.status, describeResult(tests)).toBe(0);
        expect(tests.stdout).toMatch(/\d+ passed/);
        expect(tests.stdout).not.toMatch(/[1-9]\d* failed/);
    });

    test("the runtime loads with require('govrule/runtime') and decides", () => {
        const script = `const fs = require('fs'); const { loadBundle, decide } = require('govrule/runtime');
const rules = loadBundle(fs.readFileSync('runtime.bundle.json', 'utf8'));
const d = decide(rules, { category: 'chongqing.qinglang.rumor.enterprise', attributes: { channel: 'selfMedia', sector: 'finance' }, date: '2026-06-01' });
console.log(d.rule);`;
        const compile = run(NPX, ['--offline', 'govrule', 'compile', '-o', 'runtime.bundle.json'], repo);
        expect(compile.status, describeResult(compile)).toBe(0);
        const decided = run(process.execPath, ['-e', script], repo);
        expect(decided.status, describeResult(decided)).toBe(0);
        expect(decided.stdout.trim()).toMatch(/^chongqing\.qinglang\./);
    });
});

describe('the conformance vectors in the installed package', () => {
    test("conformance/README.md's loop passes every vector with require('govrule/runtime')", () => {
        const readme = fs.readFileSync(path.join(ROOT, 'conformance', 'README.md'), 'utf8');
        const loop = /^```js\n([\s\S]*?)^```$/m.exec(readme);
        expect(loop, 'conformance/README.md has a ```js block').not.toBeNull();
        fs.writeFileSync(path.join(repo, 'conformance-loop.cjs'), loop![1]);
        const index = JSON.parse(fs.readFileSync(path.join(ROOT, 'conformance', 'index.json'), 'utf8')) as { suites: Array<{ decisions: number; errors: number }> };
        const total = index.suites.reduce((n, s) => n + s.decisions + s.errors, 0);
        const result = run(process.execPath, ['conformance-loop.cjs'], repo);
        expect(result.status, describeResult(result)).toBe(0);
        expect(result.stdout).toBe(`${total} passed, 0 failed\n`);
    });
});

describe('npx govrule-language-server --stdio', () => {
    let client: LspClient | undefined;
    afterAll(async () => { await client?.stop(); });

    test('answers initialize and publishes diagnostics for the repository', async () => {
        client = await LspClient.start(repo, { command: { file: NPX, args: ['--offline', 'govrule-language-server', '--stdio'], env: ENV } });
        expect(client.initializeResult.capabilities.completionProvider).toBeDefined();
        const published = [...client.published.keys()].filter(uri => uri.endsWith('.govrule'));
        expect(published.length).toBeGreaterThan(5);
        const errors = [...client.published.values()].flat().filter(d => d.severity === 1);
        expect(errors, client.stderr).toEqual([]);
    });
});
