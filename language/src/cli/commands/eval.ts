/**
 * `govrule eval` (§11): decides events with a compiled bundle, as a moderation system would.
 * `--event FILE|-` prints one decision with its explanation; `--events FILE.jsonl|-` decides a
 * stream, one compact decision per line, in the order of the input.
 */
import * as fs from 'node:fs';
import { once } from 'node:events';
import { StringDecoder } from 'node:string_decoder';
import { describeIoError } from '../../io-errors.js';
import { isCalendarDate } from '../../model/values.js';
import { BundleError, EventError, decide, decisionJson, loadBundle, todayUtc, type DecideOptions, type LoadedBundle } from '../../runtime/index.js';
import type { Command, Io, OptionValues } from '../command.js';
import { openInput } from '../lines.js';
import { CliError, displayPath } from '../files.js';

export const evalCommand: Command = {
    name: 'eval',
    summary: 'decide events with a compiled bundle; print the decision as JSON',
    help: `  --bundle FILE          the compiled bundle (govrule compile -o FILE)
  --event FILE|-         one event as JSON: print its decision and explanation
  --events FILE|-        JSON Lines, one event a line: print one decision a line
  --date YYYY-MM-DD      the date of events that give none (default: today, UTC)
  --explain              with --events: add the explanation to each decision
  --strict               reject attributes and event keys the bundle does not know`,
    options: {
        bundle: { type: 'string' },
        event: { type: 'string' },
        events: { type: 'string' },
        date: { type: 'string' },
        explain: { type: 'boolean' },
        strict: { type: 'boolean' },
    },
    run: runEval,
};

async function runEval(paths: string[], values: OptionValues, io: Io): Promise<number> {
    if (paths.length > 0) {
        throw new CliError(`eval takes no paths (got ${paths.join(' ')}); give --bundle FILE and --event FILE or --events FILE`);
    }
    const bundleFile = values.bundle as string | undefined;
    const event = values.event as string | undefined;
    const events = values.events as string | undefined;
    if (bundleFile === undefined) {
        throw new CliError('eval needs --bundle FILE (a bundle written by govrule compile -o FILE)');
    }
    if ((event === undefined) === (events === undefined)) {
        throw new CliError('eval needs exactly one of --event FILE|- and --events FILE|-');
    }
    if (bundleFile === '-' && (event ?? events) === '-') {
        throw new CliError('only one of --bundle and the events can be read from stdin');
    }
    const date = values.date as string | undefined;
    if (date !== undefined && !isCalendarDate(date)) {
        throw new CliError(`--date takes a calendar date YYYY-MM-DD, not '${date}'`);
    }
    const loaded = readBundle(bundleFile, io);
    // One date for the whole run, so that a stream read across midnight is decided consistently.
    const options: DecideOptions = { date: date ?? todayUtc(), strict: values.strict === true };
    if (event !== undefined) {
        return decideOne(loaded, readText(event, io), options, io);
    }
    return decideStream(loaded, events!, { ...options, explain: values.explain === true }, io);
}

function readBundle(file: string, io: Io): LoadedBundle {
    const text = readText(file, io);
    try {
        return loadBundle(text);
    } catch (err) {
        if (err instanceof BundleError) {
            throw new CliError(`cannot use ${file === '-' ? 'the bundle on stdin' : displayPath(file, io.cwd)}: ${err.message}`);
        }
        throw err;
    }
}

function readText(file: string, io: Io): string {
    try {
        return fs.readFileSync(file === '-' ? 0 : file, 'utf8');
    } catch (err) {
        throw new CliError(`cannot read ${file === '-' ? 'stdin' : displayPath(file, io.cwd)}: ${describeIoError(err)}`);
    }
}

function decideOne(loaded: LoadedBundle, text: string, options: DecideOptions, io: Io): number {
    try {
        const decision = decide(loaded, parseEvent(text), { ...options, explain: true });
        io.stdout(`${JSON.stringify(decision, null, 2)}\n`);
        return 0;
    } catch (err) {
        if (err instanceof EventError) {
            io.stderr(`govrule: error: the event cannot be decided: ${err.message}\n`);
            return 1;
        }
        throw err;
    }
}

function parseEvent(text: string): unknown {
    try {
        return JSON.parse(text);
    } catch (err) {
        throw new EventError(`the event is not valid JSON: ${(err as Error).message}`);
    }
}

/** Output is written in batches of about this many characters. */
const BATCH = 1 << 16;
/** Reading pauses while this much output waits for a slow reader (a pipe is asynchronous). */
const BACKLOG = 1 << 24;

async function decideStream(loaded: LoadedBundle, file: string, options: DecideOptions, io: Io): Promise<number> {
    const input = openInput(file, io);
    const decoder = new StringDecoder('utf8');
    let rest = '';
    let lineNumber = 0;
    let decided = 0;
    let failed = 0;
    let out: string[] = [];
    let outSize = 0;
    const flush = () => {
        if (out.length > 0) {
            io.stdout(out.join(''));
            out = [];
            outSize = 0;
        }
    };
    const handle = (line: string) => {
        lineNumber++;
        if (line.trim() === '') {
            return;
        }
        const { text, ok } = decideLine(loaded, line, lineNumber, options);
        if (ok) decided++; else failed++;
        out.push(text);
        outSize += text.length;
        if (outSize >= BATCH) flush();
    };
    try {
        for await (const chunk of input) {
            const lines = (rest + decoder.write(chunk as Buffer)).split('\n');
            rest = lines.pop()!;
            for (const line of lines) {
                handle(line.endsWith('\r') ? line.slice(0, -1) : line);
            }
            flush();
            if (process.stdout.writableLength > BACKLOG) {
                await once(process.stdout, 'drain');
            }
        }
    } catch (err) {
        throw new CliError(`cannot read ${file === '-' ? 'stdin' : displayPath(file, io.cwd)}: ${describeIoError(err)}`);
    }
    rest += decoder.end();
    if (rest !== '') {
        handle(rest.endsWith('\r') ? rest.slice(0, -1) : rest);
    }
    flush();
    if (failed > 0) {
        io.stderr(`govrule: ${failed} of ${decided + failed} events could not be decided (see the "error" lines)\n`);
        return 1;
    }
    return 0;
}

/** A decision, or `{"error", "line", "id"?}` for an event that cannot be decided, as one line. */
function decideLine(loaded: LoadedBundle, line: string, lineNumber: number, options: DecideOptions): { text: string; ok: boolean } {
    let event: unknown;
    try {
        event = JSON.parse(line);
        return { text: `${decisionJson(decide(loaded, event, options))}\n`, ok: true };
    } catch (err) {
        if (!(err instanceof EventError) && !(err instanceof SyntaxError)) {
            throw err;
        }
        const message = err instanceof SyntaxError ? `the event is not valid JSON: ${err.message}` : err.message;
        const id = typeof event === 'object' && event !== null && Object.prototype.hasOwnProperty.call(event, 'id') ? (event as { id: unknown }).id : undefined;
        const idPart = typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id)) ? { id } : {};
        return { text: `${JSON.stringify({ error: message, line: lineNumber, ...idPart })}\n`, ok: false };
    }
}
