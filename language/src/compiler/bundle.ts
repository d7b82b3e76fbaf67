/**
 * The compiler (§9): linked, error-free documents in, one bundle object out. Every list is
 * sorted by id (severities by rank, steps in source order), so the same sources give the same
 * bytes whatever the order of the files.
 */
import type { AstNode, CommentProvider, LangiumDocument } from 'langium';
import * as path from 'node:path';
import * as ast from '../syntax/generated/ast.js';
import { docComment } from '../model/documentation.js';
import { declarationsOf, qualifiedName, type Declaration } from '../model/names.js';
import { clausesOf, periodOf, rulePeriod } from '../model/rules.js';
import { compareStrings } from '../references/symbol-table.js';
import { parseDuration } from '../model/values.js';
import { VERSION } from '../version.js';
import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION } from '../bundle/format.js';
import { bundleText } from '../bundle/serialize.js';
import type { Bundle, BundleElement, BundleRule, BundleTest, ListKey, Scalar, Source, Value } from '../bundle/types.js';
import { literalValue, toJsonLogic } from './jsonlogic.js';

export interface CompileInput {
    /** The project root: source paths in the bundle are relative to it. */
    readonly root: string;
    readonly documents: readonly LangiumDocument[];
    readonly comments: CommentProvider;
}

/** An element of a list, made when it is written; `file` is its source file, for failures. */
type Item = (() => object) & { readonly file?: string };

/** The bundle's keys in output order: the head is small, the lists are built one element at a time. */
interface Plan {
    readonly head: Pick<Bundle, 'format' | 'formatVersion' | 'compiler' | 'packages'>;
    readonly lists: ReadonlyArray<readonly [ListKey, ReadonlyArray<() => object>]>;
}

export function compileBundle(input: CompileInput): Bundle {
    const plan = new BundleCompiler(input).plan();
    const made = new Map(plan.lists.map(([key, items]) => [key, items.map(make => make())]));
    // The plan has every list, and each list's items are the elements element() and test() make for it.
    const list = <K extends ListKey>(key: K) => (made.get(key) ?? []) as Bundle[K];
    // The plan's order of keys, which serializeBundle writes in (bundleChunks follows the plan).
    return {
        ...plan.head,
        severities: list('severities'), posts: list('posts'), authorities: list('authorities'), actions: list('actions'),
        attributes: list('attributes'), categories: list('categories'), campaigns: list('campaigns'), rules: list('rules'), tests: list('tests'),
    };
}

/**
 * The same bytes as `serializeBundle(compileBundle(input))`, produced piece by piece so that a
 * large bundle never exists whole in memory, neither as objects nor as one string.
 */
export function bundleChunks(input: CompileInput): Generator<string> {
    let plan: Plan;
    try {
        plan = new BundleCompiler(input).plan();
    } catch (err) {
        throw CompileFailure.of(err, input.documents[0]?.uri.fsPath);
    }
    return bundleText([...Object.entries(plan.head), ...plan.lists], (err, item) => CompileFailure.of(err, item.file));
}

/**
 * An exception while compiling: a bug, reported as an `internal-error` of the file whose element
 * was being compiled, with nothing written (see `govrule compile`).
 */
export class CompileFailure extends Error {
    private constructor(readonly cause: unknown, readonly file: string | undefined) {
        super(cause instanceof Error ? cause.message : String(cause));
        this.name = 'CompileFailure';
    }

    static of(err: unknown, file: string | undefined): CompileFailure {
        return err instanceof CompileFailure ? err : new CompileFailure(err, file);
    }
}

class BundleCompiler {
    private readonly fileOf = new Map<ast.Model, string>();
    /** The managed attribute of each package (the checks allow one per package). */
    private readonly surfaceAttribute = new Map<string, ast.Attribute>();

    constructor(private readonly input: CompileInput) { }

