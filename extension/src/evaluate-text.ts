/**
 * The plain parts of "Evaluate…" and "Save as test": the server's commands and what they answer,
 * the event document's text, the name of the decision view, the files a test may go to, and
 * where a block goes in one. Pure: no `vscode` import.
 */
import { describeCommandFailure } from './command-failure.js';
import { t } from './l10n.js';

export const EVENT_TEMPLATE_COMMAND = 'govrule.eventTemplate';
export const EVALUATE_COMMAND = 'govrule.evaluate';
export const TEST_BLOCK_COMMAND = 'govrule.testBlock';
/** The extension's command behind the server's "Evaluate…" lens (initialization option `evaluateCommand`). */
export const EVALUATE_RULE_COMMAND = 'govrule.evaluateRule';
export const SAVE_AS_TEST_COMMAND = 'govrule.saveAsTest';
/** The read-only documents that show decisions (Markdown, rendered by the preview). */
export const DECISION_SCHEME = 'govrule-decision';
/** True while the active editor holds an event opened by "Evaluate…" (menus use it). */
export const EVENT_EDITOR_CONTEXT = 'govrule.eventEditorActive';

export interface Template {
    readonly rule: string;
    readonly event: unknown;
}

export function toTemplate(value: unknown): Template | undefined {
    const v = value as { rule?: unknown; event?: unknown } | null;
    return typeof v === 'object' && v !== null && typeof v.rule === 'string' && typeof v.event === 'object' && v.event !== null
        ? { rule: v.rule, event: v.event }
        : undefined;
}

/** The event as the editor shows it: indented JSON, ending with a newline. */
export function eventText(event: unknown): string {
    return `${JSON.stringify(event, null, 4)}\n`;
}

/** The decision view's path: one per event document, named after the rule it started from. */
export function decisionPath(rule: string, serial: number): string {
    const name = rule.split('.').pop() || rule;
    return serial === 1 ? `/${name}.decision.md` : `/${name}-${serial}.decision.md`;
}

/** What the decision view shows for the server's answer to `govrule.evaluate`, or for its failure. */
export function decisionView(answer: { ok: true; value: unknown } | { ok: false; error: unknown }): string {
    if (answer.ok) {
        const markdown = (answer.value as { markdown?: unknown } | null)?.markdown;
        if (typeof markdown === 'string') {
            return markdown;
        }
        return t('The language server returned no decision.');
    }
    const failure = describeCommandFailure(EVALUATE_COMMAND, answer.error);
    return failure ? failure.message : t('GovRule: the request was cancelled; edit the event to decide it again.');
}

/** Whether a rule file holds tests (a `test "…"` block at the start of a line). */
export function hasTests(text: string): boolean {
    return /^[ \t]*test[ \t]+"/m.test(text);
}

/** What to insert at the end of a file of this text so that the block stands after a blank line. */
export function appendedText(text: string, block: string): string {
    if (text === '') {
        return block;
    }
    const ending = text.endsWith('\n\n') ? '' : text.endsWith('\n') ? '\n' : '\n\n';
    return `${ending}${block}`;
}

export interface FileChoice {
    readonly label: string;
    readonly description?: string;
    /** The file's URI as a string; absent for "New file…". */
    readonly uri?: string;
}

/**
 * The quick pick's entries: the workspace's test files by path (`files`: URI and the path the
 * window shows), then "New file…".
 */
export function fileChoices(files: ReadonlyArray<{ uri: string; path: string }>): FileChoice[] {
    const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return [
        ...sorted.map(file => ({ label: file.path, uri: file.uri })),
        { label: t('New file…'), description: t('a new .govrule file for this test') },
    ];
}
