/** Rename through the real server: across files, qualified and imported names, and refusals. */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Range, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { applyEdits, LspClient } from '../helpers/lsp-client.js';
import { fixtureWorkspace } from './fixture.js';

const VOCAB = 'common/vocab.govrule';
const CATS = 'rules/categories.govrule';
const RULES = 'rules/rules.govrule';
const EXTRA = 'extra/extra.govrule';
const FILES = [VOCAB, CATS, RULES, EXTRA];
let client: LspClient;

beforeEach(async () => {
    client = await LspClient.start(fixtureWorkspace({
        [EXTRA]: `package demo.extra
import demo.common.reviewer
import demo.rules.rumor

rule extraRule {
    category rumor.disaster, demo.rules.rumor.enterprise
    severity demo.common.minor
    responsible reviewer
    actions demo.common.remove
    when demo.common.reports > 100
    priority 1
}
`,
    }));
    for (const file of FILES) {
        expect(client.codes(file), file).toEqual([]);
    }
});
afterEach(async () => client.stop());

async function rename(file: string, needle: string, newName: string, offset = 0): Promise<WorkspaceEdit> {
    return client.request<WorkspaceEdit>('textDocument/rename', { ...client.at(file, needle, offset), newName });
}

/** Applies a workspace edit as an editor would (to open documents) and waits for the rebuild. */
async function apply(edit: WorkspaceEdit): Promise<Record<string, string>> {
    const result: Record<string, string> = {};
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) {
        const file = FILES.find(f => client.uri(f) === uri)!;
        expect(file, uri).toBeDefined();
        result[file] = applyEdits(client.text(file), edits);
        await client.change(file, result[file]);
    }
    await client.settle();
    return result;
}

async function refusal(file: string, needle: string, newName: string, offset = 0): Promise<string> {
    try {
        await rename(file, needle, newName, offset);
    } catch (err) {
        return (err as Error).message;
    }
    throw new Error(`renaming to '${newName}' was not refused`);
}

describe('rename', () => {
    test('a post across files: declaration, references, and an import of it', async () => {
        const edit = await rename(RULES, 'responsible reviewer', 'moderator', 14);
        expect(Object.keys(edit.changes!).map(uri => uri.slice(client.uri('.').length + 1)).sort()).toEqual([VOCAB, EXTRA, RULES].sort());
        const texts = await apply(edit);
        expect(texts[VOCAB]).toContain('post moderator    "内容审核员"');
        expect(texts[EXTRA]).toContain('import demo.common.moderator\n');
        expect(texts[EXTRA]).toContain('responsible moderator\n');
        expect(texts[RULES]).toContain('responsible moderator\n');
        for (const file of FILES) {
            expect(client.codes(file), file).toEqual([]);
        }
    });

    test('a category: paths through it and imports of it change too', async () => {
        const texts = await apply(await rename(CATS, 'category rumor', 'gossip', 9));
        expect(texts[CATS]).toContain('category gossip "网络谣言"');
        expect(texts[RULES]).toContain('category gossip.enterprise\n');
        expect(texts[RULES]).toContain('category gossip.disaster\n');
        expect(texts[EXTRA]).toContain('import demo.rules.gossip\n');
        expect(texts[EXTRA]).toContain('category gossip.disaster, demo.rules.gossip.enterprise\n');
        for (const file of FILES) {
            expect(client.codes(file), file).toEqual([]);
        }
    });

    test('from a segment of a qualified name; a nested category keeps its parent', async () => {
        const texts = await apply(await rename(EXTRA, 'demo.common.minor', 'low', 13));
        expect(texts[VOCAB]).toContain('    low    "一般"');
        expect(texts[EXTRA]).toContain('severity demo.common.low\n');
        const again = await apply(await rename(EXTRA, 'rumor.enterprise', 'firms', 7));
        expect(again[CATS]).toContain('    category firms "涉企谣言"');
        expect(again[RULES]).toContain('category rumor.firms\n');
        expect(again[EXTRA]).toContain('demo.rules.rumor.firms\n');
        for (const file of FILES) {
            expect(client.codes(file), file).toEqual([]);
        }
    });

    test('an enum member and a parameter', async () => {
        const texts = await apply(await rename(RULES, 'selfMedia', 'weMedia'));
        expect(texts[VOCAB]).toContain('enum { website, app, weMedia }');
        expect(texts[RULES]).toContain('channel == weMedia');
        const params = await apply(await rename(VOCAB, 'amount', 'sum'));
        expect(params[VOCAB]).toContain('(sum: money, note: text?)');
        expect(params[RULES]).toContain('fine(sum: 5000 CNY)');
        expect(params[RULES]).toContain('fine(sum: 100000 CNY, note: "依法处罚")');
        for (const file of FILES) {
            expect(client.codes(file), file).toEqual([]);
        }
    });

    test('Chinese names are identifiers', async () => {
        await apply(await rename(CATS, 'leak "', '数据泄露'));
        expect(client.text(RULES)).toContain('category 数据泄露\n');
        expect(client.codes(RULES)).toEqual([]);
    });
});

