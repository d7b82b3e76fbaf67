/**
 * Links references through the NameResolver and checks that the target is of the kind the place
 * expects. Failures carry their diagnostic code, so the validator reports `unresolved-reference`,
 * `ambiguous-reference`, `wrong-kind` or `action-arguments` with a precise message.
 */
import { Cancellation, DefaultLinker, interruptAndCheck, type AstNode, type AstNodeDescription, type AstNodeDescriptionProvider, type LangiumCoreServices, type LangiumDocument, type LinkingError, type ReferenceInfo } from 'langium';
import { forEachNode, forEachReference } from '../model/ast-walk.js';
import * as ast from '../syntax/generated/ast.js';
import { modelOf } from '../model/names.js';
import type { DiagnosticCode } from '../diagnostics.js';
import type { GovRuleAddedServices } from '../services.js';
import { declaredElsewhereHint, type ImportHints } from './import-hints.js';
import type { NameResolver, VisibleName } from './name-resolver.js';
import { Budget, FILE_BUDGET, MAX_LENGTH, closestNames } from '../model/text-distance.js';
import { shortened } from '../model/quote.js';
import { didYouMean, didYouMeanLabel, enumeration, kindWithArticle } from '../l10n/diagnostic-words.js';
import { t } from '../l10n/index.js';
import { labelMatches, type LabelledName } from './label-hints.js';

export interface GovRuleLinkingError extends LinkingError {
    readonly code: DiagnosticCode;
    /** Names to offer as replacements (quick fixes use them). */
    readonly suggestions?: readonly string[];
    /** Reported by a validator instead (for example as a type mismatch), or a consequence of another error. */
    readonly silent?: boolean;
}

export function isGovRuleLinkingError(error: LinkingError | undefined): error is GovRuleLinkingError {
    return error !== undefined && 'code' in error;
}

export class GovRuleLinker extends DefaultLinker {
    private readonly resolver: NameResolver;
    private readonly importHints: ImportHints;
    private readonly descriptionProvider: AstNodeDescriptionProvider;
    private readonly memberDescriptions = new WeakMap<AstNode, AstNodeDescription>();
    /** What each file may still spend on suggestions, by its root; renewed when the file is linked. */
    private readonly budgets = new WeakMap<AstNode, Budget>();

    constructor(services: LangiumCoreServices & GovRuleAddedServices) {
        super(services);
        this.resolver = services.references.NameResolver;
        this.importHints = services.references.ImportHints;
        this.descriptionProvider = services.workspace.AstNodeDescriptionProvider;
    }

    /** Links every reference, without the per-node await and iterators of the default linker. */
    override async link(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        await interruptAndCheck(cancelToken);
        this.budgets.set(document.parseResult.value, new Budget(FILE_BUDGET));
        forEachNode(document.parseResult.value, container => {
            forEachReference(container, (reference, property, index) => {
                this.doLink({ reference, container, property, index }, document);
            });
        });
    }

    override getCandidate(refInfo: ReferenceInfo): AstNodeDescription | GovRuleLinkingError {
        const container = refInfo.container;
        const text = refInfo.reference.$refText;
        if (ast.isArgument(container)) {
            return this.linkParameter(refInfo, container, text);
        }
        if (ast.isEnumLiteral(container)) {
            return this.linkEnumMember(refInfo, container, text);
        }
        const model = modelOf(container);
        if (!model) {
            return this.error(refInfo, 'unresolved-reference', t('diagnostics.unresolved-reference.outside-package', { name: shortened(text) }));
        }
        const expected = this.reflection.getReferenceType(refInfo);
        const resolution = this.resolver.resolve(text, model);
        switch (resolution.kind) {
            case 'found': {
                const found = resolution.entry.description;
                if (this.reflection.isSubtype(found.type, expected)) {
                    return found;
                }
                const alternatives = this.suggest(text, model, expected);
                return this.error(refInfo, 'wrong-kind', t('diagnostics.wrong-kind', {
                    expected: kindWithArticle(expected), name: shortened(text), found: kindWithArticle(found.type),
                    qualified: resolution.entry.qualifiedName, hint: didYouMean(alternatives),
                }), alternatives);
            }
            case 'ambiguous': {
                const names = resolution.candidates.map(c => t('diagnostics.ambiguous-reference.candidate', { name: shortened(c.entry.qualifiedName), path: c.via.path }));
                return this.error(refInfo, 'ambiguous-reference',
                    t('diagnostics.ambiguous-reference', { name: shortened(text), candidates: names.join(t('diagnostics.words.or-between')) }),
                    resolution.candidates.map(c => c.entry.qualifiedName));
            }
            case 'none': {
                // A name declared in a package this file does not import: one hint, fixed by an import.
                const elsewhere = this.importHints.declaredElsewhere(text, model).filter(e => this.reflection.isSubtype(e.description.type, expected));
                if (elsewhere.length > 0) {
                    return this.error(refInfo, 'unresolved-reference',
                        t('diagnostics.unresolved-reference.elsewhere', { kind: kindWithArticle(expected), name: text, hint: declaredElsewhereHint(text, elsewhere) }));
                }
                // A label written where its name belongs (`responsible 内容审核员`): the name is the fix.
                const visible = this.visibleForHints(text, model, expected);
                const labelled = this.labelled(text, model, visible);
                if (labelled.length > 0) {
                    return this.error(refInfo, 'unresolved-reference',
                        t('diagnostics.unresolved-reference', { kind: kindWithArticle(expected), name: shortened(text), hint: didYouMeanLabel(labelled) }),
                        labelled.map(l => l.name));
                }
                const suggestions = this.closest(text, model, visible);
                return this.error(refInfo, 'unresolved-reference',
                    t('diagnostics.unresolved-reference', { kind: kindWithArticle(expected), name: shortened(text), hint: didYouMean(suggestions) }), suggestions);
            }
        }
    }