    plan(): Plan {
        const models: ast.Model[] = [];
        for (const doc of this.input.documents) {
            const model = doc.parseResult.value as ast.Model;
            models.push(model);
            this.fileOf.set(model, sourcePath(this.input.root, doc.uri.fsPath));
            for (const element of model.elements) {
                if (ast.isAttribute(element) && element.managed && !this.surfaceAttribute.has(model.name)) {
                    this.surfaceAttribute.set(model.name, element);
                }
            }
        }
        const byKey = new Map<ListKey, Array<{ id: string; make: () => object }>>(
            (['severities', 'posts', 'authorities', 'actions', 'attributes', 'categories', 'campaigns', 'rules'] as const).map(k => [k, []]));
        const tests: ast.Test[] = [];
        for (const model of models) {
            const file = this.fileOf.get(model)!;
            for (const decl of declarationsOf(model)) {
                byKey.get(listOf(decl))!.push({ id: qualifiedName(decl), make: this.guarded(file, () => this.element(decl)) });
            }
            for (const element of model.elements) {
                if (ast.isTest(element)) {
                    tests.push(element);
                }
            }
        }
        const lists: Array<readonly [ListKey, Array<() => object>]> = [];
        for (const [key, items] of byKey) {
            // The scale keeps its order (rank); everything else is sorted by id.
            if (key !== 'severities') {
                items.sort((a, b) => compareStrings(a.id, b.id));
            }
            lists.push([key, items.map(i => i.make)]);
        }
        // By file; within a file they are already in source order, which the stable sort keeps.
        const sortedTests = tests.map(t => ({ test: t, source: this.source(t) }))
            .sort((a, b) => compareStrings(a.source.file, b.source.file));
        lists.push(['tests', sortedTests.map(t => this.guarded(t.source.file, () => this.test(t.test)))]);
        return {
            head: {
                format: BUNDLE_FORMAT,
                formatVersion: BUNDLE_FORMAT_VERSION,
                compiler: { name: 'govrule', version: VERSION },
                packages: this.packages(models),
            },
            lists,
        };
    }

    /** One element's compilation; an exception, then or when it is written, names the element's file. */
    private guarded(file: string, make: () => object): Item {
        const absolute = path.resolve(this.input.root, file);
        const item = () => {
            try {
                return make();
            } catch (err) {
                throw CompileFailure.of(err, absolute);
            }
        };
        return Object.assign(item, { file: absolute });
    }

    private packages(models: ast.Model[]): Bundle['packages'] {
        const files = new Map<string, string[]>();
        for (const model of models) {
            const list = files.get(model.name) ?? [];
            list.push(this.fileOf.get(model)!);
            files.set(model.name, list);
        }
        return [...files.entries()]
            .sort(([a], [b]) => compareStrings(a, b))
            .map(([id, list]) => ({ id, files: list.sort(compareStrings) }));
    }

    // Elements spell out the common fields instead of spreading `base`: object spread here was
    // the compiler's hottest spot (a megamorphic clone per element).
    private element(decl: Declaration): object {
        const base = this.base(decl);
        if (ast.isSeverityLevel(decl)) {
            return { id: base.id, name: base.name, label: base.label, doc: base.doc, source: base.source, rank: decl.$container.levels.indexOf(decl) };
        }
        if (ast.isAction(decl)) {
            return { id: base.id, name: base.name, label: base.label, doc: base.doc, source: base.source, params: decl.params.map(p => ({ name: p.name, type: p.type, optional: p.optional })) };
        }
        if (ast.isAttribute(decl)) {
            const type = decl.type;
            return {
                id: base.id, name: base.name, label: base.label, doc: base.doc, source: base.source,
                type: ast.isEnumType(type) ? 'enum' : type.kind,
                values: ast.isEnumType(type) ? type.members.map(m => m.name) : null,
                default: decl.default ? literalValue(decl.default) : null,
            };
        }
        if (ast.isCategory(decl)) {
            return { id: base.id, name: base.name, label: base.label, doc: base.doc, source: base.source, parent: ast.isCategory(decl.$container) ? qualifiedName(decl.$container) : null };
        }
        if (ast.isRule(decl)) {
            return this.rule(decl, base);
        }
        if (ast.isCampaign(decl)) {
            return { id: base.id, name: base.name, label: base.label, doc: base.doc, source: base.source, effective: { ...periodOf(decl.period) } };
        }
        if (ast.isPost(decl)) {
            return { id: base.id, name: base.name, label: base.label, doc: base.doc, source: base.source, ...this.surfaces(decl) };
        }
        return base;
    }

    /** A post's surfaces in the order of the attribute's members, each once. */
    private surfaces(post: ast.Post): { surfaces: string[]; surfaceAttribute: string | null } {
        const attribute = post.surfaces.length > 0 ? this.surfaceAttribute.get(post.$container.name) : undefined;
        if (!attribute || !ast.isEnumType(attribute.type)) {
            return { surfaces: [], surfaceAttribute: null };
        }
        const managed = new Set(post.surfaces);
        return { surfaces: attribute.type.members.map(m => m.name).filter(name => managed.has(name)), surfaceAttribute: qualifiedName(attribute) };
    }

