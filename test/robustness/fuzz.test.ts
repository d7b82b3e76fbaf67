/**
 * Random input never throws out of the document builder (loadProject): arbitrary strings, soups
 * of GovRule tokens, and truncated or mutated example files. Every diagnostic stays well-formed,
 * and whatever builds without errors compiles to a schema-valid bundle.
 */
import fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, test } from 'vitest';
import type { SourceFile } from '../../language/src/workspace/project.js';
import { EXAMPLES } from '../helpers/cli.js';
import { expectSoundBuild } from '../helpers/invariants.js';
import { TOKENS, mutate, mutation } from '../helpers/mutations.js';
import { govruleFiles } from '../helpers/project.js';

const ROOT = '/fuzz';

const tokenSoup = fc.tuple(fc.boolean(), fc.array(fc.constantFrom(...TOKENS), { maxLength: 120 }))
    .map(([withPackage, tokens]) => `${withPackage ? 'package fuzz.p\n' : ''}${tokens.join(' ')}`);

const anyText = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.string({ unit: 'grapheme', maxLength: 200 }).map(s => `package p\n${s}`),
    tokenSoup,
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
