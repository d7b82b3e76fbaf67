/**
 * "Evaluate…" and "Save as test" over `workspace/executeCommand`, on the whole workspace's bundle
 * (the one `govrule test` runs):
 * - `govrule.eventTemplate` `{ uri, rule? , position? }`: an event to start from for the rule of
 *   that id, or the rule at that position of the file (event-template.ts). Returns
 *   `{ rule, event }`.
 * - `govrule.evaluate` `{ event }` (the event as JSON text or as a value): decides it with the
 *   runtime's `decide`, with the explanation. Returns `{ markdown, decision? }`: the decision in
 *   words (reports/decision-text.ts), or why the event cannot be decided.
 * - `govrule.testBlock` `{ event, uri? }`: the event and its decision as a formatted `test` block
 *   for the file `uri` (names as that file resolves them), or, without one, the text of a new
 *   file in the package of the deciding rule, importing what it names. Returns `{ text }`.
 * A workspace with errors is refused as `govrule.compile` refuses it (`data.problems`).
 */
import { CstUtils, DocumentState, URI, type LangiumDocument } from 'langium';
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';
import type { Bundle, Scalar } from '../../bundle/types.js';
import { declarationsOf, qualifiedName } from '../../model/names.js';
import { workspacePath } from '../../model/workspace-path.js';
import { decide, EventError, loadBundle, normalizeEvent, decideNormalized, todayUtc, type Decision, type LoadedBundle } from '../../runtime/index.js';
import { decisionMarkdown } from '../../reports/decision-text.js';
import { namesOf } from '../../reports/test-results.js';
import * as ast from '../../syntax/generated/ast.js';
import { WORKSPACE } from '../../references/worlds.js';
import { govRuleServices, type GovRuleSharedServices } from '../server/services.js';
import { t } from '../../l10n/index.js';
import { eventTemplate, type EventTemplate } from './event-template.js';
import { testBlock, type NameIn } from './test-block.js';

export const EVENT_TEMPLATE_COMMAND = 'govrule.eventTemplate';
export const EVALUATE_COMMAND = 'govrule.evaluate';
export const TEST_BLOCK_COMMAND = 'govrule.testBlock';

export interface Evaluation {
    readonly markdown: string;
    /** Absent when the event cannot be decided. */
    readonly decision?: Decision;
}

export class EventEvaluator {
    /** The workspace's bundle, loaded once per build. */
    private loaded: { readonly build: number; readonly value: LoadedBundle } | undefined;
    private builds = 0;

    constructor(private readonly shared: GovRuleSharedServices) {
        shared.workspace.DocumentBuilder.onUpdate(() => {
            this.builds++;
        });
    }

    template(args: unknown[], token: CancellationToken): Promise<{ rule: string; event: EventTemplate }> {
        const arg = objectArgument(args);
        const uri = typeof arg.uri === 'string' ? URI.parse(arg.uri) : undefined;
        if (!uri) {
            throw new ResponseError(LSPErrorCodes.RequestFailed, t('editor.command.needs-file', { command: EVENT_TEMPLATE_COMMAND }));
        }
        return this.shared.lsp.WorkspaceCompiler.whenBuilt(token, () => {
            const id = typeof arg.rule === 'string' ? arg.rule : this.ruleAt(uri, arg.position);
            const { bundle } = this.bundle().value;
            const rule = bundle.rules.find(r => r.id === id);
            if (!rule) {
                const file = workspacePath(uri, this.shared.workspace.WorkspaceManager.workspaceFolders);
                throw new ResponseError(LSPErrorCodes.RequestFailed, id === undefined
                    ? t('editor.command.no-rule-at', { file })
                    : t('editor.command.no-rule-here', { rule: id, file }));
            }
            return { rule: rule.id, event: eventTemplate(bundle, rule, todayUtc()) };
        });
    }

