/**
 * confusable-name: two different names visible in one file that look alike (the same UTS #39
 * skeleton), such as `revıewer` (dotless ı) and `reviewer`. A reader cannot tell which one a
 * reference means. Reported at the file's own declaration, or, when both come from imports, at
 * the import that brings the second one in. Parameters of one action and members of one enum are
 * compared among themselves.
 */
import { AstUtils, DocumentState, WorkspaceCache, type ValidationAcceptor } from 'langium';
import * as ast from '../syntax/generated/ast.js';
import type { GovRuleServices } from '../services.js';
import { declarationsOf, localName } from '../model/names.js';
import { parseImport } from '../references/name-resolver.js';
import { compareStrings, type SymbolEntry, type SymbolTable } from '../references/symbol-table.js';
import { characterWords } from '../l10n/diagnostic-words.js';
import { enumeration, kindWords } from '../l10n/diagnostic-words.js';
import { t } from '../l10n/index.js';
import { differingCharacters, skeleton } from '../unicode/confusables.js';
import { worldOf, type World } from '../references/worlds.js';

/** A package's declarations by skeleton (names not in NFC are left out: they are errors already). */
type SkeletonIndex = ReadonlyMap<string, readonly SymbolEntry[]>;

export class ConfusableNames {
    private readonly symbols: SymbolTable;
    private readonly indexes: WorkspaceCache<string, SkeletonIndex>;

    constructor(services: GovRuleServices) {
        this.symbols = services.references.SymbolTable;
        this.indexes = new WorkspaceCache(services.shared, DocumentState.IndexedContent);
    }

    checkModel(model: ast.Model, accept: ValidationAcceptor): void {
        if (!model.name) {
            return;
        }
        const uri = AstUtils.getDocument(model).uri.toString();
        const world = worldOf(model);
        const own = this.index(model.name, world);
        const imported = model.imports.map(imp => ({ imp, index: this.importedIndex(imp, world) }));
        // Declarations of this file against everything visible here.
        for (const decl of declarationsOf(model)) {
            if (!decl.name || !isNormalized(decl.name)) {
                continue;
            }
            const name = localName(decl);
            const key = skeleton(name);
            const others = [own, ...imported.map(i => i.index)].flatMap(index => index.get(key) ?? []).filter(e => e.localName !== name);
            if (others.length > 0) {
                accept('warning', confusableMessage(name, others[0]), { node: decl, property: 'name', code: 'confusable-name' });
            }
        }
        // Names that imports bring in, against the package's other files and the earlier imports.
        for (let i = 0; i < imported.length; i++) {
            const earlier = [own, ...imported.slice(0, i).map(x => x.index)];
            for (const other of earlier) {
                const clash = firstClash(imported[i].index, other, uri);
                if (clash) {
                    accept('warning', confusableMessage(clash[0].localName, clash[1]), { node: imported[i].imp, property: 'path', code: 'confusable-name' });
                    break;
                }
            }
        }
    }

    /** Parameters of one action, members of one enum. */
    checkMembers(node: ast.Action | ast.EnumType, accept: ValidationAcceptor): void {
        const items: Array<ast.Param | ast.EnumMember> = ast.isAction(node) ? node.params : node.members;
        const bySkeleton = new Map<string, Array<ast.Param | ast.EnumMember>>();
        for (const item of items) {
            if (item.name && isNormalized(item.name)) {
                const key = skeleton(item.name);
                bySkeleton.set(key, [...(bySkeleton.get(key) ?? []), item]);
            }
        }
        for (const group of bySkeleton.values()) {
            for (const item of group) {
                const other = group.find(o => o.name !== item.name);
                if (other) {
                    const otherIs = ast.isParam(item) ? t('diagnostics.confusable-name.another-parameter') : t('diagnostics.confusable-name.another-member');
                    accept('warning', lookAlike(item.name, other.name, otherIs), { node: item, property: 'name', code: 'confusable-name' });
                }
            }
        }
    }

    private index(packageName: string, world: World): SkeletonIndex {
        return this.indexes.get(`${world}\n${packageName}`, () => {
            const index = new Map<string, SymbolEntry[]>();
            const entries = [...this.symbols.inPackage(packageName, world)].sort((a, b) => compareStrings(a.qualifiedName, b.qualifiedName));
            for (const entry of entries) {
                if (isNormalized(entry.localName)) {
                    const key = skeleton(entry.localName);
                    const same = index.get(key);
                    if (same) {
                        same.push(entry);
                    } else {
                        index.set(key, [entry]);
                    }
                }
            }
            return index;
        });
    }

    /** What one import brings into view, by skeleton. */
    private importedIndex(imp: ast.Import, world: World): SkeletonIndex {
        const target = parseImport(imp.path ?? '');
        if (!this.symbols.hasPackage(target.packageName, world)) {
            return new Map();
        }
        const all = this.index(target.packageName, world);
        if (target.member === undefined) {
            return all;
        }
        const member = target.member;
        const key = skeleton(member);
        const entries = (all.get(key) ?? []).filter(e => e.localName === member || e.localName.startsWith(`${member}.`));
        // Nested categories under the member keep their paths; a look-alike of the member is enough here.
        return new Map(entries.length > 0 ? [[key, entries]] : []);
    }
}

/** The first pair of different names, one from each index, with the same skeleton, where the first is not declared in `uri`. */
function firstClash(a: SkeletonIndex, b: SkeletonIndex, uri: string): [SymbolEntry, SymbolEntry] | undefined {
    const [small, large, swapped] = a.size <= b.size ? [a, b, false] : [b, a, true];
    for (const [key, entries] of small) {
        const others = large.get(key);
        if (!others) {
            continue;
        }
        for (const x of entries) {
            for (const y of others) {
                const [first, second] = swapped ? [y, x] : [x, y];
                if (first.localName !== second.localName && first.description.documentUri.toString() !== uri
                    && second.description.documentUri.toString() !== uri) {
                    return [first, second];
                }
            }
        }
    }
    return undefined;
}

function confusableMessage(name: string, other: SymbolEntry): string {
    return lookAlike(name, other.localName, t('diagnostics.confusable-name.declaration', { kind: kindWords(other.description.type), name: other.qualifiedName }));
}

/** `'revıewer' looks like 'reviewer' (post a.reviewer): it has 'ı' (U+0131 …) where that has 'i' (U+0069 …); …`. */
export function lookAlike(name: string, other: string, otherIs: string): string {
    const mine = differingCharacters(name, other);
    const theirs = differingCharacters(other, name);
    const detail = mine.length > 0 && mine.length <= 3 && theirs.length <= 3
        ? theirs.length > 0
            ? t('diagnostics.confusable-name.differs', { mine: enumeration(mine.map(characterWords)), theirs: enumeration(theirs.map(characterWords)) })
            : t('diagnostics.confusable-name.differs-nothing', { mine: enumeration(mine.map(characterWords)) })
        : '';
    return t('diagnostics.confusable-name', { name, other, otherIs, detail });
}

function isNormalized(name: string): boolean {
    return name.normalize('NFC') === name;
}
