// Benchmark of `govrule doc` (the rulebook) beside `govrule compile` on the same sources.
//
//   node bench/rulebook.mjs [--files N] [--rules N]
//
// Generates a repository (bench/generate.mjs; default 100 files × 50 rules) and the hostile shape
// "8000 rules on distinct categories" (bench/hostile.mjs, one page per category), then runs each
// command in its own process through bench/measure.cjs and prints: wall seconds (Node start-up
// included), seconds inside main(), CPU seconds, peak RSS, exit code, and for `doc` the pages
// written and the site's size. Needs a built out/cli.cjs (npm run build).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.mjs';
import { sharedCategory, writeShape } from './hostile.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const measure = join(here, 'measure.cjs');

function options(argv) {
    const opts = { files: 100, rules: 50 };
    for (let i = 0; i < argv.length; i++) {
        const value = Number(argv[i + 1]);
        if ((argv[i] === '--files' || argv[i] === '--rules') && Number.isInteger(value) && value > 0) {
            opts[argv[i].slice(2)] = value;
            i++;
        } else {
            console.error('usage: node bench/rulebook.mjs [--files N] [--rules N]');
            process.exit(2);
        }
    }
    return opts;
}

/** Files and bytes under a folder. */
function size(dir) {
    let files = 0;
    let bytes = 0;
    const pending = [dir];
    while (pending.length > 0) {
        const current = pending.pop();
        for (const entry of readdirSync(current, { withFileTypes: true })) {
            const full = join(current, entry.name);
            if (entry.isDirectory()) pending.push(full);
            else {
                files += entry.name.endsWith('.html') ? 1 : 0;
                bytes += statSync(full).size;
            }
        }
    }
    return { pages: files, mb: bytes / 1e6 };
}

function run(args) {
    const t0 = performance.now();
    const child = spawnSync(process.execPath, [measure, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'inherit'] });
    const wall = (performance.now() - t0) / 1000;
    const last = child.stdout.trimEnd().split('\n').pop();
    let result = {};
    try {
        result = JSON.parse(last);
    } catch {
        /* crashed: no result line */
    }
    return { wall, result, exit: child.status };
}

function table(rows) {
    const widths = rows[0].map((_, c) => Math.max(...rows.map(r => String(r[c]).length)));
    return rows.map((r, i) => {
        const line = r.map((cell, c) => (c === 0 ? String(cell).padEnd(widths[c]) : String(cell).padStart(widths[c]))).join('  ');
        return i === 0 ? `${line}\n${widths.map(w => '-'.repeat(w)).join('  ')}` : line;
    }).join('\n');
}

const opts = options(process.argv.slice(2));
if (!existsSync(join(here, '..', 'out', 'cli.cjs'))) {
    console.error('bench: out/cli.cjs not found; run npm run build first.');
    process.exit(2);
}
const root = mkdtempSync(join(tmpdir(), 'govrule-bench-rulebook-'));
try {
    const repository = join(root, 'repository');
    generate(repository, { files: opts.files, rulesPerFile: opts.rules });
    const shared = join(root, 'categories');
    writeShape(shared, sharedCategory(8000, { distinct: true }));
    const rows = [['sources', 'command', 'wall s', 'main s', 'cpu s', 'peak RSS MB', 'exit', 'pages', 'site MB']];
    for (const [name, dir] of [[`${opts.files} files × ${opts.rules} rules`, repository], ['8000 rules, distinct categories', shared]]) {
        const compiled = run(['compile', dir, '-o', join(root, 'bundle.json')]);
        const site = join(root, `site-${rows.length}`);
        const doc = run(['doc', dir, '-o', site, '--date', '2026-06-15']);
        const written = existsSync(site) ? size(site) : { pages: 0, mb: 0 };
        for (const [command, r, extra] of [['compile', compiled, ['', '']], ['doc', doc, [written.pages, written.mb.toFixed(1)]]]) {
            rows.push([name, command, r.wall.toFixed(2), ((r.result.ms ?? 0) / 1000).toFixed(2), ((r.result.cpuMs ?? 0) / 1000).toFixed(2), r.result.maxRssMB ?? '', r.exit, ...extra]);
        }
    }
    console.log(table(rows));
} finally {
    rmSync(root, { recursive: true, force: true });
}
