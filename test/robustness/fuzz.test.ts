/**
 * Random input never throws out of the document builder (loadProject): arbitrary strings, soups
 * of GovRule tokens with CJK, full-width punctuation and invisible characters, and truncated or
 * mutated example files. Every diagnostic stays well-formed, whatever builds without errors
 * compiles to a schema-valid bundle, and no output format prints an invisible character raw.
 */
import fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { formatProblems, OUTPUT_FORMATS } from '../../language/src/cli/report.js';
import { toProblems } from '../../language/src/project/problems.js';
import { invisiblePattern } from '../../language/src/unicode/characters.js';
import { loadProject, type SourceFile } from '../../language/src/project/project.js';
import { EXAMPLES } from '../helpers/cli.js';
import { expectSoundBuild } from '../helpers/invariants.js';
import { TOKENS, UNICODE_TOKENS, mutate, mutation } from '../helpers/mutations.js';
import { govruleFiles } from '../helpers/project.js';

const ROOT = '/fuzz';

const tokenSoup = fc.tuple(fc.boolean(), fc.array(fc.constantFrom(...TOKENS), { maxLength: 120 }))
    .map(([withPackage, tokens]) => `${withPackage ? 'package fuzz.p\n' : ''}${tokens.join(' ')}`);

/** GovRule's words mixed with CJK, full-width punctuation and invisible characters, sometimes glued together. */
const unicodeSoup = fc.tuple(fc.boolean(), fc.array(fc.tuple(fc.constantFrom(...TOKENS, ...UNICODE_TOKENS, ...UNICODE_TOKENS), fc.constantFrom(' ', '', '\n')), { maxLength: 120 }))
    .map(([withPackage, tokens]) => `${withPackage ? 'package fuzz.p\n' : ''}${tokens.map(([token, gap]) => token + gap).join('')}`);

const anyText = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.string({ unit: 'grapheme', maxLength: 200 }).map(s => `package p\n${s}`),
    tokenSoup,
    unicodeSoup,
);

/** A small scale, so that rule files in a run often resolve their names. */
const SCALE = { path: `${ROOT}/scale.govrule`, text: 'package fuzz.p\nseverities { minor critical }\npost reviewer\naction remove\nattribute channel: enum { app, web }\ncategory a\n' };

describe('random text', () => {
    test('never throws out of loadProject', async () => {
        await fc.assert(fc.asyncProperty(fc.array(anyText, { minLength: 1, maxLength: 4 }), async texts => {
            const files = [SCALE, ...texts.map((text, i) => ({ path: `${ROOT}/f${i}.govrule`, text }))];
            await expectSoundBuild(files, ROOT);
        }), { numRuns: 60 });
    });
});

describe('Unicode', () => {
    test('CJK, full-width punctuation and invisible characters never throw, and no format prints them raw', async () => {
        const name = fc.constantFrom('f', '审核', 'evil\u202Eelur', 'a\u200Bb');
        await fc.assert(fc.asyncProperty(fc.array(fc.tuple(name, unicodeSoup), { minLength: 1, maxLength: 3 }), async texts => {
            const files = [SCALE, ...texts.map(([file, text], i) => ({ path: `${ROOT}/${file}${i}.govrule`, text }))];
            await expectSoundBuild(files, ROOT);
            const project = await loadProject(files);
            const ctx = { cwd: ROOT, texts: new Map(files.map(f => [f.path, f.text])), fileCount: files.length };
            for (const format of OUTPUT_FORMATS) {
                const printed = formatProblems(format, toProblems(project.diagnostics), ctx);
                expect(invisiblePattern().exec(printed), `${format}: ${printed.slice(0, 2000)}`).toBeNull();
                if (format === 'json' || format === 'sarif') {
                    expect(() => JSON.parse(printed)).not.toThrow();
                }
            }
        }), { numRuns: 40 });
    });
});

describe('mutated examples', () => {
    let examples: SourceFile[];

    beforeAll(() => {
        examples = govruleFiles(EXAMPLES).map(file => ({ path: file, text: fs.readFileSync(file, 'utf8') }));
    });

    test('truncations and mutations of one file never throw, and error-free results compile to valid bundles', async () => {
        await fc.assert(fc.asyncProperty(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 3 }), async (which, mutations) => {
            const index = which % examples.length;
            const files = examples.map((file, i) => i === index ? { ...file, text: mutations.reduce(mutate, file.text) } : file);
            await expectSoundBuild(files, EXAMPLES);
        }), { numRuns: 40 });
    });

    test('every prefix of a rule file, cut at each line, builds without throwing', async () => {
        const rules = examples.find(f => path.basename(f.path) === 'rumor.govrule') ?? examples[examples.length - 1];
        const lines = rules.text.split('\n');
        // Every fifth line keeps the run short; cuts inside lines are covered by the property above.
        for (let n = 0; n <= lines.length; n += 5) {
            const files = examples.map(f => f === rules ? { ...f, text: lines.slice(0, n).join('\n') } : f);
            await expectSoundBuild(files, EXAMPLES);
        }
    });
});
