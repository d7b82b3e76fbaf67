/**
 * The two sides of `govrule diff`: a bundle file, a folder of sources, or a git revision of the
 * repository around the current folder. A revision's sources are read with `git ls-tree` and
 * `git cat-file` into a temporary folder and compiled there; the work tree is never touched.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findConfig } from '../config/config.js';
import { BundleError, loadBundle, type LoadedBundle } from '../runtime/index.js';
import { NoSourcesError, collectFiles, readSources } from '../project/files.js';
import { sortProblems, toProblems, type Problem } from '../project/problems.js';
import { bundleOf, loadProject } from '../project/project.js';
import { UserError } from '../project/user-error.js';
import type { DiffSide } from './render.js';
import { t } from '../l10n/index.js';

/** Where a side is read from, and who is told about the errors of a folder that does not compile. */
export interface SideContext {
    /** Relative sides and git revisions are read from here. */
    readonly cwd: string;
    /** The errors of the side's rules, before loadSide fails (the CLI prints them, the editor quotes them). */
    reportErrors(problems: readonly Problem[], texts: ReadonlyMap<string, string>, root: string, fileCount: number): void;
}

export interface LoadedSide {
    readonly side: DiffSide;
    readonly bundle: LoadedBundle;
}

/** Git output larger than this is not a rule repository's sources. */
const MAX_GIT_OUTPUT = 1 << 30;

export async function loadSide(spec: string, io: SideContext): Promise<LoadedSide> {
    const file = path.resolve(io.cwd, spec);
    const stat = statOrUndefined(file);
    if (stat?.isFile()) {
        return { side: { spec, kind: 'bundle' }, bundle: readBundle(file, spec) };
    }
    if (stat?.isDirectory()) {
        return { side: { spec, kind: 'folder' }, bundle: await compileFolder(file, spec, io) };
    }
    if (stat) {
        throw new UserError(t('cli.diff.side.not-file-or-folder', { spec }));
    }
    const commit = resolveRevision(spec, io.cwd);
    if (commit === undefined) {
        throw new UserError(t('cli.diff.side.unknown', { spec }));
    }
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'govrule-diff-'));
    try {
        const root = extractRevision(commit, folder, io.cwd);
        if (!fs.existsSync(root)) {
            throw new UserError(t('cli.diff.side.no-sources-in-project', { spec }));
        }
        return { side: { spec, kind: 'git' }, bundle: await compileFolder(root, spec, io) };
    } finally {
        fs.rmSync(folder, { recursive: true, force: true });
    }
}

function readBundle(file: string, spec: string): LoadedBundle {
    let text: string;
    try {
        text = fs.readFileSync(file, 'utf8');
    } catch (err) {
        throw new UserError(t('cli.error.cannot-read', { file: spec, reason: (err as NodeJS.ErrnoException).code ?? (err as Error).message }));
    }
    try {
        return loadBundle(text);
    } catch (err) {
        if (err instanceof BundleError) {
            throw new UserError(t('cli.eval.bundle-unusable', { file: spec, message: err.message }));
        }
        throw err;
    }
}

/** Compiles a folder as `govrule compile FOLDER` would; errors are reported and stop the diff. */
async function compileFolder(folder: string, spec: string, io: SideContext): Promise<LoadedBundle> {
    let fileSet;
    try {
        fileSet = collectFiles([], folder);
    } catch (err) {
        if (err instanceof NoSourcesError) {
            throw new UserError(t('cli.diff.side.no-sources', { spec }));
        }
        throw err;
    }
    const { sources, unreadable, texts } = readSources(fileSet.files);
    const project = await loadProject(sources);
    if (project.hasErrors || unreadable.length > 0) {
        const problems = sortProblems([...unreadable, ...toProblems(project.diagnostics)]).filter(p => p.severity === 'error');
        io.reportErrors(problems, texts, folder, fileSet.files.length);
        throw new UserError(t('cli.diff.side.errors', { spec }));
    }
    return loadBundle(bundleOf(project, fileSet.root));
}

function git(args: readonly string[], cwd: string): Buffer | undefined {
    const result = spawnSync('git', args, { cwd, maxBuffer: MAX_GIT_OUTPUT });
    return result.status === 0 ? result.stdout : undefined;
}

function resolveRevision(spec: string, cwd: string): string | undefined {
    // `--end-of-options` keeps a spec such as `--output=x` from being read as an option.
    const out = spec.startsWith('-') ? undefined : git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${spec}^{commit}`], cwd);
    return out?.toString('utf8').trim() || undefined;
}

/**
 * Writes the revision's govrule.json and .govrule files of the project around `cwd` into
 * `folder`, and returns where that project's root lands there.
 */
function extractRevision(commit: string, folder: string, cwd: string): string {
    const top = git(['rev-parse', '--show-toplevel'], cwd)?.toString('utf8').trim();
    if (!top) {
        throw new UserError(t('cli.diff.side.no-git'));
    }
    const projectRoot = findConfig(cwd)?.root ?? cwd;
    const prefix = path.relative(fs.realpathSync(top), fs.realpathSync(projectRoot)).split(path.sep).join('/');
    const listing = git(['ls-tree', '-r', '-z', '--full-tree', '--name-only', commit, ...(prefix ? ['--', prefix] : [])], top);
    if (listing === undefined) {
        throw new UserError(t('cli.diff.side.cannot-list', { commit }));
    }
    const wanted = listing.toString('utf8').split('\0')
        .filter(name => name !== '' && !name.includes('\n') && (name.endsWith('.govrule') || path.posix.basename(name) === 'govrule.json'));
    const blobs = readBlobs(commit, wanted, top);
    wanted.forEach((name, i) => {
        const target = path.join(folder, ...name.split('/'));
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, blobs[i]);
    });
    return path.join(folder, ...prefix.split('/').filter(Boolean));
}

/** Every file's content at the revision in one `git cat-file --batch` run. */
function readBlobs(commit: string, names: readonly string[], top: string): Buffer[] {
    if (names.length === 0) {
        return [];
    }
    const out = execFileSync('git', ['cat-file', '--batch'], { cwd: top, input: names.map(n => `${commit}:${n}\n`).join(''), maxBuffer: MAX_GIT_OUTPUT });
    const blobs: Buffer[] = [];
    let at = 0;
    for (const name of names) {
        const end = out.indexOf(0x0a, at);
        const header = out.subarray(at, end).toString('utf8').split(' ');
        if (header[1] !== 'blob') {
            throw new UserError(t('cli.diff.side.cannot-read-at', { file: name, commit }));
        }
        const size = Number(header[2]);
        blobs.push(out.subarray(end + 1, end + 1 + size));
        at = end + 1 + size + 1;
    }
    return blobs;
}

function statOrUndefined(file: string): fs.Stats | undefined {
    try {
        return fs.statSync(file);
    } catch {
        return undefined;
    }
}

