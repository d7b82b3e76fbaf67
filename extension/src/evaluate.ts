/**
 * "Evaluate…": opens an event for a rule (the server's `govrule.eventTemplate`) in a JSON editor
 * and shows its decision beside it in a Markdown preview of a read-only document, decided again
 * when the event changes and after each rebuild of the rules (the server's diagnostics arrive).
 * "Save as test": the event and its current decision as a `test` block (`govrule.testBlock`),
 * added at the end of a test file the person picks, or written into a new file; nothing is ever
 * replaced.
 */
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';
import { describeCommandFailure } from './command-failure.js';
import {
    appendedText, DECISION_SCHEME, decisionPath, decisionView, EVALUATE_COMMAND, EVENT_EDITOR_CONTEXT, EVENT_TEMPLATE_COMMAND, eventText, fileChoices,
    hasTests, TEST_BLOCK_COMMAND, toTemplate, type FileChoice
} from './evaluate-text.js';
import { t } from './l10n.js';
import { showFailure } from './server-commands.js';

/** Typing in the event, or a burst of rebuilds, decides once it pauses this long. */
const SETTLE_MS = 250;
/** At most this many rule files are read to find the ones with tests. */
const MAX_FILES = 2000;

interface Session {
    readonly event: vscode.TextDocument;
    readonly view: vscode.Uri;
    /** Answers that arrive after a newer request are dropped. */
    requests: number;
    timer?: ReturnType<typeof setTimeout>;
}

export class Evaluations implements vscode.TextDocumentContentProvider, vscode.Disposable {
    private readonly sessions = new Map<string, Session>();
    private readonly views = new Map<string, string>();
    private readonly changed = new vscode.EventEmitter<vscode.Uri>();
    readonly onDidChange = this.changed.event;
    private readonly disposables: vscode.Disposable[];
    private serial = 0;

    constructor(private readonly client: () => LanguageClient | undefined) {
        this.disposables = [
            vscode.workspace.registerTextDocumentContentProvider(DECISION_SCHEME, this),
            vscode.workspace.onDidChangeTextDocument(e => {
                const session = this.sessions.get(e.document.uri.toString());
                if (session && e.contentChanges.length > 0) {
                    this.schedule(session);
                }
            }),
            vscode.workspace.onDidCloseTextDocument(document => this.forget(document.uri)),
            vscode.window.onDidChangeActiveTextEditor(editor => this.updateContext(editor)),
            // The server publishes diagnostics after every build: the rules may decide differently now.
            vscode.languages.onDidChangeDiagnostics(e => {
                if (e.uris.some(uri => uri.path.endsWith('.govrule'))) {
                    this.refreshAll();
                }
            }),
        ];
    }

    provideTextDocumentContent(uri: vscode.Uri): string {
        return this.views.get(uri.toString()) ?? '';
    }

    /** Decides every open event again (after a rebuild, or in another language). */
    refreshAll(): void {
        for (const session of this.sessions.values()) {
            this.schedule(session);
        }
    }

    /** The command and the lens: `uri` and `rule` from the lens, else the rule at the cursor. */
    async evaluateRule(uri?: unknown, rule?: unknown): Promise<void> {
        const client = this.runningClient();
        if (!client) {
            return;
        }
        const editor = vscode.window.activeTextEditor;
        let args: Record<string, unknown>;
        if (typeof uri === 'string' && typeof rule === 'string') {
            args = { uri, rule };
        } else if (editor?.document.languageId === 'govrule') {
            const { line, character } = editor.selection.active;
            args = { uri: editor.document.uri.toString(), position: { line, character } };
        } else {
            void vscode.window.showWarningMessage(t('GovRule: put the cursor in a rule of a .govrule file to evaluate it.'));
            return;
        }
        const answer = await this.request(client, EVENT_TEMPLATE_COMMAND, args);
        if (!answer.ok) {
            return;
        }
        const template = toTemplate(answer.value);
        if (!template) {
            void vscode.window.showErrorMessage(t('The language server returned no event.'));
            return;
        }
        const event = await vscode.workspace.openTextDocument({ language: 'json', content: eventText(template.event) });
        const view = vscode.Uri.from({ scheme: DECISION_SCHEME, path: decisionPath(template.rule, ++this.serial) });
        const session: Session = { event, view, requests: 0 };
        this.sessions.set(event.uri.toString(), session);
        this.views.set(view.toString(), t('Deciding…'));
        const shown = await vscode.window.showTextDocument(event, { viewColumn: vscode.ViewColumn.Beside });
        await this.decide(session);
        await vscode.commands.executeCommand('markdown.showPreviewToSide', view);
        // Back to the event: it is what the person edits next.
        await vscode.window.showTextDocument(event, { viewColumn: shown.viewColumn, preserveFocus: false });
        this.updateContext(vscode.window.activeTextEditor);
    }

