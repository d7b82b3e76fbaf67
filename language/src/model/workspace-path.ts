/**
 * How messages name a file: relative to the workspace folder that holds it (`qinglang/rumor.govrule`),
 * so two files of the same name in different folders are never confused. With several folders the
 * folder's name comes first (`rules/qinglang/rumor.govrule`), as VS Code writes it; a file outside
 * every folder keeps its full path, an untitled buffer its name. Without folders (the CLI), paths
 * are relative to the current folder, as the CLI prints them.
 */
import * as path from 'node:path';
import { URI } from 'langium';

export interface NamedFolder {
    readonly uri: string;
    readonly name: string;
}

export function workspacePath(uri: URI, folders: readonly NamedFolder[] | undefined, cwd: string = process.cwd()): string {
    if (uri.scheme !== 'file') {
        return uri.path.slice(uri.path.lastIndexOf('/') + 1) || uri.toString();
    }
    const file = uri.fsPath;
    const roots = (folders ?? []).map(folder => ({ name: folder.name, root: URI.parse(folder.uri) }))
        .filter(folder => folder.root.scheme === 'file')
        .map(folder => ({ name: folder.name, root: folder.root.fsPath }));
    if (roots.length === 0) {
        return inside(cwd, file) ?? toSlashes(file);
    }
    // The innermost folder wins when folders nest.
    const holders = roots.map(folder => ({ ...folder, relative: inside(folder.root, file) }))
        .filter((folder): folder is { name: string; root: string; relative: string } => folder.relative !== undefined)
        .sort((a, b) => b.root.length - a.root.length);
    const holder = holders[0];
    if (!holder) {
        return toSlashes(file);
    }
    return roots.length > 1 ? `${holder.name}/${holder.relative}` : holder.relative;
}

/** The `/`-separated path of `file` under `root`, or undefined when it is not under it. */
function inside(root: string, file: string): string | undefined {
    const relative = path.relative(root, file);
    if (relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) {
        return undefined;
    }
    return toSlashes(relative);
}

function toSlashes(file: string): string {
    return file.split(path.sep).join('/');
}
