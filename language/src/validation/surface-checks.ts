/**
 * The post management list (§4.1): a package's `managed` attribute, the surfaces each post
 * `manages`, and the `post-surface` lint on rules whose condition restricts the surface to values
 * their responsible post (or a post they escalate to) does not manage.
 */
import type { ValidationAcceptor } from 'langium';
import * as ast from '../syntax/generated/ast.js';
import type { GovRuleServices } from '../services.js';
import type { DiagnosticData } from '../diagnostics.js';
import type { SymbolTable } from '../references/symbol-table.js';
import { worldOf } from '../references/worlds.js';
import { clausesOf } from '../model/rules.js';
import { shortened } from '../model/quote.js';
import { enumMembers, restrictedSurfaces } from '../model/surfaces.js';
import { Budget, FILE_BUDGET, closestNames } from '../model/text-distance.js';
import { didYouMean, enumeration } from '../l10n/diagnostic-words.js';
import { t } from '../l10n/index.js';
import type { WorkspaceFacts } from './workspace-facts.js';

export class SurfaceChecks {
    private readonly facts: WorkspaceFacts;
    private readonly symbols: SymbolTable;

    constructor(services: GovRuleServices) {
        this.facts = services.validation.WorkspaceFacts;
        this.symbols = services.references.SymbolTable;
    }

    /** surface-attribute: one `managed` attribute per package, an enum. */
    checkManaged(attribute: ast.Attribute, accept: ValidationAcceptor): void {
        if (!attribute.managed) {
            return;
        }
        const managed = this.facts.get(worldOf(attribute)).managedAttributes.get(attribute.$container.name) ?? [];
        if (managed.length > 1 && managed[0] !== attribute) {
            accept('error', t('diagnostics.surface-attribute.twice', { package: shortened(attribute.$container.name), first: shortened(managed[0]!.name) }),
                { node: attribute, property: 'managed', code: 'surface-attribute' });
        }
        if (!ast.isEnumType(attribute.type)) {
            accept('error', t('diagnostics.surface-attribute.not-enum', { attribute: shortened(attribute.name) }),
                { node: attribute, property: 'managed', code: 'surface-attribute' });
        }
    }

    /** A post's `manages`: its package names the surface attribute, and each surface is one of its members. */
    checkPost(post: ast.Post, accept: ValidationAcceptor): void {
        if (post.surfaces.length === 0) {
            return;
        }
        const managed = this.facts.get(worldOf(post)).managedAttributes.get(post.$container.name) ?? [];
        if (managed.length === 0) {
            accept('error', t('diagnostics.surface-attribute.none', { post: shortened(post.name), package: shortened(post.$container.name) }),
                { node: post, keyword: 'manages', code: 'surface-attribute' });
            return;
        }
        const attribute = this.facts.surfaceAttributeOf(post);
        if (!attribute) {
            return; // the attribute's own error says why
        }
        const members = enumMembers(attribute);
        const budget = new Budget(FILE_BUDGET);
        post.surfaces.forEach((surface, index) => {
            if (!members.includes(surface)) {
                const suggestions = closestNames(surface, members, 3, budget);
                accept('error', t('diagnostics.not-a-member', { name: shortened(surface), attribute: shortened(attribute.name), members: enumeration(members), hint: didYouMean(suggestions) }),
                    { node: post, property: 'surfaces', index, code: 'unresolved-reference', data: { code: 'unresolved-reference', refText: surface, suggestions } satisfies DiagnosticData });
            }
        });
    }

    /**
     * post-surface: the rule's `when` certainly restricts the surface (model/surfaces.ts) to values
     * its responsible post does not manage, or a step hands the case to a post that manages none
     * of them. Posts that declare no surfaces are not checked: the list says nothing about them.
     */
    checkRule(rule: ast.Rule, accept: ValidationAcceptor): void {
        const clauses = clausesOf(rule);
        const condition = clauses.when?.condition;
        if (!condition) {
            return;
        }
        const restrictions = new Map<ast.Attribute, ReadonlySet<string> | undefined>();
        const restrictedFor = (post: ast.Post): { attribute: ast.Attribute; surfaces: ReadonlySet<string> } | undefined => {
            const attribute = post.surfaces.length > 0 ? this.facts.surfaceAttributeOf(post) : undefined;
            if (!attribute) {
                return undefined;
            }
            if (!restrictions.has(attribute)) {
                restrictions.set(attribute, restrictedSurfaces(condition, attribute));
            }
            const surfaces = restrictions.get(attribute);
            // An empty restriction is a condition that never holds: unreachable-rule says so.
            return surfaces && surfaces.size > 0 ? { attribute, surfaces } : undefined;
        };
        const responsible = clauses.responsible?.post?.ref;
        const restricted = responsible && restrictedFor(responsible);
        if (responsible && restricted) {
            const managed = new Set(responsible.surfaces);
            const unmanaged = [...restricted.surfaces].filter(s => !managed.has(s));
            if (unmanaged.length > 0) {
                const suggestions = this.postsManaging(responsible, restricted.attribute, restricted.surfaces, clauses.responsible!.post.$refText);
                accept('warning', t('diagnostics.post-surface.responsible', {
                    post: shortened(responsible.name), surfaces: enumeration(unmanaged), managed: enumeration(inMemberOrder(responsible, restricted.attribute)), hint: didYouMean(suggestions),
                }), { node: clauses.responsible!, property: 'post', code: 'post-surface', data: { suggestions } satisfies DiagnosticData });
            }
        }
        for (const step of clauses.escalate?.steps ?? []) {
            const target = step.target?.ref;
            const forTarget = ast.isPost(target) ? restrictedFor(target) : undefined;
            if (ast.isPost(target) && forTarget && !target.surfaces.some(s => forTarget.surfaces.has(s))) {
                accept('warning', t('diagnostics.post-surface.escalation', {
                    post: shortened(target.name), surfaces: enumeration([...forTarget.surfaces]), managed: enumeration(inMemberOrder(target, forTarget.attribute)),
                }), { node: step, property: 'target', code: 'post-surface' });
            }
        }
    }

    /**
     * Posts of the responsible post's package that manage every restricted surface, as the rule
     * would write them (a qualified reference keeps its qualifier): the quick fix's replacements.
     */
    private postsManaging(post: ast.Post, attribute: ast.Attribute, surfaces: ReadonlySet<string>, written: string): string[] {
        const qualifier = written.includes('.') ? written.slice(0, written.lastIndexOf('.') + 1) : '';
        const names: string[] = [];
        for (const entry of this.symbols.inPackage(post.$container.name, worldOf(post))) {
            const other = entry.description.node;
            if (ast.isPost(other) && other !== post && other.surfaces.length > 0 && this.facts.surfaceAttributeOf(other) === attribute
                && [...surfaces].every(s => other.surfaces.includes(s))) {
                names.push(qualifier + other.name);
            }
        }
        return names.sort().slice(0, 3);
    }
}

/** A post's surfaces as messages list them: in the attribute's order, as the bundle does. */
function inMemberOrder(post: ast.Post, attribute: ast.Attribute): string[] {
    return enumMembers(attribute).filter(m => post.surfaces.includes(m));
}
