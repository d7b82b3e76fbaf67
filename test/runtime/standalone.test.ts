/**
 * The runtime is what platforms embed: its bundled output must carry no Langium (nor anything
 * else of the language's toolchain) and no module of the compiler. Read from esbuild's metafile
 * of the same entry point esbuild.mjs builds into out/runtime.cjs.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { bundledInputs } from '../helpers/bundled-inputs.js';

/** Source folders of language/src the runtime may draw from: the bundle's contract and leaf helpers. */
const ALLOWED_ROOMS = ['runtime', 'bundle', 'model'];

let inputs: string[];

beforeAll(async () => {
    inputs = await bundledInputs('language/src/runtime/index.ts');
});

describe("the runtime's bundled output", () => {
    test('is made of the runtime (the metafile lists its modules)', () => {
        expect(inputs).toContain('language/src/runtime/decide.ts');
        expect(inputs).toContain('language/src/bundle/generated/bundle-schema-validator.js');
    });

    test('holds no package from node_modules: no Langium, no Chevrotain, no vscode-languageserver', () => {
        expect(inputs.filter(input => input.includes('node_modules/'))).toEqual([]);
    });

    test('holds no module of the compiler, the linker or any stage above them', () => {
        const outside = inputs.filter(input => {
            const room = /^language\/src\/([^/]+)\//.exec(input)?.[1];
            return room === undefined || !ALLOWED_ROOMS.includes(room);
        });
        expect(outside).toEqual([]);
    });

    test('takes from model/ only modules that import nothing of Langium or the grammar', () => {
        const model = inputs.filter(input => input.startsWith('language/src/model/')).sort();
        expect(model).toEqual(['language/src/model/quote.ts', 'language/src/model/text-distance.ts', 'language/src/model/values.ts']);
    });
});
