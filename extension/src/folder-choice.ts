/**
 * Which folder "Compile Workspace" compiles in a window with several: the only GovRule folder,
 * else the one picked earlier in this window, else the user is asked. Pure: no `vscode` import.
 */

export type FolderChoice<F> =
    | { readonly kind: 'none' }
    | { readonly kind: 'use'; readonly folder: F }
    | { readonly kind: 'ask'; readonly folders: readonly F[] };

/**
 * `ruleFolders`: the workspace folders that hold GovRule files, in the window's order;
 * `remembered`: the key of the folder picked before (gone folders are forgotten).
 */
export function chooseFolder<F>(ruleFolders: readonly F[], remembered: string | undefined, key: (folder: F) => string): FolderChoice<F> {
    if (ruleFolders.length === 0) {
        return { kind: 'none' };
    }
    if (ruleFolders.length === 1) {
        return { kind: 'use', folder: ruleFolders[0] };
    }
    const known = remembered === undefined ? undefined : ruleFolders.find(folder => key(folder) === remembered);
    return known ? { kind: 'use', folder: known } : { kind: 'ask', folders: ruleFolders };
}
