/**
 * A label written where a name belongs: `responsible 内容审核员` for `post reviewer "内容审核员"`.
 * Authors know their posts, levels, categories and actions by their Chinese labels, so a name that
 * resolves to nothing but is the label of a visible declaration of the right kind gets that
 * declaration's name as the fix.
 */
import type { VisibleName } from './name-resolver.js';

export interface LabelledName {
    /** The name as this file writes it (`reviewer`, `rumor.enterprise`). */
    readonly name: string;
    readonly label: string;
}

/** The visible names whose label is `text` (surrounding spaces aside), in the order given, at most three. */
export function labelMatches(text: string, names: readonly VisibleName[]): LabelledName[] {
    const wanted = text.trim();
    const found: LabelledName[] = [];
    for (const visible of names) {
        const label = labelOf(visible.entry.description.node);
        if (label !== undefined && label.trim() === wanted) {
            found.push({ name: visible.text, label });
            if (found.length === 3) {
                break;
            }
        }
    }
    return found;
}

function labelOf(node: object | undefined): string | undefined {
    const label = node !== undefined && 'label' in node ? node.label : undefined;
    return typeof label === 'string' && label !== '' ? label : undefined;
}
