// Benchmark of the GovRule language server, driven over stdio as an editor drives it.
//
//   node bench/lsp.mjs [--files N] [--rules N] [--rounds N] [--locale TAG]
//
// Starts out/server.cjs --stdio on two workspaces: a copy of examples/chongqing and a generated
// repository (bench/generate.mjs, default 200 files x 50 rules), and prints, per workspace:
// - load: from spawning the server until every file's diagnostics are published;
// - edit, own file: an edit that breaks (then mends) one reference in a rule, until that file's
//   diagnostics show it;
// - rename post, all files: renaming (then restoring) a post that many files use, until the last
//   diagnostics of the edit are published;
// - edit, bundle: a valid edit followed by the govrule.compile command (what the editor's live
//   preview does), until the bundle arrives;
// - hover and completion: request to answer, on the settled workspace;
// - switch language: the `govrule.locale` setting pushed (the other language, then back), until
//   the compile command answers after the rebuild that words everything again (every file
//   parsed, linked and validated) — compare with "edit: bundle", an edit and the same command;
// - the server's resident memory after load and its peak.
// Times are medians over --rounds edits (each edit, then its undo), in milliseconds. "The last
// diagnostics" means: none arrive for QUIET ms afterwards. --locale is sent as the client's display
// language in `initialize` (default: none, English). Needs a built out/server.cjs.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { generate } from './generate.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const server = join(here, '..', 'out', 'server.cjs');
const examples = join(here, '..', 'examples', 'chongqing');
const QUIET = 400;

function parseArgs(argv) {
    const opts = { files: 200, rules: 50, rounds: 5, locale: undefined };
    for (let k = 0; k < argv.length; k++) {
        const a = argv[k];
        if (a === '--locale' && argv[k + 1]) {
            opts.locale = argv[++k];
            continue;
        }
        const v = Number(argv[k + 1]);
        if (!['--files', '--rules', '--rounds'].includes(a) || !Number.isInteger(v) || v < 1) {
            console.error(`bad argument ${a}\nusage: node bench/lsp.mjs [--files N] [--rules N] [--rounds N] [--locale TAG]`);
            process.exit(2);
        }
        opts[a.slice(2)] = v;
        k++;
    }
    return opts;
}