describe('prepareRename', () => {
    test('answers with the range of the name under the cursor', async () => {
        const range = await client.request<Range>('textDocument/prepareRename', client.at(RULES, 'rumor.enterprise', 8));
        expect(range).toEqual({ start: client.position(RULES, 'rumor.enterprise', 6), end: client.position(RULES, 'rumor.enterprise', 16) });
        for (const [file, needle] of [[VOCAB, 'post editor'], [VOCAB, 'selfMedia'], [RULES, 'deadline'], [RULES, 'rule dataLeak'], [EXTRA, 'import demo.common.reviewer']] as const) {
            const offset = needle.startsWith('post ') ? 5 : needle.startsWith('rule ') ? 5 : needle.startsWith('import') ? 20 : 0;
            const answer = await client.request<Range | null>('textDocument/prepareRename', client.at(file, needle, offset));
            expect(answer, `${file} ${needle}`).not.toBeNull();
        }
    });

    test('refuses keywords and packages, saying why', async () => {
        await expect(client.request('textDocument/prepareRename', client.at(RULES, 'escalate'))).rejects.toThrow('Only names of declarations');
        await expect(client.request('textDocument/prepareRename', client.at(RULES, 'package demo.rules', 14))).rejects.toThrow("'demo.rules' is a package");
    });
});

describe('refusals', () => {
    test('keywords and invalid identifiers', async () => {
        expect(await refusal(VOCAB, 'post editor', 'rule', 5)).toBe("'rule' is a keyword of GovRule and cannot be a name.");
        expect(await refusal(VOCAB, 'post editor', 'a.b', 5)).toMatch(/^'a\.b' is not a valid name/);
        expect(await refusal(VOCAB, 'post editor', '1st', 5)).toMatch(/^'1st' is not a valid name/);
        expect(await refusal(VOCAB, 'post editor', 'night shift', 5)).toMatch(/^'night shift' is not a valid name/);
    });

    test('a name already taken in the package, whatever its kind', async () => {
        expect(await refusal(VOCAB, 'post editor', 'reviewer', 5)).toBe("'demo.common.reviewer' already exists (a post in common/vocab.govrule:11).");
        expect(await refusal(VOCAB, 'post editor', 'cac', 5)).toBe("'demo.common.cac' already exists (an authority in common/vocab.govrule:15).");
        expect(await refusal(CATS, 'enterprise', 'disaster')).toBe("'demo.rules.rumor.disaster' already exists (a category in rules/categories.govrule:6).");
        expect(await refusal(VOCAB, 'selfMedia', 'app')).toBe("Attribute 'channel' already has a value named 'app'.");
        expect(await refusal(VOCAB, 'amount', 'note')).toBe("Action 'fine' already has a parameter named 'note'.");
    });

    test('an attribute name used by an attribute of another package', async () => {
        await client.change('extra/attrs.govrule', 'package demo.attrs\nattribute region: text default ""\n');
        await client.settle();
        expect(await refusal(VOCAB, 'attribute reports', 'region', 10)).toBe("Attribute names are event keys and unique in the bundle: 'demo.attrs.region' already uses 'region'.");
    });

    test('a new name that would change what another reference means', async () => {
        // `editor` in package demo.extra resolves through its imports; a local `editor` would capture it.
        await client.change('extra/more.govrule', 'package demo.extra\nimport demo.common.*\npost night\n');
        await client.change(EXTRA, client.text(EXTRA).replace('import demo.rules.rumor\n', 'import demo.rules.rumor\nimport demo.common.editor\n').replace('priority 1', 'priority 1\n    escalate { after 1h to editor }'));
        await client.settle();
        expect(client.codes('extra/more.govrule')).toEqual(['unused-declaration 3:6']);
        expect(await refusal('extra/more.govrule', 'post night', 'editor', 5)).toBe(
            "In extra/extra.govrule:13, 'editor' means a post (demo.common.editor) and would come to mean the renamed post instead.");
    });
});
