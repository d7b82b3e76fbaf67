/**
 * Which files a command works on (§11): the paths given (files, or folders searched for
 * `*.govrule`), else the `include` of govrule.json, else the current folder.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { DEFAULT_INCLUDE, findConfig, readConfigIn, type GovRuleConfig } from '../config.js';
import { escapeInvisible } from '../unicode/characters.js';
import type { SourceFile } from '../workspace/project.js';

/** A problem with the command line or the file system: one line, exit code 2. */
/** A usage or I/O error: one line on stderr, exit 2. Paths in it may hold invisible characters: escaped. */
export class CliError extends Error {
    constructor(message: string) {
        super(escapeInvisible(message));
    }
}

export interface FileSet {
    /** The project root: where govrule.json is, else the current folder. */
    readonly root: string;
    readonly config?: GovRuleConfig;
    /** Absolute paths, sorted, without duplicates. */
    readonly files: readonly string[];
}

const SKIPPED_FOLDERS = new Set(['node_modules']);

export function collectFiles(paths: readonly string[], cwd: string): FileSet {
    if (paths.length === 0) {
        const config = findConfig(cwd);
        const root = config?.root ?? cwd;
        const files = searchFolder(root, config?.include ?? DEFAULT_INCLUDE);
        if (files.length === 0) {
            throw new CliError(`no .govrule files found in ${displayPath(root, cwd)}${config ? ` (include: ${config.include.join(', ')})` : ''}`);
        }
        return { root, config, files };
    }
    const absolute = paths.map(p => path.resolve(cwd, p));
    const stats = absolute.map((p, i) => {
        try {
            return fs.statSync(p);
        } catch {
            throw new CliError(`no such file or folder: ${paths[i]}`);
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
                throw new CliError(`no .govrule files found in ${paths[i]}`);
            }
            found.forEach(f => files.add(f));
        } else if (stats[i].isFile()) {
            files.add(p);
        } else {
            // A FIFO or a device would block the read or never end.
            throw new CliError(`not a file or folder: ${paths[i]}`);
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
            throw new CliError(`cannot read folder ${dir}: ${(err as Error).message}`);
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

/** Reads files as strict UTF-8; a byte-order mark is dropped. */
export function readSources(files: readonly string[], cwd: string): SourceFile[] {
    return files.map(file => {
        let bytes: Buffer;
        try {
            bytes = fs.readFileSync(file);
        } catch (err) {
            throw new CliError(`cannot read ${displayPath(file, cwd)}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
        }
        let text: string;
        try {
            text = decoder.decode(bytes);
        } catch {
            throw new CliError(`${displayPath(file, cwd)} is not valid UTF-8`);
        }
        return { path: file, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
    });
}

/** Paths as printed: relative to the current folder, with `/`. */
export function displayPath(file: string, cwd: string): string {
    const relative = path.relative(cwd, file);
    return (relative === '' ? '.' : relative).split(path.sep).join('/');
}

