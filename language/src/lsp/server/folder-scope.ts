/**
 * `govrule.compile` with `{ folder: <uri> }`: the bundle of the rule files under one workspace
 * folder, with source paths relative to that folder's project root. "Compile Workspace" in a
 * window with several folders compiles the one the user picked, not the whole window.
 */
import * as path from 'node:path';
import { URI, type LangiumDocument } from 'langium';

export function folderArgument(args: readonly unknown[]): URI | undefined {
    const arg = args[0];
    const folder = typeof arg === 'object' && arg !== null ? (arg as { folder?: unknown }).folder : undefined;
    return typeof folder === 'string' ? URI.parse(folder) : undefined;
}

/** The documents saved under the folder (never untitled buffers). */
export function documentsUnder(folder: URI, documents: readonly LangiumDocument[]): LangiumDocument[] {
    if (folder.scheme !== 'file') {
        return [];
    }
    return documents.filter(doc => {
        if (doc.uri.scheme !== 'file') {
            return false;
        }
        const relative = path.relative(folder.fsPath, doc.uri.fsPath);
        return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
    });
}