    /** "Save as test" for the active event (or the only one open). */
    async saveAsTest(): Promise<void> {
        const session = this.currentSession();
        if (!session) {
            void vscode.window.showWarningMessage(t('GovRule: open an event with "Evaluate…" first, then save it as a test.'));
            return;
        }
        const client = this.runningClient();
        if (!client) {
            return;
        }
        const choice = await vscode.window.showQuickPick<FileChoice & vscode.QuickPickItem>(fileChoices(await this.testFiles()), {
            title: t('GovRule: Save the event as a test in…'),
            placeHolder: t('A file with tests, or a new file'),
        });
        if (!choice) {
            return;
        }
        const target = choice.uri ? vscode.Uri.parse(choice.uri) : await this.newFile();
        if (!target) {
            return;
        }
        const isNew = choice.uri === undefined;
        const answer = await this.request(client, TEST_BLOCK_COMMAND, { event: session.event.getText(), ...(isNew ? {} : { uri: target.toString() }) });
        const text = answer.ok ? (answer.value as { text?: unknown } | null)?.text : undefined;
        if (typeof text !== 'string') {
            if (answer.ok) {
                void vscode.window.showErrorMessage(t('The language server returned no test.'));
            }
            return;
        }
        const edit = new vscode.WorkspaceEdit();
        let wasDirty = false;
        if (isNew) {
            // Never replace a file: the save dialog may have been answered with an existing one.
            edit.createFile(target, { overwrite: false, ignoreIfExists: false });
            edit.insert(target, new vscode.Position(0, 0), text);
        } else {
            const document = await vscode.workspace.openTextDocument(target);
            wasDirty = document.isDirty;
            const end = document.positionAt(document.getText().length);
            edit.insert(target, end, appendedText(document.getText(), text));
        }
        const file = vscode.workspace.asRelativePath(target);
        if (!(await vscode.workspace.applyEdit(edit))) {
            void vscode.window.showErrorMessage(isNew
                ? t('GovRule: {file} was not created (it may exist already); pick it from the list to add the test to it.', { file })
                : t('GovRule: the test could not be added to {file}.', { file }));
            return;
        }
        const document = await vscode.workspace.openTextDocument(target);
        // Saved with the test unless it held other unsaved changes: those stay the person's to save.
        if (!wasDirty) {
            await document.save();
        }
        const editor = await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One });
        const last = document.lineCount - 1;
        editor.revealRange(new vscode.Range(last, 0, last, 0), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
        void vscode.window.showInformationMessage(t('GovRule: saved the test in {file}.', { file }));
    }

    dispose(): void {
        for (const session of this.sessions.values()) {
            clearTimeout(session.timer);
        }
        this.disposables.forEach(d => d.dispose());
        this.changed.dispose();
    }

    private currentSession(): Session | undefined {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        const session = active === undefined ? undefined : this.sessions.get(active);
        return session ?? (this.sessions.size === 1 ? [...this.sessions.values()][0] : undefined);
    }

    private schedule(session: Session): void {
        clearTimeout(session.timer);
        session.timer = setTimeout(() => void this.decide(session), SETTLE_MS);
    }

    private async decide(session: Session): Promise<void> {
        const request = ++session.requests;
        const client = this.client();
        let view: string;
        if (!client?.isRunning()) {
            view = t('GovRule: the language server is not running; see "GovRule: Show Output".');
        } else {
            try {
                const value = await client.sendRequest(ExecuteCommandRequest.type, { command: EVALUATE_COMMAND, arguments: [{ event: session.event.getText() }] });
                view = decisionView({ ok: true, value });
            } catch (error) {
                view = decisionView({ ok: false, error });
            }
        }
        if (request !== session.requests || !this.sessions.has(session.event.uri.toString())) {
            return;
        }
        this.views.set(session.view.toString(), view);
        this.changed.fire(session.view);
    }

    private forget(uri: vscode.Uri): void {
        const session = this.sessions.get(uri.toString());
        if (session) {
            clearTimeout(session.timer);
            this.sessions.delete(uri.toString());
        }
    }

    private updateContext(editor: vscode.TextEditor | undefined): void {
        const active = editor !== undefined && this.sessions.has(editor.document.uri.toString());
        void vscode.commands.executeCommand('setContext', EVENT_EDITOR_CONTEXT, active);
    }

    private runningClient(): LanguageClient | undefined {
        const client = this.client();
        if (!client?.isRunning()) {
            void vscode.window.showErrorMessage(t('GovRule: the language server is not running; see "GovRule: Show Output".'));
            return undefined;
        }
        return client;
    }

    private async request(client: LanguageClient, command: string, arg: unknown): Promise<{ ok: true; value: unknown } | { ok: false }> {
        try {
            return { ok: true, value: await client.sendRequest(ExecuteCommandRequest.type, { command, arguments: [arg] }) };
        } catch (err) {
            const failure = describeCommandFailure(command, err);
            if (failure) {
                void showFailure(failure);
            }
            return { ok: false };
        }
    }

    /** The workspace's rule files that hold tests (open documents as they are in the editor). */
    private async testFiles(): Promise<Array<{ uri: string; path: string }>> {
        const found = await vscode.workspace.findFiles('**/*.govrule', '**/node_modules/**', MAX_FILES);
        const open = new Map(vscode.workspace.textDocuments.map(doc => [doc.uri.toString(), doc]));
        const files: Array<{ uri: string; path: string }> = [];
        for (const uri of found) {
            let text = open.get(uri.toString())?.getText();
            if (text === undefined) {
                try {
                    text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
                } catch {
                    continue;
                }
            }
            if (hasTests(text)) {
                files.push({ uri: uri.toString(), path: vscode.workspace.asRelativePath(uri) });
            }
        }
        return files;
    }

    private async newFile(): Promise<vscode.Uri | undefined> {
        const folder = vscode.workspace.workspaceFolders?.[0];
        return vscode.window.showSaveDialog({
            title: t('GovRule: New test file'),
            defaultUri: folder ? vscode.Uri.joinPath(folder.uri, 'tests', 'events.govrule') : undefined,
            filters: { [t('GovRule rules')]: ['govrule'] },
        });
    }
}