    evaluate(args: unknown[], token: CancellationToken): Promise<Evaluation> {
        const event = objectArgument(args).event;
        return this.shared.lsp.WorkspaceCompiler.whenBuilt(token, () => {
            const loaded = this.bundle().value;
            const parsed = parseEvent(event);
            if (!parsed.ok) {
                return { markdown: t('editor.decision.undecidable', { reason: parsed.reason }) };
            }
            try {
                const normalized = normalizeEvent(loaded, parsed.value, { trackGiven: true });
                const decision = decideNormalized(loaded, normalized, true);
                return { markdown: decisionMarkdown({ loaded, event: normalized, decision }), decision };
            } catch (err) {
                if (err instanceof EventError) {
                    return { markdown: t('editor.decision.undecidable', { reason: err.message }) };
                }
                throw err;
            }
        });
    }

    block(args: unknown[], token: CancellationToken): Promise<{ text: string }> {
        const arg = objectArgument(args);
        const target = typeof arg.uri === 'string' ? URI.parse(arg.uri) : undefined;
        return this.shared.lsp.WorkspaceCompiler.whenBuilt(token, () => {
            const loaded = this.bundle().value;
            const parsed = parseEvent(arg.event);
            if (!parsed.ok) {
                throw new ResponseError(LSPErrorCodes.RequestFailed, t('editor.decision.undecidable', { reason: parsed.reason }));
            }
            let decision: Decision;
            try {
                decision = decide(loaded, parsed.value, { date: todayUtc() });
            } catch (err) {
                if (err instanceof EventError) {
                    throw new ResponseError(LSPErrorCodes.RequestFailed, t('editor.decision.undecidable', { reason: err.message }));
                }
                throw err;
            }
            const event = parsed.value as { category: string; attributes?: Record<string, Scalar>; date?: string };
            const bundle = loaded.bundle;
            const document = target && this.shared.workspace.LangiumDocuments.getDocument(target);
            const model = document?.parseResult.value;
            if (target && !ast.isModel(model)) {
                throw new ResponseError(LSPErrorCodes.RequestFailed, t('editor.command.not-a-rule-file', { file: target.toString() }));
            }
            const taken = new Set(ast.isModel(model) ? model.elements.filter(ast.isTest).map(test => test.name) : []);
            const input = {
                bundle,
                name: uniqueName(testName(decision, bundle), taken),
                category: event.category,
                attributes: event.attributes ?? {},
                date: event.date ?? todayUtc(),
                decision,
            };
            const services = govRuleServices(this.shared);
            if (ast.isModel(model)) {
                return { text: testBlock({ ...input, nameIn: this.resolvingIn(model) }, services) };
            }
            // A new file: in the package of the deciding rule (else of the category), importing
            // the packages of the other names it uses.
            const own = packageOf(bundle, decision.rule ?? event.category) ?? 'tests';
            const used = new Set<string>();
            testBlock({ ...input, nameIn: id => { used.add(packageOf(bundle, id) ?? ''); return id; } }, services);
            const imports = [...used].filter(pkg => pkg !== '' && pkg !== own).sort();
            const block = testBlock({ ...input, nameIn: newFileNames(bundle, own, imports) }, services);
            const header = [`package ${own}`, ...imports.map(pkg => `import ${pkg}.*`)].join('\n');
            return { text: `${header}\n\n${block}` };
        });
    }

    /** The id of the rule whose text holds the position, in a file of the workspace. */
    private ruleAt(uri: URI, position: unknown): string | undefined {
        const document = this.shared.workspace.LangiumDocuments.getDocument(uri);
        const model = document?.parseResult.value;
        if (!document || !ast.isModel(model) || !isPosition(position)) {
            return undefined;
        }
        const rules = [...declarationsOf(model)].filter(ast.isRule);
        const offset = document.textDocument.offsetAt(position);
        const leaf = model.$cstNode && CstUtils.findLeafNodeAtOffset(model.$cstNode, offset);
        const inside = rules.find(rule => rule.$cstNode && leaf && rule.$cstNode.offset <= leaf.offset && leaf.end <= rule.$cstNode.end);
        return inside ? qualifiedName(inside) : undefined;
    }

