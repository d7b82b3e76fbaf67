/**
 * In-process workspaces for parser, linker and validator tests: several files built together,
 * as the CLI and the language server build them.
 */
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createGovRuleCoreServices } from '../../language/src/govrule-module.js';
import type { GovRuleServices } from '../../language/src/services.js';
import type { Model } from '../../language/src/syntax/generated/ast.js';

export interface TestWorkspace {
    readonly services: GovRuleServices;
    readonly documents: ReadonlyMap<string, LangiumDocument<Model>>;
    /** Diagnostics of one file (by the name given to `workspace`). */
    diagnostics(file: string): Diagnostic[];
    /** All diagnostics as `file:line:col code` strings, sorted, for compact assertions. */
    summary(): string[];
    codes(file?: string): string[];
}

/** Builds files given as `{ 'name.govrule': text }` into one workspace under file:///ws/. */
export async function workspace(files: Record<string, string>): Promise<TestWorkspace> {
    const { GovRule } = createGovRuleCoreServices(EmptyFileSystem);
    const factory = GovRule.shared.workspace.LangiumDocumentFactory;
    const langiumDocuments = GovRule.shared.workspace.LangiumDocuments;
    const documents = new Map<string, LangiumDocument<Model>>();
    for (const [name, text] of Object.entries(files)) {
        const doc = factory.fromString<Model>(text, URI.parse(`file:///ws/${name}`));
        langiumDocuments.addDocument(doc);
        documents.set(name, doc);
    }
    await GovRule.shared.workspace.DocumentBuilder.build([...documents.values()], { validation: true });
    const diagnostics = (file: string) => {
        const doc = documents.get(file);
        if (!doc) throw new Error(`no file ${file}`);
        return doc.diagnostics ?? [];
    };
    const all = () => [...documents.keys()].flatMap(name => diagnostics(name).map(d => ({ name, d })));
    return {
        services: GovRule,
        documents,
        diagnostics,
        summary: () => all().map(({ name, d }) => `${name}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}`).sort(),
        codes: (file?: string) => (file ? diagnostics(file) : all().map(x => x.d)).map(d => String(d.code)).sort(),
    };
}

/** A shared vocabulary most tests build on: a scale, posts, an authority, actions, attributes. */
export const VOCABULARY = `package t.common

severities {
    minor    "一般"
    serious  "较重"
    critical "特别严重"
}

post reviewer "内容审核员"
post editor   "值班编辑"
authority cac "网信办"

action remove "删除"
action rectify "责令改正" (deadline: duration)
action fine "罚款" (amount: money, note: text?)

attribute channel: enum { website, app, selfMedia } "渠道"
attribute reports: number default 0
attribute verified: boolean default false
attribute district: text default ""
`;

/** A rule file that uses every vocabulary item, so the vocabulary raises no lint by itself. */
export const USES_VOCABULARY = `package t.uses
import t.common.*

category misc "其他"

rule usesAll {
    category misc
    severity critical
    responsible reviewer
    actions remove, rectify(deadline: 5d), fine(amount: 100 CNY)
    when channel == app and reports > 1 and verified and district == "x"
    escalate { after 1h to editor after 1d to cac }
}
`;