function sourceFiles(dir) {
    return readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.govrule')).map((f) => join(dir, String(f))).sort();
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function memory(pid) {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

class Session {
    constructor(root) {
        this.root = root;
        this.published = new Map();
        this.lastPublish = 0;
        this.waiters = new Set();
        this.versions = new Map();
        this.texts = new Map();
        this.t0 = performance.now();
        this.child = spawn(process.execPath, [server, '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] });
        this.conn = createMessageConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin));
        this.conn.onNotification('textDocument/publishDiagnostics', ({ uri, diagnostics }) => {
            this.published.set(uri, diagnostics);
            this.lastPublish = performance.now();
            for (const check of [...this.waiters]) check();
        });
        for (const method of ['client/registerCapability', 'workspace/configuration', 'window/workDoneProgress/create', 'workspace/inlayHint/refresh', 'workspace/semanticTokens/refresh', 'workspace/codeLens/refresh']) {
            this.conn.onRequest(method, (params) => (method === 'workspace/configuration' ? params.items.map(() => null) : null));
        }
        this.conn.onNotification('window/logMessage', () => undefined);
        this.conn.listen();
    }

    uri(file) {
        return pathToFileURL(file).href;
    }

    /** Resolves when the predicate holds after a publish. */
    until(predicate) {
        return new Promise((resolve) => {
            const check = () => {
                if (predicate()) {
                    this.waiters.delete(check);
                    resolve(performance.now());
                }
            };
            this.waiters.add(check);
            check();
        });
    }

    /** Resolves with the time of the last publish once none has come for QUIET ms (after `since`, if given). */
    async quiet(since) {
        if (since !== undefined) await this.until(() => this.lastPublish > since);
        for (;;) {
            const seen = this.lastPublish;
            await new Promise((r) => setTimeout(r, QUIET));
            if (this.lastPublish === seen) return seen;
        }
    }

    async start(files, locale) {
        const rootUri = this.uri(this.root).replace(/\/$/, '');
        await this.conn.sendRequest('initialize', {
            processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'bench' }], ...(locale ? { locale } : {}),
            capabilities: { workspace: { workspaceFolders: true }, textDocument: { publishDiagnostics: {}, hover: { contentFormat: ['markdown'] } } },
        });
        this.conn.sendNotification('initialized', {});
        const uris = files.map((f) => this.uri(f));
        const loaded = await this.until(() => uris.every((u) => this.published.has(u)));
        await this.quiet();
        return loaded - this.t0;
    }

    open(file) {
        const uri = this.uri(file);
        const text = readFileSync(file, 'utf8');
        this.versions.set(uri, 1);
        this.texts.set(uri, text);
        this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'govrule', version: 1, text } });
        return this.quiet();
    }

    /** Replaces the whole text of an open file; resolves with the time it was sent. */
    change(file, text) {
        const uri = this.uri(file);
        const version = this.versions.get(uri) + 1;
        this.versions.set(uri, version);
        this.texts.set(uri, text);
        const sent = performance.now();
        this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
        return sent;
    }

    errors(file) {
        return (this.published.get(this.uri(file)) ?? []).filter((d) => d.severity === 1).length;
    }

    async request(method, params) {
        const t = performance.now();
        await this.conn.sendRequest(method, params);
        return performance.now() - t;
    }

    async stop() {
        await Promise.race([this.conn.sendRequest('shutdown').then(() => this.conn.sendNotification('exit')), new Promise((r) => setTimeout(r, 3000))]);
        this.child.kill();
    }
}

function position(text, needle) {
    const index = text.indexOf(needle);
    if (index < 0) throw new Error(`'${needle}' not found`);
    const before = text.slice(0, index).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
}

