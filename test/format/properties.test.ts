/**
 * Properties of the formatter on random valid projects (test/format/arbitrary.ts): the generator
 * writes each file in the canonical style, so it is an independent statement of that style.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { canonical, projectArb, scramble, shuffleSpaces, type GeneratedProject } from './arbitrary.js';
import { commentsOf, compile, formatted, tokensOf, withoutSources } from './support.js';

const ROOT = '/projects/generated';
const choices = fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 200 });

function files(project: GeneratedProject, render: (pieces: GeneratedProject['rules']) => string): Record<string, string> {
    return { 'common.govrule': render(project.vocabulary), 'rules/rules.govrule': render(project.rules) };
}

function formatAll(texts: Record<string, string>): Record<string, string> {
    return Object.fromEntries(Object.entries(texts).map(([name, text]) => [name, formatted(text)]));
}

describe('on generated projects', () => {
    test('a canonically written file is left as it is', () => {
        fc.assert(fc.property(projectArb, project => {
            for (const text of Object.values(files(project, canonical))) {
                expect(formatted(text)).toBe(text);
            }
        }), { numRuns: 150 });
    });

    test('spaces shuffled inside lines: formatting restores the canonical text, and the bundle never changed', async () => {
        await fc.assert(fc.asyncProperty(projectArb, choices, async (project, picks) => {
            const expected = files(project, canonical);
            const shuffled = files(project, pieces => shuffleSpaces(pieces, picks));
            const result = formatAll(shuffled);
            expect(result).toEqual(expected);
            const before = await compile(ROOT, shuffled);
            const after = await compile(ROOT, result);
            expect(after.bundle).toBe(before.bundle);
            expect(after.codes).toEqual(before.codes);
        }), { numRuns: 40 });
    });

    test('any layout, with extra comments: idempotent, same tokens, every comment kept in order, same bundle up to source positions', async () => {
        await fc.assert(fc.asyncProperty(projectArb, choices, async (project, picks) => {
            const scrambled = files(project, pieces => scramble(pieces, picks));
            const result = formatAll(scrambled);
            for (const name of Object.keys(scrambled)) {
                expect(tokensOf(result[name])).toEqual(tokensOf(scrambled[name]));
                expect(commentsOf(result[name])).toEqual(commentsOf(scrambled[name]));
                expect(result[name]).not.toMatch(/[ \t]$/m);
                expect(result[name]).toMatch(/[^\n]\n$/);
            }
            const before = await compile(ROOT, scrambled);
            const after = await compile(ROOT, result);
            expect(withoutSources(after.bundle)).toEqual(withoutSources(before.bundle));
            expect(after.codes).toEqual(before.codes);
        }), { numRuns: 40 });
    });
});
