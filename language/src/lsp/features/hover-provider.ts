/**
 * Hover: what a name is (kind, qualified name, label, doc comment), a rule's summary with its
 * escalation timeline in words, a package's files, and a duration's length in words.
 */
import type { LangiumDocument } from 'langium';
import type { HoverProvider } from 'langium/lsp';
import type { Hover, HoverParams } from 'vscode-languageserver';
import * as ast from '../../syntax/generated/ast.js';
import type { NameResolver } from '../../references/name-resolver.js';
import type { SymbolTable } from '../../references/symbol-table.js';
import { parseDuration } from '../../model/values.js';
import { durationInWords } from '../../l10n/values.js';
import { describe } from '../queries/describe.js';
import { entityOf, locate, type Located } from '../queries/locate.js';
import type { GovRuleLspServices } from '../server/services.js';
import { workspacePath } from '../../model/workspace-path.js';

export class GovRuleHoverProvider implements HoverProvider {
    private readonly symbols: SymbolTable;
    private readonly resolver: NameResolver;

    constructor(private readonly services: GovRuleLspServices) {
        this.symbols = services.references.SymbolTable;
        this.resolver = services.references.NameResolver;
    }

    getHoverContent(document: LangiumDocument, params: HoverParams): Hover | undefined {
        const located = locate(document, params.position);
        if (!located) {
            return undefined;
        }
        if (located.kind === 'duration') {
            const iso = parseDuration(located.text)?.iso;
            return markdown(`**duration** \`${located.text}\`: ${durationInWords(located.text)}${iso ? ` (${iso})` : ''}`, located.range);
        }
        const entity = entityOf(located, this.symbols, this.resolver);
        if (!entity) {
            return undefined;
        }
        const range = rangeOf(located);
        if (entity.kind === 'package') {
            return markdown(this.describePackage(entity.name), range);
        }
        return markdown(describe(entity.node, this.services.documentation.CommentProvider), range);
    }

    private describePackage(name: string): string {
        const files = this.services.shared.workspace.LangiumDocuments.all
            .filter(doc => ast.isModel(doc.parseResult.value) && doc.parseResult.value.name === name)
            .map(doc => workspacePath(doc.uri, this.services.shared.workspace.WorkspaceManager.workspaceFolders))
            .toArray()
            .sort();
        const count = this.symbols.inPackage(name).length;
        return `**package** \`${name}\`\n\n- ${count} declaration${count === 1 ? '' : 's'} in ${files.length} file${files.length === 1 ? '' : 's'}: ${files.join(', ')}`;
    }
}

function rangeOf(located: Exclude<Located, { kind: 'duration' }>) {
    return located.kind === 'name' ? located.segment.range : located.segments[located.index]?.range;
}

function markdown(value: string, range: Hover['range']): Hover {
    return { contents: { kind: 'markdown', value }, range };
}
