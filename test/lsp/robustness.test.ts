/**
 * The server survives a burst of random edits, valid and broken, with requests in between, and
 * ends with the same diagnostics as `govrule check` on the final text.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { CLI_BIN, LspClient, positionAt } from '../helpers/lsp-client.js';
import { FILES, fixtureWorkspace } from './fixture.js';

const EDITS = 500;
const FRAGMENTS = [
    'rule x {', '}', '{', 'category ', 'severity ', 'critical', 'responsible editor', '\n', ' ', '    ', 'actions remove',
    '(', ')', 'after 2h to cac', '"str', '"ok"', '/*', '*/', '// note\n', '/** doc */', 'import demo.common.*\n', 'package demo.x\n',
    '.', ',', '==', 'when reports > 3', 'when channel in [app, website]', 'not ', ' and ', ' or ', '涉企', '谣言 ', '123', '4.5',
    '2026-13-45', '2026-02-28', 'effective 2026-01-01 .. 2025-01-01', 'escalate {', 'escalate { after 0m to editor }',
    'fine(amount: 5.555 cny)', 'rectify(deadline: 5d)', 'rectify', 'post p', 'authority a "甲"', 'action act (x: number)',
    'attribute attr: enum { a, b }', 'attribute reports: text', 'severities { low high }', 'category c { category d }',
    'test "t" { given leak expect rule dataLeak }', 'priority 2', 'disabled', 'basis "x"', '\r\n', '\t', '??', '@', '"', '\\',
    'demo.common.reviewer', 'rumor.enterprise', 'rumor.', 'leak', 'reviewer', 'editor', 'cac', 'selfMedia', 'verified',
];

/** A small deterministic PRNG (mulberry32): the same edits on every run. */
function random(seed: number) {
    let state = seed >>> 0;
    const next = () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const int = (n: number) => Math.floor(next() * n);
    return { next, int, pick: <T>(items: readonly T[]) => items[int(items.length)] };
}

/** Request kinds sent while edits keep coming; they may be cancelled or refused, never fail. */
const REQUESTS = [
    'textDocument/hover', 'textDocument/completion', 'textDocument/definition', 'textDocument/references', 'textDocument/documentHighlight',
    'textDocument/documentSymbol', 'textDocument/semanticTokens/full', 'textDocument/foldingRange', 'textDocument/inlayHint',
    'textDocument/signatureHelp', 'textDocument/prepareRename', 'textDocument/rename', 'textDocument/codeAction', 'textDocument/formatting',
];
/** RequestCancelled, ContentModified, ServerCancelled, RequestFailed (a refusal such as "cannot rename"). */
const ACCEPTABLE_ERRORS = new Set([-32800, -32801, -32802, -32803]);

let client: LspClient | undefined;
afterAll(async () => client?.stop());

/** Every position-based request at a few places of a file: answers or refusals, never failures. */
async function everyRequest(c: LspClient, file: string, failures: string[]): Promise<void> {
    const text = c.text(file);
    for (const offset of [0, Math.floor(text.length / 2), text.length]) {
        const position = positionAt(text, offset);
        for (const method of REQUESTS) {
            await c.request(method, {
                textDocument: { uri: c.uri(file) }, position, newName: 'renamed', context: { includeDeclaration: true, diagnostics: c.diagnostics(file) },
                range: { start: { line: 0, character: 0 }, end: position }, options: { tabSize: 4, insertSpaces: true },
            }).catch((err: { code?: number; message?: string }) => {
                if (!ACCEPTABLE_ERRORS.has(err.code ?? 0)) {
                    failures.push(`${method} at ${offset} of ${file}: ${err.code} ${err.message}`);
                }
            });
        }
    }
}

test('pathological files: deep nesting, a very long line, control characters, many rules', async () => {
    const root = fixtureWorkspace();
    const c = await LspClient.start(root);
    try {
        const failures: string[] = [];
        const cases: Record<string, string> = {
            'deep.govrule': `package demo.deep\nrule r { when ${'('.repeat(3000)}reports > 1${')'.repeat(3000)} }\n`,
            'nots.govrule': `package demo.nots\nrule r { when ${'not '.repeat(3000)}verified }\n`,
            'long.govrule': `package demo.long\n/* ${'长'.repeat(100_000)} */ post p "${'x'.repeat(50_000)}"\n`,
            'control.govrule': 'package demo.ctl\u0000\u0007\nrule \u200b r {}\n\u2028post q\n',
            'many.govrule': `package demo.many\nimport demo.common.*\ncategory c\n${Array.from({ length: 2000 }, (_, i) => `rule r${i} { category c severity minor responsible reviewer actions remove when reports > ${i} }`).join('\n')}\n`,
        };
        for (const [file, text] of Object.entries(cases)) {
            await c.open(file, text);
            await c.settle();
            expect(c.published.has(c.uri(file)), file).toBe(true);
            await everyRequest(c, file, failures);
        }
        expect(failures).toEqual([]);
        expect(c.alive).toBe(true);
        expect(c.stderr).not.toMatch(/uncaught exception|unhandled rejection|failed/i);
    } finally {
        await c.stop();
    }
}, 180_000);

