/**
 * The parts of "GovRule: Compare with…" that need no VS Code: the old sides to offer (recent
 * branches and commits, read from git's output), what the server's `govrule.diff` answered, and
 * the name of the report's document. Pure: no `vscode` import.
 */
import { t } from './l10n.js';

export const DIFF_COMMAND = 'govrule.diff';
export const REPORT_SCHEME = 'govrule-diff';

/** How many branches and commits the picker lists. */
export const RECENT = 20;

/** git's arguments for the branches (most recent first) and the recent commits. */
export const BRANCHES_ARGS = ['for-each-ref', '--sort=-committerdate', `--count=${RECENT}`, '--format=%(refname:short)', 'refs/heads', 'refs/remotes'];
export const COMMITS_ARGS = ['log', `-n${RECENT}`, '--format=%h%x09%s'];

export interface SideChoice {
    readonly label: string;
    readonly description?: string;
    /** The old side to pass to `govrule.diff`; none for the "bundle file" entry. */
    readonly side?: string;
    /** The "bundle file" entry: choosing it opens a file dialog. */
    readonly bundleFile?: true;
}

/** The entry that opens a file dialog for a bundle file, in the current language. */
export function bundleFileChoice(): SideChoice {
    return { label: `$(file) ${t('A bundle file…')}`, description: 'govrule compile -o FILE', bundleFile: true };
}

/** The choices: the last commit, branches, recent commits, and a bundle file. */
export function sideChoices(branches: string, commits: string): SideChoice[] {
    const choices: SideChoice[] = [{ label: '$(git-commit) HEAD', description: t('the last commit'), side: 'HEAD' }];
    for (const line of branches.split('\n').map(l => l.trim()).filter(l => l !== '' && !l.endsWith('/HEAD'))) {
        choices.push({ label: `$(git-branch) ${line}`, description: t('branch'), side: line });
    }
    for (const line of commits.split('\n').filter(l => l.trim() !== '')) {
        const tab = line.indexOf('\t');
        const hash = (tab < 0 ? line : line.slice(0, tab)).trim();
        choices.push({ label: `$(git-commit) ${hash}`, description: tab < 0 ? undefined : line.slice(tab + 1).trim(), side: hash });
    }
    return [...choices, bundleFileChoice()];
}

/** What the user typed, offered as a side of its own (a revision such as `HEAD~3` or `v1.2`). */
export function typedChoice(value: string): SideChoice | undefined {
    const side = value.trim();
    return side === '' ? undefined : { label: `$(edit) ${side}`, description: t('a git revision, or a bundle file or folder path'), side };
}

export type DiffOutcome =
    | { readonly ok: true; readonly markdown: string; readonly empty: boolean }
    | { readonly ok: false; readonly message: string };

/** The server's answer, or why there is none. */
export function toDiffOutcome(answer: unknown): DiffOutcome {
    const result = answer as { markdown?: unknown; empty?: unknown } | null | undefined;
    if (typeof result?.markdown === 'string') {
        return { ok: true, markdown: result.markdown, empty: result.empty === true };
    }
    return { ok: false, message: t('The language server returned no report.') };
}

/** The report's document path: ends in `.md` (Markdown mode), names the side, has no separators. */
export function reportPath(side: string): string {
    const name = side.replace(/[^\p{L}\p{N}._~^-]+/gu, '_').slice(0, 80);
    return `/GovRule diff ${name} → workspace.md`;
}
