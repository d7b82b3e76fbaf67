/**
 * `govrule.diff` over `workspace/executeCommand` (the editor's "GovRule: Compare with…"): the
 * workspace as it is now, unsaved edits included, against an older side named as `govrule diff`
 * names it (a git revision of the project's repository, a bundle file or a folder, relative to the
 * project root). Arguments: `{ old, uri? }` (or the old side alone), `uri` a file that picks the
 * project. Answers `{ markdown, old, new, empty }`, the report `govrule diff --format markdown`
 * prints; an old side that cannot be read or compiled fails with its reason.
 */
import { URI } from 'langium';
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';
import type { Bundle } from '../../bundle/types.js';
import { diffBundles, isEmpty } from '../../diff/bundle-diff.js';
import { diffMarkdown, type DiffSide } from '../../diff/render.js';
import { loadSide, type SideContext } from '../../diff/sides.js';
import { displayPath, UserError } from '../../project/user-error.js';
import { loadBundle } from '../../runtime/index.js';
import { t } from '../../l10n/index.js';

export const DIFF_COMMAND = 'govrule.diff';

/** What the new side is called in the report. */
export const WORKSPACE_SIDE: DiffSide = { spec: 'workspace', kind: 'folder' };

export interface DiffCommandResult {
    readonly markdown: string;
    readonly old: DiffSide;
    readonly new: DiffSide;
    /** No difference at all. */
    readonly empty: boolean;
}

/** The parts of the command handler the diff needs. */
export interface DiffHost {
    compile(args: unknown[], token: CancellationToken): Promise<Bundle>;
    projectRoot(file: URI | undefined): string;
}

/** A side is a revision or a path: short text, never a whole document. */
const MAX_SIDE_LENGTH = 1000;
/** The old side's compiler errors, quoted in the failure up to this length. */
const MAX_ERRORS_TEXT = 4000;

export async function runDiffCommand(host: DiffHost, args: unknown[], token: CancellationToken): Promise<DiffCommandResult> {
    const { old, uri } = diffArguments(args);
    const bundle = await host.compile([], token);
    let errors = '';
    const io: SideContext = {
        cwd: host.projectRoot(uri),
        reportErrors: (problems, _texts, root) => {
            errors = problems.map(p => `${displayPath(p.file, root)}:${p.start.line + 1}:${p.start.character + 1}: ${p.message} [${p.code}]`).join('\n');
        },
    };
    let oldSide;
    try {
        oldSide = await loadSide(old, io);
    } catch (err) {
        if (err instanceof UserError) {
            const details = errors.trim() === '' ? '' : `\n${errors.trim().slice(0, MAX_ERRORS_TEXT)}`;
            throw new ResponseError(LSPErrorCodes.RequestFailed, `${err.message}${details}`);
        }
        throw err;
    }
    // The compiler's own bundle, made in this process: the schema check can be skipped.
    const diff = diffBundles(oldSide.bundle, loadBundle(bundle, { schema: false }));
    return {
        markdown: diffMarkdown({ old: oldSide.side, new: WORKSPACE_SIDE, diff }),
        old: oldSide.side,
        new: WORKSPACE_SIDE,
        empty: isEmpty(diff),
    };
}

function diffArguments(args: unknown[]): { old: string; uri: URI | undefined } {
    const first = args[0];
    const record = typeof first === 'object' && first !== null ? first as { old?: unknown; uri?: unknown } : undefined;
    const old = typeof first === 'string' ? first : record?.old;
    if (typeof old !== 'string' || old.trim() === '' || old.length > MAX_SIDE_LENGTH) {
        throw new ResponseError(LSPErrorCodes.RequestFailed, t('editor.command.diff-needs-old-side', { command: DIFF_COMMAND, example: '{ "old": "HEAD~1" }' }));
    }
    const uri = typeof record?.uri === 'string' ? URI.parse(record.uri) : undefined;
    return { old: old.trim(), uri };
}
