// Benchmark of what the editor's Test Explorer asks of the language server, over stdio.
//
//   node bench/tests.mjs [--files N] [--rules N] [--rounds N]
//
// Starts out/server.cjs --stdio on a copy of examples/chongqing and on a generated repository
// (bench/generate.mjs, default 200 files x 50 rules, one test per file) and prints, per
// workspace, medians over --rounds requests on the settled workspace, in milliseconds:
// - list: `govrule.listTests` (the tree of the Testing view);
// - run all: `govrule.runSelectedTests` without a selection (one compile, every test);
// - run all + coverage: the same with `coverage: true`, and the size of its answer;
// - run one: one test by name;
// - run file by file: `govrule.runTests` on each file with tests in turn, once (what "Run all
//   tests" cost when each file was compiled and run on its own).
// Needs a built out/server.cjs.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { generate } from './generate.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const server = join(here, '..', 'out', 'server.cjs');
const examples = join(here, '..', 'examples', 'chongqing');

function parseArgs(argv) {
    const opts = { files: 200, rules: 50, rounds: 5 };
    for (let k = 0; k < argv.length; k += 2) {
        const v = Number(argv[k + 1]);
        if (!['--files', '--rules', '--rounds'].includes(argv[k]) || !Number.isInteger(v) || v < 1) {
            console.error(`bad argument ${argv[k]}\nusage: node bench/tests.mjs [--files N] [--rules N] [--rounds N]`);
            process.exit(2);
        }
        opts[argv[k].slice(2)] = v;
    }
    return opts;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function sourceFiles(dir) {
    return readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.govrule')).map((f) => join(dir, String(f)));
}

async function measure(name, root, rounds) {
    const child = spawn(process.execPath, [server, '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] });
    const conn = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const published = new Set();
    let onPublish = () => undefined;
    conn.onNotification('textDocument/publishDiagnostics', ({ uri }) => {
        published.add(uri);
        onPublish();
    });
    for (const method of ['client/registerCapability', 'workspace/configuration', 'window/workDoneProgress/create', 'workspace/codeLens/refresh']) {
        conn.onRequest(method, (params) => (method === 'workspace/configuration' ? params.items.map(() => null) : null));
    }
    conn.onNotification('window/logMessage', () => undefined);
    conn.listen();
    const rootUri = pathToFileURL(root).href.replace(/\/$/, '');
    await conn.sendRequest('initialize', { processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'bench' }], capabilities: {} });
    conn.sendNotification('initialized', {});
    const uris = sourceFiles(root).map((f) => pathToFileURL(f).href);
    await new Promise((resolve) => {
        onPublish = () => uris.every((u) => published.has(u)) && resolve();
        onPublish();
    });

    const command = (name, ...args) => conn.sendRequest('workspace/executeCommand', { command: name, arguments: args });
    const timed = async (work) => {
        const times = [];
        let answer;
        for (let k = 0; k < rounds; k++) {
            const t = performance.now();
            answer = await work();
            times.push(performance.now() - t);
        }
        return { ms: median(times), answer };
    };
    const list = await timed(() => command('govrule.listTests'));
    const files = list.answer;
    const tests = files.reduce((n, f) => n + f.tests.length, 0);
    const all = await timed(() => command('govrule.runSelectedTests', {}));
    const failed = all.answer.files.reduce((n, f) => n + f.failed, 0);
    const coverage = await timed(() => command('govrule.runSelectedTests', { coverage: true }));
    const one = await timed(() => command('govrule.runSelectedTests', { tests: [{ uri: files[0].uri, name: files[0].tests[0].name }] }));
    // Once, not --rounds times: it compiles the workspace once per file.
    const started = performance.now();
    for (const file of files) await command('govrule.runTests', file.uri);
    const byFile = { ms: performance.now() - started };
    await Promise.race([conn.sendRequest('shutdown').then(() => conn.sendNotification('exit')), new Promise((r) => setTimeout(r, 3000))]);
    child.kill();
    return {
        name, files: files.length, tests, failed, list: list.ms, all: all.ms, coverage: coverage.ms,
        coverageKB: Buffer.byteLength(JSON.stringify(coverage.answer.coverage)) / 1024, one: one.ms, byFile: byFile.ms,
    };
}

const opts = parseArgs(process.argv.slice(2));
const base = mkdtempSync(join(tmpdir(), 'govrule-bench-tests-'));
try {
    const copy = join(base, 'examples');
    cpSync(examples, copy, { recursive: true });
    rmSync(join(copy, 'dist'), { recursive: true, force: true });
    const generated = join(base, 'generated');
    generate(generated, { files: opts.files, rulesPerFile: opts.rules });
    const rows = [];
    for (const [name, root] of [['examples', copy], [`${opts.files}x${opts.rules}`, generated]]) {
        rows.push(await measure(name, root, opts.rounds));
        console.error(`measured ${name}`);
    }
    const cols = [
        ['workspace', (r) => r.name], ['test files', (r) => r.files], ['tests', (r) => r.tests], ['failed', (r) => r.failed],
        ['list ms', (r) => r.list], ['run all ms', (r) => r.all], ['run all + coverage ms', (r) => r.coverage], ['coverage KB', (r) => r.coverageKB],
        ['run one ms', (r) => r.one], ['run file by file ms', (r) => r.byFile],
    ];
    const cell = (v) => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(v < 10 ? 1 : 0)) : String(v));
    const table = [cols.map(([h]) => h), ...rows.map((r) => cols.map(([, f]) => cell(f(r))))];
    const widths = cols.map((_, i) => Math.max(...table.map((row) => row[i].length)));
    for (const row of table) console.log(row.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '));
    console.log(`medians of ${opts.rounds} requests each (file by file: one pass), on the settled workspace`);
} finally {
    rmSync(base, { recursive: true, force: true });
}
