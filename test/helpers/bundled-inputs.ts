/**
 * The source files esbuild bundles for an entry point (read from its metafile, nothing written),
 * as `/`-separated paths relative to the repository: what a shipped bundle is made of.
 */
import * as esbuild from 'esbuild';
import * as path from 'node:path';
import { ROOT } from './cli.js';

export async function bundledInputs(entryPoint: string, external: string[] = []): Promise<string[]> {
    const result = await esbuild.build({
        absWorkingDir: ROOT,
        entryPoints: [entryPoint],
        external,
        bundle: true,
        platform: 'node',
        format: 'cjs',
        write: false,
        metafile: true,
        logLevel: 'silent',
    });
    return Object.keys(result.metafile.inputs).map(input => input.split(path.sep).join('/'));
}
