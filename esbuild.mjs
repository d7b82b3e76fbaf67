// Bundles the CLI, the language server, the runtime and the VS Code extension's client into
// CommonJS files with no runtime node_modules. `node esbuild.mjs --watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { generateBundleValidator } from './scripts/generate-bundle-validator.mjs';
import { generateConfigValidator } from './scripts/generate-config-validator.mjs';

const watch = process.argv.includes('--watch');

// npm runs `prepare` and then `prepack` before packing; `prepare` passes --unless-packing so that
// `npm pack` / `npm publish` build once (in prepack), while `npm ci` still builds (in prepare).
if (process.argv.includes('--unless-packing') && ['pack', 'publish'].includes(process.env.npm_command ?? '')) {
    process.exit(0);
}

// The runtime's bundle validator and govrule.json's are compiled from their JSON Schemas ahead of time.
generateBundleValidator();
generateConfigValidator();

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
    // The language server: `govrule-language-server --stdio`; the extension starts out/server.cjs.
    { entryPoints: ['language/src/lsp/server/main.ts'], outfile: 'out/server.cjs' },
    { entryPoints: ['language/src/runtime/index.ts'], outfile: 'out/runtime.cjs' },
    // The VS Code extension's client (minified: it ships in the .vsix); VS Code provides `vscode`.
    { entryPoints: ['extension/src/extension.ts'], outfile: 'out/extension.cjs', external: ['vscode'], minify: true },
];

if (watch) {
    for (const entry of entries) {
        const ctx = await esbuild.context({ ...common, ...entry });
        await ctx.watch();
    }
} else {
    await Promise.all(entries.map(entry => esbuild.build({ ...common, ...entry })));
}
