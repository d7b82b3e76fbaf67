/**
 * The formatter on the example repository: every file is a fixed point, every comment survives,
 * and the compiled bundle is byte for byte the same before and after formatting.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { formatText } from '../../language/src/format/formatter.js';
import { EXAMPLES } from '../helpers/cli.js';
import { govruleFiles } from '../helpers/project.js';
import { commentsOf, compile, formatted, tokensOf } from './support.js';

const sources = Object.fromEntries(govruleFiles(EXAMPLES).map(file => [path.relative(EXAMPLES, file), fs.readFileSync(file, 'utf8')]));

/** The examples as they would be with their names aligned in columns, as they were first written. */
function aligned(text: string): string {
    const pad = (head: string, width: number) => head + ' '.repeat(Math.max(1, width - head.length));
    return text
        .replace(/^([ \t]*(?:post|authority|action|category) \S+) "/gm, (_, head: string) => `${pad(head, 28)}"`)
        .replace(/^([ \t]*after \S+) to /gm, (_, head: string) => `${pad(head, 18)}to `);
}

describe('the example repository', () => {
    test('has files to format', () => {
        expect(Object.keys(sources).length).toBeGreaterThanOrEqual(8);
    });

    test.each(Object.keys(sources))('%s is already in the canonical format', name => {
        const result = formatText(sources[name]);
        expect(result.ok && result.edits).toEqual([]);
    });

    test.each(Object.keys(sources))('%s: a realigned copy formats back, with its tokens and comments', name => {
        const realigned = aligned(sources[name]);
        const result = formatted(realigned);
        expect(result).toBe(sources[name]);
        expect(tokensOf(result)).toEqual(tokensOf(realigned));
        expect(commentsOf(result)).toEqual(commentsOf(realigned));
    });

    test('formatting a realigned copy leaves the bundle and the diagnostics unchanged, byte for byte', async () => {
        const realigned = Object.fromEntries(Object.entries(sources).map(([name, text]) => [name, aligned(text)]));
        expect(realigned).not.toEqual(sources);
        const before = await compile(EXAMPLES, realigned);
        const after = await compile(EXAMPLES, Object.fromEntries(Object.entries(realigned).map(([name, text]) => [name, formatted(text)])));
        expect(after.bundle).toBe(before.bundle);
        expect(after.codes).toEqual(before.codes);
        expect(JSON.parse(after.bundle).rules.length).toBeGreaterThan(40);
    });
});
