/** The language server: hover, completion, code lenses, inlay hints, quick-fix titles, commands. Keys start with `editor.`. */
import type { Catalogue } from '../catalogue.js';

export const editorMessages = {
} as const satisfies Catalogue;
