/**
 * Writing output (§11) so that it never destroys what the user did not ask to write: symbolic
 * links are followed and their target replaced, a regular file is replaced atomically (a temp file
 * beside it, then a rename), and anything else (a device such as /dev/null, a FIFO, an open file
 * such as /dev/stdout) is written through, never replaced.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { CONFIG_FILE } from '../config/config.js';
import { describeIoError } from '../io-errors.js';
import { UserError, displayPath } from './user-error.js';
import { t } from '../l10n/index.js';

const BATCH = 1 << 16;
/** As the kernel's limit on symbolic links in one path lookup. */
const MAX_LINKS = 40;

/** Joins small chunks into batches of about 64 K characters (BATCH): few writes, little memory. */
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

/** Where a write to a path lands, once symbolic links are followed. */
export interface OutputTarget {
    /** The path as the user gave it, for messages. */
    readonly given: string;
    /** The path written: the end of the chain of symbolic links. */
    readonly path: string;
    /**
     * `new`: nothing there yet, created atomically; `file`: a regular file, replaced atomically
     * and keeping its mode; `through`: not a regular file, opened and written, never replaced.
     */
    readonly kind: 'new' | 'file' | 'through';
    readonly mode?: number;
    /**
     * For this process's own open files (/dev/stdout, /dev/fd/N): the descriptor, written
     * directly. Reopening it would fail for a socket, as Node gives its children for stdio.
     */
    readonly fd?: number;
}

const OWN_FD = new RegExp(`^/proc/(?:self|thread-self|${process.pid})/fd/([0-9]+)$`);

/**
 * Follows `given` through symbolic links to what a write would replace. Paths in /proc (where
 * /dev/stdout and /dev/fd/N lead) name open files rather than places, so they are written through.
 */
export function resolveOutput(given: string, cwd: string): OutputTarget {
    let current = path.resolve(cwd, given);
    for (let links = 0; ; links++) {
        if (links > MAX_LINKS) {
            throw new UserError(t('cli.error.cannot-write', { file: given, reason: describeIoError({ code: 'ELOOP' }) }));
        }
        if (current === '/proc' || current.startsWith('/proc/')) {
            const own = OWN_FD.exec(current);
            return { given, path: current, kind: 'through', fd: own ? Number(own[1]) : undefined };
        }
        let stat: fs.Stats;
        try {
            stat = fs.lstatSync(current);
        } catch (err) {
            if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
                // Missing: writing creates it, and the folders it needs.
                return { given, path: current, kind: 'new' };
            }
            throw new UserError(t('cli.error.cannot-write', { file: given, reason: describeIoError(err) }));
        }
        if (stat.isSymbolicLink()) {
            let link: string;
            let dir: string;
            try {
                link = fs.readlinkSync(current);
                // A relative link is relative to the folder that really holds it.
                dir = fs.realpathSync.native(path.dirname(current));
            } catch (err) {
                throw new UserError(t('cli.error.cannot-write', { file: given, reason: describeIoError(err) }));
            }
            current = path.resolve(dir, link);
            continue;
        }
        if (stat.isDirectory()) {
            throw new UserError(t('cli.error.cannot-write', { file: given, reason: describeIoError({ code: 'EISDIR' }) }));
        }
        if (stat.isFile()) {
            return { given, path: current, kind: 'file', mode: stat.mode & 0o7777 };
        }
        return { given, path: current, kind: 'through' };
    }
}

/**
 * The target of `-o`, refused (a usage error) when writing it would destroy an input: one of
 * the files read or the configuration (`configs`), also through a link or another name for
 * it, or any file named govrule.json.
 */
export function outputTarget(given: string, cwd: string, inputs: readonly string[], configs: readonly string[] = []): OutputTarget {
    const target = resolveOutput(given, cwd);
    if (target.kind === 'through') {
        return target;
    }
    const refuse = (what: 'config' | 'source', real: string): never => {
        const shown = displayPath(real, cwd);
        const direct = shown === given || path.resolve(cwd, given) === real;
        const params = { output: given, target: shown, config: CONFIG_FILE };
        throw new UserError(what === 'config'
            ? direct ? t('cli.error.output-is-config', params) : t('cli.error.output-is-config-via', params)
            : direct ? t('cli.error.output-is-source', params) : t('cli.error.output-is-source-via', params));
    };
    if (path.basename(target.path) === CONFIG_FILE || path.basename(given) === CONFIG_FILE) {
        refuse('config', target.path);
    }
    if (target.kind === 'file') {
        const identity = fileIdentity(target.path);
        const same = (file: string) => identity !== undefined && fileIdentity(file) === identity;
        const config = configs.find(same);
        if (config !== undefined) {
            refuse('config', config);
        }
        const input = inputs.find(same);
        if (input !== undefined) {
            refuse('source', input);
        }
    }
    return target;
}

