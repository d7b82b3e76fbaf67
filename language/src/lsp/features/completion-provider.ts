/**
 * Completion by context. Langium's grammar walk says what may come next; GovRule decides what
 * to offer there: the rule clauses not used yet, names of the expected kind as they may be
 * written at that place (names from packages not imported come with an edit adding the
 * import), enum members of the compared attribute, the parameters of an action call, value
 * templates, and snippets for a rule, an escalation block and a category tree.
 */
import { AstUtils, GrammarAST, type AstNode, type Cancellation, type LangiumDocument, type ReferenceInfo } from 'langium';
import { DefaultCompletionProvider, type CompletionAcceptor, type CompletionContext, type CompletionValueItem, type NextFeature } from 'langium/lsp';
import { CompletionItemKind, CompletionList, CompletionTriggerKind, InsertTextFormat, type CompletionParams, type MarkupContent } from 'vscode-languageserver';
import * as ast from '../../syntax/generated/ast.js';
import { attributeOfLiteral } from '../../references/linker.js';
import type { NameResolver } from '../../references/name-resolver.js';
import type { SymbolEntry, SymbolTable } from '../../references/symbol-table.js';
import { CLAUSE_KEYWORDS } from '../../model/rules.js';
import { VALUE_EXAMPLES, attributeType } from '../../model/types.js';
import { enumMembers } from '../../model/surfaces.js';
import { durationInWords } from '../../l10n/values.js';
import { describe, detailOf, labelOf, paramText } from '../queries/describe.js';
import { addImportEdit } from '../queries/edits.js';
import { isNamed, type Named } from '../queries/locate.js';
import type { GovRuleLspServices } from '../server/services.js';
import { worldOf } from '../../references/worlds.js';
import { t, type MessageKey } from '../../l10n/index.js';
import { TRIGGER_CHARACTERS, spaceOpensCompletion } from './completion-triggers.js';

const CLAUSE_WORDS = new Set<string>(Object.values(CLAUSE_KEYWORDS));
const DURATION_TEMPLATES = ['30m', '2h', '4h', '24h', '1d', '3d', '1w'];
const SNIPPETS = {
    rule: 'rule ${1:name} "${2:label}" {\n\tcategory ${3}\n\tseverity ${4}\n\tresponsible ${5}\n\tactions ${6}\n}',
    escalate: 'escalate {\n\tafter ${1:2h} to ${2}\n\tafter ${3:1d} to ${4}\n}',
    category: 'category ${1:name} "${2:label}" {\n\tcategory ${3:child} "${4:label}"\n}',
    // Declarations that only stand at the top level of a file: offered only where the grammar
    // allows them (a client's snippet file would offer them inside rule bodies too).
    package: 'package ${1:name}\nimport ${2:common}.*\n\n$0',
    severities: 'severities {\n\t${1:minor}    "${2:一般}"\n\t${3:serious}  "${4:较重}"\n\t${5:critical} "${6:特别严重}"\n}',
    action: 'action ${1:name} "${2:label}" (${3:param}: ${4|duration,money,number,text,boolean|})',
    attribute: 'attribute ${1:name}: enum { ${2:a}, ${3:b} } default ${4:$2} "${5:label}"',
    campaign: 'campaign ${1:name} "${2:label}" effective ${3:$CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE} .. ${4:$CURRENT_YEAR-12-31}',
    test: 'test "${1:description}" {\n\tgiven ${2:category} { ${3:attribute}: ${4:value} }\n\ton ${5:$CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE}\n\texpect rule ${6:name}\n}\n$0',
} as const;

/** Top-level snippets by keyword, with the grammar rule that keyword must come from. */
const TOP_LEVEL_SNIPPETS: Record<string, { rule: string; detail: MessageKey & `editor.completion.snippet-${string}` }> = {
    package: { rule: 'Model', detail: 'editor.completion.snippet-package' },
    severities: { rule: 'Severities', detail: 'editor.completion.snippet-severities' },
    action: { rule: 'Action', detail: 'editor.completion.snippet-action' },
    attribute: { rule: 'Attribute', detail: 'editor.completion.snippet-attribute' },
    test: { rule: 'Test', detail: 'editor.completion.snippet-test' },
    campaign: { rule: 'Campaign', detail: 'editor.completion.snippet-campaign' },
};

