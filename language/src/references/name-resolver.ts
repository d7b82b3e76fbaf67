/**
 * Name resolution (LANGUAGE.md §3): a dotted name resolves relative to the current package,
 * then through the imports, then as a fully qualified name. Two imports that both supply a
 * name make it ambiguous. The linker, hover and completion all go through here.
 */
import { DocumentState, WorkspaceCache, type LangiumCoreServices } from 'langium';
import type { Import, Model } from '../syntax/generated/ast.js';
import type { SymbolEntry, SymbolTable } from './symbol-table.js';
import type { GovRuleAddedServices } from '../services.js';
import { WORKSPACE, worldOf, type World } from './worlds.js';

export type Resolution =
    | { readonly kind: 'found'; readonly entry: SymbolEntry }
    | { readonly kind: 'ambiguous'; readonly candidates: ReadonlyArray<{ entry: SymbolEntry; via: Import }> }
    | { readonly kind: 'none' };

/** A name as an author may write it at some place, and what it denotes. */
export interface VisibleName {
    readonly text: string;
    readonly entry: SymbolEntry;
}

export interface ImportTarget {
    readonly packageName: string;
    /** The element's local name, or undefined for `import a.b.*`. */
    readonly member?: string;
}

export function parseImport(path: string): ImportTarget {
    if (path.endsWith('.*')) {
        return { packageName: path.slice(0, -2) };
    }
    const dot = path.lastIndexOf('.');
    return dot < 0 ? { packageName: '', member: path } : { packageName: path.slice(0, dot), member: path.slice(dot + 1) };
}

export class NameResolver {
    private readonly symbols: SymbolTable;

    /** A file repeats the same few names many times; cleared whenever the index is rebuilt. */
    private readonly answers: WorkspaceCache<Model, Map<string, Resolution>>;

    constructor(services: LangiumCoreServices & GovRuleAddedServices) {
        this.symbols = services.references.SymbolTable;
        this.answers = new WorkspaceCache(services.shared, DocumentState.IndexedContent);
    }

    /** Resolves `name` as written in `model`; answers are cached per file until the index changes. */
    resolve(name: string, model: Model): Resolution {
        let answers = this.answers.get(model);
        if (!answers) {
            answers = new Map();
            this.answers.set(model, answers);
        }
        let resolution = answers.get(name);
        if (!resolution) {
            resolution = this.resolveUncached(name, model);
            answers.set(name, resolution);
        }
        return resolution;
    }

    private resolveUncached(name: string, model: Model): Resolution {
        const world = worldOf(model);
        const local = this.first(world, `${model.name}.${name}`, model.name);
        if (local) {
            return { kind: 'found', entry: local };
        }
        const viaImports: Array<{ entry: SymbolEntry; via: Import }> = [];
        for (const imp of model.imports) {
            const target = parseImport(imp.path ?? '');
            const qualified = importedName(target, name);
            const entry = qualified && this.first(world, qualified, target.packageName);
            if (entry && !viaImports.some(c => c.entry.qualifiedName === entry.qualifiedName)) {
                viaImports.push({ entry, via: imp });
            }
        }
        if (viaImports.length === 1) {
            return { kind: 'found', entry: viaImports[0].entry };
        }
        if (viaImports.length > 1) {
            return { kind: 'ambiguous', candidates: viaImports };
        }
        const global = this.first(world, name);
        return global ? { kind: 'found', entry: global } : { kind: 'none' };
    }

    /**
     * Every name visible at a place, written the shortest way that resolves to it there:
     * local names of the current package, then names that imports bring in.
     */
    visibleNames(model: Model): VisibleName[] {
        const result: VisibleName[] = [];
        const seen = new Set<string>();
        const add = (text: string, entry: SymbolEntry) => {
            if (!seen.has(entry.qualifiedName)) {
                seen.add(entry.qualifiedName);
                result.push({ text, entry });
            }
        };
        const world = worldOf(model);
        for (const entry of this.symbols.inPackage(model.name, world)) {
            add(entry.localName, entry);
        }
        for (const imp of model.imports) {
            const target = parseImport(imp.path ?? '');
            for (const entry of this.symbols.inPackage(target.packageName, world)) {
                if (target.member === undefined) {
                    add(entry.localName, entry);
                } else if (entry.localName === target.member || entry.localName.startsWith(`${target.member}.`)) {
                    add(entry.localName, entry);
                }
            }
        }
        return result;
    }

    /** Whether an import names an existing package (`a.b.*`) or element (`a.b.name`). */
    importResolves(path: string, world: World = WORKSPACE): boolean {
        const target = parseImport(path);
        if (target.member === undefined) {
            return this.symbols.hasPackage(target.packageName, world);
        }
        return this.symbols.lookup(`${target.packageName}.${target.member}`, world).length > 0;
    }

    /**
     * The first declaration of that qualified name; with `inPackage`, only one declared in that
     * package (`import t.*` brings t's names, not those of a package t.x that shares the prefix).
     */
    private first(world: World, qualifiedName: string, inPackage?: string): SymbolEntry | undefined {
        const entries = this.symbols.lookup(qualifiedName, world);
        return inPackage === undefined ? entries[0] : entries.find(e => e.packageName === inPackage);
    }
}

/** The qualified name an import would give `name`, if it supplies it at all. */
function importedName(target: ImportTarget, name: string): string | undefined {
    if (target.member === undefined) {
        return `${target.packageName}.${name}`;
    }
    if (name === target.member || name.startsWith(`${target.member}.`)) {
        return target.packageName ? `${target.packageName}.${name}` : name;
    }
    return undefined;
}
