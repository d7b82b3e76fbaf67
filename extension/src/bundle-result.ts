/**
 * What `govrule.compile` answered, as the extension uses it. The server returns the bundle object;
 * anything else (an error, an answer without a bundle) becomes a failure with a message to show.
 * Pure: no `vscode` import.
 */
import { serializeBundle } from '../../language/src/bundle/serialize.js';
import { BUNDLE_FORMAT } from '../../language/src/bundle/format.js';
import type { Bundle } from '../../language/src/bundle/types.js';
import { t, tCount } from './l10n.js';

export const COMPILE_COMMAND = 'govrule.compile';

export type CompileOutcome =
    | { readonly ok: true; readonly bundle: Bundle; readonly text: string }
    | { readonly ok: false; readonly message: string };

function isBundle(value: unknown): value is Bundle {
    return typeof value === 'object' && value !== null && (value as { format?: unknown }).format === BUNDLE_FORMAT;
}

/** Accepts the bundle itself or an answer that carries it as `bundle`. */
export function toOutcome(answer: unknown): CompileOutcome {
    const candidate = isBundle(answer) ? answer : (answer as { bundle?: unknown } | null | undefined)?.bundle;
    if (isBundle(candidate)) {
        // The same bytes as `govrule compile`, so a file written here and one written by CI never differ.
        return { ok: true, bundle: candidate, text: serializeBundle(candidate) };
    }
    const message = (answer as { message?: unknown } | null | undefined)?.message;
    return { ok: false, message: typeof message === 'string' ? message : t('The language server returned no bundle.') };
}

/** A short summary for notifications: "48 rules, 31 categories". */
export function describeBundle(bundle: Bundle): string {
    return t('{rules}, {categories}, {tests}', {
        rules: tCount(bundle.rules.length, '{count} rule', '{count} rules'),
        categories: tCount(bundle.categories.length, '{count} category', '{count} categories'),
        tests: tCount(bundle.tests.length, '{count} test', '{count} tests'),
    });
}

/**
 * The preview's text: the same bundle, indented by two spaces so that it reads like any JSON
 * file (the compiled file keeps the compact one-element-a-line layout of `govrule compile`).
 */
export function previewText(bundle: Bundle): string {
    return `${JSON.stringify(bundle, null, 2)}\n`;
}
