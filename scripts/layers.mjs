// The import graph between the top-level rooms of language/src (and extension/src), read from the
// TypeScript sources: `node scripts/layers.mjs` prints which room imports which.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = join(ROOT, 'language', 'src');

function* sourceFiles(dir) {
    for (const name of readdirSync(dir).sort()) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) {
            yield* sourceFiles(path);
        } else if (/\.(ts|js)$/.test(name) && !name.endsWith('.d.ts')) {
            yield path;
        }
    }
}

/** The room a file of language/src belongs to: its first folder, or `(root)` for top-level files. */
export function roomOf(file) {
    const parts = relative(SOURCES, file).split(sep);
    return parts.length === 1 ? `(root)/${parts[0].replace(/\.(ts|js)$/, '')}` : parts[0];
}

// Static imports and re-exports (`import ... from`, `export ... from`, `import '...'`) and dynamic `import('...')`.
const IMPORT = /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm;

/** Every relative import of every source file: `{ from, to }` as paths of language/src files. */
export function importEdges() {
    const edges = [];
    for (const file of sourceFiles(SOURCES)) {
        const text = readFileSync(file, 'utf8');
        for (const match of text.matchAll(IMPORT)) {
            const spec = match[1] ?? match[2] ?? match[3];
            if (spec.startsWith('.')) {
                edges.push({ from: file, to: resolve(dirname(file), spec) });
            }
        }
    }
    return edges;
}

/** Which room imports which: a sorted map from room to the sorted rooms it imports. */
export function roomGraph({ splitRoot = false } = {}) {
    const graph = new Map();
    const room = file => {
        const r = roomOf(file);
        return !splitRoot && r.startsWith('(root)/') ? '(root)' : r;
    };
    for (const { from, to } of importEdges()) {
        const a = room(from);
        const b = room(to);
        if (a !== b) {
            if (!graph.has(a)) graph.set(a, new Set());
            graph.get(a).add(b);
        }
    }
    return new Map([...graph.keys()].sort().map(k => [k, [...graph.get(k)].sort()]));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
    const splitRoot = process.argv.includes('--files');
    for (const [from, tos] of roomGraph({ splitRoot })) {
        console.log(`${from} -> ${tos.join(', ')}`);
    }
}
