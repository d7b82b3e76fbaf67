/**
 * Exports every declaration under its qualified name (`pkg.rumor.enterprise`), so one global
 * index answers all lookups. There are no document-local scopes: parameters and enum members
 * are looked up directly in their action or attribute by the linker.
 */
import { DefaultScopeComputation, MultiMap, type AstNode, type AstNodeDescription, type LangiumDocument, type LocalSymbols } from 'langium';
import { isModel } from '../syntax/generated/ast.js';
import { declarationsOf, qualifiedName } from '../model/names.js';

export class GovRuleScopeComputation extends DefaultScopeComputation {

    override async collectExportedSymbols(document: LangiumDocument): Promise<AstNodeDescription[]> {
        const root = document.parseResult.value;
        const exports: AstNodeDescription[] = [];
        if (!isModel(root)) {
            return exports;
        }
        for (const decl of declarationsOf(root)) {
            if (decl.name) {
                exports.push(this.descriptions.createDescription(decl, qualifiedName(decl), document));
            }
        }
        return exports;
    }

    override async collectLocalSymbols(_document: LangiumDocument): Promise<LocalSymbols> {
        return new MultiMap<AstNode, AstNodeDescription>();
    }
}
