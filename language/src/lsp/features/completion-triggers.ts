/**
 * When completion opens by itself. Besides `.`, `(`, `,` and `[`, a space does, but only right
 * after a clause keyword whose next word is a name to pick (`responsible `, `severity `,
 * `actions `, `category `, `to `, and in tests `given ` and `expect rule `...): anywhere else the
 * server answers a space with nothing, so typing prose in strings and comments stays quiet.
 */

export const TRIGGER_CHARACTERS = ['.', '(', ',', '[', ' '];

const NAME_FOLLOWS = /(?:^|[^\p{L}\p{N}_])(?:responsible|severity|actions|category|to|given|manages|expect\s+(?:rule|severity|responsible|actions|escalation\s+to))\s$/u;

/** Whether a completion triggered by a space, with `lineBefore` the line's text up to the cursor, should answer. */
export function spaceOpensCompletion(lineBefore: string): boolean {
    if (lineBefore.includes('//') || (lineBefore.match(/"/g)?.length ?? 0) % 2 === 1) {
        return false;
    }
    return NAME_FOLLOWS.test(lineBefore);
}
