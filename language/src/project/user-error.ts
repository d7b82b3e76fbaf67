/**
 * What a command tells its user when it cannot go on (a file it cannot read or write), and how it
 * names files: shared by the CLI and the writer the extension also uses, so neither pulls in the other.
 */
import * as path from 'node:path';
import { escapeInvisible } from '../unicode/characters.js';

/** A failure worded for the user; its message never prints an invisible character raw. */
export class UserError extends Error {
    constructor(message: string) {
        super(escapeInvisible(message));
    }
}

/** A path as messages show it: relative to `cwd`, `/`-separated. */
export function displayPath(file: string, cwd: string): string {
    const relative = path.relative(cwd, file);
    return (relative === '' ? '.' : relative).split(path.sep).join('/');
}
