/** Every diagnostic code has its section in docs/diagnostics.md, the target of editors' links. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { CODES } from '../../language/src/diagnostics.js';

const docs = fs.readFileSync(path.resolve(__dirname, '..', '..', 'docs', 'diagnostics.md'), 'utf8');

describe('docs/diagnostics.md', () => {
    test.each(Object.keys(CODES))('has a section and a table row for %s', code => {
        expect(docs).toMatch(new RegExp(`^## \`${code}\`$`, 'm'));
        expect(docs).toContain(`[\`${code}\`](#${code})`);
    });

    test('lists no code that does not exist', () => {
        const sections = [...docs.matchAll(/^## `([a-z-]+)`$/gm)].map(m => m[1]);
        expect(sections.sort()).toEqual(Object.keys(CODES).sort());
    });
});