    private linkParameter(refInfo: ReferenceInfo, argument: ast.Argument, text: string): AstNodeDescription | GovRuleLinkingError {
        const action = argument.$container.action?.ref;
        if (!action) {
            return this.error(refInfo, 'action-arguments', '', [], true);
        }
        const param = action.params.find(p => p.name === text);
        if (param) {
            return this.describe(param);
        }
        const suggestions = closestNames(text, action.params.map(p => p.name), 3, this.budgetOf(argument));
        const known = action.params.length === 0 ? t('diagnostics.action-arguments.no-parameters')
            : t('diagnostics.action-arguments.parameters-are', { params: enumeration(action.params.map(p => p.name)) });
        return this.error(refInfo, 'action-arguments', t('diagnostics.action-arguments.unknown-parameter', {
            action: shortened(action.name), name: shortened(text), known, hint: didYouMean(suggestions),
        }), suggestions);
    }

    /** Enum members resolve inside the attribute that the literal is compared with or assigned to. */
    private linkEnumMember(refInfo: ReferenceInfo, literal: ast.EnumLiteral, text: string): AstNodeDescription | GovRuleLinkingError {
        const attribute = attributeOfLiteral(literal);
        if (!attribute || !ast.isEnumType(attribute.type)) {
            // Unresolved attribute, or a non-enum attribute: the type checks report it.
            return this.error(refInfo, 'type-mismatch', '', [], true);
        }
        const member = attribute.type.members.find(m => m.name === text);
        if (member) {
            return this.describe(member);
        }
        const members = attribute.type.members.map(m => m.name);
        const suggestions = closestNames(text, members, 3, this.budgetOf(literal));
        // A default that is not a member is a bad literal (§10 invalid-literal); elsewhere a name that resolves to nothing.
        const code = ast.isAttribute(literal.$container) ? 'invalid-literal' : 'unresolved-reference';
        return this.error(refInfo, code, t('diagnostics.not-a-member', {
            name: shortened(text), attribute: shortened(attribute.name), members: enumeration(members), hint: didYouMean(suggestions),
        }), suggestions);
    }

    private suggest(text: string, model: ast.Model, expected: string): string[] {
        return this.closest(text, model, this.visibleForHints(text, model, expected));
    }

    /** The names of the expected kind visible in the file, if the file may still spend on hints for `text`. */
    private visibleForHints(text: string, model: ast.Model, expected: string): VisibleName[] {
        if (this.budgetOf(model).exhausted || Array.from(text).length > MAX_LENGTH) {
            return [];
        }
        return this.resolver.visibleNames(model).filter(v => this.reflection.isSubtype(v.entry.description.type, expected));
    }

    private closest(text: string, model: ast.Model, visible: readonly VisibleName[]): string[] {
        return visible.length === 0 ? [] : closestNames(text, visible.map(v => v.text), 3, this.budgetOf(model));
    }

    /** The visible names whose label is `text`, paid from the file's budget like the suggestions. */
    private labelled(text: string, model: ast.Model, visible: readonly VisibleName[]): LabelledName[] {
        return visible.length > 0 && this.budgetOf(model).take(visible.length) ? labelMatches(text, visible) : [];
    }

    private budgetOf(node: AstNode): Budget {
        let root = node;
        while (root.$container) {
            root = root.$container;
        }
        let budget = this.budgets.get(root);
        if (!budget) {
            budget = new Budget(FILE_BUDGET);
            this.budgets.set(root, budget);
        }
        return budget;
    }

    /** One description per parameter or enum member, shared by all references to it. */
    private describe(node: AstNode & { name: string }): AstNodeDescription {
        let description = this.memberDescriptions.get(node);
        if (!description) {
            description = this.descriptionProvider.createDescription(node, node.name);
            this.memberDescriptions.set(node, description);
        }
        return description;
    }

    private error(info: ReferenceInfo, code: DiagnosticCode, message: string, suggestions: readonly string[] = [], silent = false): GovRuleLinkingError {
        return { info, code, message, suggestions, silent };
    }
}

/** The attribute whose type gives meaning to a literal, if the literal sits where one is known. */
export function attributeOfLiteral(literal: ast.Literal): ast.Attribute | undefined {
    const container = literal.$container;
    if (ast.isComparison(container) || ast.isGivenAttribute(container)) {
        return container.attribute?.ref;
    }
    if (ast.isAttribute(container)) {
        return container;
    }
    return undefined;
}
