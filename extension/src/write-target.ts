/**
 * Where "Compile Workspace" may write: only inside the workspace folder it compiles. A
 * govrule.json is part of the repository, not a choice of the person at the editor, so an `out`
 * such as `../outside/bundle.json` (or a link inside the folder that leads out of it) is refused
 * rather than followed. Pure: no `vscode` import.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Why a target is refused: it lies outside the folder, or a link inside the folder leads out of it. */
export type TargetCheck = { readonly ok: true } | { readonly ok: false; readonly reason: 'outside' | 'link' };

function isInside(folder: string, file: string): boolean {
    const relative = path.relative(folder, file);
    return relative !== '' && !relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative);
}

/**
 * The path `file` really names once links are followed: the deepest part that exists is
 * resolved, the rest appended (the file and its folders may not exist yet).
 */
function realTarget(file: string): string {
    let existing = file;
    const rest: string[] = [];
    // Each hop follows one dangling link; a loop of links ends here as "not resolvable".
    for (let hops = 0; hops < 64; hops++) {
        try {
            return path.join(fs.realpathSync(existing), ...rest);
        } catch {
            const link = readLink(existing);
            if (link !== undefined) {
                // A link to a file that does not exist yet: writing creates its target.
                existing = path.resolve(path.dirname(existing), link);
                continue;
            }
            const parent = path.dirname(existing);
            if (parent === existing) {
                return file;
            }
            rest.unshift(path.basename(existing));
            existing = parent;
        }
    }
    return path.join(path.sep, '\0unresolvable');
}

function readLink(file: string): string | undefined {
    try {
        return fs.readlinkSync(file);
    } catch {
        return undefined;
    }
}

/** Whether the editor may write the bundle to `target` (an absolute path) for the folder `folder`. */
export function checkWriteTarget(target: string, folder: string): TargetCheck {
    const file = path.resolve(target);
    const root = path.resolve(folder);
    if (!isInside(root, file)) {
        return { ok: false, reason: 'outside' };
    }
    let realRoot = root;
    try {
        realRoot = fs.realpathSync(root);
    } catch {
        // The folder is gone: the lexical check above is all there is.
    }
    if (!isInside(realRoot, realTarget(file))) {
        return { ok: false, reason: 'link' };
    }
    return { ok: true };
}