async function measure(name, root, rounds, locale) {
    const files = sourceFiles(root);
    const session = new Session(root);
    const load = await session.start(files, locale);
    const afterLoad = memory(session.child.pid);

    // A rule file, and the vocabulary file that declares the most used post.
    const withRules = files.filter((f) => /responsible \w+/.test(readFileSync(f, 'utf8')) && !/^\s*post /m.test(readFileSync(f, 'utf8')));
    const ruleFile = withRules[Math.floor(withRules.length / 2)];
    const ruleText = readFileSync(ruleFile, 'utf8');
    const post = /responsible (\w+)/.exec(ruleText)[1];
    const vocabFile = files.find((f) => new RegExp(`^\\s*post ${post}\\b`, 'm').test(readFileSync(f, 'utf8')));
    const vocabText = readFileSync(vocabFile, 'utf8');
    await session.open(ruleFile);
    await session.open(vocabFile);

    const own = [];
    const broken = ruleText.replace(`responsible ${post}`, `responsible ${post}Typo`);
    for (let k = 0; k < rounds; k++) {
        for (const [text, wantErrors] of [[broken, true], [ruleText, false]]) {
            const sent = session.change(ruleFile, text);
            own.push((await session.until(() => (session.errors(ruleFile) > 0) === wantErrors)) - sent);
            await session.quiet(sent);
        }
    }

    // What "Preview Compiled JSON" does as you type: a valid edit, then the compile command.
    const compiled = [];
    for (let k = 0; k < rounds * 2; k++) {
        const sent = session.change(ruleFile, k % 2 === 0 ? `${ruleText}\n` : ruleText);
        await session.conn.sendRequest('workspace/executeCommand', { command: 'govrule.compile', arguments: [] });
        compiled.push(performance.now() - sent);
    }

    const global = [];
    const users = files.filter((f) => f !== vocabFile && new RegExp(`\\b${post}\\b`).test(readFileSync(f, 'utf8')));
    const renamed = vocabText.replace(new RegExp(`^(\\s*post )${post}\\b`, 'm'), `$1${post}Renamed`);
    for (let k = 0; k < rounds; k++) {
        for (const text of [renamed, vocabText]) {
            const sent = session.change(vocabFile, text);
            const last = await session.quiet(sent);
            global.push(last - sent);
        }
    }

    const hover = [];
    const completion = [];
    const at = position(ruleText, `responsible ${post}`);
    const textDocument = { uri: session.uri(ruleFile) };
    for (let k = 0; k < 20; k++) {
        hover.push(await session.request('textDocument/hover', { textDocument, position: { line: at.line, character: at.character + 13 } }));
        completion.push(await session.request('textDocument/completion', { textDocument, position: { line: at.line, character: at.character + 12 } }));
    }
    // The client cannot be asked (no configuration capability): it pushes the setting. The
    // compile command answers once the rebuild it starts is validated (only changed diagnostics
    // are published, so a clean workspace publishes nothing to wait for).
    const switched = [];
    for (let k = 0; k < rounds; k++) {
        // Always to the other language and back, whichever the client speaks.
        for (const value of /^zh/i.test(locale ?? '') ? ['en', 'zh-CN'] : ['zh-CN', 'en']) {
            const sent = performance.now();
            session.conn.sendNotification('workspace/didChangeConfiguration', { settings: { govrule: { locale: value } } });
            await session.conn.sendRequest('workspace/executeCommand', { command: 'govrule.compile', arguments: [] }).catch(() => undefined);
            switched.push(performance.now() - sent);
        }
    }
    const end = memory(session.child.pid);
    await session.stop();
    const rules = files.reduce((n, f) => n + (readFileSync(f, 'utf8').match(/^\s*rule /gm) ?? []).length, 0);
    return {
        name, files: files.length, rules, users: users.length, load, localOwn: median(own), compiled: median(compiled),
        global: median(global), hover: median(hover), completion: median(completion), switched: median(switched), rss: afterLoad.rss, peak: end.peak,
        edited: relative(root, ruleFile),
    };
}

const opts = parseArgs(process.argv.slice(2));
const base = mkdtempSync(join(tmpdir(), 'govrule-bench-lsp-'));
try {
    const copy = join(base, 'examples');
    cpSync(examples, copy, { recursive: true });
    rmSync(join(copy, 'dist'), { recursive: true, force: true });
    const generated = join(base, 'generated');
    generate(generated, { files: opts.files, rulesPerFile: opts.rules });
    const rows = [await measure('examples', copy, opts.rounds, opts.locale), await measure(`${opts.files}x${opts.rules}`, generated, opts.rounds, opts.locale)];
    const cols = [
        ['workspace', (r) => r.name], ['files', (r) => r.files], ['rules', (r) => r.rules], ['load ms', (r) => r.load],
        ['edit: own file ms', (r) => r.localOwn], ['rename post: all files ms', (r) => r.global],
        ['edit: bundle ms', (r) => r.compiled], ['hover ms', (r) => r.hover], ['completion ms', (r) => r.completion], ['switch language ms', (r) => r.switched],
        ['RSS MB', (r) => r.rss], ['peak MB', (r) => r.peak],
    ];
    const cell = (v) => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(v < 10 ? 1 : 0)) : String(v));
    const table = [cols.map(([h]) => h), ...rows.map((r) => cols.map(([, f]) => cell(f(r))))];
    const widths = cols.map((_, i) => Math.max(...table.map((row) => row[i].length)));
    for (const row of table) console.log(row.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '));
    console.log(`locale: ${opts.locale ?? 'none sent (English)'}; medians of ${opts.rounds * 2} edits, 20 requests and ${opts.rounds * 2} switches; "all files" = until the last diagnostics of the edit (none for ${QUIET} ms after).`);
    for (const r of rows) console.log(`${r.name}: edited ${r.edited}; the renamed post is used in ${r.users} files`);
} finally {
    rmSync(base, { recursive: true, force: true });
}
