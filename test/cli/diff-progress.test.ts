/**
 * The replay's progress line, with the CLI spawned: on a pseudo-terminal (util-linux `script`)
 * it appears once the run has lasted a second and is erased before the report; with stderr a
 * pipe, nothing is written there however long the run. Events come on stdin (through a FIFO and
 * `cat` under `script`), fed by the test in batches, so the run lasts as long as the test keeps
 * writing; no timing is asserted.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, test } from 'vitest';
import { BIN, describeRun, runCli } from '../helpers/cli.js';
import { tempFolder } from '../helpers/temp.js';

const HAS_SCRIPT = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
const EVENT = '{"category":"p.news","attributes":{"reports":1},"date":"2026-06-01"}\n';
const BATCH = EVENT.repeat(2048);

let folder = '';

beforeAll(() => {
    folder = tempFolder({ 'a.govrule': 'package p\nseverities { low high }\npost reviewer\naction remove\nattribute reports: number default 0\ncategory news\nrule r { category news severity low responsible reviewer actions remove when reports > 0 }\n' });
    const compiled = runCli(['compile', 'a.govrule', '-o', 'a.json'], { cwd: folder });
    expect(compiled.status, describeRun(compiled)).toBe(0);
});

/** A new FIFO in the folder, and a stream writing to it (opened once a reader opens it). */
function fifo(name: string): { file: string; writer: fs.WriteStream } {
    const file = path.join(folder, name);
    execFileSync('mkfifo', [file]);
    return { file, writer: fs.createWriteStream(file) };
}

function collect(child: ChildProcess): { out: () => string; err: () => string; exit: Promise<number | null> } {
    let out = '';
    let err = '';
    child.stdout!.on('data', chunk => { out += chunk; });
    child.stderr!.on('data', chunk => { err += chunk; });
    const exit = new Promise<number | null>(resolve => child.on('close', code => resolve(code)));
    return { out: () => out, err: () => err, exit };
}

async function write(writer: NodeJS.WritableStream, text: string): Promise<void> {
    if (!writer.write(text)) {
        await new Promise(resolve => writer.once('drain', resolve));
    }
}

describe('govrule diff --events: progress', () => {
    test.skipIf(!HAS_SCRIPT)('on a terminal: a progress line after a second, rewritten in place, erased before the report', async () => {
        const { file, writer } = fifo('tty.jsonl');
        // Only the CLI's stdin is a pipe; its stdout and stderr are the pseudo-terminal.
        const command = `cat ${JSON.stringify(file)} | ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} diff a.json a.json --events -`;
        const child = spawn('script', ['-qec', command, '/dev/null'], { cwd: folder, stdio: ['ignore', 'pipe', 'pipe'] });
        const run = collect(child);
        let batches = 0;
        // Feed events until the progress line shows (it needs the run to last a second).
        for (; batches < 600 && !run.out().includes('events read'); batches++) {
            await write(writer, BATCH);
            await sleep(100);
        }
        await write(writer, BATCH);
        writer.end();
        expect(await run.exit, run.out()).toBe(0);
        const output = run.out();
        const events = (batches + 1) * 2048;
        expect(output).toMatch(/\rgovrule: replay: [\d,]+ events read, [\d,]+ events\/s\x1b\[K/);
        // Erased, then the report: the last progress line never reaches the report's lines.
        const erased = output.lastIndexOf('\r\x1b[K');
        expect(erased).toBeGreaterThan(output.lastIndexOf('events/s'));
        expect(output.slice(erased + 4).replace(/\r\n/g, '\n')).toBe(`govrule diff a.json → a.json\nNo differences.\n\nReplay of ${events} events: 0 decisions changed (0%)\n`);
    }, 120_000);

    test('with stderr a pipe: nothing on stderr, however long the replay runs', async () => {
        const child = spawn(process.execPath, [BIN, 'diff', 'a.json', 'a.json', '--events', '-'], { cwd: folder, stdio: ['pipe', 'pipe', 'pipe'] });
        const run = collect(child);
        const writer = child.stdin!;
        // The run lasts at least as long as the test keeps writing: well over a second.
        const start = Date.now();
        let batches = 0;
        for (; Date.now() - start < 1500; batches++) {
            await write(writer, BATCH);
            await sleep(100);
        }
        writer.end();
        expect(await run.exit, run.err()).toBe(0);
        expect(run.err()).toBe('');
        expect(run.out()).toBe(`govrule diff a.json → a.json\nNo differences.\n\nReplay of ${batches * 2048} events: 0 decisions changed (0%)\n`);
    }, 60_000);
});
