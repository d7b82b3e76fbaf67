/**
 * The CLI on random and mutated files: it reports problems (exit 0 or 1) and never fails with an
 * internal error or a stack trace.
 */
import fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { copyExamples, describeRun, runCli, type CliResult } from '../helpers/cli.js';
import { TOKENS, mutate, mutation } from '../helpers/mutations.js';
import { govruleFiles } from '../helpers/project.js';

let dir: string;
let originals: Map<string, string>;

beforeAll(() => {
    dir = copyExamples();
    originals = new Map(govruleFiles(dir).map(file => [file, fs.readFileSync(file, 'utf8')]));
});

function restore(): void {
    for (const [file, text] of originals) {
        fs.writeFileSync(file, text);
    }
}

function expectReported(result: CliResult): void {
    expect([0, 1], describeRun(result)).toContain(result.status);
    expect(result.stderr, describeRun(result)).not.toMatch(/internal[ -]error|\n\s+at |RangeError|TypeError/i);
}

describe('the CLI on broken input', () => {
    test('mutated example files: check reports, compile writes a bundle only when there are no errors', () => {
        const files = [...originals.keys()];
        fc.assert(fc.property(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 3 }), (which, mutations) => {
            restore();
            const file = files[which % files.length];
            fs.writeFileSync(file, mutations.reduce(mutate, originals.get(file)!));
            const out = path.join(dir, 'out', 'bundle.json');
            fs.rmSync(path.join(dir, 'out'), { recursive: true, force: true });
            const result = runCli(['compile', '-o', out, '--format', 'json'], { cwd: dir });
            expectReported(result);
            const problems = JSON.parse(result.stdout) as Array<{ severity: string }>;
            const errors = problems.filter(p => p.severity === 'error').length;
            expect(result.status, describeRun(result)).toBe(errors > 0 ? 1 : 0);
            expect(fs.existsSync(out)).toBe(errors === 0);
        }), { numRuns: 12 });
        restore();
    });

    test('random text in a rule file', () => {
        const target = [...originals.keys()][0];
        fc.assert(fc.property(fc.oneof(
            fc.string({ unit: 'binary', maxLength: 300 }),
            fc.array(fc.constantFrom(...TOKENS), { maxLength: 100 }).map(t => `package chongqing.fuzz\n${t.join(' ')}`),
        ), text => {
            fs.writeFileSync(target, text);
            expectReported(runCli(['check', '--format', 'text'], { cwd: dir }));
        }), { numRuns: 10 });
        restore();
    });
});
