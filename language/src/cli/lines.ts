/** Lines of a file or stdin, read in large chunks so that a stream of any size takes constant memory. */
import * as fs from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import type { Io } from './command.js';
import { describeIoError } from '../io-errors.js';
import { CliError, displayPath } from './files.js';
import { t } from '../l10n/index.js';

/** The error for a file (or stdin, `-`) that cannot be read. */
export function cannotRead(file: string, io: Io, reason: string): string {
    return file === '-' ? t('cli.error.cannot-read-stdin', { reason }) : t('cli.error.cannot-read', { file: displayPath(file, io.cwd), reason });
}

/** A longer line is refused rather than buffered: one event is never this large. */
const MAX_LINE = 64 * 1024 * 1024;

/** Standard input for `-`, else the file, refused with a worded error when it cannot be read. */
export function openInput(file: string, io: Io): NodeJS.ReadableStream {
    if (file === '-') {
        return process.stdin;
    }
    const name = displayPath(file, io.cwd);
    try {
        fs.accessSync(file, fs.constants.R_OK);
    } catch (err) {
        throw new CliError(cannotRead(file, io, describeIoError(err)));
    }
    if (!fs.statSync(file).isFile()) {
        throw new CliError(t('cli.error.not-a-file', { file: name }));
    }
    return fs.createReadStream(file, { highWaterMark: 1 << 20 });
}

/** Calls `onLine(text, lineNumber)` for each line (without its `\n` or `\r\n`), in order. */
export async function forEachLine(file: string, io: Io, onLine: (text: string, line: number) => void): Promise<void> {
    const input = openInput(file, io);
    const decoder = new StringDecoder('utf8');
    let rest = '';
    let line = 0;
    // An error of onLine is the caller's, not a read error: it passes through unchanged.
    let failure: unknown;
    const emit = (text: string) => {
        try {
            onLine(text.endsWith('\r') ? text.slice(0, -1) : text, ++line);
        } catch (err) {
            failure = err;
            throw err;
        }
    };
    try {
        for await (const chunk of input) {
            const text = rest + decoder.write(chunk as Buffer);
            let start = 0;
            for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
                emit(text.slice(start, end));
                start = end + 1;
            }
            rest = text.slice(start);
            if (rest.length > MAX_LINE) {
                throw new CliError(file === '-'
                    ? t('cli.error.line-too-long-stdin', { line: line + 1, max: MAX_LINE })
                    : t('cli.error.line-too-long', { line: line + 1, file: displayPath(file, io.cwd), max: MAX_LINE }));
            }
        }
    } catch (err) {
        if (err === failure || err instanceof CliError) {
            throw err;
        }
        throw new CliError(cannotRead(file, io, (err as NodeJS.ErrnoException).code ?? (err as Error).message));
    }
    rest += decoder.end();
    if (rest !== '') {
        emit(rest);
    }
}
