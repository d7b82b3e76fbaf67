/**
 * The VS Code client ships in the .vsix: what it takes from language/src must be the bundle's
 * contract, govrule.json's reader and the writer of output files, never the CLI, the compiler
 * or Langium (the language server does that work). Read from esbuild's metafile of the entry
 * point esbuild.mjs builds into out/extension.cjs.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { bundledInputs } from '../helpers/bundled-inputs.js';

let inputs: string[];

beforeAll(async () => {
    inputs = await bundledInputs('extension/src/extension.ts', ['vscode']);
});

describe("the extension client's bundled output", () => {
    test('is made of the client (the metafile lists its modules)', () => {
        expect(inputs).toContain('extension/src/extension.ts');
        expect(inputs).toContain('language/src/project/output.ts');
    });

    test('holds no module of the CLI, the compiler, the language server or Langium', () => {
        const rooms = new Set(inputs.filter(input => input.startsWith('language/src/')).map(input => input.split('/')[2]));
        for (const room of ['cli', 'compiler', 'lsp', 'syntax', 'references', 'validation', 'runtime']) {
            expect(rooms.has(room), room).toBe(false);
        }
        expect(inputs.filter(input => /node_modules\/(langium|chevrotain)\//.test(input))).toEqual([]);
    });
});
