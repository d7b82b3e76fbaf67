/**
 * `workspace/executeCommand govrule.diff` through the real server (what "GovRule: Compare with…"
 * asks): the workspace with its unsaved edits against a git revision, a bundle file or a folder,
 * as the Markdown report `govrule diff --format markdown` prints; bad sides fail with the reason.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CLI_BIN, LspClient } from '../helpers/lsp-client.js';
import { fixtureWorkspace } from './fixture.js';

interface DiffAnswer {
    markdown: string;
    old: { spec: string; kind: string };
    new: { spec: string; kind: string };
    empty: boolean;
}

function git(cwd: string, ...args: string[]): string {
    return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org' } });
}

let client: LspClient;

function diff(...args: unknown[]): Promise<DiffAnswer> {
    return client.request<DiffAnswer>('workspace/executeCommand', { command: 'govrule.diff', arguments: args });
}

function failure(...args: unknown[]): Promise<string> {
    return diff(...args).then(() => 'no failure', (err: { message: string }) => err.message);
}

beforeAll(async () => {
    const root = fixtureWorkspace();
    git(root, 'init', '-q');
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'first');
    execFileSync(process.execPath, [CLI_BIN, 'compile', '-o', 'committed.bundle.json'], { cwd: root });
    client = await LspClient.start(root);
});

afterAll(async () => client.stop());

describe('govrule.diff', () => {
    test('is announced, and the workspace as committed is no difference', async () => {
        expect(client.initializeResult.capabilities.executeCommandProvider?.commands).toContain('govrule.diff');
        const same = await diff({ old: 'HEAD', uri: client.uri('rules/rules.govrule') });
        expect(same).toEqual({ markdown: '### GovRule diff: `HEAD` → `workspace`\n\nNo differences.\n', old: { spec: 'HEAD', kind: 'git' }, new: { spec: 'workspace', kind: 'folder' }, empty: true });
    });

    test('unsaved edits against a revision, a bundle file and a folder: the same report', async () => {
        await client.change('rules/rules.govrule', client.text('rules/rules.govrule').replace('severity serious', 'severity critical'));
        await client.settle();
        const expected = [
            '**Rules: 0 added, 0 removed, 1 changed, 0 renamed**',
            '',
            '#### Changed rules',
            '',
            '- `demo.rules.enterpriseRumor` 涉企谣言处置',
            '  - `severity 较重 → 特别严重`',
            '',
        ].join('\n');
        const revision = await diff({ old: 'HEAD' });
        expect(revision.markdown).toBe(`### GovRule diff: \`HEAD\` → \`workspace\`\n\n${expected}`);
        expect(revision.empty).toBe(false);
        const bundle = await diff('committed.bundle.json');
        expect(bundle.old).toEqual({ spec: 'committed.bundle.json', kind: 'bundle' });
        expect(bundle.markdown).toBe(`### GovRule diff: \`committed.bundle.json\` → \`workspace\`\n\n${expected}`);
        const folder = await diff({ old: 'rules' });
        expect(folder.old).toEqual({ spec: 'rules', kind: 'folder' });
        expect(folder.empty).toBe(false);
    });

    test('a side that is neither a revision nor a file, or none at all, fails with the reason', async () => {
        expect(await failure({ old: 'no-such-branch' })).toBe("'no-such-branch' is not a bundle file, a folder or a git revision of the repository here");
        expect(await failure({})).toMatch(/^govrule\.diff needs the old side/);
        expect(await failure({ old: 'x'.repeat(2000) })).toMatch(/^govrule\.diff needs the old side/);
    });

    test('an old side with errors fails with its errors', async () => {
        const broken = fixtureWorkspace({ 'rules/rules.govrule': 'package demo.rules\nrule r { category nowhere severity minor responsible reviewer actions remove }\n' });
        const message = await failure({ old: broken });
        expect(message).toContain('have errors (above); a diff needs two bundles');
        expect(message).toContain("Cannot find a category named 'nowhere'");
    });
});
