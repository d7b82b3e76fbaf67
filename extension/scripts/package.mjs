// Builds the .vsix: bundles client and server with esbuild, stages exactly the files the
// extension needs in out/vsix (no node_modules, no source maps: the bundles shipped are minified
// again without their sourceMappingURL, so nothing refers to a file that is not there), and packs
// that folder with @vscode/vsce into the project root. Prints the path and size of the package.
// Run: npm run package
// Options: --out DIR (write the .vsix and its staging folder there), --no-build (use out/ as built).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const outIndex = process.argv.indexOf('--out');
const outDir = outIndex >= 0 ? path.resolve(process.argv[outIndex + 1] ?? '') : undefined;
const stage = outDir ? path.join(outDir, 'vsix') : path.join(root, 'out', 'vsix');
const from = (...p) => path.join(root, ...p);

function fail(message) {
    console.error(`package: ${message}`);
    process.exit(1);
}

if (!process.argv.includes('--no-build')) {
    execFileSync(process.execPath, [from('esbuild.mjs')], { cwd: root, stdio: 'inherit' });
}

const manifest = JSON.parse(fs.readFileSync(from('extension', 'package.json'), 'utf8'));
const project = JSON.parse(fs.readFileSync(from('package.json'), 'utf8'));
if (manifest.version !== project.version) {
    fail(`extension/package.json has version ${manifest.version}, package.json ${project.version}: keep them equal`);
}

/** [source, path inside the package] */
const files = [
    ['extension/package.json', 'package.json'],
    // The manifest's texts in English and Chinese, and the runtime texts' Chinese (vscode.l10n).
    ['extension/package.nls.json', 'package.nls.json'],
    ['extension/package.nls.zh-cn.json', 'package.nls.zh-cn.json'],
    ['extension/l10n/bundle.l10n.zh-cn.json', 'l10n/bundle.l10n.zh-cn.json'],
    ['extension/README.md', 'README.md'],
    ['extension/CHANGELOG.md', 'CHANGELOG.md'],
    ['extension/LICENSE', 'LICENSE'],
    ['extension/language-configuration.json', 'language-configuration.json'],
    ['extension/syntaxes/govrule.tmLanguage.json', 'syntaxes/govrule.tmLanguage.json'],
    ['extension/snippets/govrule.code-snippets', 'snippets/govrule.code-snippets'],
    ['extension/images/icon.png', 'images/icon.png'],
    ['extension/images/file-icon.png', 'images/file-icon.png'],
    ['language/schema/config.schema.json', 'schema/config.schema.json'],
    ['language/schema/bundle.schema.json', 'schema/bundle.schema.json'],
    // The server links each diagnostic to its section here (see codeDocUrl).
    ['docs/diagnostics.md', 'docs/diagnostics.md'],
    // ...and, for Chinese readers, here (with the glossary its terms come from).
    ['docs/zh-CN/diagnostics.md', 'docs/zh-CN/diagnostics.md'],
    ['docs/zh-CN/glossary.md', 'docs/zh-CN/glossary.md'],
];
/** Bundles shipped minified, without a source map or a reference to one. */
const bundles = [
    ['out/extension.cjs', 'out/extension.cjs'],
    ['out/server.cjs', 'out/server.cjs'],
];

fs.rmSync(stage, { recursive: true, force: true });
for (const [source, target] of files) {
    if (!fs.existsSync(from(source))) {
        fail(`${source} is missing${source.startsWith('out/') ? ' (it is built by esbuild.mjs)' : ''}`);
    }
    fs.mkdirSync(path.dirname(path.join(stage, target)), { recursive: true });
    fs.copyFileSync(from(source), path.join(stage, target));
}
for (const [source, target] of bundles) {
    if (!fs.existsSync(from(source))) {
        fail(`${source} is missing (it is built by esbuild.mjs)`);
    }
    // The dev bundles keep their maps for debugging; the shipped ones are minified copies.
    await esbuild.build({
        entryPoints: [from(source)], outfile: path.join(stage, target), bundle: false, minify: true,
        platform: 'node', format: 'cjs', target: 'node20', sourcemap: false, logLevel: 'warning',
        legalComments: 'none',
    });
    const text = fs.readFileSync(path.join(stage, target), 'utf8');
    if (/sourceMappingURL/.test(text.slice(-300))) {
        fail(`${target} still refers to a source map`);
    }
}

const vsix = path.join(outDir ?? root, `${manifest.name}-${manifest.version}.vsix`);
const vsce = path.join(path.dirname(createRequire(import.meta.url).resolve('@vscode/vsce/package.json')), 'vsce');
execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', vsix], { cwd: stage, stdio: 'inherit' });
const size = fs.statSync(vsix).size;
console.log(`package: ${path.relative(root, vsix)} (${(size / 1024).toFixed(0)} KiB, ${size} bytes)`);