/** Device and inode: the same file under any name (a link, a hard link, another case). */
function fileIdentity(file: string): string | undefined {
    try {
        const stat = fs.statSync(file, { bigint: true });
        return `${stat.dev}:${stat.ino}`;
    } catch {
        return undefined;
    }
}

export interface WriteOptions {
    /**
     * Flush a replaced file to the disk before the rename (default). A folder of thousands of
     * generated pages (`govrule doc`) skips it: each file is still replaced whole by the rename,
     * and one flush per page would be most of the run's time.
     */
    readonly sync?: boolean;
}

/** Writes the chunks to a target resolved by `resolveOutput` or `outputTarget`. */
export function writeOutput(target: OutputTarget | string, chunks: Iterable<string>, cwd = process.cwd(), options: WriteOptions = {}): void {
    const resolved = typeof target === 'string' ? resolveOutput(target, cwd) : target;
    try {
        if (resolved.fd !== undefined) {
            for (const batch of batched(chunks)) {
                writeAll(resolved.fd, Buffer.from(batch, 'utf8'));
            }
        } else if (resolved.kind === 'through') {
            writeThrough(resolved.path, chunks);
        } else {
            if (resolved.kind === 'file') {
                // Replacing by rename would succeed on a read-only file; honour its permissions.
                fs.accessSync(resolved.path, fs.constants.W_OK);
            }
            writeAtomically(resolved.path, chunks, resolved.mode, options.sync ?? true);
        }
    } catch (err) {
        if (err instanceof UserError) {
            throw err;
        }
        throw new UserError(t('cli.error.cannot-write', { file: resolved.given, reason: describeIoError(err) }));
    }
}

/** For devices, FIFOs and open files: no temp file, no rename, nothing created or truncated. */
function writeThrough(file: string, chunks: Iterable<string>): void {
    const fd = fs.openSync(file, fs.constants.O_WRONLY | fs.constants.O_APPEND);
    try {
        for (const batch of batched(chunks)) {
            writeAll(fd, Buffer.from(batch, 'utf8'));
        }
    } finally {
        fs.closeSync(fd);
    }
}

function writeAll(fd: number, buffer: Buffer): void {
    let offset = 0;
    while (offset < buffer.length) {
        offset += fs.writeSync(fd, buffer, offset);
    }
}

/** Writes the chunks so that readers see the old file or the whole new one, never a part. */
function writeAtomically(target: string, chunks: Iterable<string>, mode: number | undefined, sync = true): void {
    const dir = path.dirname(target);
    const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
    let fd: number | undefined;
    try {
        fs.mkdirSync(dir, { recursive: true });
        fd = fs.openSync(temp, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL, mode ?? 0o666);
        for (const batch of batched(chunks)) {
            writeAll(fd, Buffer.from(batch, 'utf8'));
        }
        if (mode !== undefined) {
            // The umask narrowed the mode given to open; the replaced file's own mode is kept.
            fs.fchmodSync(fd, mode);
        }
        if (sync) {
            fs.fsyncSync(fd);
        }
        fs.closeSync(fd);
        fd = undefined;
        fs.renameSync(temp, target);
    } catch (err) {
        if (fd !== undefined) {
            fs.closeSync(fd);
        }
        removeQuietly(temp);
        // The caller words file-system errors; a failure to produce the chunks passes unchanged.
        throw err;
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
        writeAtomically(file, chunks, undefined);
    } catch (err) {
        fs.rmSync(dir, { recursive: true, force: true });
        // Only the file system's errors are about writing; a failure to produce the chunks is not.
        if (typeof (err as NodeJS.ErrnoException).syscall === 'string') {
            throw new UserError(t('cli.error.cannot-write-temp', { folder: os.tmpdir(), reason: describeIoError(err) }));
        }
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
