/** Writing the bundle atomically (§11): a temp file beside the target, then a rename. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CliError } from './files.js';

export function writeAtomically(target: string, content: string): void {
    const dir = path.dirname(target);
    const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
    try {
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(temp, content);
        fs.renameSync(temp, target);
    } catch (err) {
        try {
            fs.rmSync(temp, { force: true });
        } catch {
            // The temp file may not exist; nothing else to clean.
        }
        throw new CliError(`cannot write ${target}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
}
