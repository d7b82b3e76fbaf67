import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

/** Bundles the CLI (and server) with esbuild before any test spawns them. */
export default function setup(): void {
    const root = path.resolve(__dirname, '..', '..');
    execFileSync(process.execPath, [path.join(root, 'esbuild.mjs')], { cwd: root, stdio: 'inherit' });
}
