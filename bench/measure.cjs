// Runs one CLI command in this process and reports its cost.
//   node bench/measure.cjs <command> <dir> [args...]
// Calls main() of out/cli.cjs with `--quiet` added. The LAST line of stdout is
// JSON: { "ms": time spent in main(), "cpuMs": CPU time of the process in main(), "maxRssMB": peak RSS of the process, "code": exit code }.
'use strict';
const path = require('node:path');

const argv = [...process.argv.slice(2), '--quiet'];
let main;
try {
    ({ main } = require(path.join(__dirname, '..', 'out', 'cli.cjs')));
} catch (err) {
    console.error(`measure: cannot load out/cli.cjs (run npm run build first): ${err.message}`);
    process.stdout.write('\n' + JSON.stringify({ ms: 0, maxRssMB: Math.round(process.resourceUsage().maxRSS / 102.4) / 10, code: 2, error: 'cannot load out/cli.cjs' }) + '\n');
    process.exitCode = 2;
    return;
}

const t0 = performance.now();
const cpu0 = process.cpuUsage();
Promise.resolve()
    .then(() => main(argv))
    .then(
        (code) => report(code, undefined),
        (err) => report(99, err),
    );

function report(code, err) {
    const ms = performance.now() - t0;
    if (err) console.error('measure: main() threw:', err && err.stack ? err.stack : err);
    const cpu = process.cpuUsage(cpu0);
    // CPU time (user + system) is steadier than wall time on a shared machine.
    const result = { ms: Math.round(ms), cpuMs: Math.round((cpu.user + cpu.system) / 1000), maxRssMB: Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10, code };
    if (err) result.error = String(err && err.message ? err.message : err);
    // A leading newline keeps the JSON on a line of its own even if the CLI left a partial line.
    // Exit explicitly once the line is flushed, so a handle the CLI left open cannot hang the benchmark.
    process.stdout.write('\n' + JSON.stringify(result) + '\n', () => process.exit(typeof code === 'number' ? code : 99));
}
