// Bundles the CLI (and, later, the language server and the extension) into CommonJS files with
// no runtime node_modules. `node esbuild.mjs --watch` rebuilds on change.
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');

const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    logLevel: 'warning',
    // Langium's ESM code reads import.meta.url only in code paths the CLI does not use.
    define: { 'import.meta.url': 'undefined' },
};

const entries = [
    { entryPoints: ['language/src/cli/main.ts'], outfile: 'out/cli.cjs' },
];

if (watch) {
    for (const entry of entries) {
        const ctx = await esbuild.context({ ...common, ...entry });
        await ctx.watch();
    }
} else {
    await Promise.all(entries.map(entry => esbuild.build({ ...common, ...entry })));
}
