// Throughput and memory of the replay `govrule diff OLD NEW --events FILE`.
//
//   node bench/diff.mjs [--events N] [--keep]
//
// Compiles examples/chongqing into the OLD bundle and derives a NEW one from it (every third
// rule one severity higher, every fifth with priority 10, one rule removed), writes N random
// events (default 1,000,000; bench/events.mjs), then runs the replay through bench/measure.cjs
// and prints events per second (each event is decided by both bundles) and the peak RSS.
// Needs a built out/ (node esbuild.mjs).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeEvents, parseEventArgs } from './events.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'bin', 'govrule.cjs');
const measure = join(root, 'bench', 'measure.cjs');

/** The NEW side: a plausible change of severities, priorities and one rule. */
function changed(bundle) {
    const ranks = bundle.severities.map(s => s.id);
    const next = structuredClone(bundle);
    next.rules = next.rules.filter((_, i) => i !== 1).map((rule, i) => ({
        ...rule,
        severity: i % 3 === 0 ? ranks[Math.min(ranks.length - 1, ranks.indexOf(rule.severity) + 1)] : rule.severity,
        priority: i % 5 === 0 ? 10 : rule.priority,
    }));
    // Tests name the removed rule; the bundle's tests are not part of a replay.
    next.tests = [];
    return next;
}

const opts = parseEventArgs(process.argv.slice(2), 'bench/diff.mjs');
const dir = mkdtempSync(join(tmpdir(), 'govrule-diff-bench-'));
try {
    const oldFile = join(dir, 'old.json');
    const compile = spawnSync(process.execPath, [cli, 'compile', join(root, 'examples', 'chongqing'), '-o', oldFile, '--quiet'], { stdio: 'inherit' });
    if (compile.status !== 0) throw new Error('compile failed');
    const bundle = JSON.parse(readFileSync(oldFile, 'utf8'));
    const newFile = join(dir, 'new.json');
    writeFileSync(newFile, JSON.stringify(changed(bundle)));
    const eventsFile = join(dir, 'events.jsonl');
    await writeEvents(eventsFile, bundle, opts.events);

    const run = spawnSync(process.execPath, [measure, 'diff', oldFile, newFile, '--events', eventsFile, '--format', 'json', '--samples', '3'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const lines = run.stdout.trimEnd().split('\n');
    const cost = JSON.parse(lines.at(-1));
    const report = JSON.parse(lines.slice(0, -1).join('\n'));
    const seconds = cost.ms / 1000;
    const mb = (statSync(eventsFile).size / 1e6).toFixed(1);
    console.log(`events: ${opts.events} (${mb} MB of JSON Lines), rules: ${bundle.rules.length}, exit: ${cost.code}`);
    console.log(`replay: ${report.replay.changed} decisions changed (${report.replay.changedPercent}%), ${report.replay.byWinner.length} winner groups`);
    const rate = s => Math.round(opts.events / s).toLocaleString('en-US');
    // Each event is decided by both bundles: N events/s is N decisions/s per side.
    console.log(`govrule diff --events: ${seconds.toFixed(2)} s in main(), ${rate(seconds)} events/s; ${(cost.cpuMs / 1000).toFixed(2)} s CPU, ${rate(cost.cpuMs / 1000)} events/s of CPU; peak RSS ${cost.maxRssMB} MB`);
    if (run.status !== 0 && run.status !== 1) {
        console.error(run.stderr);
        process.exitCode = 1;
    }
} finally {
    if (opts.keep) console.log(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
}
