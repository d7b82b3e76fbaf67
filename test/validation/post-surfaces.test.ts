/**
 * The post management list in-process: `managed attribute`, a post's `manages`, the
 * `surface-attribute` errors and the `post-surface` lint (fires only on certain restrictions, at
 * the responsible post or the escalation target, with the posts that would fit as its fix).
 */
import { describe, expect, test } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-types';
import { workspace, VOCABULARY, USES_VOCABULARY } from '../helpers/workspace.js';

/** A package of posts with the surfaces they manage, beside the shared vocabulary. */
const POSTS = `package t.desks
managed attribute place: enum { information, comment, account, ranking }
post desk "审核" manages information, comment
post ops "运营" manages ranking, account
post all "总编辑" manages information, comment, account, ranking
post silent
`;

function rules(clauses: string): string {
    return `package t.rules
import demo.common.*
import t.desks.*
category misc
rule r {
    category misc
    severity serious
    actions remove
${clauses}
}
`;
}

async function diagnosticsOf(files: Record<string, string>, code: string, file = 'r.govrule'): Promise<Diagnostic[]> {
    const ws = await workspace({ 'common.govrule': VOCABULARY, 'uses.govrule': USES_VOCABULARY, ...files });
    return ws.diagnostics(file).filter(d => d.code === code);
}

const lint = (clauses: string) => diagnosticsOf({ 'desks.govrule': POSTS, 'r.govrule': rules(clauses) }, 'post-surface');

function textAt(text: string, d: Diagnostic): string {
    const lines = text.split('\n');
    return lines[d.range.start.line]!.slice(d.range.start.character, d.range.end.character);
}

describe('post-surface', () => {
    test('fires at the responsible post when `==` names a surface it does not manage, with posts that manage it as the fix', async () => {
        const clauses = '    responsible desk\n    when place == ranking and reports > 3';
        const [d, ...rest] = await lint(clauses);
        expect(rest).toEqual([]);
        expect(d!.severity).toBe(2);
        expect(d!.message).toBe("The rule's condition restricts the case to ranking, which the responsible post 'desk' does not manage (it manages information, comment); did you mean 'all' or 'ops'?");
        expect(textAt(rules(clauses), d!)).toBe('desk');
        expect(d!.range.start.line).toBe(8);
        expect(d!.data).toMatchObject({ suggestions: ['all', 'ops'] });
    });

    test('`in`, `not in`, `!=` and an `or` of comparisons restrict; only the unmanaged surfaces are named', async () => {
        expect((await lint('    responsible desk\n    when place in [comment, account]'))[0]!.message).toContain('restricts the case to account,');
        expect((await lint('    responsible desk\n    when place not in [information, comment]'))[0]!.message).toContain('restricts the case to account, ranking,');
        expect((await lint('    responsible ops\n    when place != ranking'))[0]!.message).toContain('restricts the case to information, comment,');
        expect((await lint('    responsible desk\n    when (place == comment or place == ranking) and verified'))[0]!.message).toContain('restricts the case to ranking,');
    });

    test('a qualified responsible post gets qualified suggestions', async () => {
        const [d] = await lint('    responsible t.desks.desk\n    when place == account');
        expect(d!.data).toMatchObject({ suggestions: ['t.desks.all', 't.desks.ops'] });
    });

    test('does not fire when the post manages the surfaces, or when the restriction is not certain', async () => {
        for (const clauses of [
            '    responsible desk\n    when place in [information, comment]',
            '    responsible desk\n    when place == ranking or reports > 3',       // an `or` with another attribute
            '    responsible desk\n    when not (place == information)',            // `not` is not read
            '    responsible desk\n    when verified and (reports > 1 and place == ranking or verified)', // nested deeper
            '    responsible desk',                                                 // no condition
            '    responsible silent\n    when place == ranking',                    // a post that declares no surfaces
            '    responsible reviewer\n    when channel == app',                    // a package without a managed attribute
        ]) {
            expect(await lint(clauses), clauses).toEqual([]);
        }
    });

    test('fires at an escalation step to a post that manages none of the surfaces, not at one that manages some', async () => {
        const clauses = '    responsible all\n    when place in [information, comment]\n    escalate { after 1h to desk after 2h to ops after 1d to cac }';
        const found = await lint(clauses);
        expect(found.map(d => [textAt(rules(clauses), d), d.message])).toEqual([
            ['ops', "This step hands the case to 'ops', which manages none of information, comment that the rule's condition restricts it to (it manages account, ranking)"],
        ]);
    });

    test('a contradictory restriction is left to unreachable-rule', async () => {
        expect(await lint('    responsible desk\n    when place == ranking and place == comment')).toEqual([]);
    });
});

describe('surface-attribute and the surfaces of a post', () => {
    test('a post that manages surfaces in a package without a managed attribute: an error at `manages`', async () => {
        const text = 'package t.bare\npost desk manages information\n';
        const [d, ...rest] = await diagnosticsOf({ 'b.govrule': text }, 'surface-attribute', 'b.govrule');
        expect(rest).toEqual([]);
        expect(d!.severity).toBe(1);
        expect(d!.message).toBe("Post 'desk' manages surfaces, but package 't.bare' names no surface attribute: declare the enum attribute of the surfaces as `managed attribute`");
        expect(textAt(text, d!)).toBe('manages');
    });

    test('a managed attribute that is not an enum, and a second one in the package', async () => {
        const text = 'package t.two\nmanaged attribute a: enum { x }\nmanaged attribute b: number default 0\npost p manages x\n';
        const found = await diagnosticsOf({ 't.govrule': text }, 'surface-attribute', 't.govrule');
        expect(found.map(d => [d.range.start.line, d.message])).toEqual([
            [2, "Package 't.two' already has a managed attribute ('a'); a package has one"],
            [2, "The managed attribute 'b' must be an enum: its values are the surfaces posts manage"],
        ]);
        expect(textAt(text, found[0]!)).toBe('managed');
    });

    test('a surface that is not a member: unresolved-reference at that surface, with a suggestion', async () => {
        const text = 'package t.one\nmanaged attribute place: enum { information, comment }\npost p manages information, coment\n';
        const [d, ...rest] = await diagnosticsOf({ 'o.govrule': text }, 'unresolved-reference', 'o.govrule');
        expect(rest).toEqual([]);
        expect(d!.message).toBe("'coment' is not a value of attribute 'place' (one of information, comment); did you mean 'comment'?");
        expect(textAt(text, d!)).toBe('coment');
        expect(d!.data).toMatchObject({ refText: 'coment', suggestions: ['comment'] });
    });

    test('well-formed surfaces raise nothing', async () => {
        const text = POSTS;
        expect(await diagnosticsOf({ 'desks.govrule': text }, 'surface-attribute', 'desks.govrule')).toEqual([]);
        expect(await diagnosticsOf({ 'desks.govrule': text }, 'unresolved-reference', 'desks.govrule')).toEqual([]);
    });
});
