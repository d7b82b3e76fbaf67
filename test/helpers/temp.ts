/**
 * Temporary folders for tests. Each test file's folders are removed after it (see setup.ts),
 * after the file's own afterAll hooks have stopped the processes that use them.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const created: string[] = [];

/** A new temporary folder holding `files` (relative paths; folders are created as needed). */
export function tempFolder(files: Record<string, string | Buffer> = {}, prefix = 'govrule-test-'): string {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
    created.push(dir);
    writeFiles(dir, files);
    return dir;
}

export function writeFiles(dir: string, files: Record<string, string | Buffer>): void {
    for (const [name, content] of Object.entries(files)) {
        const file = path.join(dir, name);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, content);
    }
}

/** Removes every folder `tempFolder` made in this test file. */
export function removeTempFolders(): void {
    for (const dir of created.splice(0)) {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}
