/**
 * The workspace's declarations by qualified name and by package, rebuilt once per build from
 * the index (after every document has exported its symbols).
 */
import { DocumentState, WorkspaceCache, type AstNodeDescription, type LangiumCoreServices, type LangiumDocuments, type IndexManager } from 'langium';
import { isModel } from '../syntax/generated/ast.js';
import { seenFrom, WORKSPACE, worldOfUri, type World } from './worlds.js';

export interface SymbolEntry {
    readonly qualifiedName: string;
    readonly packageName: string;
    /** The name inside its package: `rumor.enterprise`. */
    readonly localName: string;
    readonly description: AstNodeDescription;
}

interface Table {
    readonly byName: Map<string, SymbolEntry[]>;
    readonly byPackage: Map<string, SymbolEntry[]>;
}

export class SymbolTable {
    private readonly indexManager: IndexManager;
    private readonly documents: LangiumDocuments;
    private readonly cache: WorkspaceCache<string, Table>;

    constructor(services: LangiumCoreServices) {
        this.indexManager = services.shared.workspace.IndexManager;
        this.documents = services.shared.workspace.LangiumDocuments;
        this.cache = new WorkspaceCache(services.shared, DocumentState.IndexedContent);
    }

    /**
     * All declarations of that qualified name (more than one is a duplicate-name error). Each
     * method answers for one world (worlds.ts): the workspace unless another is given.
     */
    lookup(qualifiedName: string, world: World = WORKSPACE): readonly SymbolEntry[] {
        return this.table(world).byName.get(qualifiedName) ?? [];
    }

    inPackage(packageName: string, world: World = WORKSPACE): readonly SymbolEntry[] {
        return this.table(world).byPackage.get(packageName) ?? [];
    }

    hasPackage(packageName: string, world: World = WORKSPACE): boolean {
        return this.table(world).byPackage.has(packageName);
    }

    packages(world: World = WORKSPACE): IterableIterator<string> {
        return this.table(world).byPackage.keys();
    }

    private table(world: World): Table {
        return this.cache.get(`table:${world}`, () => this.build(world));
    }

    private build(world: World): Table {
        const packageOfDocument = new Map<string, string>();
        for (const doc of this.documents.all) {
            const root = doc.parseResult?.value;
            if (isModel(root) && root.name && seenFrom(world, worldOfUri(doc.uri))) {
                packageOfDocument.set(doc.uri.toString(), root.name);
            }
        }
        const byName = new Map<string, SymbolEntry[]>();
        const byPackage = new Map<string, SymbolEntry[]>();
        for (const pkg of packageOfDocument.values()) {
            byPackage.set(pkg, []);
        }
        for (const description of this.indexManager.allElements()) {
            const pkg = packageOfDocument.get(description.documentUri.toString());
            if (pkg === undefined) {
                continue;
            }
            const entry: SymbolEntry = {
                qualifiedName: description.name,
                packageName: pkg,
                localName: description.name.slice(pkg.length + 1),
                description
            };
            byPackage.get(pkg)!.push(entry);
            const same = byName.get(entry.qualifiedName);
            if (same) {
                same.push(entry);
            } else {
                byName.set(entry.qualifiedName, [entry]);
            }
        }
        // Duplicates are listed in URI order so that "the first" is the same on every run.
        for (const entries of byName.values()) {
            if (entries.length > 1) {
                entries.sort((a, b) => compareStrings(a.description.documentUri.toString(), b.description.documentUri.toString()));
            }
        }
        return { byName, byPackage };
    }
}

export function compareStrings(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}
