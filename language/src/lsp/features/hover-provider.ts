/**
 * Hover: what a name is (kind, qualified name, label, doc comment), a rule's summary with its
 * escalation timeline in words, a package's files, a duration's length and an amount of money in
 * words, in the language the server speaks.
 */
import type { LangiumDocument } from 'langium';
import type { HoverProvider } from 'langium/lsp';
import type { Hover, HoverParams } from 'vscode-languageserver';
import * as ast from '../../syntax/generated/ast.js';
import type { NameResolver } from '../../references/name-resolver.js';
import type { SymbolTable } from '../../references/symbol-table.js';
import { parseDuration } from '../../model/values.js';
import { durationInWords, moneyInWords } from '../../l10n/values.js';
import { t } from '../../l10n/index.js';
import { describe, list } from '../queries/describe.js';
import { entityOf, locate, moneyAt, type Located } from '../queries/locate.js';
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
            const money = moneyAt(document, params.position);
            return money && markdown(t('editor.hover.money', { text: money.text, words: moneyInWords(money.amount, money.currency) }), money.range);
        }
        if (located.kind === 'duration') {
            const iso = parseDuration(located.text)?.iso;
            const words = durationInWords(located.text);
            return markdown(iso ? t('editor.hover.duration', { text: located.text, words, iso }) : t('editor.hover.duration-words', { text: located.text, words }), located.range);
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
        const declarations = t('editor.hover.package-declarations', { count: this.symbols.inPackage(name).length });
        const contents = t('editor.hover.package-contents', { declarations, files: t('editor.hover.package-files', { count: files.length }), paths: list(files) });
        return `**${t('editor.kind.package')}** \`${name}\`\n\n- ${contents}`;
    }
}

function rangeOf(located: Exclude<Located, { kind: 'duration' }>) {
    return located.kind === 'name' ? located.segment.range : located.segments[located.index]?.range;
}

function markdown(value: string, range: Hover['range']): Hover {
    return { contents: { kind: 'markdown', value }, range };
}
