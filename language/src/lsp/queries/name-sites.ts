/**
 * Every place in the workspace that names a declaration: its own name, references to it,
 * member imports of it, and dotted paths that pass through it (`rumor.enterprise` names the
 * category `rumor` too). Find references, highlights and rename share this one search.
 */
import { AstUtils, GrammarUtils, isReference, type LangiumDocument, type LangiumDocuments, type Reference, type URI } from 'langium';
import type { Range } from 'vscode-languageserver';
import * as ast from '../../syntax/generated/ast.js';
import { isSelfOrAncestor } from '../../model/categories.js';
import { isDeclaration, qualifiedName } from '../../model/names.js';
import type { GovRuleLspServices } from '../server/services.js';
import { segmentsOf, type Named } from './locate.js';

export interface NameSite {
    readonly uri: URI;
    readonly range: Range;
    /** `declaration`: the name itself; `reference`: a reference to it; `import`: an import of it; `path`: a reference to something nested in it. */
    readonly kind: 'declaration' | 'reference' | 'import' | 'path';
    /** The text of the identifier at the site (always the declaration's name). */
    readonly text: string;
    readonly document: LangiumDocument;
    /** The reference that spells the name, for `reference` and `path` sites. */
    readonly reference?: Reference;
}

export class NameSites {
    private readonly documents: LangiumDocuments;

    constructor(services: GovRuleLspServices) {
        this.documents = services.shared.workspace.LangiumDocuments;
    }

    /** Sites in every document, or in one document only. */
    find(target: Named, options: { includeDeclaration?: boolean; onlyIn?: LangiumDocument } = {}): NameSite[] {
        const sites: NameSite[] = [];
        if (options.includeDeclaration !== false) {
            const declaration = this.declarationSite(target);
            if (declaration && (!options.onlyIn || declaration.document === options.onlyIn)) {
                sites.push(declaration);
            }
        }
        const docs = options.onlyIn ? [options.onlyIn] : this.documents.all.toArray();
        const qualified = isDeclaration(target) ? qualifiedName(target) : undefined;
        const depth = qualified ? qualified.split('.').length : 0;
        for (const document of docs) {
            for (const reference of document.references) {
                const refTarget = isReference(reference) ? reference.ref : undefined;
                if (!isReference(reference) || !refTarget || !reference.$refNode) {
                    continue;
                }
                const segments = segmentsOf(reference.$refNode);
                if (refTarget === target) {
                    const last = segments[segments.length - 1];
                    if (last) {
                        sites.push({ uri: document.uri, range: last.range, kind: 'reference', text: last.text, document, reference });
                    }
                } else if (qualified && ast.isCategory(target) && ast.isCategory(refTarget) && isInside(refTarget, target)) {
                    // A reference to a sub-category: its path may spell out the target's name.
                    const full = qualifiedName(refTarget).split('.');
                    const index = depth - 1 - (full.length - segments.length);
                    if (index >= 0 && index < segments.length - 1) {
                        const segment = segments[index];
                        sites.push({ uri: document.uri, range: segment.range, kind: 'path', text: segment.text, document, reference });
                    }
                }
            }
            if (qualified) {
                this.importSites(document, qualified, depth, sites);
            }
        }
        return sites;
    }

    private declarationSite(target: Named): NameSite | undefined {
        const nameNode = GrammarUtils.findNodeForProperty(target.$cstNode, 'name');
        if (!nameNode) {
            return undefined;
        }
        const document = AstUtils.getDocument(target);
        return { uri: document.uri, range: nameNode.range, kind: 'declaration', text: nameNode.text, document };
    }

    /** `import pkg.name` and `import pkg.parent.child` name the declaration at `depth`. */
    private importSites(document: LangiumDocument, qualified: string, depth: number, sites: NameSite[]): void {
        const model = document.parseResult.value;
        if (!ast.isModel(model)) {
            return;
        }
        for (const imp of model.imports) {
            const path = imp.path ?? '';
            if (path.endsWith('.*') || !(path === qualified || path.startsWith(`${qualified}.`))) {
                continue;
            }
            const segment = segmentsOf(imp.$cstNode)[depth - 1];
            if (segment) {
                sites.push({ uri: document.uri, range: segment.range, kind: 'import', text: segment.text, document });
            }
        }
    }
}

function isInside(node: ast.Category, ancestor: ast.Category): boolean {
    return node !== ancestor && isSelfOrAncestor(ancestor, node);
}