    /** Each id the shortest way it resolves to itself in `model` (LANGUAGE.md §3), else in full. */
    private resolvingIn(model: ast.Model): NameIn {
        const resolver = govRuleServices(this.shared).references.NameResolver;
        return id => {
            const parts = id.split('.');
            for (let start = parts.length - 1; start > 0; start--) {
                const name = parts.slice(start).join('.');
                const found = resolver.resolve(name, model);
                if (found.kind === 'found' && found.entry.qualifiedName === id) {
                    return name;
                }
            }
            return id;
        };
    }

    /** The workspace's bundle; a workspace with errors is refused with its problems. */
    private bundle(): { value: LoadedBundle } {
        if (this.loaded?.build !== this.builds) {
            const compiler = this.shared.lsp.WorkspaceCompiler;
            const documents = compiler.modelDocuments(WORKSPACE);
            if (documents.some((doc: LangiumDocument) => doc.state < DocumentState.Validated)) {
                throw new ResponseError(LSPErrorCodes.ContentModified, t('editor.command.workspace-changed'));
            }
            compiler.assertNoErrors(documents, 'compile');
            this.loaded = { build: this.builds, value: loadBundle(compiler.compile(documents, undefined).bundle) };
        }
        return this.loaded;
    }
}

function objectArgument(args: unknown[]): Record<string, unknown> {
    const arg = args[0];
    return typeof arg === 'object' && arg !== null && !Array.isArray(arg) ? arg as Record<string, unknown> : {};
}

function isPosition(value: unknown): value is { line: number; character: number } {
    const p = value as { line?: unknown; character?: unknown } | null;
    return typeof p === 'object' && p !== null && Number.isInteger(p.line) && Number.isInteger(p.character) && (p.line as number) >= 0 && (p.character as number) >= 0;
}

function parseEvent(event: unknown): { ok: true; value: unknown } | { ok: false; reason: string } {
    if (typeof event !== 'string') {
        return { ok: true, value: event };
    }
    try {
        return { ok: true, value: JSON.parse(event) };
    } catch (err) {
        return { ok: false, reason: t('editor.decision.not-json', { reason: (err as Error).message }) };
    }
}

/** The longest package id that holds the element `id`. */
function packageOf(bundle: Bundle, id: string): string | undefined {
    let best: string | undefined;
    for (const pkg of bundle.packages) {
        if (id.startsWith(`${pkg.id}.`) && (best === undefined || pkg.id.length > best.length)) {
            best = pkg.id;
        }
    }
    return best;
}

function testName(decision: Decision, bundle: Bundle): string {
    if (decision.rule === null) {
        return t('editor.decision.test-name-none');
    }
    const rule = namesOf(bundle).get(decision.rule);
    return t('editor.decision.test-name', { rule: rule?.label ?? rule?.name ?? decision.rule });
}

/**
 * How a new file of package `own` that imports `imports` writes ids: without the package where
 * that resolves to the same element (LANGUAGE.md §3: its own package first, then the imports),
 * else in full.
 */
function newFileNames(bundle: Bundle, own: string, imports: readonly string[]): NameIn {
    const ids = new Set<string>();
    for (const list of [bundle.severities, bundle.posts, bundle.authorities, bundle.actions, bundle.attributes, bundle.categories, bundle.rules]) {
        for (const element of list) {
            ids.add(element.id);
        }
    }
    return id => {
        const pkg = packageOf(bundle, id);
        if (pkg === undefined) {
            return id;
        }
        const local = id.slice(pkg.length + 1);
        if (pkg === own) {
            return local;
        }
        const clash = ids.has(`${own}.${local}`) || imports.some(other => other !== pkg && ids.has(`${other}.${local}`));
        return clash ? id : local;
    };
}

/** `name`, or `name (2)`, `name (3)`, … if the file has a test of that name already. */
function uniqueName(name: string, taken: ReadonlySet<string>): string {
    let candidate = name;
    for (let n = 2; taken.has(candidate); n++) {
        candidate = `${name} (${n})`;
    }
    return candidate;
}
