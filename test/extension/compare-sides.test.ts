/**
 * "GovRule: Compare with…" without VS Code: the sides offered from a real git repository's
 * branches and commits, a typed side, the server's answer and the report's document name.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import {
    BRANCHES_ARGS, bundleFileChoice, COMMITS_ARGS, DIFF_COMMAND, reportPath, sideChoices, toDiffOutcome, typedChoice,
} from '../../extension/src/compare-sides.js';
import { DIFF_COMMAND as SERVER_DIFF_COMMAND } from '../../language/src/lsp/features/diff-command.js';
import { tempFolder, writeFiles } from '../helpers/temp.js';

function git(cwd: string, ...args: string[]): string {
    return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org' } });
}

describe('the sides offered', () => {
    test("from a repository's branches and commits: HEAD first, then branches, commits with their subjects, then a bundle file", () => {
        const repo = tempFolder({ 'a.govrule': 'package a\n' });
        git(repo, 'init', '-q', '-b', 'main');
        git(repo, 'add', '-A');
        git(repo, 'commit', '-q', '-m', '初版规则');
        git(repo, 'branch', 'review/2026');
        writeFiles(repo, { 'a.govrule': 'package a\n// next\n' });
        git(repo, 'commit', '-q', '-a', '-m', 'second');
        const [second, first] = git(repo, 'log', '--format=%h').trim().split('\n');
        const choices = sideChoices(git(repo, ...BRANCHES_ARGS), git(repo, ...COMMITS_ARGS));
        expect(choices.map(c => [c.label, c.side])).toEqual([
            ['$(git-commit) HEAD', 'HEAD'],
            ['$(git-branch) main', 'main'],
            ['$(git-branch) review/2026', 'review/2026'],
            [`$(git-commit) ${second}`, second],
            [`$(git-commit) ${first}`, first],
            ['$(file) A bundle file…', undefined],
        ]);
        expect(choices.find(c => c.side === first)?.description).toBe('初版规则');
        expect(choices.at(-1)).toEqual(bundleFileChoice());
        expect(choices.at(-1)?.bundleFile).toBe(true);
    });

    test('outside a repository (no git output): HEAD and a bundle file; remote HEAD aliases are left out', () => {
        expect(sideChoices('', '').map(c => c.side)).toEqual(['HEAD', undefined]);
        expect(sideChoices('origin/HEAD\norigin/main\n', '').map(c => c.side)).toEqual(['HEAD', 'origin/main', undefined]);
    });

    test('typed text is a side of its own; blanks are not', () => {
        expect(typedChoice('  HEAD~3 ')).toEqual({ label: '$(edit) HEAD~3', description: 'a git revision, or a bundle file or folder path', side: 'HEAD~3' });
        expect(typedChoice('   ')).toBeUndefined();
    });
});

describe('the report', () => {
    test("the server's answer, or a failure to show", () => {
        expect(toDiffOutcome({ markdown: '### GovRule diff\n', empty: false })).toEqual({ ok: true, markdown: '### GovRule diff\n', empty: false });
        expect(toDiffOutcome(null)).toEqual({ ok: false, message: 'The language server returned no report.' });
        expect(toDiffOutcome({ markdown: 3 })).toEqual({ ok: false, message: 'The language server returned no report.' });
    });

    test('is a Markdown document named after the side, without path separators', () => {
        expect(reportPath('HEAD~1')).toBe('/GovRule diff HEAD~1 → workspace.md');
        expect(reportPath('origin/main')).toBe('/GovRule diff origin_main → workspace.md');
        expect(reportPath('/tmp/old bundle.json')).toBe('/GovRule diff _tmp_old_bundle.json → workspace.md');
    });

    test("asks the server's own command", () => {
        expect(DIFF_COMMAND).toBe(SERVER_DIFF_COMMAND);
    });
});
