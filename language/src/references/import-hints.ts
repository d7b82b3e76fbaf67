/**
 * Hints for names that a missing or misspelt import leaves unresolved: what an import that names
 * nothing probably meant (`city.comon.*` → `city.common.*`), and which packages declare a name
 * that the current file cannot see (`'serious' is declared in city.common`).
 */
import { DocumentState, WorkspaceCache, type LangiumCoreServices } from 'langium';
import type { Model } from '../syntax/generated/ast.js';
import type { GovRuleAddedServices } from '../services.js';
import { parseImport } from './name-resolver.js';
import { closestNames } from '../model/text-distance.js';
import { enumeration } from '../l10n/diagnostic-words.js';
import { t } from '../l10n/index.js';
import type { SymbolEntry, SymbolTable } from './symbol-table.js';
import { WORKSPACE, worldOf, type World } from './worlds.js';

export class ImportHints {
    private readonly symbols: SymbolTable;
    private readonly byLocalName: WorkspaceCache<string, Map<string, SymbolEntry[]>>;

    constructor(services: LangiumCoreServices & GovRuleAddedServices) {
        this.symbols = services.references.SymbolTable;
        this.byLocalName = new WorkspaceCache(services.shared, DocumentState.IndexedContent);
    }

    /** Import paths close to one that names nothing, as they would be written. */
    importSuggestions(path: string, world: World = WORKSPACE): string[] {
        const target = parseImport(path);
        const packages = [...this.symbols.packages(world)];
        if (target.member === undefined) {
            return closestNames(target.packageName, packages).map(p => `${p}.*`);
        }
        if (this.symbols.hasPackage(target.packageName, world)) {
            const members = this.symbols.inPackage(target.packageName, world).map(e => e.localName.split('.')[0]);
            return closestNames(target.member, members).map(m => `${target.packageName}.${m}`);
        }
        return closestNames(target.packageName, packages)
            .filter(p => this.symbols.lookup(`${p}.${target.member}`, world).length > 0)
            .map(p => `${p}.${target.member}`);
    }

    /** Declarations named `localName` in other packages than the model's, in package order. */
    declaredElsewhere(localName: string, model: Model): readonly SymbolEntry[] {
        const world = worldOf(model);
        const index = this.byLocalName.get(`index:${world}`, () => this.index(world));
        return (index.get(localName) ?? []).filter(e => e.packageName !== model.name);
    }

    private index(world: World): Map<string, SymbolEntry[]> {
        const index = new Map<string, SymbolEntry[]>();
        for (const pkg of [...this.symbols.packages(world)].sort()) {
            for (const entry of this.symbols.inPackage(pkg, world)) {
                const same = index.get(entry.localName);
                if (same) {
                    same.push(entry);
                } else {
                    index.set(entry.localName, [entry]);
                }
            }
        }
        return index;
    }
}

/** `'serious' is declared in city.common; add import city.common.*` (one hint, however many packages). */
export function declaredElsewhereHint(name: string, entries: readonly SymbolEntry[]): string {
    const packages = [...new Set(entries.map(e => e.packageName))];
    if (packages.length === 1) {
        return t('diagnostics.unresolved-reference.declared-in', { name, package: packages[0]! });
    }
    const shown = enumeration([...packages.slice(0, 3), ...(packages.length > 3 ? ['…'] : [])]);
    return t('diagnostics.unresolved-reference.declared-in-several', { name, packages: shown });
}
