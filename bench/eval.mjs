// Throughput of `govrule eval --events` on a synthetic stream.
//
//   node bench/eval.mjs [--events N] [--keep]
//
// Compiles examples/chongqing into a temporary bundle, writes N random events (default
// 1,000,000) as JSON Lines — every category of the bundle, attributes of the right types, some
// left to their defaults, dates spread over 2025–2026 — then runs
// `govrule eval --bundle B --events FILE` with stdout to a file and prints events per second,
// for the whole process (start-up and bundle loading included) and for the runtime alone
// (decide() in this process, no JSON I/O). Needs a built out/ (node esbuild.mjs).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomEvent, rng, writeEvents, parseEventArgs } from './events.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'bin', 'govrule.cjs');
const runtime = createRequire(import.meta.url)(join(root, 'out', 'runtime.cjs'));

const opts = parseEventArgs(process.argv.slice(2), 'bench/eval.mjs');
const dir = mkdtempSync(join(tmpdir(), 'govrule-eval-bench-'));
try {
    const bundleFile = join(dir, 'bundle.json');
    const compile = spawnSync(process.execPath, [cli, 'compile', join(root, 'examples', 'chongqing'), '-o', bundleFile], { stdio: 'inherit' });
    if (compile.status !== 0) throw new Error('compile failed');
    const bundleText = readFileSync(bundleFile, 'utf8');
    const bundle = JSON.parse(bundleText);
    const eventsFile = join(dir, 'events.jsonl');
    await writeEvents(eventsFile, bundle, opts.events);

    const outFile = join(dir, 'decisions.jsonl');
    const t0 = performance.now();
    const run = spawnSync('/bin/sh', ['-c', `"${process.execPath}" "${cli}" eval --bundle "${bundleFile}" --events "${eventsFile}" > "${outFile}"`], { stdio: ['ignore', 'inherit', 'inherit'] });
    const wall = (performance.now() - t0) / 1000;
    const lines = readFileSync(outFile, 'utf8').split('\n').filter(Boolean);
    const errors = lines.filter(l => l.startsWith('{"error"')).length;

    // The runtime alone: the same events, already parsed, decided in this process.
    const loaded = runtime.loadBundle(bundleText);
    const sample = [];
    const next = rng(42);
    for (let i = 0; i < Math.min(opts.events, 200_000); i++) sample.push(randomEvent(bundle, next, i));
    const rounds = Math.max(1, Math.round(opts.events / sample.length));
    const t1 = performance.now();
    let matched = 0;
    for (let r = 0; r < rounds; r++) {
        for (const event of sample) if (runtime.decide(loaded, event).rule !== null) matched++;
    }
    const inProcess = (performance.now() - t1) / 1000;

    const mb = (statSync(eventsFile).size / 1e6).toFixed(1);
    console.log(`events: ${opts.events} (${mb} MB of JSON Lines), decisions written: ${lines.length}, errors: ${errors}, exit: ${run.status}`);
    console.log(`govrule eval --events: ${wall.toFixed(2)} s wall, ${Math.round(opts.events / wall).toLocaleString('en-US')} events/s (process start and bundle load included)`);
    console.log(`decide() in process:   ${inProcess.toFixed(2)} s for ${rounds * sample.length} events, ${Math.round(rounds * sample.length / inProcess).toLocaleString('en-US')} events/s (${(100 * matched / (rounds * sample.length)).toFixed(1)}% matched a rule)`);
} finally {
    if (opts.keep) console.log(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
}
