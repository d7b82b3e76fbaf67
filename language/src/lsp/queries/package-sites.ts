/** Where a package is named: the `package` line of each of its files, and imports of it. */
import { GrammarUtils, type LangiumDocument, type LangiumDocuments } from 'langium';
import type { Range } from 'vscode-languageserver';
import * as ast from '../../syntax/generated/ast.js';
import { segmentsOf } from './locate.js';

export interface PackageSite {
    readonly document: LangiumDocument;
    readonly range: Range;
    readonly kind: 'declaration' | 'import';
}

export function packageSites(documents: LangiumDocuments, name: string, onlyIn?: LangiumDocument): PackageSite[] {
    const sites: PackageSite[] = [];
    const depth = name.split('.').length;
    for (const document of onlyIn ? [onlyIn] : documents.all.toArray()) {
        const model = document.parseResult.value;
        if (!ast.isModel(model)) {
            continue;
        }
        if (model.name === name) {
            const nameNode = GrammarUtils.findNodeForProperty(model.$cstNode, 'name');
            if (nameNode) {
                sites.push({ document, range: nameNode.range, kind: 'declaration' });
            }
        }
        for (const imp of model.imports) {
            const segments = segmentsOf(imp.$cstNode);
            if ((imp.path ?? '').startsWith(`${name}.`) && segments.length >= depth) {
                sites.push({ document, range: { start: segments[0].range.start, end: segments[depth - 1].range.end }, kind: 'import' });
            }
        }
    }
    return sites;
}
