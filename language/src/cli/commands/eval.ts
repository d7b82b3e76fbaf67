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
import { cannotRead, openInput } from '../lines.js';
import { CliError, displayPath } from '../files.js';
import { t } from '../../l10n/index.js';

export const evalCommand: Command = {
    name: 'eval',
    summary: 'cli.eval.summary',
    help: [
        ['--bundle FILE', 'cli.eval.option.bundle'],
        ['--event FILE|-', 'cli.eval.option.event'],
        ['--events FILE|-', 'cli.eval.option.events'],
        ['--date YYYY-MM-DD', 'cli.eval.option.date'],
        ['--explain', 'cli.eval.option.explain'],
        ['--strict', 'cli.eval.option.strict'],
    ],
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
        throw new CliError(t('cli.eval.no-paths', { paths: paths.join(' ') }));
    }
    const bundleFile = values.bundle as string | undefined;
    const event = values.event as string | undefined;
    const events = values.events as string | undefined;
    if (bundleFile === undefined) {
        throw new CliError(t('cli.eval.needs-bundle'));
    }
    if ((event === undefined) === (events === undefined)) {
        throw new CliError(t('cli.eval.needs-one-input'));
    }
    if (bundleFile === '-' && (event ?? events) === '-') {
        throw new CliError(t('cli.eval.one-stdin'));
    }
    const date = values.date as string | undefined;
    if (date !== undefined && !isCalendarDate(date)) {
        throw new CliError(t('cli.error.date', { value: date }));
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
            throw new CliError(file === '-'
                ? t('cli.eval.stdin-bundle-unusable', { message: err.message })
                : t('cli.eval.bundle-unusable', { file: displayPath(file, io.cwd), message: err.message }));
        }
        throw err;
    }
}

function readText(file: string, io: Io): string {
    try {
        return fs.readFileSync(file === '-' ? 0 : file, 'utf8');
    } catch (err) {
        throw new CliError(cannotRead(file, io, describeIoError(err)));
    }
}

function decideOne(loaded: LoadedBundle, text: string, options: DecideOptions, io: Io): number {
    try {
        const decision = decide(loaded, parseEvent(text), { ...options, explain: true });
        io.stdout(`${JSON.stringify(decision, null, 2)}\n`);
        return 0;
    } catch (err) {
        if (err instanceof EventError) {
            io.stderr(`${t('cli.error', { message: t('cli.eval.undecidable', { message: err.message }) })}\n`);
            return 1;
        }
        throw err;
    }
}

function parseEvent(text: string): unknown {
    try {
        return JSON.parse(text);
    } catch (err) {
        throw new EventError(t('cli.eval.not-json', { message: (err as Error).message }));
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
        throw new CliError(cannotRead(file, io, describeIoError(err)));
    }
    rest += decoder.end();
    if (rest !== '') {
        handle(rest.endsWith('\r') ? rest.slice(0, -1) : rest);
    }
    flush();
    if (failed > 0) {
        io.stderr(`${t('cli.eval.some-undecidable', { failed, count: decided + failed })}\n`);
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
        // A line of machine output: in English whatever the language, like the runtime's own errors.
        const message = err instanceof SyntaxError ? `the event is not valid JSON: ${err.message}` : err.message;
        const id = typeof event === 'object' && event !== null && Object.prototype.hasOwnProperty.call(event, 'id') ? (event as { id: unknown }).id : undefined;
        const idPart = typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id)) ? { id } : {};
        return { text: `${JSON.stringify({ error: message, line: lineNumber, ...idPart })}\n`, ok: false };
    }
}
