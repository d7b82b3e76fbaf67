/**
 * Bundles for runtime tests, compiled in-process from GovRule sources (the files are never
 * written: their paths only name them), and rules built on the shared vocabulary (helpers/vocabulary.ts).
 */
import * as os from 'node:os';
import * as path from 'node:path';
import type { Bundle } from '../../language/src/bundle/types.js';
import { EventError, loadBundle, type LoadedBundle } from '../../language/src/runtime/index.js';
import { bundleOf, loadProject } from '../../language/src/project/project.js';
import { VOCABULARY } from '../helpers/vocabulary.js';

const ROOT = path.join(os.tmpdir(), 'govrule-runtime-fixture');

/** Bundles compiled so far, by their sources: many tests share a fixture, and compiling is slow. */
const compiled = new Map<string, Promise<Bundle>>();

/**
 * Compiles the files (name → text); fails the test with the diagnostics when there are errors.
 * Each call returns a fresh copy, so a test may change it.
 */
export async function compile(files: Record<string, string>): Promise<Bundle> {
    const key = JSON.stringify(Object.entries(files));
    let bundle = compiled.get(key);
    if (!bundle) {
        bundle = compileFresh(files);
        compiled.set(key, bundle);
        bundle.catch(() => compiled.delete(key));
    }
    return structuredClone(await bundle);
}

async function compileFresh(files: Record<string, string>): Promise<Bundle> {
    const project = await loadProject(Object.entries(files).map(([name, text]) => ({ path: path.join(ROOT, name), text })));
    if (project.hasErrors) {
        const errors = project.diagnostics.flatMap(f => f.diagnostics.filter(d => d.severity === 1).map(d => `${path.basename(f.path)}:${d.range.start.line + 1} ${String(d.code)} ${d.message}`));
        throw new Error(`the fixture does not compile:\n${errors.join('\n')}`);
    }
    return bundleOf(project, ROOT);
}

/** Compiles, serialises and loads, as a platform would: through JSON text and the schema check. */
export async function load(files: Record<string, string>): Promise<LoadedBundle> {
    return loadBundle(JSON.stringify(await compile(files)));
}

/** A package with the category tree top { mid { leaf } } and other, holding the given rules. */
export function rules(body: string): Record<string, string> {
    return {
        'common.govrule': VOCABULARY,
        'rules.govrule': `package t.r\nimport demo.common.*\ncategory top { category mid { category leaf } }\ncategory other\n${body}`,
    };
}

/** `rule name { ... }` with reviewer and remove filled in. */
export function rule(name: string, clauses: string): string {
    return `rule ${name} { responsible reviewer actions remove ${clauses} }\n`;
}

/** The EventError that `fn` throws; fails the test when it throws nothing or something else. */
export function eventError(fn: () => unknown): EventError {
    try {
        fn();
    } catch (err) {
        if (err instanceof EventError) return err;
        throw err;
    }
    throw new Error('expected an EventError');
}
