// What wording many diagnostics costs: `govrule check` on a repository where every rule has
// problems (a misspelt post, a label written where a name belongs, a full-width comma, an
// unknown parameter), so that every message goes through the catalogue and the name hints.
//
//   node bench/diagnostics.mjs [--files N] [--rules N] [--rounds N] [--cli PATH]
//
// Prints, per round, the wall and CPU milliseconds spent in main() (bench/measure.cjs) and the
// peak RSS, then the median. `--cli` measures another build's out/cli.cjs (its measure.cjs is
// used), to compare two versions on the same repository. Needs a built out/cli.cjs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

function parseArgs(argv) {
    const opts = { files: 100, rules: 50, rounds: 3, cli: undefined };
    for (let k = 0; k < argv.length; k++) {
        const a = argv[k];
        if (a === '--cli') opts.cli = resolve(argv[++k] ?? '');
        else if (a === '--files' || a === '--rules' || a === '--rounds') {
            const v = Number(argv[++k]);
            if (!Number.isInteger(v) || v < 1) usage(`${a} needs a positive integer`);
            opts[a.slice(2)] = v;
        } else usage(`unknown argument ${a}`);
    }
    return opts;
}

function usage(msg) {
    console.error(`${msg}\nusage: node bench/diagnostics.mjs [--files N] [--rules N] [--rounds N] [--cli PATH]`);
    process.exit(2);
}

const VOCABULARY = `package b.common

severities {
    minor    "一般"
    serious  "较重"
    critical "特别严重"
}

post reviewer "内容审核员"
post editor   "值班编辑"
authority cac "网信办"

action remove "删除信息"
action rectify "责令改正" (deadline: duration)
`;

function rulesFile(file, rules) {
    const lines = [`package b.f${file}`, 'import b.common.*', '', `category c${file} "类别${file}"`, ''];
    for (let r = 0; r < rules; r++) {
        lines.push(`rule r${r} {`, `    category c${file}`, '    severity 较重', '    responsible reviwer',
            `    actions remove，rectify(deadlin: 5d)`, '    escalate { after 2h to 值班编辑 }', '}', '');
    }
    return lines.join('\n');
}

const opts = parseArgs(process.argv.slice(2));
const dir = mkdtempSync(join(tmpdir(), 'govrule-bench-diagnostics-'));
try {
    mkdirSync(join(dir, 'rules'));
    writeFileSync(join(dir, 'rules', 'common.govrule'), VOCABULARY);
    for (let f = 0; f < opts.files; f++) {
        writeFileSync(join(dir, 'rules', `f${f}.govrule`), rulesFile(f, opts.rules));
    }
    const measure = opts.cli ? join(dirname(opts.cli), '..', 'bench', 'measure.cjs') : join(here, 'measure.cjs');
    console.log(`govrule check: ${opts.files} files × ${opts.rules} rules, 5 problems per rule (${measure})`);
    const results = [];
    for (let round = 1; round <= opts.rounds; round++) {
        const child = spawnSync(process.execPath, [measure, 'check', 'rules', '--format', 'json'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30 });
        const last = child.stdout.trim().split('\n').pop() ?? '';
        const result = JSON.parse(last);
        results.push(result);
        console.log(`round ${round}: ${result.ms} ms in main(), ${result.cpuMs} ms CPU, ${result.maxRssMB} MB peak RSS, exit ${result.code}`);
    }
    const median = (key) => results.map(r => r[key]).sort((a, b) => a - b)[Math.floor(results.length / 2)];
    console.log(`median: ${median('ms')} ms in main(), ${median('cpuMs')} ms CPU, ${median('maxRssMB')} MB peak RSS`);
} finally {
    rmSync(dir, { recursive: true, force: true });
}
