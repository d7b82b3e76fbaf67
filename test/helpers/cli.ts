/**
 * Runs the bundled CLI as users run it (`node bin/govrule.cjs ...`) on files in temporary folders.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

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

const created: string[] = [];

/** A new temporary folder holding `files` (relative paths; folders are created as needed). */
export function tempFolder(files: Record<string, string | Buffer> = {}): string {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'govrule-test-')));
    created.push(dir);
    writeFiles(dir, files);
    return dir;
}

export function writeFiles(dir: string, files: Record<string, string | Buffer>): void {
    for (const [name, content] of Object.entries(files)) {
        const file = path.join(dir, name);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, content);
    }
}

/** Removes every folder `tempFolder` made in this test file (call from afterAll). */
export function removeTempFolders(): void {
    for (const dir of created.splice(0)) {
        fs.rmSync(dir, { recursive: true, force: true });
    }
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
