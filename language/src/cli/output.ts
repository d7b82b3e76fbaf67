/** Writing output: the bundle goes to a temp file beside the target, then a rename (§11). */
import * as fs from 'node:fs';
import * as path from 'node:path';
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
        if (err instanceof CliError) {
            throw err;
        }
        throw new CliError(`cannot write ${target}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
}

/** Cleans up a temp file; when its folder is missing or not a folder, there is nothing to clean. */
function removeQuietly(file: string): void {
    try {
        fs.rmSync(file, { force: true });
    } catch {
        // ENOTDIR and the like: the temp file was never created.
    }
}
