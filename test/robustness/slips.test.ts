/**
 * Slips in random valid projects (issue 9 §6): a token of a generated project replaced by the slip
 * an author makes at a Chinese keyboard or from another language's habits gives exactly one error,
 * at the slip, whose fix gives back the project, which then builds without errors.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { loadProject } from '../../language/src/project/project.js';
import { canonical, projectArb } from '../format/arbitrary.js';
import { positionAt } from '../helpers/ranges.js';

/** For each token, the slips that stand for it. */
const SLIPS: Record<string, readonly string[]> = {
    ',': ['，', '、'], '(': ['（'], ')': ['）'], ':': ['：'], '{': ['｛'], '}': ['｝'], '[': ['【', '［'], ']': ['】', '］'],
    '==': ['='], 'and': ['&&', '&'], 'or': ['||'],
};
const DURATION = /^([0-9]+)([mhdw])$/;
const WORDS: Record<string, readonly string[]> = { m: ['minutes', '分钟'], h: [' hours', '小时', ' 小时'], d: [' days', '天'], w: [' weeks', '周'] };

function slipsOf(token: string): readonly string[] {
    const duration = DURATION.exec(token);
    return duration ? WORDS[duration[2]].map(w => `${duration[1]}${w}`) : SLIPS[token] ?? [];
}

describe('one slip in a valid project', () => {
    test('one syntax error at the slip, and its fix restores the project', async () => {
        await fc.assert(fc.asyncProperty(projectArb, fc.nat(), fc.nat(), async (project, which, variant) => {
            const vocabulary = canonical(project.vocabulary);
            // Where each piece of the rule file starts, and the pieces that have a slip.
            let offset = 0;
            const places: Array<{ offset: number; text: string }> = [];
            for (const piece of project.rules) {
                offset += piece.gap.length;
                if (slipsOf(piece.text).length > 0) {
                    places.push({ offset, text: piece.text });
                }
                offset += piece.text.length;
            }
            fc.pre(places.length > 0);
            const rules = canonical(project.rules);
            const place = places[which % places.length];
            const slips = slipsOf(place.text);
            const slip = slips[variant % slips.length];
            const broken = rules.slice(0, place.offset) + slip + rules.slice(place.offset + place.text.length);

            const built = await loadProject([{ path: '/p/vocabulary.govrule', text: vocabulary }, { path: '/p/rules.govrule', text: broken }]);
            const errors = built.diagnostics.flatMap(f => f.diagnostics.filter(d => d.severity === 1).map(d => ({ file: f.path, d })));
            expect(errors.map(e => [e.file, e.d.code, e.d.range.start]), broken).toEqual([['/p/rules.govrule', 'syntax', positionAt(broken, place.offset)]]);
            const replacement = (errors[0].d.data as { replacement?: string }).replacement;
            expect(replacement, String(errors[0].d.message)).toBeDefined();
            const end = place.offset + slip.length;
            expect(positionAt(broken, end)).toEqual(errors[0].d.range.end);
            const fixed = broken.slice(0, place.offset) + replacement + broken.slice(end);
            expect(fixed).toBe(rules);
        }), { numRuns: 30 });
    });
});
