/**
 * Writing HTML (and the SVG inside it) safely: every text and attribute value is escaped where it
 * is written, so a label, a basis or a condition holding `<`, `&` or quotes can never become markup.
 * Markup is built as `Html` values; a plain string given as a child is text, never markup.
 */

/** Markup that is already escaped. Only `el` and `fragment` make one. */
export class Html {
    constructor(readonly markup: string) {}
    toString(): string {
        return this.markup;
    }
}

export type Child = Html | string | number | null | undefined | false | readonly Child[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for an element's content or an attribute's value. */
export function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, c => ESCAPES[c]!);
}

/** Elements without content or end tag. */
const VOID = new Set(['meta', 'link', 'input', 'br', 'hr', 'img']);

export type Attributes = Readonly<Record<string, string | number | boolean | null | undefined>>;

/** `<tag attrs>children</tag>`; an attribute that is `false`, null or undefined is left out, `true` is written bare. */
export function el(tag: string, attributes: Attributes = {}, ...children: Child[]): Html {
    let open = `<${tag}`;
    for (const [name, value] of Object.entries(attributes)) {
        if (value === true) {
            open += ` ${name}`;
        } else if (value !== false && value !== null && value !== undefined) {
            open += ` ${name}="${escapeHtml(String(value))}"`;
        }
    }
    open += '>';
    return new Html(VOID.has(tag) ? open : `${open}${fragment(children).markup}</${tag}>`);
}

/** Children side by side. Arrays nest as deep as the code that builds them, never as deep as the input. */
export function fragment(children: readonly Child[]): Html {
    const parts: string[] = [];
    const pending: Child[] = [...children].reverse();
    while (pending.length > 0) {
        const child = pending.pop();
        if (child instanceof Html) {
            parts.push(child.markup);
        } else if (Array.isArray(child)) {
            for (let i = child.length - 1; i >= 0; i--) {
                pending.push(child[i]);
            }
        } else if (typeof child === 'string' || typeof child === 'number') {
            parts.push(escapeHtml(String(child)));
        }
    }
    return new Html(parts.join(''));
}
