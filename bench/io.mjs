// Benchmark of what the CLI does around the build: reading govrule.json, and checking and
// writing the -o target.
//
//   node bench/io.mjs [--files N] [--rules N]
//
// Generates a repository (bench/generate.mjs) and runs each command in its own process through
// bench/measure.cjs, printing seconds inside main(), CPU seconds (steadier on a busy machine)
// and the exit code:
//   - `check` with the generated govrule.json, with one padded by a 4 MB "$schema" string, and
//     with one that repeats a key 100,000 times (100,000 config-duplicate-key warnings);
//   - `compile -o` to a new file, over an existing file (its identity is compared with every
//     input's), through a symbolic link to it, and to /dev/null (written through).
// Needs a built out/cli.cjs.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const measure = join(here, 'measure.cjs');
const cli = join(here, '..', 'out', 'cli.cjs');

function parseArgs(argv) {
    const opts = { files: 500, rules: 20 };
    for (let k = 0; k < argv.length; k++) {
        const a = argv[k];
        const v = Number(argv[++k]);
        if ((a !== '--files' && a !== '--rules') || !Number.isInteger(v) || v < 1) {
            console.error('usage: node bench/io.mjs [--files N] [--rules N]');
            process.exit(2);
        }
        opts[a.slice(2)] = v;
    }
    return opts;
}

function run(args, cwd) {
    return new Promise((resolve) => {
        const child = spawn(process.execPath, [measure, ...args], { cwd, stdio: ['ignore', 'pipe', 'ignore'] });
        let tail = '';
        child.stdout.setEncoding('utf8');
        child.stdout.on('data', (chunk) => { tail = (tail + chunk).slice(-65536); });
        child.on('close', (exit) => {
            const last = tail.trimEnd().split('\n').pop();
            try {
                resolve({ ...JSON.parse(last), exit });
            } catch {
                resolve({ ms: NaN, cpuMs: NaN, code: exit, exit });
            }
        });
    });
}

async function mainBench() {
    const opts = parseArgs(process.argv.slice(2));
    if (!existsSync(cli)) {
        console.error(`bench: ${cli} not found; build it first (npm run build).`);
        return 2;
    }
    const dir = mkdtempSync(join(tmpdir(), 'govrule-bench-io-'));
    try {
        const src = join(dir, 'src');
        const stats = generate(src, { files: opts.files, rulesPerFile: opts.rules });
        console.log(`generated ${stats.files} files, ${stats.rules} rules`);
        const config = join(src, 'govrule.json');
        const plain = JSON.stringify({ include: ['**/*.govrule'] });
        const padded = JSON.stringify({ include: ['**/*.govrule'], $schema: 'x'.repeat(4 << 20) });
        const repeated = `{ "include": ["**/*.govrule"]${', "$schema": "x"'.repeat(100_000)} }`;
        const existing = join(dir, 'existing.json');
        writeFileSync(existing, 'old');
        symlinkSync(existing, join(dir, 'link.json'));

        const rows = [['command', 'main s', 'cpu s', 'exit']];
        const cases = [
            ['check (govrule.json 30 B)', plain, ['check']],
            ['check (govrule.json 4 MB)', padded, ['check']],
            ['check (100,000 duplicate keys)', repeated, ['check']],
            ['compile -o new file', plain, ['compile', '-o', join(dir, 'new.json')]],
            ['compile -o existing file', plain, ['compile', '-o', existing]],
            ['compile -o link to it', plain, ['compile', '-o', join(dir, 'link.json')]],
            ['compile -o /dev/null', plain, ['compile', '-o', '/dev/null']],
        ];
        let failed = false;
        for (const [name, text, args] of cases) {
            writeFileSync(config, text);
            const r = await run(args, src);
            failed ||= r.code !== 0;
            rows.push([name, (r.ms / 1000).toFixed(2), (r.cpuMs / 1000).toFixed(2), r.code]);
        }
        const width = rows.map(r => r[0].length).reduce((a, b) => Math.max(a, b));
        console.log('');
        for (const [i, r] of rows.entries()) {
            console.log(`${r[0].padEnd(width)}  ${String(r[1]).padStart(6)}  ${String(r[2]).padStart(6)}  ${String(r[3]).padStart(4)}`);
            if (i === 0) console.log(`${'-'.repeat(width)}  ------  ------  ----`);
        }
        return failed ? 1 : 0;
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
}

process.exitCode = await mainBench();
