// What the post management list costs: `govrule check` (with the post-surface lint on every rule)
// and `govrule report posts` in each format, on a synthetic repository of F files × R rules whose
// conditions restrict the surface, next to the same repository without `managed`/`manages` (the
// lint then has nothing to read).
//
//   node bench/posts.mjs [--files N] [--rules N] [--rounds N]
//
// Prints the median wall time of each command. Needs a built out/ (node esbuild.mjs).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'bin', 'govrule.cjs');
const option = (name, fallback) => {
    const at = process.argv.indexOf(name);
    const value = at === -1 ? fallback : Number(process.argv[at + 1]);
    if (!Number.isInteger(value) || value < 1) {
        console.error('usage: node bench/posts.mjs [--files N] [--rules N] [--rounds N]');
        process.exit(2);
    }
    return value;
};
const files = option('--files', 100);
const rules = option('--rules', 50);
const rounds = option('--rounds', 3);

const SURFACES = ['information', 'comment', 'account', 'page', 'ranking'];
const POSTS = SURFACES.map((_, i) => [`post${i}`, SURFACES.filter((__, j) => j !== i)]);

function write(dir, managed) {
    const vocabulary = [
        'package bench.common',
        'severities { minor serious }',
        'action remove',
        `${managed ? 'managed ' : ''}attribute surface: enum { ${SURFACES.join(', ')} } default information`,
        'attribute reports: number default 0',
        ...POSTS.map(([name, surfaces]) => `post ${name}${managed ? ` manages ${surfaces.join(', ')}` : ''}`),
    ].join('\n');
    mkdirSync(join(dir, 'rules'), { recursive: true });
    writeFileSync(join(dir, 'common.govrule'), `${vocabulary}\n`);
    for (let f = 0; f < files; f++) {
        const lines = [`package bench.f${f}`, 'import bench.common.*', 'category c'];
        for (let r = 0; r < rules; r++) {
            const surface = SURFACES[(f + r) % SURFACES.length];
            const index = (f * 7 + r) % POSTS.length;
            const post = POSTS[index][0];
            const other = POSTS[(index + 1) % POSTS.length][0];
            lines.push(`rule r${r} { category c severity serious responsible ${post} actions remove`
                + ` when (surface == ${surface} or surface == page) and reports > ${r}`
                + ` escalate { after 1h to ${other} } priority ${r} }`);
        }
        writeFileSync(join(dir, 'rules', `f${f}.govrule`), `${lines.join('\n')}\n`);
    }
}

function time(args, cwd) {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.status !== 0) {
        throw new Error(`${args.join(' ')} exited ${result.status}:\n${result.stderr.slice(0, 2000)}`);
    }
    return { ms, stderr: result.stderr };
}

const median = list => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const base = mkdtempSync(join(tmpdir(), 'govrule-posts-bench-'));
try {
    const withList = join(base, 'with');
    const without = join(base, 'without');
    write(withList, true);
    write(without, false);
    const commands = [
        ['check, without a post list', ['check', '--max-warnings', '1000000000'], without],
        ['check, with the post list', ['check', '--max-warnings', '1000000000'], withList],
        ['report posts (text)', ['report', 'posts'], withList],
        ['report posts (markdown)', ['report', 'posts', '--format', 'markdown'], withList],
        ['report posts (csv)', ['report', 'posts', '--format', 'csv'], withList],
    ];
    console.log(`${files} files × ${rules} rules, ${rounds} rounds (median wall time)`);
    for (const [name, args, cwd] of commands) {
        const runs = Array.from({ length: rounds }, () => time(args, cwd));
        const warnings = /(\d+) warnings?/.exec(runs[0].stderr)?.[1];
        console.log(`${name.padEnd(30)}${median(runs.map(r => r.ms)).toFixed(0).padStart(7)} ms${warnings !== undefined ? `  (${warnings} warnings)` : ''}`);
    }
} finally {
    rmSync(base, { recursive: true, force: true });
}