/**
 * How much of a label the client's filter may match anywhere in it: Chinese writes no spaces
 * between words, so each character of a label may begin the word an author types (`审核` in
 * `内容审核员`). Labels are short; the bound keeps a long one from making a long filter text.
 */
const LABEL_FILTER_LENGTH = 24;

export class GovRuleCompletionProvider extends DefaultCompletionProvider {
    private readonly symbols: SymbolTable;
    private readonly resolver: NameResolver;
    private readonly services: GovRuleLspServices;

    constructor(services: GovRuleLspServices) {
        super(services);
        this.services = services;
        this.symbols = services.references.SymbolTable;
        this.resolver = services.references.NameResolver;
    }

    override readonly completionOptions = { triggerCharacters: TRIGGER_CHARACTERS };

    /**
     * The grammar walk re-parses the text before the cursor; on pathological input (thousands of
     * nested parentheses) it can exhaust the stack. Then there is simply nothing to offer.
     */
    override async getCompletion(document: LangiumDocument, params: CompletionParams, cancelToken?: Cancellation.CancellationToken): Promise<CompletionList | undefined> {
        if (params.context?.triggerKind === CompletionTriggerKind.TriggerCharacter && params.context.triggerCharacter === ' ') {
            const { line, character } = params.position;
            const lineBefore = document.textDocument.getText({ start: { line, character: 0 }, end: { line, character } });
            if (!spaceOpensCompletion(lineBefore)) {
                return CompletionList.create([], false);
            }
        }
        try {
            return await super.getCompletion(document, params, cancelToken);
        } catch (err) {
            if (err instanceof RangeError) {
                return CompletionList.create([], true);
            }
            throw err;
        }
    }

    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): void {
        const feature = next.feature;
        if (GrammarAST.isKeyword(feature)) {
            this.completeKeyword(context, feature, acceptor);
        } else if (GrammarAST.isCrossReference(feature) && context.node) {
            this.completeReference(context, next as NextFeature<GrammarAST.CrossReference>, acceptor);
        } else if (GrammarAST.isRuleCall(feature) && GrammarAST.isTerminalRule(feature.rule.ref) && next.property === 'surfaces') {
            this.completeSurfaces(context, acceptor);
        } else if (GrammarAST.isRuleCall(feature) && GrammarAST.isTerminalRule(feature.rule.ref)) {
            this.completeTerminal(context, feature, acceptor);
        }
    }

    /** After `manages` or its commas: the members of the package's managed attribute not yet listed. */
    private completeSurfaces(context: CompletionContext, acceptor: CompletionAcceptor): void {
        const post = context.node && AstUtils.getContainerOfType(context.node, ast.isPost);
        const attribute = post && this.services.validation.WorkspaceFacts.surfaceAttributeOf(post);
        if (!post || !attribute) {
            return;
        }
        const typed = context.textDocument.getText().slice(context.tokenOffset, context.offset);
        // The surface being typed is already in the list while it is typed.
        const listed = new Set(post.surfaces.filter(s => s !== typed));
        enumMembers(attribute).forEach((member, i) => {
            if (listed.has(member)) {
                return;
            }
            acceptor(context, {
                label: member,
                kind: CompletionItemKind.EnumMember,
                detail: t('editor.kind.surface-of', { attribute: attribute.name }),
                labelDetails: { description: `${attribute.name}${labelOf(attribute) ? ` ${labelOf(attribute)}` : ''}` },
                sortText: `0${String(i).padStart(3, '0')}`,
            });
        });
    }

    // ---- keywords and snippets ----

    private completeKeyword(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): void {
        const word = keyword.value;
        if (!/\p{L}/u.test(word)) {
            return;
        }
        const ruleName = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule)?.name ?? '';
        const isClauseStart = ruleName.endsWith('Clause') && CLAUSE_WORDS.has(word);
        if (isClauseStart && this.clausesInUse(context).has(word)) {
            return;
        }
        if ((word === 'true' || word === 'false') && !this.booleanFits(context)) {
            return;
        }
        acceptor(context, { label: word, kind: CompletionItemKind.Keyword, detail: isClauseStart ? t('editor.completion.clause') : t('editor.completion.keyword'), sortText: `2${word}` });
        const snippet = this.snippetFor(word, ruleName);
        if (snippet && this.clientCapabilities?.completionItem?.snippetSupport) {
            acceptor(context, {
                label: word,
                kind: CompletionItemKind.Snippet,
                detail: snippet.detail,
                insertText: snippet.text,
                insertTextFormat: InsertTextFormat.Snippet,
                sortText: `2${word}~`,
            });
        }
    }

    private snippetFor(word: string, ruleName: string): { text: string; detail: string } | undefined {
        if (word === 'rule' && ruleName === 'Rule') {
            return { text: SNIPPETS.rule, detail: t('editor.completion.snippet-rule') };
        }
        if (word === 'escalate' && ruleName === 'EscalateClause') {
            return { text: SNIPPETS.escalate, detail: t('editor.completion.snippet-escalate') };
        }
        if (word === 'category' && ruleName === 'Category') {
            return { text: SNIPPETS.category, detail: t('editor.completion.snippet-category') };
        }
        const topLevel = Object.prototype.hasOwnProperty.call(TOP_LEVEL_SNIPPETS, word) ? TOP_LEVEL_SNIPPETS[word] : undefined;
        if (topLevel && topLevel.rule === ruleName) {
            return { text: SNIPPETS[word as keyof typeof SNIPPETS], detail: t(topLevel.detail) };
        }
        return undefined;
    }

    /** Clause keywords already used in the rule around the cursor (not counting the clause being typed). */
    private clausesInUse(context: CompletionContext): Set<string> {
        const rule = context.node && AstUtils.getContainerOfType(context.node, ast.isRule);
        const used = new Set<string>();
        for (const clause of rule?.clauses ?? []) {
            const cst = clause.$cstNode;
            if (cst && cst.offset <= context.tokenOffset && context.tokenOffset < cst.end) {
                continue;
            }
            used.add(CLAUSE_KEYWORDS[clause.$type]);
        }
        return used;
    }

    /** `true`/`false` only where a boolean may stand: a boolean attribute or parameter, or an unknown place. */
    private booleanFits(context: CompletionContext): boolean {
        const node = context.node;
        if (!node) {
            return true;
        }
        const argument = AstUtils.getContainerOfType(node, ast.isArgument);
        if (argument?.param.ref) {
            return argument.param.ref.type === 'boolean';
        }
        const attribute = this.attributeAt(node);
        return !attribute || attributeType(attribute) === 'boolean' || attributeType(attribute) === undefined;
    }

    private attributeAt(node: AstNode): ast.Attribute | undefined {
        const owner = AstUtils.getContainerOfType(node, n => ast.isComparison(n) || ast.isGivenAttribute(n) || ast.isAttribute(n));
        if (ast.isComparison(owner) || ast.isGivenAttribute(owner)) {
            return owner.attribute.ref;
        }
        return ast.isAttribute(owner) ? owner : undefined;
    }

    // ---- references ----

    private completeReference(context: CompletionContext, next: NextFeature<GrammarAST.CrossReference>, acceptor: CompletionAcceptor): void {
        const assignment = AstUtils.getContainerOfType(next.feature, GrammarAST.isAssignment);
        if (!assignment || !context.node) {
            return;
        }
        // A reference on an element that does not exist yet: a synthetic node of the right type.
        const container: AstNode = next.type
            ? { $type: next.type, $container: context.node, $containerProperty: next.property } as AstNode
            : context.node;
        const refInfo: ReferenceInfo = { reference: { $refText: '', ref: undefined }, container, property: assignment.feature };
        try {
            if (next.type === ast.Argument.$type || ast.isArgument(container)) {
                this.completeParameters(context, acceptor);
            } else if (next.type === ast.EnumLiteral.$type || ast.isEnumLiteral(container)) {
                this.completeEnumMembers(context, acceptor);
            } else {
                this.completeNames(context, this.astReflection.getReferenceType(refInfo), acceptor);
            }
        } catch (err) {
            console.error('GovRule: completion failed:', err);
        }
    }

    private completeNames(context: CompletionContext, expected: string, acceptor: CompletionAcceptor): void {
        const model = context.document.parseResult.value;
        if (!ast.isModel(model)) {
            return;
        }
        const fits = (entry: SymbolEntry) => this.astReflection.isSubtype(entry.description.type, expected) && isNamed(entry.description.node);
        const offered = new Set<string>();
        for (const visible of this.resolver.visibleNames(model)) {
            if (fits(visible.entry)) {
                offered.add(visible.entry.qualifiedName);
                acceptor(context, this.nameItem(context, visible.entry, visible.text, '0'));
            }
        }
        const typed = context.textDocument.getText().slice(context.tokenOffset, context.offset);
        const world = worldOf(model);
        for (const pkg of [...this.symbols.packages(world)].sort()) {
            if (pkg === model.name) {
                continue;
            }
            for (const entry of this.symbols.inPackage(pkg, world)) {
                if (offered.has(entry.qualifiedName) || !fits(entry)) {
                    continue;
                }
                if (typed.includes('.')) {
                    // The author writes a qualified name: offer it as such.
                    acceptor(context, this.nameItem(context, entry, entry.qualifiedName, '1'));
                    continue;
                }
                // Not imported: the local name plus an import, unless the local name already means something here.
                const free = this.resolver.resolve(entry.localName, model).kind === 'none';
                const top = entry.localName.split('.')[0];
                const edit = free ? addImportEdit(context.document, `${pkg}.${top}`) : undefined;
                if (free && edit) {
                    const item = this.nameItem(context, entry, entry.localName, '1');
                    acceptor(context, { ...item, additionalTextEdits: [edit], labelDetails: { ...item.labelDetails, description: `import ${pkg}.${top}` } });
                } else {
                    acceptor(context, this.nameItem(context, entry, entry.qualifiedName, '1'));
                }
            }
        }
    }

    /**
     * A name to offer, found by its name or by its label: `审核` after `responsible ` offers
     * `reviewer 内容审核员`. The filter text carries the label so that the client's own filter
     * keeps the item while the author types more of it.
     */
    private nameItem(context: CompletionContext, entry: SymbolEntry, text: string, rank: string): CompletionValueItem {
        const node = entry.description.node as Named;
        const label = labelOf(node);
        const typed = context.textDocument.getText().slice(context.tokenOffset, context.offset);
        // Langium keeps an item only if what was typed fuzzily matches its name; one found by its
        // label gets its edit here.
        const byLabel = label !== undefined && typed !== '' && !this.fuzzyMatcher.match(typed, text) && label.toLowerCase().includes(typed.toLowerCase());
        return {
            label: text,
            kind: this.nodeKindProvider.getCompletionItemKind(entry.description),
            detail: detailOf(node),
            labelDetails: { detail: label ? ` ${label}` : undefined, description: entry.qualifiedName },
            documentation: this.markdown(node),
            sortText: `${rank}${text}`,
            ...(label ? { filterText: labelFilterText(text, label) } : {}),
            ...(byLabel ? { textEdit: this.buildCompletionTextEdit(context, typed, text) } : {}),
        };
    }

    private completeParameters(context: CompletionContext, acceptor: CompletionAcceptor): void {
        const call = context.node && AstUtils.getContainerOfType(context.node, ast.isActionCall);
        const action = call?.action.ref;
        if (!call || !action) {
            return;
        }
        const given = new Set(call.args.map(arg => arg.param.$refText));
        action.params.forEach((param, i) => {
            if (given.has(param.name)) {
                return;
            }
            acceptor(context, {
                label: param.name,
                kind: CompletionItemKind.Field,
                detail: paramText(param),
                labelDetails: { detail: `: ${param.type}${param.optional ? '?' : ''}` },
                documentation: t(param.optional ? 'editor.completion.optional-parameter' : 'editor.completion.parameter', { action: action.name, example: `${param.name}: ${VALUE_EXAMPLES[param.type]}` }),
                insertText: `${param.name}: `,
                sortText: `0${param.optional ? 1 : 0}${String(i).padStart(3, '0')}`,
            });
        });
    }

    private completeEnumMembers(context: CompletionContext, acceptor: CompletionAcceptor): void {
        const node = context.node;
        const attribute = node && (this.attributeAt(node) ?? (ast.isLiteral(node) ? attributeOfLiteral(node) : undefined));
        if (!attribute || !ast.isEnumType(attribute.type)) {
            return;
        }
        const comparison = node && AstUtils.getContainerOfType(node, ast.isComparison);
        const listed = new Set(comparison?.values.map(v => (ast.isEnumLiteral(v) ? v.member.$refText : '')) ?? []);
        attribute.type.members.forEach((member, i) => {
            if (listed.has(member.name)) {
                return;
            }
            acceptor(context, {
                label: member.name,
                kind: CompletionItemKind.EnumMember,
                detail: t('editor.kind.value-of', { attribute: attribute.name }),
                labelDetails: { description: `${attribute.name}${labelOf(attribute) ? ` ${labelOf(attribute)}` : ''}` },
                sortText: `0${String(i).padStart(3, '0')}`,
            });
        });
    }

    // ---- value templates ----

    private completeTerminal(context: CompletionContext, call: GrammarAST.RuleCall, acceptor: CompletionAcceptor): void {
        const terminal = call.rule.ref?.name;
        const typed = context.textDocument.getText().slice(context.tokenOffset, context.offset);
        if (!/^\d*$/.test(typed)) {
            return;
        }
        const argument = context.node && AstUtils.getContainerOfType(context.node, ast.isArgument);
        const type = argument?.param.ref?.type;
        if (type) {
            // The parameter's type decides, whichever literal the grammar would allow.
            this.valueTemplates(type).forEach((t, i) => acceptor(context, { ...t, kind: CompletionItemKind.Value, sortText: `0${i}` }));
        } else if (terminal === 'DURATION') {
            this.valueTemplates('duration').forEach((t, i) => acceptor(context, { ...t, kind: CompletionItemKind.Value, sortText: `0${i}` }));
        }
    }

    private valueTemplates(type: ast.ValueType): Array<{ label: string; detail: string }> {
        switch (type) {
            case 'duration': return DURATION_TEMPLATES.map(d => ({ label: d, detail: t('editor.completion.duration', { words: durationInWords(d) }) }));
            case 'money': return ['100000 CNY', '5000 CNY'].map(m => ({ label: m, detail: t('editor.completion.money') }));
            case 'number': return [{ label: '1', detail: t('editor.completion.number') }];
            case 'text': return [{ label: '""', detail: t('editor.completion.text') }];
            case 'boolean': return [];
        }
    }

    private markdown(node: Named): MarkupContent {
        return { kind: 'markdown', value: describe(node, this.services.documentation.CommentProvider) };
    }
}

/** `reviewer 内容审核员 容审核员 审核员 核员 员`: the name, then the label from each of its characters on. */
function labelFilterText(name: string, label: string): string {
    const characters = Array.from(label.slice(0, 2 * LABEL_FILTER_LENGTH)).slice(0, LABEL_FILTER_LENGTH);
    return [name, ...characters.map((_, i) => characters.slice(i).join(''))].join(' ');
}

