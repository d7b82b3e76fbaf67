/** Doc comments (§2): a `/** ... *\/` right before a declaration is its documentation. */
import type { AstNode, CommentProvider } from 'langium';

export function docComment(comments: CommentProvider, node: AstNode): string | null {
    const text = comments.getComment(node);
    if (!text || !text.startsWith('/**') || text === '/**/') {
        return null;
    }
    const lines = text.slice(3, -2).split(/\r?\n/).map(line => line.replace(/^\s*\*? ?/, '').trimEnd());
    while (lines.length > 0 && lines[0].trim() === '') lines.shift();
    while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
    const doc = lines.join('\n').trim();
    return doc === '' ? null : doc;
}
