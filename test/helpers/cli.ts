/**
 * Runs the bundled CLI as users run it (`node bin/govrule.cjs ...`) on files in temporary folders.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempFolder } from './temp.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = path.join(ROOT, 'bin', 'govrule.cjs');
export const EXAMPLES = path.join(ROOT, 'examples', 'chongqing');

export interface CliResult {
    readonly status: number | null;
    readonly stdout: string;
    readonly stderr: string;
}

export interface CliOptions {
    readonly cwd?: string;
    readonly input?: string;
    readonly timeout?: number;
    /** Run as this user (the tests run as root on CI machines; this shows what others see). */
    readonly user?: { readonly uid: number; readonly gid: number };
    /** Variables added to the environment, e.g. `{ LANG: 'zh_CN.UTF-8' }`. */
    readonly env?: Readonly<Record<string, string>>;
}

/**
 * The environment of a run: the tests' own without the locale variables (whatever the machine's
 * language, the CLI speaks English unless a test asks otherwise), plus the test's.
 */
function runEnv(extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
    const { LC_ALL: _all, LC_MESSAGES: _messages, LANG: _lang, ...env } = process.env;
    return { ...env, ...extra };
}

export function runCli(args: readonly string[], options: CliOptions = {}): CliResult {
    const result = spawnSync(process.execPath, [BIN, ...args], {
        cwd: options.cwd ?? ROOT,
        input: options.input,
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024,
        timeout: options.timeout ?? 60_000,
        uid: options.user?.uid,
        gid: options.user?.gid,
        env: runEnv(options.env),
    });
    if (result.error) {
        throw result.error;
    }
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * A user without privileges to run the CLI as, for permission tests: `nobody` when the tests run
 * as root (where every permission check passes), else the current user. The folders it works in
 * must be opened to it (`fs.chmodSync(dir, 0o777)`).
 */
export const UNPRIVILEGED: CliOptions['user'] = isRoot ? { uid: 65534, gid: 65534 } : undefined;

/** Copies the example repository into a fresh temporary folder. */
export function copyExamples(): string {
    const dir = tempFolder();
    fs.cpSync(EXAMPLES, dir, { recursive: true });
    return dir;
}

/** Fails with the CLI's output in the message, so a failing assertion shows what the CLI said. */
export function describeRun(result: CliResult): string {
    return `exit ${result.status}\n--- stdout\n${result.stdout.slice(0, 4000)}\n--- stderr\n${result.stderr.slice(0, 4000)}`;
}
