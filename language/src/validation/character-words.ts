/**
 * How a diagnostic names a character, in the current language: `'，' (U+FF0C FULLWIDTH COMMA)` /
 * `“，”（U+FF0C FULLWIDTH COMMA）`, or only `U+202E RIGHT-TO-LEFT OVERRIDE` for one that cannot be
 * shown. The Unicode name stays as Unicode writes it, in every language.
 */
import { t } from '../l10n/index.js';
import { characterParts } from '../unicode/characters.js';

export function characterWords(char: string): string {
    const { shown, label } = characterParts(char);
    return shown !== undefined ? t('diagnostics.words.character', { char: shown, label }) : label;
}
