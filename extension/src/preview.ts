/**
 * "GovRule: Preview Compiled JSON": a read-only JSON document beside the rule file, holding the
 * bundle of that file's package (with what it imports). It follows the author's typing: each
 * edit recompiles after a short pause. While the rules have errors the last bundle stays and the
 * status bar says the preview is out of date.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { LANGUAGE_ID } from './client.js';
import { previewText } from './bundle-result.js';
import { t } from './l10n.js';
import { compile } from './server-api.js';

export const PREVIEW_SCHEME = 'govrule-bundle';
const REFRESH_DELAY_MS = 300;

/** `govrule-bundle:/path/rumor.govrule.bundle.json?<source uri>`: the name ends in .json for JSON mode and the bundle schema. */
export function previewUri(source: vscode.Uri): vscode.Uri {
    return vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: `${source.path}.bundle.json`, query: source.toString() });
}

function sourceOf(preview: vscode.Uri): vscode.Uri {
    return vscode.Uri.parse(preview.query, true);
}

export class BundlePreview implements vscode.TextDocumentContentProvider, vscode.Disposable {
    private readonly changed = new vscode.EventEmitter<vscode.Uri>();
    readonly onDidChange = this.changed.event;
    private readonly lastGood = new Map<string, string>();
    private readonly stale = vscode.window.createStatusBarItem('govrule.preview', vscode.StatusBarAlignment.Left, 9);
    private readonly subscriptions: vscode.Disposable[];
    private timer: NodeJS.Timeout | undefined;

    constructor(private readonly client: () => LanguageClient | undefined) {
        this.refresh();
        this.stale.command = 'workbench.actions.view.problems';
        this.subscriptions = [
            vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, this),
            vscode.workspace.onDidChangeTextDocument(e => {
                if (e.document.languageId === LANGUAGE_ID && e.contentChanges.length > 0) {
                    this.scheduleRefresh();
                }
            }),
            // Files changed on disk (and a restarted server) show up as new diagnostics.
            // Only rule files count: the preview's own JSON diagnostics must not trigger a refresh.
            vscode.languages.onDidChangeDiagnostics(e => {
                if (e.uris.some(uri => uri.scheme !== PREVIEW_SCHEME && /\.govrule$|(^|\/)govrule\.json$|^Untitled-/.test(uri.path))) {
                    this.scheduleRefresh();
                }
            }),
            vscode.workspace.onDidCloseTextDocument(doc => {
                if (doc.uri.scheme === PREVIEW_SCHEME) {
                    this.lastGood.delete(doc.uri.toString());
                    this.updateStale(doc.uri, false);
                }
            }),
        ];
    }

    /** The status item's words in the current language (again after `govrule.locale` changes). */
    refresh(): void {
        this.stale.name = t('GovRule Bundle Preview');
        this.stale.text = `$(warning) ${t('Bundle preview out of date')}`;
    }

    async open(source: vscode.Uri): Promise<void> {
        const doc = await vscode.workspace.openTextDocument(previewUri(source));
        await vscode.languages.setTextDocumentLanguage(doc, 'json');
        await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: false, preserveFocus: true });
    }

    async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
        const client = this.client();
        const outcome = client ? await compile(client, sourceOf(uri)) : { ok: false as const, message: t('The GovRule language server is not running.') };
        const key = uri.toString();
        if (outcome.ok) {
            const text = previewText(outcome.bundle);
            this.lastGood.set(key, text);
            this.updateStale(uri, false);
            return text;
        }
        this.updateStale(uri, true, outcome.message);
        // Nothing compiled yet: say why, as JSON so the editor stays in JSON mode without errors.
        return this.lastGood.get(key) ?? `${JSON.stringify({ error: outcome.message }, null, 2)}\n`;
    }

    private scheduleRefresh(): void {
        clearTimeout(this.timer);
        this.timer = setTimeout(() => {
            for (const doc of vscode.workspace.textDocuments) {
                if (doc.uri.scheme === PREVIEW_SCHEME && !doc.isClosed) {
                    this.changed.fire(doc.uri);
                }
            }
        }, REFRESH_DELAY_MS);
    }

    private readonly staleUris = new Set<string>();

    private updateStale(uri: vscode.Uri, stale: boolean, reason?: string): void {
        if (stale) {
            this.staleUris.add(uri.toString());
            this.stale.tooltip = reason === undefined
                ? t('GovRule: the preview shows the last bundle that compiled.')
                : t('GovRule: the preview shows the last bundle that compiled. {reason}', { reason });
        } else {
            this.staleUris.delete(uri.toString());
        }
        if (this.staleUris.size > 0) {
            this.stale.show();
        } else {
            this.stale.hide();
        }
    }

    dispose(): void {
        clearTimeout(this.timer);
        this.changed.dispose();
        this.stale.dispose();
        vscode.Disposable.from(...this.subscriptions).dispose();
    }
}