test(`${EDITS} random edits with requests in between: no crash, and the diagnostics are the CLI's at checkpoints and at the end`, async () => {
    const root = fixtureWorkspace();
    client = await LspClient.start(root);
    const c = client;
    const files = Object.keys(FILES).filter(f => f.endsWith('.govrule'));
    for (const file of files) {
        await c.open(file);
    }
    const r = random(20260601);
    const failures: string[] = [];
    const pending: Array<Promise<unknown>> = [];
    for (let i = 0; i < EDITS; i++) {
        const file = r.pick(files);
        const text = c.text(file);
        const start = r.int(text.length + 1);
        const op = r.next();
        if (op < 0.35) {
            await c.edit(file, start, start, r.pick(FRAGMENTS));
        } else if (op < 0.6) {
            await c.edit(file, start, Math.min(text.length, start + 1 + r.int(40)), '');
        } else if (op < 0.85) {
            await c.edit(file, start, Math.min(text.length, start + r.int(12)), r.pick(FRAGMENTS));
        } else if (op < 0.93) {
            // Back to a valid file now and then, so the burst also passes through good states.
            await c.edit(file, 0, text.length, FILES[file as keyof typeof FILES]);
        } else {
            await c.edit(file, 0, text.length, '');
        }
        if (i % 100 === 99) {
            // A checkpoint on the way: the server agrees with the CLI after every settled rebuild.
            await c.settle();
            sameAsCli(c, root, files);
        }
        if (i % 7 === 0) {
            const target = r.pick(files);
            const current = c.text(target);
            const position = positionAt(current, r.int(current.length + 1));
            const method = r.pick(REQUESTS);
            const textDocument = { uri: c.uri(target) };
            const params = {
                textDocument, position, newName: 'renamed', context: { includeDeclaration: true, diagnostics: c.diagnostics(target) },
                range: { start: { line: 0, character: 0 }, end: position }, options: { tabSize: 4, insertSpaces: true },
            };
            pending.push(c.request(method, params).catch((err: { code?: number; message?: string }) => {
                if (!ACCEPTABLE_ERRORS.has(err.code ?? 0)) {
                    failures.push(`${method} at ${target} ${position.line}:${position.character}: ${err.code} ${err.message}`);
                }
            }));
        }
    }
    await Promise.all(pending);
    await c.settle();
    expect(c.alive).toBe(true);
    expect(failures).toEqual([]);
    expect(c.stderr).not.toMatch(/uncaught exception|unhandled rejection|failed/i);
    const final = sameAsCli(c, root, files);
    // The burst ended somewhere interesting: the final text has problems to compare.
    expect(final).toBeGreaterThan(0);
}, 180_000);

/**
 * Writes the editor's texts to disk, runs `govrule check --format json` there and expects the
 * server's diagnostics to be the same; returns how many there are.
 */
function sameAsCli(c: LspClient, root: string, files: readonly string[]): number {
    for (const file of files) {
        fs.writeFileSync(path.join(root, file), c.text(file));
    }
    const check = spawnSync(process.execPath, [CLI_BIN, 'check', '--format', 'json'], { cwd: root, encoding: 'utf8' });
    expect(check.status, check.stderr).not.toBe(2);
    const cli = JSON.parse(check.stdout) as Array<Record<string, unknown>>;
    const severities = ['', 'error', 'warning', 'info', 'hint'];
    const server = files.flatMap(file => c.diagnostics(file).map(d => ({
        file,
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
        endLine: d.range.end.line + 1,
        endColumn: d.range.end.character + 1,
        severity: severities[d.severity ?? 1],
        code: d.code,
        message: d.message,
    })));
    const order = (a: Record<string, unknown>, b: Record<string, unknown>) => JSON.stringify(a).localeCompare(JSON.stringify(b));
    expect(server.sort(order)).toEqual(cli.sort(order));
    return cli.length;
}
