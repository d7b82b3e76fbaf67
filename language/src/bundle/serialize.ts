/**
 * The bundle's bytes: one key of the head per line and one element per line inside each list,
 * so that a change to a rule is a one-line diff and a large bundle stays compact. The compiler
 * streams them (its lists are thunks, made when written); the extension writes a bundle object.
 */
import type { Bundle } from './types.js';

/** An element of a list, made when it is written; `file` is its source file, for failures. */
export type BundleItem = (() => unknown) & { readonly file?: string };

/** What a failure to make or write an element becomes (the compiler names its source file). */
export type ItemFailure = (err: unknown, item: BundleItem) => unknown;

/** Lists of thunks are written one element per line; other values on their key's line. */
export function* bundleText(entries: ReadonlyArray<readonly [string, unknown]>, failure: ItemFailure = err => err): Generator<string> {
    yield '{';
    let first = true;
    for (const [key, value] of entries) {
        yield `${first ? '' : ','}\n  ${JSON.stringify(key)}: `;
        first = false;
        // An empty list, thunks or not, is `[]` on its key's line, as JSON.stringify writes it.
        if (Array.isArray(value) && typeof value[0] === 'function') {
            const items = value as readonly BundleItem[];
            yield '[';
            for (let i = 0; i < items.length; i++) {
                let text: string;
                try {
                    text = JSON.stringify(items[i]());
                } catch (err) {
                    throw failure(err, items[i]);
                }
                yield `${i === 0 ? '' : ','}\n    ${text}`;
            }
            yield '\n  ]';
        } else {
            yield JSON.stringify(value);
        }
    }
    yield '\n}\n';
}

/** A bundle object in the bundle's layout: the same bytes as `govrule compile` writes for it. */
export function serializeBundle(bundle: Bundle): string {
    return [...bundleText(Object.entries(bundle).map(([key, value]) =>
        [key, Array.isArray(value) && key !== 'packages' ? value.map(v => () => v) : value] as const))].join('');
}
