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
}

export function runCli(args: readonly string[], options: CliOptions = {}): CliResult {
    const result = spawnSync(process.execPath, [BIN, ...args], {
        cwd: options.cwd ?? ROOT,
        input: options.input,
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024,
        timeout: options.timeout ?? 60_000,
    });
    if (result.error) {
        throw result.error;
    }
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

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