    private rule(rule: ast.Rule, base: BundleElement): BundleRule {
        const c = clausesOf(rule);
        return {
            id: base.id, name: base.name, label: base.label, doc: base.doc, source: base.source,
            // The required clauses are there and every reference resolves (compile runs only without
            // errors); were that broken, the compiler fails (an internal error), never writes ''.
            categories: c.category!.categories.map(ref => idOf(ref.ref)),
            severity: idOf(c.severity!.level.ref),
            responsible: idOf(c.responsible!.post.ref),
            actions: c.actions!.calls.map(call => ({ action: idOf(call.action.ref), args: this.args(call) })),
            escalation: (c.escalate?.steps ?? []).map(step => {
                const duration = parseDuration(step.after)!;
                return {
                    after: duration.iso,
                    afterSeconds: duration.seconds,
                    to: idOf(step.target.ref),
                    toKind: ast.isAuthority(step.target.ref) ? 'authority' : 'post',
                };
            }),
            when: toJsonLogic(c.when?.condition),
            priority: c.priority ? Number(c.priority.value) : 0,
            enabled: !c.disabled,
            effective: periodInForce(rule),
            basis: c.basis?.texts ?? [],
            campaign: c.campaign ? idOf(c.campaign.campaign.ref) : null,
        };
    }

    /** Arguments in the order the action declares its parameters. */
    private args(call: ast.ActionCall): Record<string, Value> {
        const params = call.action.ref!.params;
        const sorted = [...call.args].sort((a, b) => params.indexOf(a.param.ref!) - params.indexOf(b.param.ref!));
        const args: Record<string, Value> = {};
        for (const arg of sorted) {
            args[arg.param.ref!.name] = argumentValue(arg.value);
        }
        return args;
    }

    private test(test: ast.Test): BundleTest {
        // A test without `given` is an error (missing-clause), so there is one.
        const given = test.items.find(ast.isGiven)!;
        const attributes: Record<string, Scalar> = {};
        for (const attr of given.attributes) {
            attributes[attr.attribute.ref!.name] = literalValue(attr.value);
        }
        const expect: BundleTest['expect'] = {};
        for (const item of test.items) {
            if (ast.isExpectRule(item)) {
                expect.rule = item.none ? null : idOf(item.rule!.ref);
            } else if (ast.isExpectActions(item)) {
                expect.actions = item.calls.map(call => idOf(call.action.ref));
                const withArgs = item.calls.filter(call => call.args.length > 0);
                if (withArgs.length > 0) {
                    expect.actionArguments = withArgs.map(call => ({ action: idOf(call.action.ref), args: this.args(call) }));
                }
            } else if (ast.isExpectSeverity(item)) {
                expect.severity = idOf(item.level.ref);
            } else if (ast.isExpectResponsible(item)) {
                expect.responsible = idOf(item.post.ref);
            } else if (ast.isExpectEscalation(item)) {
                (expect.escalations ??= []).push({ to: idOf(item.target.ref), within: item.within ? parseDuration(item.within) ?? null : null });
            }
        }
        return {
            name: test.name,
            doc: docComment(this.input.comments, test),
            source: this.source(test),
            given: { category: idOf(given.category.ref), attributes },
            on: test.items.find(ast.isOn)?.date ?? null,
            expect,
        };
    }

    private base(decl: Declaration): BundleElement {
        return {
            id: qualifiedName(decl),
            name: decl.name,
            // Every kind of declaration may have a label.
            label: decl.label ?? null,
            doc: docComment(this.input.comments, decl),
            source: this.source(decl),
        };
    }

    private source(node: AstNode): Source {
        let model: AstNode = node;
        while (model.$container) {
            model = model.$container;
        }
        // Parsed nodes, each of a file the plan registered.
        const start = node.$cstNode!.range.start;
        return { file: this.fileOf.get(model as ast.Model)!, line: start.line + 1, column: start.character + 1 };
    }
}

function listOf(decl: Declaration): Exclude<ListKey, 'tests'> {
    switch (decl.$type) {
        case 'SeverityLevel': return 'severities';
        case 'Post': return 'posts';
        case 'Authority': return 'authorities';
        case 'Action': return 'actions';
        case 'Attribute': return 'attributes';
        case 'Category': return 'categories';
        case 'Rule': return 'rules';
        case 'Campaign': return 'campaigns';
    }
}

/**
 * The rule's own period within its campaign's. They overlap in an error-free workspace
 * (campaign-period); were that broken, the compiler fails rather than write a rule in force never.
 */
function periodInForce(rule: ast.Rule): BundleRule['effective'] {
    const period = rulePeriod(rule);
    if (!period) {
        throw new Error(`rule '${rule.name}' shares no day with its campaign`);
    }
    return { from: period.from, to: period.to };
}

/** A resolved reference's id (an unresolved one fails: see rule()). */
function idOf(decl: Declaration | undefined): string {
    return qualifiedName(decl!);
}

function argumentValue(value: ast.Value): Value {
    if (ast.isDurationLiteral(value)) {
        return parseDuration(value.value)!;
    }
    if (ast.isMoneyLiteral(value)) {
        return { amount: Number(value.amount), currency: value.currency };
    }
    return literalValue(value);
}

/** A file as the bundle's `source.file` names it: relative to the project root, `/`-separated. */
export function sourcePath(root: string, file: string): string {
    return path.relative(root, file).split(path.sep).join('/');
}
