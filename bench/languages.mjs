// What speaking Chinese costs the command line: wall time of `govrule check`, `govrule test`
// (with a failing test, so the report renders labels) and `govrule --help`, in English and in
// Chinese, on a copy of examples/chongqing.
//
//   node bench/languages.mjs [--rounds N]
//
// Each command runs N times (default 7) per language, alternating the languages; the table shows
// the median and the spread. Needs a built out/ (node esbuild.mjs).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'bin', 'govrule.cjs');
const at = process.argv.indexOf('--rounds');
const rounds = at === -1 ? 7 : Number(process.argv[at + 1]);
if (!Number.isInteger(rounds) || rounds < 1) {
    console.error('usage: node bench/languages.mjs [--rounds N]');
    process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), 'govrule-languages-bench-'));
try {
    cpSync(join(root, 'examples', 'chongqing'), dir, { recursive: true });
    const tests = join(dir, 'tests', 'rumor.govrule');
    writeFileSync(tests, readFileSync(tests, 'utf8').replace('expect severity serious', 'expect severity severe'));
    const commands = { check: ['check'], test: ['test'], help: ['--help'] };
    const times = {};
    for (let round = 0; round < rounds; round++) {
        for (const [name, args] of Object.entries(commands)) {
            for (const lang of round % 2 === 0 ? ['en', 'zh-CN'] : ['zh-CN', 'en']) {
                const start = process.hrtime.bigint();
                const result = spawnSync(process.execPath, [cli, ...args, '--lang', lang], { cwd: dir, encoding: 'utf8' });
                const ms = Number(process.hrtime.bigint() - start) / 1e6;
                if (result.status !== (name === 'test' ? 1 : 0)) {
                    throw new Error(`${args.join(' ')} --lang ${lang} exited ${result.status}:\n${result.stderr}`);
                }
                (times[`${name} ${lang}`] ??= []).push(ms);
            }
        }
    }
    const median = list => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
    console.log(`govrule on examples/chongqing, ${rounds} rounds (ms, median [min–max])`);
    console.log('command   en                     zh-CN                  zh-CN/en');
    for (const name of Object.keys(commands)) {
        const [en, zh] = [times[`${name} en`], times[`${name} zh-CN`]];
        const cell = list => `${median(list).toFixed(0).padStart(5)} [${Math.min(...list).toFixed(0)}–${Math.max(...list).toFixed(0)}]`.padEnd(23);
        console.log(`${name.padEnd(10)}${cell(en)}${cell(zh)}${(median(zh) / median(en)).toFixed(2)}`);
    }
} finally {
    rmSync(dir, { recursive: true, force: true });
}
