/** Writing output: the bundle goes to a temp file beside the target, then a rename (§11). */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { CliError } from './files.js';

const BATCH = 1 << 16;

/** Joins small chunks into batches of about a megabyte. */
export function* batched(chunks: Iterable<string>): Generator<string> {
    let pending: string[] = [];
    let size = 0;
    for (const chunk of chunks) {
        pending.push(chunk);
        size += chunk.length;
        if (size >= BATCH) {
            yield pending.join('');
            pending = [];
            size = 0;
        }
    }
    if (pending.length > 0) {
        yield pending.join('');
    }
}

/** Writes the chunks to `target` so that readers see the old file or the whole new one, never a part. */
export function writeAtomically(target: string, chunks: Iterable<string>): void {
    const dir = path.dirname(target);
    const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
    let fd: number | undefined;
    try {
        fs.mkdirSync(dir, { recursive: true });
        fd = fs.openSync(temp, 'w');
        for (const batch of batched(chunks)) {
            fs.writeSync(fd, batch);
        }
        fs.fsyncSync(fd);
        fs.closeSync(fd);
        fd = undefined;
        fs.renameSync(temp, target);
    } catch (err) {
        if (fd !== undefined) {
            fs.closeSync(fd);
        }
        removeQuietly(temp);
        // Only the file system's errors are about writing; a failure to produce the chunks is not.
        if (err instanceof CliError || typeof (err as NodeJS.ErrnoException).syscall !== 'string') {
            throw err;
        }
        throw new CliError(`cannot write ${target}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
}

/**
 * Output produced in full before any of it is written: a failure half-way (a bug in the compiler)
 * then writes nothing. It waits in a temp file, so a large bundle never sits whole in memory.
 */
export interface Spool {
    /** The spooled text, in batches. */
    read(): Generator<string>;
    dispose(): void;
}

export function spool(chunks: Iterable<string>): Spool {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govrule-'));
    const file = path.join(dir, 'spool');
    try {
        writeAtomically(file, chunks);
    } catch (err) {
        fs.rmSync(dir, { recursive: true, force: true });
        throw err;
    }
    return {
        *read() {
            const fd = fs.openSync(file, 'r');
            try {
                const buffer = Buffer.alloc(BATCH);
                const decoder = new StringDecoder('utf8');
                for (let n = fs.readSync(fd, buffer); n > 0; n = fs.readSync(fd, buffer)) {
                    yield decoder.write(buffer.subarray(0, n));
                }
                const rest = decoder.end();
                if (rest) {
                    yield rest;
                }
            } finally {
                fs.closeSync(fd);
            }
        },
        dispose: () => fs.rmSync(dir, { recursive: true, force: true }),
    };
}

/** Cleans up a temp file; when its folder is missing or not a folder, there is nothing to clean. */
function removeQuietly(file: string): void {
    try {
        fs.rmSync(file, { force: true });
    } catch {
        // ENOTDIR and the like: the temp file was never created.
    }
}
