// Benchmark of the GovRule CLI on a synthetic repository.
//
//   node bench/run.mjs [--files N] [--rules N] [--keep] [--no-hostile | --hostile-only]
//
// Generates a repository (bench/generate.mjs) in a temporary folder, then runs
// `check` and `compile -o <tmp>/bundle.json`, each in its own process through
// bench/measure.cjs, and prints a table: command, files, rules, MB of source,
// wall seconds (whole process, Node start-up included), seconds inside main(),
// peak RSS and exit code; then the bundle's size. The temporary folder is
// removed at the end unless --keep is given. Needs a built out/cli.cjs.
//
// Then the hostile inputs of bench/hostile.mjs (a 30 KB and a 1 MB misspelt name, 1k/2k/4k/8k
// rules on one category, 8k on distinct categories, 8k alike rules that meet the analysis budget,
// 300,000 flat declarations, 400-level category nesting, 10,000-level conditions), each in its
// own process, with the exit code each must give; a second table, and the worst wall time.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.mjs';
import { deepCondition, flatDeclarations, misspeltName, nestedCategories, sharedCategory, writeShape } from './hostile.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const measure = join(here, 'measure.cjs');
const cli = join(here, '..', 'out', 'cli.cjs');

function parseArgs(argv) {
    const opts = { files: 1000, rules: 50, keep: false, repository: true, hostile: true };
    for (let k = 0; k < argv.length; k++) {
        const a = argv[k];
        if (a === '--keep') opts.keep = true;
        else if (a === '--no-hostile') opts.hostile = false;
        else if (a === '--hostile-only') opts.repository = false;
        else if (a === '--files' || a === '--rules') {
            const v = Number(argv[++k]);
            if (!Number.isInteger(v) || v < 1) usage(`${a} needs a positive integer`);
            opts[a.slice(2)] = v;
        } else usage(`unknown argument ${a}`);
    }
    return opts;
}

function usage(msg) {
    console.error(`${msg}\nusage: node bench/run.mjs [--files N] [--rules N] [--keep] [--no-hostile | --hostile-only]`);
    process.exit(2);
}

// Runs measure.cjs; resolves with the wall time, the parsed last stdout line and the exit code.
function run(args, cwd) {
    return new Promise((resolve) => {
        const t0 = performance.now();
        const child = spawn(process.execPath, [measure, ...args], { cwd, stdio: ['ignore', 'pipe', 'inherit'] });
        let tail = '';
        child.stdout.setEncoding('utf8');
        child.stdout.on('data', (chunk) => {
            // Keep only the end of stdout: the result is on its last line.
            tail = (tail + chunk).slice(-65536);
        });
        child.on('error', (err) => resolve({ wall: 0, result: null, exit: 2, error: err.message, tail }));
        child.on('close', (exit, signal) => {
            const wall = (performance.now() - t0) / 1000;
            const lines = tail.trimEnd().split('\n');
            let result = null;
            try {
                result = JSON.parse(lines[lines.length - 1]);
            } catch {
                /* no result line: the process crashed */
            }
            resolve({ wall, result, exit: exit ?? signal, tail });
        });
    });
}

