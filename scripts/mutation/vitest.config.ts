/**
 * The in-process test files, for mutation testing: Stryker puts its mutants into the source
 * files, so a test that spawns out/cli.cjs or out/server.cjs runs a build that has none of them.
 * Those files are left out (found by what they import, so a new one is left out too), and so is
 * the global setup that builds out/.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SPAWNS = /\brunCli\b|lsp-client|node:child_process/;

function spawningTestFiles(): string[] {
    const files = fs.readdirSync(path.join(root, 'test'), { recursive: true, encoding: 'utf8' })
        .filter(file => file.endsWith('.test.ts'))
        .map(file => path.posix.join('test', file.split(path.sep).join('/')));
    return files.filter(file => SPAWNS.test(fs.readFileSync(path.join(root, file), 'utf8')));
}

/** Property tests, huge inputs and the analysis budget take seconds each: they run after the quick files. */
const SLOW = /(differential|hostile-input|fuzz|budget)\.test\.ts$/;

/**
 * A fixed order, quick files first: Stryker stops a mutant's run at the first failing test, so
 * most mutants are decided without the slow files.
 */
class QuickFirst extends BaseSequencer {
    override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
        const slow = (f: TestSpecification) => (SLOW.test(f.moduleId) ? 1 : 0);
        return [...files].sort((a, b) => slow(a) - slow(b) || (a.moduleId < b.moduleId ? -1 : a.moduleId > b.moduleId ? 1 : 0));
    }
}

export default defineConfig({
    root,
    test: {
        include: ['test/**/*.test.ts'],
        exclude: ['**/node_modules/**', 'test/e2e/**', ...spawningTestFiles()],
        setupFiles: ['test/helpers/setup.ts', 'scripts/mutation/setup.ts'],
        // Each run imports the source afresh (vitest's default isolation): a mutant in code that runs
        // when a module loads (a constant table) only shows if the module is loaded again.
        sequence: { sequencer: QuickFirst },
        // Instrumented code runs several times slower: the size-limit tests (16 Mi JSON values) need minutes.
        testTimeout: 300_000,
        hookTimeout: 120_000,
    },
});
