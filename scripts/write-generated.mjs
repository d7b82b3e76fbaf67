// Writes generated files only when missing or out of date, so watch mode does not loop and the
// check that generated sources are current (.ci/run) sees no change; returns whether it wrote.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** @param {ReadonlyArray<readonly [string, string]>} files pairs of path and content */
export function writeGenerated(files) {
    let wrote = false;
    for (const [file, text] of files) {
        if (!existsSync(file) || readFileSync(file, 'utf8') !== text) {
            mkdirSync(dirname(file), { recursive: true });
            writeFileSync(file, text);
            wrote = true;
        }
    }
    return wrote;
}
