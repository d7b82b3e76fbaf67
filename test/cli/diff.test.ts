/**
 * `govrule diff` as a spawned process on a temporary git repository with two commits: the
 * second changes a rule's severity, actions, escalation and condition, another rule's priority,
 * period and state, renames one, removes one, adds one and changes the vocabulary (a category
 * added, an authority removed; a post's label, an action's parameters and an attribute's values
 * and default changed). Text and Markdown are compared in full, JSON is validated against its
 * schema, and the --fail-on exits.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { beforeAll, describe, expect, test } from 'vitest';
import { ROOT, describeRun, runCli } from '../helpers/cli.js';
import { tempFolder, writeFiles } from '../helpers/temp.js';

const VOCABULARY_OLD = `package p
severities { minor "一般" serious "较重" severe "严重" }
post reviewer
post editor
post chiefEditor
authority cac
action remove
action warn
action fine(amount: money)
attribute channel: enum { app, web }
attribute reports: number default 0
category news { category local }
category ads
`;

const VOCABULARY_NEW = VOCABULARY_OLD
    .replace('authority cac\n', '')
    .replace('category news { category local }', 'category news { category local category national }')
    .replace('post editor\n', 'post editor "编辑"\n')
    .replace('action fine(amount: money)', 'action fine(amount: money, note: text?)')
    .replace('attribute channel: enum { app, web }', 'attribute channel: enum { app, wechat } default app');

const RULES_OLD = `package p
rule kept "保留" {
    category news
    severity serious
    when channel == app
    responsible reviewer
    actions remove
    escalate {
        after 2h to editor
        after 24h to chiefEditor
    }
}
rule toRemove { category ads severity minor responsible reviewer actions warn }
rule oldName { category news.local severity minor responsible editor actions warn when reports > 3 }
rule timing { category ads severity minor responsible reviewer actions remove }
`;

const RULES_NEW = `package p
rule kept "保留" {
    category news
    severity severe
    when channel == app and reports >= 2
    responsible reviewer
    actions remove, fine(amount: 100000 CNY)
    escalate {
        after 2h to editor
        after 12h to chiefEditor
    }
}
rule newName { category news.local severity minor responsible editor actions warn when reports > 3 }
rule timing { category ads severity minor responsible reviewer actions remove priority 10 effective 2026-01-01 .. 2026-12-31 disabled }
rule added { category news.national severity severe responsible editor actions remove, warn }
`;

const EXPECTED_TEXT = `govrule diff HEAD~1 → HEAD
Rules: 1 added, 1 removed, 2 changed, 1 renamed

+ rule p.added (p.news.national; 严重)
- rule p.toRemove (p.ads; 一般)
~ rule p.oldName → p.newName (renamed)
~ rule p.kept "保留"
    severity 较重 → 严重
    actions + fine(amount: 100000 CNY)
    escalation step 24h → 12h to chiefEditor
    condition changed
      old: channel == app
      new: channel == app and reports >= 2
~ rule p.timing
    priority 0 → 10
    effective always → 2026-01-01 .. 2026-12-31
    disabled

Categories: + p.news.national
~ post p.editor
    label none → "编辑"
Authorities: - p.cac
~ action p.fine
    params amount: money → amount: money, note: text?
~ attribute p.channel
    values + wechat, − web
    default none → app
`;

const EXPECTED_MARKDOWN = `### GovRule diff: \`HEAD~1\` → \`HEAD\`

**Rules: 1 added, 1 removed, 2 changed, 1 renamed**

#### Added rules

- \`p.added\` (\`p.news.national\`; 严重)

#### Removed rules

- \`p.toRemove\` (\`p.ads\`; 一般)

#### Renamed rules

- \`p.oldName\` → \`p.newName\`

#### Changed rules

- \`p.kept\` 保留
  - \`severity 较重 → 严重\`
  - \`actions + fine(amount: 100000 CNY)\`
  - \`escalation step 24h → 12h to chiefEditor\`
  - condition changed:
    \`\`\`govrule
    // old
    channel == app
    // new
    channel == app and reports >= 2
    \`\`\`
- \`p.timing\`
  - \`priority 0 → 10\`
  - \`effective always → 2026-01-01 .. 2026-12-31\`
  - \`disabled\`

#### Vocabulary

- Categories: added \`p.news.national\`
- Changed post \`p.editor\`
  - \`label none → "编辑"\`
- Authorities: removed \`p.cac\`
- Changed action \`p.fine\`
  - \`params amount: money → amount: money, note: text?\`
- Changed attribute \`p.channel\`
  - \`values + wechat, − web\`
  - \`default none → app\`
`;

function git(repo: string, ...args: string[]): string {
    return execFileSync('git', args, { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org' } });
}

let repo = '';

beforeAll(() => {
    repo = tempFolder({ 'govrule.json': '{ "include": ["rules/**/*.govrule"] }\n', 'rules/vocabulary.govrule': VOCABULARY_OLD, 'rules/rules.govrule': RULES_OLD });
    git(repo, 'init', '-q');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'old');
    writeFiles(repo, { 'rules/vocabulary.govrule': VOCABULARY_NEW, 'rules/rules.govrule': RULES_NEW });
    git(repo, 'commit', '-q', '-a', '-m', 'new');
});

