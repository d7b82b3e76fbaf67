/**
 * Writing a folder of generated files (the rulebook of `govrule doc`) without touching anything
 * else: the folder must be new, empty, or one this writer filled before. A marker file in it lists
 * the files the last run wrote; only those are replaced or removed, and a file the user put there
 * is never written over.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeIoError } from '../io-errors.js';
import { t } from '../l10n/index.js';
import { writeOutput } from './output.js';
import { UserError } from './user-error.js';

export interface OwnedFolder {
    /** The folder as the user gave it, for messages. */
    readonly given: string;
    readonly path: string;
    /** The marker's file name inside the folder. */
    readonly marker: string;
    /** What the marker says the previous run wrote (paths relative to the folder, `/`-separated). */
    readonly previous: ReadonlySet<string>;
}

interface Marker {
    readonly generator: string;
    readonly files: readonly string[];
}

/** A relative, `/`-separated path that stays inside its folder: no `..`, no empty or `.` segment. */
export function isInsidePath(file: string): boolean {
    return file !== '' && !file.startsWith('/') && !file.includes('\\') && !file.includes('\0')
        && file.split('/').every(segment => segment !== '' && segment !== '.' && segment !== '..');
}

function lstatOrUndefined(file: string): fs.Stats | undefined {
    try {
        return fs.lstatSync(file);
    } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
            return undefined;
        }
        throw err;
    }
}

/**
 * Checks, before any work, that `given` may receive the files of `generator`: it does not exist,
 * or is an empty folder, or holds the marker of an earlier run. Anything else is refused.
 */
export function ownedFolder(given: string, cwd: string, marker: string, generator: string): OwnedFolder {
    const folder = path.resolve(cwd, given);
    const cannot = (err: unknown) => new UserError(t('cli.error.cannot-write', { file: given, reason: describeIoError(err) }));
    let stat: fs.Stats;
    try {
        stat = fs.statSync(folder);
    } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
            return { given, path: folder, marker, previous: new Set() };
        }
        throw cannot(err);
    }
    if (!stat.isDirectory()) {
        throw new UserError(t('cli.error.not-a-folder', { folder: given }));
    }
    let entries: string[];
    try {
        entries = fs.readdirSync(folder);
    } catch (err) {
        throw cannot(err);
    }
    if (entries.length === 0) {
        return { given, path: folder, marker, previous: new Set() };
    }
    if (!entries.includes(marker)) {
        throw new UserError(t('cli.error.output-not-generated', { folder: given, marker }));
    }
    const markerFile = path.join(folder, marker);
    let parsed: unknown;
    try {
        parsed = JSON.parse(fs.readFileSync(markerFile, 'utf8'));
    } catch (err) {
        throw new UserError(t('cli.error.output-marker', { file: path.join(given, marker), reason: err instanceof SyntaxError ? err.message : describeIoError(err) }));
    }
    const files = (parsed as Marker | null)?.files;
    if ((parsed as Marker | null)?.generator !== generator || !Array.isArray(files) || !files.every(f => typeof f === 'string' && isInsidePath(f) && f !== marker)) {
        throw new UserError(t('cli.error.output-marker', { file: path.join(given, marker), reason: generator }));
    }
    return { given, path: folder, marker, previous: new Set(files) };
}

function markerText(generator: string, files: Iterable<string>): string {
    return `${JSON.stringify({ generator, files: [...new Set(files)].sort() }, null, 2)}\n`;
}

/**
 * Writes `files` (relative paths to contents) into the folder: the previous run's files that are
 * not written again are removed, and nothing else is replaced. Refused before anything is written
 * if a file to write exists but was not written by the previous run, or a folder on its way is not
 * a plain folder (a link could lead the write elsewhere).
 */
export function writeOwnedFolder(folder: OwnedFolder, generator: string, files: ReadonlyMap<string, string>): void {
    const { given, previous } = folder;
    const shown = (file: string) => `${given.replace(/\/+$/, '')}/${file}`;
    try {
        for (const file of files.keys()) {
            const segments = file.split('/');
            for (let i = 1; i < segments.length; i++) {
                const dir = lstatOrUndefined(path.join(folder.path, ...segments.slice(0, i)));
                if (dir !== undefined && !dir.isDirectory()) {
                    throw new UserError(t('cli.error.output-not-ours', { file: shown(segments.slice(0, i).join('/')) }));
                }
            }
            const existing = lstatOrUndefined(path.join(folder.path, ...segments));
            if (existing !== undefined && (!previous.has(file) || !existing.isFile())) {
                throw new UserError(t('cli.error.output-not-ours', { file: shown(file) }));
            }
        }
        const markerFile = path.join(folder.path, folder.marker);
        // The marker first lists both runs' files, so that a run cut short leaves nothing unlisted.
        writeOutput(markerFile, [markerText(generator, [...previous, ...files.keys()])]);
        for (const [file, text] of files) {
            writeOutput(path.join(folder.path, ...file.split('/')), [text], folder.path, { sync: false });
        }
        const stale = [...previous].filter(file => !files.has(file)).sort();
        for (const file of stale) {
            const full = path.join(folder.path, ...file.split('/'));
            if (lstatOrUndefined(full)?.isFile()) {
                fs.unlinkSync(full);
            }
        }
        // Folders the stale files leave empty go too (deepest first); a folder with anything else stays.
        const dirs = [...new Set(stale.flatMap(file => file.split('/').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('/'))))]
            .sort((a, b) => b.length - a.length);
        for (const dir of dirs) {
            const full = path.join(folder.path, ...dir.split('/'));
            if (lstatOrUndefined(full)?.isDirectory() && fs.readdirSync(full).length === 0) {
                fs.rmdirSync(full);
            }
        }
        writeOutput(markerFile, [markerText(generator, files.keys())]);
    } catch (err) {
        if (err instanceof UserError) {
            throw err;
        }
        throw new UserError(t('cli.error.cannot-write', { file: given, reason: describeIoError(err) }));
    }
}
