// What the Unicode checks (LANGUAGE.md §2) cost.
//
//   node bench/unicode.mjs [--files N] [--rules N]
//
// 1. On the synthetic repository of bench/generate.mjs (clean text), the per-build work of the
//    text checks on files without invisible characters (one scan and one NFC comparison
//    per file) and the confusable skeletons of every declared name, in-process, against the
//    time of a whole `govrule check` of the same repository.
// 2. Hostile files through `govrule check`: a megabyte of invisible characters in labels, in a
//    comment and between tokens, and 20,000 look-alike names; wall time, exit code, diagnostics.
// Prints figures; asserts nothing about time. Needs a built out/ (npm run bench:unicode builds it).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { generate } from './generate.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const cli = join(root, 'bin', 'govrule.cjs');

const opts = { files: 300, rules: 50 };
for (let k = 2; k < process.argv.length; k++) {
    const a = process.argv[k];
    if (a === '--files' || a === '--rules') opts[a.slice(2)] = Number(process.argv[++k]);
    else { console.error('usage: node bench/unicode.mjs [--files N] [--rules N]'); process.exit(2); }
}

const work = mkdtempSync(join(tmpdir(), 'govrule-bench-unicode-'));
try {
    // The Unicode module, bundled on the fly (it is not an entry of out/).
    const entry = join(work, 'unicode.mjs');
    await build({
        stdin: { contents: "export * from './language/src/unicode/characters.ts'; export * from './language/src/unicode/confusables.ts';", resolveDir: root, loader: 'ts' },
        bundle: true, format: 'esm', platform: 'node', outfile: entry, logLevel: 'error',
    });
    const unicode = await import(pathToFileURL(entry).href);

    const repo = join(work, 'repo');
    generate(repo, { files: opts.files, rulesPerFile: opts.rules });
    const texts = files(repo).map(f => readFileSync(f, 'utf8'));
    const megabytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0) / 1e6;
    const names = texts.flatMap(t => [...t.matchAll(/^\s*(?:rule|post|authority|action|attribute|category)\s+([^\s"{(:]+)/gm)].map(m => m[1]));

    const scan = timed(() => {
        let found = 0;
        for (const text of texts) {
            if (unicode.containsInvisible(text) || text.normalize('NFC') !== text) found++;
        }
        return found;
    });
    const skeletons = timed(() => new Set(names.map(unicode.skeleton)).size);
    console.log(`clean repository: ${texts.length} files, ${megabytes.toFixed(2)} MB, ${names.length} declared names`);
    console.log(`  text scan (invisible + NFC test), all files: ${ms(scan.seconds)} (${scan.value} files needed a closer look)`);
    console.log(`  confusable skeletons, all names:         ${ms(skeletons.seconds)} (${skeletons.value} distinct)`);
    console.log(`  whole govrule check, for comparison:     ${wall(cli, ['check', '--quiet'], repo).toFixed(2)} s wall`);

    console.log('hostile files through govrule check:');
    const hostile = {
        'labels-1MB': `package h\nseverities { a b }\n${Array.from({ length: 2000 }, (_, i) => `post p${i} "${'\u202E\u200B'.repeat(250)}"`).join('\n')}\n`,
        'comment-1MB': `package h\nseverities { a b }\n// ${'\u2066\u0000'.repeat(500_000)}\n`,
        'between-tokens-1MB': `package h\nseverities { a b }\npost p ${'\u200B'.repeat(1_000_000)}\n`,
        'bom-whitespace-1MB': `package h\nseverities { a b }\npost p ${'\uFEFF '.repeat(500_000)}\n`,
        'lookalikes-20k': `package h\nseverities { a b }\n${Array.from({ length: 10_000 }, (_, i) => `post r${i}eviewer\npost r${i}evıewer`).join('\n')}\n`,
        'compat-ideographs-20k': `package h\nseverities { a b }\n${Array.from({ length: 20_000 }, (_, i) => `post \uF900${i.toString(36).replace(/[0-9]/g, d => '零一二三四五六七八九'[d])}`).join('\n')}\n`,
    };
    for (const [name, text] of Object.entries(hostile)) {
        const dir = join(work, name);
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, 'h.govrule'), text);
        const t0 = performance.now();
        const result = spawnSync(process.execPath, [cli, 'check', '--format', 'json', 'h.govrule'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30 });
        const seconds = (performance.now() - t0) / 1000;
        let count = '?';
        try { count = JSON.parse(result.stdout).length; } catch { /* printed below */ }
        const raw = unicode.containsInvisible(result.stdout + result.stderr) ? 'RAW CHARACTERS PRINTED' : 'nothing printed raw';
        console.log(`  ${name.padEnd(24)} ${(Buffer.byteLength(text) / 1e6).toFixed(2)} MB  ${seconds.toFixed(2)} s  exit ${result.status}  ${count} diagnostics  ${raw}`);
    }
} finally {
    rmSync(work, { recursive: true, force: true });
}

function files(dir) {
    return readdirSync(dir, { recursive: true }).map(f => join(dir, String(f))).filter(f => f.endsWith('.govrule') && statSync(f).isFile()).sort();
}

function timed(fn) {
    const t0 = performance.now();
    const value = fn();
    return { value, seconds: (performance.now() - t0) / 1000 };
}

function wall(program, args, cwd) {
    const t0 = performance.now();
    spawnSync(process.execPath, [program, ...args], { cwd, stdio: 'ignore' });
    return (performance.now() - t0) / 1000;
}

function ms(seconds) {
    return `${(seconds * 1000).toFixed(1)} ms`;
}
