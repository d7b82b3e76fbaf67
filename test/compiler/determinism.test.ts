/**
 * One bundle, byte for byte, whatever the order of the files (LANGUAGE.md §9): in memory, on the
 * command line and on disk; and the streamed output is exactly `serializeBundle(compileBundle(x))`.
 */
import fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { serializeBundle } from '../../language/src/bundle/serialize.js';
import { bundleOf, bundleTextOf, loadProject, type SourceFile } from '../../language/src/project/project.js';
import { EXAMPLES, describeRun, runCli } from '../helpers/cli.js';
import { tempFolder } from '../helpers/temp.js';
import { govruleFiles } from '../helpers/project.js';

let files: SourceFile[];
let streamed: string;

beforeAll(() => {
    files = govruleFiles(EXAMPLES).map(file => ({ path: file, text: fs.readFileSync(file, 'utf8') }));
    const result = runCli(['compile', EXAMPLES]);
    expect(result.status, describeRun(result)).toBe(0);
    streamed = result.stdout;
});

async function bytesOf(sources: readonly SourceFile[]): Promise<string> {
    const project = await loadProject(sources);
    expect(project.hasErrors).toBe(false);
    return [...bundleTextOf(project, EXAMPLES)].join('');
}

describe('file order', () => {
    test('loading the files in any order gives the same bytes', async () => {
        expect(files.length).toBeGreaterThanOrEqual(4);
        const baseline = await bytesOf(files);
        expect(baseline).toBe(streamed);
        await fc.assert(fc.asyncProperty(fc.shuffledSubarray(files, { minLength: files.length, maxLength: files.length }), async shuffled => {
            expect(await bytesOf(shuffled)).toBe(baseline);
        }), { numRuns: 8 });
    });

    test('files in different orders on the command line give the same bytes', () => {
        const relative = files.map(f => path.relative(EXAMPLES, f.path));
        const orders = [relative, [...relative].reverse(), [...relative.slice(3), ...relative.slice(0, 3)]];
        for (const order of orders) {
            const result = runCli(['compile', ...order], { cwd: EXAMPLES });
            expect(result.status, describeRun(result)).toBe(0);
            expect(result.stdout).toBe(streamed);
        }
    });

    test('a copy written to disk in another order and place gives the same bytes', () => {
        const copy = tempFolder();
        for (const file of [...files].reverse()) {
            const target = path.join(copy, path.relative(EXAMPLES, file.path));
            fs.mkdirSync(path.dirname(target), { recursive: true });
            fs.writeFileSync(target, file.text);
        }
        fs.copyFileSync(path.join(EXAMPLES, 'govrule.json'), path.join(copy, 'govrule.json'));
        const result = runCli(['compile'], { cwd: copy });
        expect(result.status, describeRun(result)).toBe(0);
        expect(result.stdout).toBe(streamed);
    });
});

describe('the streamed output', () => {
    test('equals serializeBundle(compileBundle(x)) byte for byte, on stdout and with -o', async () => {
        const project = await loadProject(files);
        const bundle = bundleOf(project, EXAMPLES);
        expect(serializeBundle(bundle)).toBe(streamed);
        expect(JSON.parse(streamed)).toEqual(bundle);
        const out = path.join(tempFolder(), 'bundle.json');
        const result = runCli(['compile', '-o', out], { cwd: EXAMPLES });
        expect(result.status, describeRun(result)).toBe(0);
        expect(fs.readFileSync(out, 'utf8')).toBe(streamed);
    });

    test('has one head key per line and one list element per line', () => {
        const lines = streamed.split('\n');
        expect(lines[0]).toBe('{');
        expect(lines.at(-1)).toBe('');
        expect(lines.at(-2)).toBe('}');
        const bundle = JSON.parse(streamed) as Record<string, unknown[]>;
        for (const key of ['severities', 'posts', 'authorities', 'actions', 'attributes', 'categories', 'campaigns', 'rules']) {
            const start = lines.indexOf(`  "${key}": [`);
            expect(start, key).toBeGreaterThan(0);
            const elements = bundle[key];
            elements.forEach((element, i) => {
                expect(lines[start + 1 + i]).toBe(`    ${JSON.stringify(element)}${i < elements.length - 1 ? ',' : ''}`);
            });
        }
    });
});
