/**
 * Facts about the whole workspace that single-node checks need: the severity scales, attributes
 * by name, what is referenced, which categories enabled rules cover. Computed once per build,
 * after every document is linked.
 */
import { DocumentState, WorkspaceCache, type AstNode, type LangiumCoreServices, type LangiumDocument, type LangiumDocuments } from 'langium';
import * as ast from '../syntax/generated/ast.js';
import { compareStrings } from '../references/symbol-table.js';
import { clausesOf } from '../model/rules.js';
import { isUnreadModel } from '../syntax/guarded-parser.js';
import { WORKSPACE, inWorld, worldOf, type World } from '../references/worlds.js';

export interface Facts {
    /** Documents in URI order. */
    readonly documents: readonly LangiumDocument[];
    readonly scales: readonly ast.Severities[];
    readonly attributesByName: ReadonlyMap<string, readonly ast.Attribute[]>;
    /** Every declaration some reference points to. */
    readonly used: ReadonlySet<AstNode>;
    /** Categories named by enabled rules (their sub-categories are covered too). */
    readonly coveredByRules: ReadonlySet<ast.Category>;
    /** The `managed` attributes of each package, in document order (one is allowed). */
    readonly managedAttributes: ReadonlyMap<string, readonly ast.Attribute[]>;
    /**
     * Some file could not be parsed at all: what it declares and uses is unknown, so findings
     * about the whole workspace (no scale, never used) would be guesses.
     */
    readonly someUnread: boolean;
}

export class WorkspaceFacts {
    private readonly documents: LangiumDocuments;
    private readonly cache: WorkspaceCache<string, Facts>;

    constructor(services: LangiumCoreServices) {
        this.documents = services.shared.workspace.LangiumDocuments;
        this.cache = new WorkspaceCache(services.shared, DocumentState.Linked);
    }

    /** The facts of one world (worlds.ts): the workspace's, or an untitled buffer's own. */
    get(world: World = WORKSPACE): Facts {
        return this.cache.get(`facts:${world}`, () => this.compute(world));
    }

    /** The top level of the scale, when there is exactly one scale. */
    topSeverity(world: World = WORKSPACE): ast.SeverityLevel | undefined {
        const scales = this.get(world).scales;
        return scales.length === 1 ? scales[0].levels[scales[0].levels.length - 1] : undefined;
    }

    /**
     * The enum attribute whose members a post's `manages` names: its package's first `managed`
     * attribute, if that is an enum.
     */
    surfaceAttributeOf(post: ast.Post): ast.Attribute | undefined {
        const attribute = this.get(worldOf(post)).managedAttributes.get(post.$container.name)?.[0];
        return attribute && ast.isEnumType(attribute.type) ? attribute : undefined;
    }

    isCovered(category: ast.Category): boolean {
        const covered = this.get(worldOf(category)).coveredByRules;
        for (let c: AstNode | undefined = category; ast.isCategory(c); c = c.$container) {
            if (covered.has(c)) {
                return true;
            }
        }
        return false;
    }

    private compute(world: World): Facts {
        const documents = this.documents.all.toArray()
            .filter(doc => ast.isModel(doc.parseResult?.value))
            .filter(inWorld(world))
            .sort((a, b) => compareStrings(a.uri.toString(), b.uri.toString()));
        const scales: ast.Severities[] = [];
        const attributesByName = new Map<string, ast.Attribute[]>();
        const used = new Set<AstNode>();
        const coveredByRules = new Set<ast.Category>();
        const managedAttributes = new Map<string, ast.Attribute[]>();
        for (const doc of documents) {
            const model = doc.parseResult.value as ast.Model;
            for (const element of model.elements) {
                if (ast.isSeverities(element)) {
                    scales.push(element);
                } else if (ast.isAttribute(element) && element.name) {
                    if (element.managed) {
                        const managed = managedAttributes.get(model.name);
                        if (managed) {
                            managed.push(element);
                        } else {
                            managedAttributes.set(model.name, [element]);
                        }
                    }
                    const same = attributesByName.get(element.name);
                    if (same) {
                        same.push(element);
                    } else {
                        attributesByName.set(element.name, [element]);
                    }
                } else if (ast.isRule(element) && !clausesOf(element).disabled) {
                    for (const ref of clausesOf(element).category?.categories ?? []) {
                        if (ref.ref) {
                            coveredByRules.add(ref.ref);
                        }
                    }
                }
            }
            for (const reference of doc.references) {
                const target = 'ref' in reference ? reference.ref : undefined;
                if (target) {
                    used.add(target);
                }
            }
        }
        const someUnread = documents.some(doc => isUnreadModel(doc.parseResult.value));
        return { documents, scales, attributesByName, used, coveredByRules, managedAttributes, someUnread };
    }
}
