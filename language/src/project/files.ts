/**
 * Which files a command works on (§11): the paths given (files, or folders searched for
 * `*.govrule`), else the `include` of govrule.json, else the current folder.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { CONFIG_FILE, DEFAULT_INCLUDE, findConfig, readConfigIn, type GovRuleConfig } from '../config/config.js';
import { describeIoError } from '../io-errors.js';
import { t } from '../l10n/index.js';
import { UserError as CliError, displayPath } from './user-error.js';
import type { SourceFile } from './project.js';
import type { Problem } from './problems.js';

export interface FileSet {
    /** The project root: where govrule.json is, else the current folder. */
    readonly root: string;
    readonly config?: GovRuleConfig;
    /** Absolute paths, sorted, without duplicates. */
    readonly files: readonly string[];
}

const SKIPPED_FOLDERS = new Set(['node_modules']);

/** No `.govrule` file where the run looked: callers that say it their own way catch this kind, not its words. */
export class NoSourcesError extends CliError {}

export function collectFiles(paths: readonly string[], cwd: string): FileSet {
    if (paths.length === 0) {
        const config = findConfig(cwd);
        const root = config?.root ?? cwd;
        const files = searchFolder(root, config?.include ?? DEFAULT_INCLUDE);
        if (files.length === 0) {
            // An include whose every pattern was refused matches nothing: say why.
            const why = config?.problems.find(p => p.code === 'config');
            const folder = displayPath(root, cwd);
            const include = config?.include.join(', ') ?? '';
            throw new NoSourcesError(!config ? t('cli.error.no-sources', { folder })
                : why ? t('cli.error.no-sources-include-problem', { folder, include, config: CONFIG_FILE, problem: why.message })
                    : t('cli.error.no-sources-include', { folder, include }));
        }
        return { root, config, files };
    }
    const absolute = paths.map(p => path.resolve(cwd, p));
    const stats = absolute.map((p, i) => {
        try {
            return fs.statSync(p);
        } catch {
            throw new CliError(t('cli.error.no-such-path', { path: paths[i]! }));
        }
    });
    const first = stats[0].isDirectory() ? absolute[0] : path.dirname(absolute[0]);
    const config = findConfig(first) ?? findConfig(cwd);
    const root = config?.root ?? cwd;
    const files = new Set<string>();
    absolute.forEach((p, i) => {
        if (stats[i].isDirectory()) {
            const own = readConfigIn(p);
            const found = searchFolder(p, own?.include ?? DEFAULT_INCLUDE);
            if (found.length === 0) {
                throw new NoSourcesError(t('cli.error.no-sources', { folder: paths[i]! }));
            }
            found.forEach(f => files.add(f));
        } else if (stats[i].isFile()) {
            files.add(p);
        } else {
            // A FIFO or a device would block the read or never end.
            throw new CliError(t('cli.error.not-file-or-folder', { path: paths[i]! }));
        }
    });
    return { root, config, files: [...files].sort() };
}

/** Files under a folder that match the globs (relative, `/`-separated); dot folders and node_modules are skipped. */
function searchFolder(folder: string, include: readonly string[]): string[] {
    const matches = picomatch([...include]);
    const result: string[] = [];
    const walk = (dir: string) => {
        let entries: fs.Dirent[];
        try {
            entries = fs.readdirSync(dir, { withFileTypes: true });
        } catch (err) {
            throw new CliError(t('cli.error.cannot-read-folder', { folder: dir, reason: describeIoError(err) }));
        }
        for (const entry of entries) {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) {
                if (!entry.name.startsWith('.') && !SKIPPED_FOLDERS.has(entry.name)) {
                    walk(full);
                }
            } else if (entry.isFile() && matches(path.relative(folder, full).split(path.sep).join('/'))) {
                result.push(full);
            }
        }
    };
    walk(folder);
    return result.sort();
}

const decoder = new TextDecoder('utf-8', { fatal: true });
const lenientDecoder = new TextDecoder('utf-8');

/** What reading the sources gave: the files that could be read, and a diagnostic for each that could not. */
export interface SourceReading {
    readonly sources: SourceFile[];
    /** `unreadable-file` errors; `texts` holds what could be decoded of them, to quote the line. */
    readonly unreadable: Problem[];
    readonly texts: ReadonlyMap<string, string>;
}

/**
 * Reads files as strict UTF-8; a byte-order mark is dropped. A file that cannot be read or
 * decoded does not stop the others: it becomes an `unreadable-file` diagnostic, and the
 * command exits 2 once everything else is reported.
 */
export function readSources(files: readonly string[]): SourceReading {
    const sources: SourceFile[] = [];
    const unreadable: Problem[] = [];
    const texts = new Map<string, string>();
    for (const file of files) {
        let bytes: Buffer;
        try {
            bytes = fs.readFileSync(file);
        } catch (err) {
            unreadable.push(fileProblem(file, { line: 0, character: 0 }, 0, t('diagnostics.unreadable-file', { reason: describeIoError(err) })));
            continue;
        }
        let text: string;
        try {
            text = decoder.decode(bytes);
        } catch {
            const bad = Math.min(firstInvalidUtf8(bytes), bytes.length - 1);
            const before = lenientDecoder.decode(bytes.subarray(0, bad)).split('\n');
            const at = { line: before.length - 1, character: before[before.length - 1].length };
            texts.set(file, lenientDecoder.decode(bytes));
            unreadable.push(fileProblem(file, at, 1,
                t('diagnostics.unreadable-file.utf8', { byte: bytes[bad].toString(16).toUpperCase().padStart(2, '0') })));
            continue;
        }
        // TextDecoder drops a leading byte-order mark; a second one would be text.
        sources.push({ path: file, text });
        texts.set(file, text);
    }
    return { sources, unreadable, texts };
}

function fileProblem(file: string, start: { line: number; character: number }, length: number, message: string): Problem {
    return { file, start, end: { line: start.line, character: start.character + length }, severity: 'error', code: 'unreadable-file', message };
}

/** The offset of the first byte that does not belong to a well-formed UTF-8 sequence, or the length if none. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
    let i = 0;
    while (i < bytes.length) {
        const c = bytes[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        const continuations = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : 0;
        if (continuations === 0 || i + continuations >= bytes.length) {
            return i;
        }
        // The second byte's range excludes overlong forms, surrogates and code points past U+10FFFF.
        const low = c === 0xe0 ? 0xa0 : c === 0xf0 ? 0x90 : 0x80;
        const high = c === 0xed ? 0x9f : c === 0xf4 ? 0x8f : 0xbf;
        if (bytes[i + 1] < low || bytes[i + 1] > high) {
            return i;
        }
        for (let k = 2; k <= continuations; k++) {
            if ((bytes[i + k] & 0xc0) !== 0x80) {
                return i;
            }
        }
        i += continuations + 1;
    }
    return bytes.length;
}

