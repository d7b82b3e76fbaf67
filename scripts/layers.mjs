// The rooms of language/src, what each may import, and the check that keeps ARCHITECTURE.md's code
// map true: `node scripts/layers.mjs` prints which room imports which and every import a room may
// not make (exit 1 if there is one); test/architecture/layers.test.ts runs the same check.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = join(ROOT, 'language', 'src');

/**
 * The rooms, lowest first: a room may import its own files and the rooms it lists, which all come
 * before it, so the table is the layering and cannot hold a cycle. `paths` are folders (ending in
 * `/`) or files of language/src; a file belongs to the room with its longest matching path.
 * A `typeOnly` room (a service registry) holds types alone: anyone may import it, and it may name
 * the types of any room, but only with `import type` / `export type`.
 */
export const ROOMS = [
    { room: 'ast', paths: ['syntax/generated/'], may: [] },
    { room: 'bundle', paths: ['bundle/'], may: [] },
    { room: 'unicode', paths: ['unicode/'], may: [] },
    // The runtime reads model/, and platforms embed the runtime without the catalogue: model/ speaks no language.
    { room: 'model', paths: ['model/'], may: ['ast'] },
    // Words for people; diagnostic-words.ts names AST kinds (types only), shortens names (model/quote.ts) and names characters (unicode/).
    { room: 'l10n', paths: ['l10n/'], may: ['ast', 'model', 'unicode'] },
    { room: 'foundation', paths: ['diagnostics.ts', 'internal-errors.ts', 'io-errors.ts', 'json-text.ts', 'version.ts'], may: ['l10n'] },
    { room: 'syntax', paths: ['syntax/'], may: ['l10n', 'ast', 'model', 'unicode', 'foundation'] },
    { room: 'config', paths: ['config/'], may: ['l10n', 'model', 'foundation'] },
    { room: 'services', paths: ['services.ts'], may: [], typeOnly: true },
    { room: 'references', paths: ['references/'], may: ['l10n', 'ast', 'model', 'syntax', 'foundation', 'services'] },
    { room: 'validation', paths: ['validation/'], may: ['l10n', 'ast', 'model', 'syntax', 'unicode', 'foundation', 'config', 'references', 'services'] },
    { room: 'core', paths: ['govrule-module.ts', 'guarded-builder.ts'], may: ['l10n', 'ast', 'model', 'syntax', 'foundation', 'config', 'references', 'validation', 'services'] },
    { room: 'compiler', paths: ['compiler/'], may: ['l10n', 'ast', 'bundle', 'model', 'foundation', 'references'] },
    { room: 'runtime', paths: ['runtime/'], may: ['bundle', 'model'] },
    { room: 'format', paths: ['format/'], may: ['l10n', 'ast', 'model', 'syntax', 'unicode', 'core'] },
    { room: 'project', paths: ['project/'], may: ['l10n', 'bundle', 'unicode', 'foundation', 'config', 'services', 'core', 'compiler'] },
    { room: 'diff', paths: ['diff/'], may: ['l10n', 'bundle', 'runtime'] },
    { room: 'diff/sides', paths: ['diff/sides.ts'], may: ['l10n', 'bundle', 'runtime', 'config', 'project', 'diff'] },
    { room: 'reports', paths: ['reports/'], may: ['l10n', 'bundle', 'runtime'] },
    // The rulebook (`govrule doc`): a model of the site from a bundle, the authors' conditions (the AST) and test results, rendered as HTML.
    { room: 'rulebook', paths: ['rulebook/'], may: ['l10n', 'ast', 'bundle', 'model', 'runtime'] },
    { room: 'cli', paths: ['cli/'], may: ['l10n', 'bundle', 'unicode', 'foundation', 'model', 'config', 'compiler', 'runtime', 'format', 'project', 'diff', 'diff/sides', 'reports', 'rulebook'] },
    { room: 'lsp/services', paths: ['lsp/server/services.ts'], may: [], typeOnly: true },
    { room: 'lsp/queries', paths: ['lsp/queries/'], may: ['l10n', 'ast', 'unicode', 'foundation', 'model', 'syntax', 'references', 'services', 'lsp/services'] },
    { room: 'lsp/server', paths: ['lsp/server/'], may: ['l10n', 'ast', 'bundle', 'unicode', 'foundation', 'model', 'syntax', 'config', 'references', 'validation', 'services', 'core', 'compiler', 'lsp/services', 'lsp/queries'] },
    { room: 'lsp/features', paths: ['lsp/features/'], may: ['l10n', 'ast', 'bundle', 'unicode', 'foundation', 'model', 'syntax', 'config', 'references', 'validation', 'services', 'core', 'compiler', 'runtime', 'format', 'project', 'diff', 'diff/sides', 'reports', 'lsp/services', 'lsp/queries', 'lsp/server'] },
    { room: 'lsp/start', paths: ['lsp/server/lsp-module.ts', 'lsp/server/main.ts', 'lsp/server/start-server.ts'], may: ['l10n', 'ast', 'foundation', 'core', 'validation', 'services', 'lsp/services', 'lsp/server', 'lsp/features', 'lsp/queries'] },
];

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