describe('govrule diff between git revisions', () => {
    test('names each change by its meaning, as text', () => {
        const result = runCli(['diff', 'HEAD~1', 'HEAD'], { cwd: repo });
        expect(result.status, describeRun(result)).toBe(0);
        expect(result.stdout).toBe(EXPECTED_TEXT);
    });

    test('as Markdown for a pull-request comment', () => {
        const result = runCli(['diff', 'HEAD~1', 'HEAD', '--format', 'markdown'], { cwd: repo });
        expect(result.status, describeRun(result)).toBe(0);
        expect(result.stdout).toBe(EXPECTED_MARKDOWN);
    });

    test('as JSON that validates against language/schema/diff.schema.json', () => {
        const result = runCli(['diff', 'HEAD~1', 'HEAD', '--format', 'json'], { cwd: repo });
        expect(result.status, describeRun(result)).toBe(0);
        const report = JSON.parse(result.stdout);
        const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'language/schema/diff.schema.json'), 'utf8'));
        const validate = new Ajv({ allErrors: true }).compile(schema);
        expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
        expect(report.summary).toEqual({ added: 1, removed: 1, changed: 2, renamed: 1, vocabularyAdded: 1, vocabularyRemoved: 1, vocabularyChanged: 3 });
        expect(report.vocabulary.attributes).toEqual({
            added: [],
            removed: [],
            changed: [{
                id: 'p.channel',
                changes: [
                    { field: 'values', old: 'app, web', new: 'app, wechat', added: ['wechat'], removed: ['web'] },
                    { field: 'default', old: 'none', new: 'app' },
                ],
            }],
        });
        expect(report.vocabulary.severityOrder).toBeNull();
        expect(report.old).toEqual({ spec: 'HEAD~1', kind: 'git' });
        expect(report.rules.changed[0].changes.find((c: { field: string }) => c.field === 'actions'))
            .toEqual({ field: 'actions', old: 'remove', new: 'remove, fine(amount: 100000 CNY)', added: ['fine(amount: 100000 CNY)'], removed: [] });
        expect(report.rules.changed[0].changes.find((c: { field: string }) => c.field === 'escalation'))
            .toEqual({ field: 'escalation', old: 'after 2h to editor, after 24h to chiefEditor', new: 'after 2h to editor, after 12h to chiefEditor', added: [], removed: [], retimed: ['24h → 12h to chiefEditor'] });
    });

    test('reads revisions without touching the work tree', () => {
        fs.writeFileSync(path.join(repo, 'rules/rules.govrule'), `${RULES_NEW}// unsaved thought\n`);
        const before = git(repo, 'status', '--porcelain');
        const result = runCli(['diff', 'HEAD~1', 'HEAD'], { cwd: repo });
        expect(result.status, describeRun(result)).toBe(0);
        expect(git(repo, 'status', '--porcelain')).toBe(before);
        expect(fs.readFileSync(path.join(repo, 'rules/rules.govrule'), 'utf8')).toBe(`${RULES_NEW}// unsaved thought\n`);
        fs.writeFileSync(path.join(repo, 'rules/rules.govrule'), RULES_NEW);
    });

    test('compares a revision with a folder and with a bundle file the same way', () => {
        const bundle = runCli(['compile', 'rules', '-o', 'old.bundle.json'], { cwd: repo });
        expect(bundle.status, describeRun(bundle)).toBe(0);
        const folder = runCli(['diff', 'HEAD~1', 'rules'], { cwd: repo });
        expect(folder.stdout).toBe(EXPECTED_TEXT.replace('→ HEAD\n', '→ rules\n'));
        const reversed = runCli(['diff', 'old.bundle.json', 'HEAD'], { cwd: repo });
        expect(reversed.status, describeRun(reversed)).toBe(0);
        expect(reversed.stdout).toBe('govrule diff old.bundle.json → HEAD\nNo differences.\n');
        fs.rmSync(path.join(repo, 'old.bundle.json'));
    });

    test('--fail-on exits 1 only for the kinds of difference present', () => {
        for (const [gate, status] of [['added', 1], ['removed', 1], ['changed', 1], ['added,removed', 1]] as const) {
            const result = runCli(['diff', 'HEAD~1', 'HEAD', '--fail-on', gate], { cwd: repo });
            expect(result.status, `${gate}\n${describeRun(result)}`).toBe(status);
            expect(result.stdout).toBe(EXPECTED_TEXT);
        }
        const same = runCli(['diff', 'HEAD', 'HEAD', '--fail-on', 'added,removed,changed'], { cwd: repo });
        expect(same.status, describeRun(same)).toBe(0);
        expect(same.stdout).toBe('govrule diff HEAD → HEAD\nNo differences.\n');
        const added = runCli(['diff', 'HEAD~1', 'HEAD', '--fail-on', 'added'], { cwd: repo });
        expect(added.stderr).toBe('govrule: --fail-on added: 1 added\n');
    });

    test('a change only in layout or comments is no difference; --fail-on changed counts a rename', () => {
        writeFiles(repo, { 'rules/rules.govrule': `// reformatted\n${RULES_NEW.replace('rule added {', 'rule added\n{')}` });
        const layout = runCli(['diff', 'HEAD', '.', '--fail-on', 'changed'], { cwd: repo });
        expect(layout.status, describeRun(layout)).toBe(0);
        expect(layout.stdout).toBe('govrule diff HEAD → .\nNo differences.\n');

        writeFiles(repo, { 'rules/rules.govrule': RULES_NEW.replace('rule added {', 'rule addedLater {') });
        const renamed = runCli(['diff', 'HEAD', '.', '--fail-on', 'changed'], { cwd: repo });
        expect(renamed.status, describeRun(renamed)).toBe(1);
        expect(renamed.stdout).toBe('govrule diff HEAD → .\nRules: 0 added, 0 removed, 0 changed, 1 renamed\n\n~ rule p.added → p.addedLater (renamed)\n');
        expect(renamed.stderr).toBe('govrule: --fail-on changed: 1 changed\n');
        git(repo, 'checkout', '-q', '--', 'rules/rules.govrule');
    });

    test('bad sides and options are usage errors with exit 2', () => {
        const cases: Array<[string[], string]> = [
            [['diff', 'HEAD'], "govrule: error: diff takes two sides, OLD and NEW (got HEAD)\n"],
            [['diff', 'nope', 'HEAD'], "govrule: error: 'nope' is not a bundle file, a folder or a git revision of the repository here\n"],
            [['diff', 'HEAD~1', 'HEAD', '--fail-on', 'everything'], "govrule: error: unknown --fail-on 'everything' (kinds: added, removed, changed, decisions)\n"],
            [['diff', 'HEAD~1', 'HEAD', '--format', 'sarif'], "govrule: error: unknown format 'sarif' for diff (formats: text, json, markdown)\n"],
        ];
        for (const [args, stderr] of cases) {
            const result = runCli(args, { cwd: repo });
            expect(result.status, describeRun(result)).toBe(2);
            expect(result.stderr).toBe(stderr);
        }
    });

    test('a revision or folder without rules is a usage error that names the side', () => {
        const other = tempFolder({ 'README.md': 'no rules yet\n' });
        git(other, 'init', '-q');
        git(other, 'add', '-A');
        git(other, 'commit', '-q', '-m', 'first');
        writeFiles(other, { 'a.govrule': VOCABULARY_OLD });
        const result = runCli(['diff', 'HEAD', '.'], { cwd: other });
        expect(result.status, describeRun(result)).toBe(2);
        expect(result.stderr).toBe('govrule: error: HEAD has no .govrule files to compare\n');
        fs.mkdirSync(path.join(other, 'empty'));
        const empty = runCli(['diff', 'empty', '.'], { cwd: other });
        expect(empty.status, describeRun(empty)).toBe(2);
        expect(empty.stderr).toBe('govrule: error: empty has no .govrule files to compare\n');
    });

    test('a side whose rules have errors stops the diff with the errors and exit 2', () => {
        const broken = tempFolder({ 'a.govrule': 'package q\nrule r { category missing actions remove }\n' });
        const result = runCli(['diff', broken, broken], { cwd: repo });
        expect(result.status, describeRun(result)).toBe(2);
        expect(result.stderr).toContain('unresolved-reference');
        expect(result.stderr).toContain('have errors (above); a diff needs two bundles');
        expect(result.stdout).toBe('');
    });
});