function table(rows) {
    const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
    return rows
        .map((r, i) => {
            const line = r.map((cell, c) => (c === 0 ? String(cell).padEnd(widths[c]) : String(cell).padStart(widths[c]))).join('  ');
            return i === 0 ? `${line}\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : line;
        })
        .join('\n');
}

async function mainBench() {
    const opts = parseArgs(process.argv.slice(2));
    if (!existsSync(cli)) {
        console.error(`bench: ${cli} not found; build it first (npm run build).`);
        return 2;
    }
    const dir = mkdtempSync(join(tmpdir(), 'govrule-bench-'));
    let failed = false;
    try {
        if (opts.repository) failed = (await repositoryBench(dir, opts)) || failed;
        if (opts.hostile) failed = (await hostileBench(join(dir, 'hostile'))) || failed;
    } finally {
        if (opts.keep) console.log(`kept ${dir}`);
        else rmSync(dir, { recursive: true, force: true });
    }
    return failed ? 1 : 0;
}

/** The shapes, the commands run on each, and the exit code each must give (1: errors expected). */
const HOSTILE = [
    ['misspelt name 30 KB', () => misspeltName(30_000), [['check', 1]]],
    ['misspelt name 1 MB', () => misspeltName(1_000_000), [['check', 1]]],
    ...[1000, 2000, 4000, 8000].map((n) => [`${n} rules, one category`, () => sharedCategory(n), [['check', 0]]]),
    ['8000 rules, distinct categories', () => sharedCategory(8000, { distinct: true }), [['check', 0]]],
    ['8000 alike rules (budget)', () => sharedCategory(8000, { alike: true }), [['check', 0]]],
    ['300,000 flat declarations', () => flatDeclarations(300_000), [['check', 0], ['compile', 0], ['fmt', 0]]],
    ['400-level categories', () => nestedCategories(400), [['check', 1], ['compile', 1], ['fmt', 1]]],
    ['10,000-level not (', () => deepCondition(10_000), [['check', 1], ['compile', 1], ['fmt', 1]]],
    ['10,000 or', () => deepCondition(10_000, 'or'), [['check', 1], ['compile', 1]]],
];

async function hostileBench(root) {
    let failed = false;
    let worst = { wall: 0, what: '' };
    const rows = [['shape', 'command', 'source MB', 'wall s', 'main s', 'cpu s', 'peak RSS MB', 'exit', 'expected']];
    for (const [name, make, commands] of HOSTILE) {
        const dir = join(root, name.replace(/[^A-Za-z0-9]+/g, '-'));
        const bytes = writeShape(dir, make());
        for (const [command, expected] of commands) {
            const args = command === 'compile' ? ['compile', dir, '-o', join(root, 'bundle.json')] : command === 'fmt' ? ['fmt', '--check', dir] : [command, dir];
            const r = await run(args, dir);
            const code = r.result ? r.result.code : r.exit;
            if (code !== expected) {
                failed = true;
                console.error(`bench: ${name}: ${command} exited ${code}, expected ${expected}${r.result ? '' : `; stdout ended with:\n${r.tail.slice(-2000)}`}`);
            }
            if (r.wall > worst.wall) worst = { wall: r.wall, what: `${command} on ${name}` };
            rows.push([name, command, (bytes / (1024 * 1024)).toFixed(2), r.wall.toFixed(2), r.result ? (r.result.ms / 1000).toFixed(2) : '-',
                r.result ? (r.result.cpuMs / 1000).toFixed(2) : '-', r.result ? r.result.maxRssMB.toFixed(1) : '-', code, expected]);
        }
    }
    console.log('');
    console.log('hostile inputs');
    console.log(table(rows));
    console.log('');
    console.log(`worst wall time: ${worst.wall.toFixed(2)} s (${worst.what})`);
    return failed;
}

async function repositoryBench(dir, opts) {
    let failed = false;
    {
        const src = join(dir, 'src');
        const t0 = performance.now();
        const stats = generate(src, { files: opts.files, rulesPerFile: opts.rules });
        const mb = stats.bytes / (1024 * 1024);
        console.log(`generated ${stats.files} files, ${stats.rules} rules, ${mb.toFixed(2)} MB in ${((performance.now() - t0) / 1000).toFixed(1)} s (${src})`);

        const bundle = join(dir, 'bundle.json');
        const commands = [
            ['check', ['check', src]],
            ['compile', ['compile', src, '-o', bundle]],
        ];
        const rows = [['command', 'files', 'rules', 'source MB', 'wall s', 'main s', 'cpu s', 'peak RSS MB', 'exit']];
        for (const [name, args] of commands) {
            const r = await run(args, src);
            const code = r.result ? r.result.code : r.exit;
            if (code !== 0 || r.exit !== 0) {
                failed = true;
                if (!r.result) console.error(`bench: ${name} produced no result line (exit ${r.exit}); stdout ended with:\n${r.tail.slice(-2000)}`);
            }
            rows.push([
                name,
                stats.files,
                stats.rules,
                mb.toFixed(2),
                r.wall.toFixed(2),
                r.result ? (r.result.ms / 1000).toFixed(2) : '-',
                r.result ? (r.result.cpuMs / 1000).toFixed(2) : '-',
                r.result ? r.result.maxRssMB.toFixed(1) : '-',
                code,
            ]);
        }
        console.log('');
        console.log(table(rows));
        console.log('');
        if (existsSync(bundle)) console.log(`bundle: ${(statSync(bundle).size / (1024 * 1024)).toFixed(2)} MB (${statSync(bundle).size} bytes)`);
        else console.log('bundle: not written');
    }
    return failed;
}

process.exitCode = await mainBench();