/** A path of language/src, `/`-separated, with `.js` imports named by their `.ts` source. */
function sourcePath(file) {
    return relative(SOURCES, file).split(sep).join('/');
}

/** The room of a file of language/src (undefined outside it, e.g. package.json). */
export function roomOf(path) {
    let best;
    for (const entry of ROOMS) {
        for (const p of entry.paths) {
            const hit = p.endsWith('/') ? path.startsWith(p) : path === p || path === p.replace(/\.ts$/, '.js');
            if (hit && (!best || p.length > best.length)) {
                best = { room: entry.room, length: p.length };
            }
        }
    }
    return best?.room ?? (path.startsWith('..') ? undefined : `unmapped:${path}`);
}

// Imports and re-exports (`import ... from`, `export ... from`, `import '...'`) and dynamic `import('...')`.
const IMPORT = /(?:^|[\s;])(import|export)(\s+type)?\s[^'";]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm;

/** Every relative import of every source file: `{ from, to, typeOnly }`, as paths of language/src. */
export function importEdges() {
    const edges = [];
    for (const file of sourceFiles(SOURCES)) {
        for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
            const spec = match[3] ?? match[4] ?? match[5];
            if (spec.startsWith('.')) {
                edges.push({ from: sourcePath(file), to: sourcePath(resolve(dirname(file), spec)).replace(/\.js$/, '.ts'), typeOnly: match[2] !== undefined });
            }
        }
    }
    return edges;
}

/** Which room imports which: a sorted map from room to the sorted rooms it imports. */
export function roomGraph(edges = importEdges()) {
    const graph = new Map();
    for (const { from, to } of edges) {
        const a = roomOf(from);
        const b = roomOf(to);
        if (b !== undefined && a !== b) {
            graph.set(a, (graph.get(a) ?? new Set()).add(b));
        }
    }
    return new Map([...graph.keys()].sort().map(k => [k, [...graph.get(k)].sort()]));
}

/** The table's own faults (a room allowed before it is defined) and every import the table does not allow. */
export function layeringProblems(edges = importEdges()) {
    const problems = [];
    const index = new Map(ROOMS.map((entry, i) => [entry.room, i]));
    ROOMS.forEach((entry, i) => {
        for (const lower of entry.may) {
            if (!(index.get(lower) < i)) {
                problems.push(`table: ${entry.room} may import ${lower}, which is not a room below it`);
            }
        }
    });
    for (const { from, to, typeOnly } of edges) {
        const a = roomOf(from);
        const b = roomOf(to);
        if (a?.startsWith('unmapped:')) {
            problems.push(`${from} is in no room of the table`);
            continue;
        }
        if (b === undefined || a === b) {
            continue;
        }
        const source = ROOMS[index.get(a)];
        const target = ROOMS[index.get(b)];
        if (source.typeOnly) {
            if (!typeOnly) {
                problems.push(`${from} (${a}) holds types only, but imports code from ${to}`);
            }
        } else if (!target?.typeOnly && !source.may.includes(b)) {
            problems.push(`${from} (${a}) imports ${to} (${b}), which ${a} may not import`);
        }
    }
    return [...new Set(problems)];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
    const edges = importEdges();
    for (const [from, tos] of roomGraph(edges)) {
        console.log(`${from} -> ${tos.join(', ')}`);
    }
    const problems = layeringProblems(edges);
    for (const problem of problems) {
        console.error(`layering: ${problem}`);
    }
    process.exitCode = problems.length > 0 ? 1 : 0;
}
