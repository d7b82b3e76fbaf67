/**
 * The `govrule.*` settings. The server receives them with `workspace/configuration` and
 * `didChangeConfiguration`; VS Code fills in every declared setting, so a lint left at `inherit`
 * is dropped first and `lint` has the shape of the `lint` object of `govrule.json`: only the
 * codes the user has set. The server levels the lints (language/src/lsp/server/lint-settings.ts).
 * Pure: no `vscode` import.
 */
export const SECTION = 'govrule';
export const INHERIT = 'inherit';

function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Drops inherited lint levels; leaves every other setting as it is. */
export function toServerSettings(section: unknown): unknown {
    if (!isObject(section)) {
        return section;
    }
    const result: Record<string, unknown> = { ...section };
    if (isObject(section.lint)) {
        result.lint = Object.fromEntries(Object.entries(section.lint)
            .filter(([, level]) => typeof level === 'string' && level !== INHERIT)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return result;
}

/**
 * Rewrites the answer to a `workspace/configuration` item: the whole `govrule` section, or its
 * `govrule.lint` sub-section, gets its inherited levels removed.
 */
export function toServerConfigurationItem(section: string | undefined, value: unknown): unknown {
    if (section === SECTION) {
        return toServerSettings(value);
    }
    if (section === `${SECTION}.lint`) {
        return (toServerSettings({ lint: value }) as { lint: unknown }).lint;
    }
    return value;
}
