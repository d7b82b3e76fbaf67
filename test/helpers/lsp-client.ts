/**
 * An LSP client for tests: starts the bundled language server as users do
 * (`node bin/govrule-language-server.cjs --stdio`) on a workspace in a temporary folder, and
 * talks to it over the child's stdio with vscode-jsonrpc and the protocol's types.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import {
    ConfigurationRequest, DidChangeConfigurationNotification, DidChangeTextDocumentNotification, DidChangeWatchedFilesNotification,
    DidChangeWorkspaceFoldersNotification, DidCloseTextDocumentNotification, DidOpenTextDocumentNotification, ExecuteCommandRequest, ExitNotification, FileChangeType,
    InitializedNotification, InitializeRequest, PublishDiagnosticsNotification, RegistrationRequest, ShutdownRequest,
    type ClientCapabilities, type ConfigurationItem, type Diagnostic, type InitializeResult, type Position
} from 'vscode-languageserver-protocol/node';
import { tempFolder, writeFiles } from './temp.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SERVER_BIN = path.join(ROOT, 'bin', 'govrule-language-server.cjs');
export const CLI_BIN = path.join(ROOT, 'bin', 'govrule.cjs');

export { FileChangeType };

export interface StartOptions {
    /** Sent as `initializationOptions`. */
    readonly initializationOptions?: unknown;
    /** Sent as `locale` (the client's display language, as VS Code sends it). */
    readonly locale?: string;
    /** Answers to `workspace/configuration`, by section; the client then claims configuration support. */
    readonly settings?: Record<string, unknown>;
    /** Answers `workspace/configuration` items itself (e.g. by `scopeUri`); the client then claims configuration support. */
    readonly configuration?: (item: ConfigurationItem) => unknown;
    /** The workspace folders (absolute paths), instead of the root alone. */
    readonly folders?: readonly string[];
    /** Overrides of the default client capabilities. */
    readonly capabilities?: ClientCapabilities;
    /** Acts as a client that predates workspace folders: it sends only `rootUri`. */
    readonly rootUriOnly?: boolean;
    /** The server's command, instead of `node bin/govrule-language-server.cjs` (e.g. an installed package's). */
    readonly command?: { readonly file: string; readonly args: readonly string[]; readonly env?: NodeJS.ProcessEnv };
}

const DEFAULT_CAPABILITIES: ClientCapabilities = {
    workspace: {
        workspaceFolders: true,
        didChangeWatchedFiles: { dynamicRegistration: true },
        inlayHint: { refreshSupport: true },
        workspaceEdit: { documentChanges: false },
    },
    textDocument: {
        synchronization: { dynamicRegistration: false },
        completion: { completionItem: { snippetSupport: true, labelDetailsSupport: true } },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true, dataSupport: true },
        semanticTokens: {
            requests: { full: true, range: true },
            tokenTypes: [], tokenModifiers: [], formats: ['relative'],
        },
        rename: { prepareSupport: true },
        codeAction: { dataSupport: true, isPreferredSupport: true },
        inlayHint: {},
        signatureHelp: { signatureInformation: { parameterInformation: { labelOffsetSupport: true } } },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    },
};

/** A temporary workspace folder with these files (relative paths, `/`-separated), removed after the test file. */
export function writeWorkspace(files: Record<string, string>): string {
    return tempFolder(files, 'govrule-lsp-');
}

/** A server started on a fresh copy of examples/chongqing (without a compiled dist/). */
export async function startOnExamples(): Promise<{ client: LspClient; root: string }> {
    const root = writeWorkspace({});
    fs.cpSync(path.join(ROOT, 'examples', 'chongqing'), root, { recursive: true });
    fs.rmSync(path.join(root, 'dist'), { recursive: true, force: true });
    return { client: await LspClient.start(root), root };
}

export function writeFile(dir: string, name: string, text: string): void {
    writeFiles(dir, { [name]: text });
}

export class LspClient {
    readonly connection: MessageConnection;
    /** Latest published diagnostics by URI. */
    readonly published = new Map<string, Diagnostic[]>();
    /** Every `workspace/configuration` item the server asked for, in order. */
    readonly configurationItems: ConfigurationItem[] = [];
    /** Answers `workspace/configuration` items; by default from the settings, by section. */
    answerConfiguration: (item: ConfigurationItem) => unknown;
    private readonly versions = new Map<string, number>();
    private readonly texts = new Map<string, string>();
    private readonly listeners = new Set<() => void>();
    private stderrText = '';
    private exitCode: number | null | undefined;
    initializeResult!: InitializeResult;

    private constructor(private readonly child: ChildProcessWithoutNullStreams, readonly root: string, private readonly settings: Record<string, unknown>) {
        child.stderr.on('data', chunk => { this.stderrText += String(chunk); });
        child.on('exit', code => { this.exitCode = code; this.notify(); });
        this.connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
        this.connection.onNotification(PublishDiagnosticsNotification.type, params => {
            this.published.set(params.uri, params.diagnostics);
            this.notify();
        });
        this.connection.onRequest(RegistrationRequest.type, () => undefined);
        this.answerConfiguration = item => this.settings[item.section ?? ''] ?? null;
        this.connection.onRequest(ConfigurationRequest.type, params => params.items.map(item => {
            this.configurationItems.push(item);
            return this.answerConfiguration(item);
        }));
        this.connection.onRequest('workspace/inlayHint/refresh', () => null);
        this.connection.onRequest('workspace/semanticTokens/refresh', () => null);
        this.connection.onRequest('window/workDoneProgress/create', () => null);
        this.connection.onNotification('window/logMessage', (params: { message: string }) => { this.stderrText += `${params.message}\n`; });
        this.connection.listen();
    }

    /** Starts the server on `root`, initializes it and waits until every file has diagnostics. */
    static async start(root: string, options: StartOptions = {}): Promise<LspClient> {
        const command = options.command ?? { file: process.execPath, args: [SERVER_BIN, '--stdio'] };
        const child = spawn(command.file, [...command.args], { cwd: root, stdio: 'pipe', env: command.env });
        const client = new LspClient(child, root, options.settings ?? {});
        if (options.configuration) {
            client.answerConfiguration = options.configuration;
        }
        const folders = options.folders?.map(dir => ({ uri: pathToFileURL(dir).href, name: path.basename(dir) })) ?? [{ uri: client.uri('.'), name: path.basename(root) }];
        const capabilities: ClientCapabilities = {
            ...DEFAULT_CAPABILITIES,
            ...options.capabilities,
            workspace: {
                ...DEFAULT_CAPABILITIES.workspace, configuration: options.settings !== undefined || options.configuration !== undefined,
                ...(options.rootUriOnly ? { workspaceFolders: false } : {}), ...options.capabilities?.workspace,
            },
        };
        client.initializeResult = await client.connection.sendRequest(InitializeRequest.type, {
            processId: process.pid,
            rootUri: client.uri('.'),
            workspaceFolders: options.rootUriOnly ? undefined : folders,
            capabilities,
            initializationOptions: options.initializationOptions,
            ...(options.locale !== undefined ? { locale: options.locale } : {}),
        });
        await client.connection.sendNotification(InitializedNotification.type, {});
        await client.settle();
        return client;
    }

    get stderr(): string {
        return this.stderrText;
    }

    /** Whether the server process is still running. */
    get alive(): boolean {
        return this.exitCode === undefined;
    }

    /** The URI of a file of the workspace; `untitled:Untitled-1` and other URIs are kept as they are. */
    uri(relative: string): string {
        if (/^untitled:/.test(relative)) {
            return relative;
        }
        const url = pathToFileURL(path.join(this.root, relative)).href;
        return relative === '.' ? url.replace(/\/$/, '') : url;
    }

    path(relative: string): string {
        return path.join(this.root, relative);
    }

    /** Text of a file as the client sees it: the open editor's, else the disk's. */
    text(relative: string): string {
        return this.texts.get(this.uri(relative)) ?? fs.readFileSync(this.path(relative), 'utf8');
    }

    async open(relative: string, text?: string): Promise<void> {
        const uri = this.uri(relative);
        const content = text ?? fs.readFileSync(this.path(relative), 'utf8');
        this.versions.set(uri, 1);
        this.texts.set(uri, content);
        await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'govrule', version: 1, text: content } });
    }

    /** Replaces the whole text of an open document (opening it first if needed). */
    async change(relative: string, text: string): Promise<void> {
        const uri = this.uri(relative);
        if (!this.versions.has(uri)) {
            await this.open(relative, text);
            return;
        }
        const version = this.versions.get(uri)! + 1;
        this.versions.set(uri, version);
        this.texts.set(uri, text);
        await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
    }

    /** Replaces `[start, end)` (offsets) of an open document, as an incremental change. */
    async edit(relative: string, start: number, end: number, newText: string): Promise<void> {
        const uri = this.uri(relative);
        const text = this.texts.get(uri);
        if (text === undefined) {
            throw new Error(`${relative} is not open`);
        }
        const version = this.versions.get(uri)! + 1;
        this.versions.set(uri, version);
        this.texts.set(uri, text.slice(0, start) + newText + text.slice(end));
        await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri, version },
            contentChanges: [{ range: { start: positionAt(text, start), end: positionAt(text, end) }, text: newText }],
        });
    }

    async close(relative: string): Promise<void> {
        const uri = this.uri(relative);
        this.versions.delete(uri);
        this.texts.delete(uri);
        await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    }

    /** Reports changes on disk, as an editor's file watcher does. */
    async watched(changes: Array<{ file: string; type: FileChangeType }>): Promise<void> {
        await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
            changes: changes.map(c => ({ uri: this.uri(c.file), type: c.type })),
        });
    }

    /** Adds and removes workspace folders (absolute paths), as an editor does. */
    async changeFolders(added: readonly string[], removed: readonly string[]): Promise<void> {
        const folder = (dir: string) => ({ uri: pathToFileURL(dir).href, name: path.basename(dir) });
        await this.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, {
            event: { added: added.map(folder), removed: removed.map(folder) },
        });
    }

    async configure(settings: Record<string, unknown>): Promise<void> {
        Object.assign(this.settings, settings);
        await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings });
    }

    /**
     * Waits until the server has finished building after everything sent so far. The compile
     * command runs only when the workspace is validated and after queued rebuilds, and all
     * diagnostics of a build are sent before its answer; its result does not matter here.
     */
    async settle(): Promise<void> {
        await this.answered('settle', this.connection.sendRequest(ExecuteCommandRequest.type, { command: 'govrule.compile', arguments: [] }).catch(() => undefined));
    }

    diagnostics(relative: string): Diagnostic[] {
        return this.published.get(this.uri(relative)) ?? [];
    }

    /** `code line:col` (1-based) for each diagnostic of a file, in position order: compact to assert on. */
    codes(relative: string): string[] {
        return [...this.diagnostics(relative)]
            .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || String(a.code).localeCompare(String(b.code)))
            .map(d => `${String(d.code)} ${d.range.start.line + 1}:${d.range.start.character + 1}`);
    }

    /** Resolves when the predicate holds (checked after each notification), or fails after `timeout` ms. */
    waitFor(predicate: () => boolean, description: string, timeout = 20_000): Promise<void> {
        if (predicate()) {
            return Promise.resolve();
        }
        return new Promise((resolve, reject) => {
            const listener = () => {
                if (predicate()) {
                    clearTimeout(timer);
                    this.listeners.delete(listener);
                    resolve();
                }
            };
            const timer = setTimeout(() => {
                this.listeners.delete(listener);
                reject(new Error(`timed out waiting for ${description}\n--- server stderr\n${this.stderrText.slice(-4000)}`));
            }, timeout);
            this.listeners.add(listener);
        });
    }

    request<R>(method: string, params: unknown): Promise<R> {
        return this.answered(method, this.connection.sendRequest(method, params) as Promise<R>);
    }

    /** The server's state and CPU seconds so far (Linux): a busy loop and a wait look different. */
    private cpuState(): string {
        try {
            const fields = fs.readFileSync(`/proc/${this.child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
            return `server state ${fields[0]}, ${((Number(fields[11]) + Number(fields[12])) / 100).toFixed(1)} s of CPU`;
        } catch {
            return 'server state unknown';
        }
    }

    /** A request the server never answers fails well before the test's timeout, with the server's log. */
    private answered<R>(what: string, pending: Promise<R>, timeout = 30_000): Promise<R> {
        let timer: NodeJS.Timeout | undefined;
        const expired = new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(new Error(`no answer to ${what} in ${timeout / 1000} s (${this.cpuState()})\n--- server stderr\n${this.stderrText.slice(-4000)}`)), timeout);
        });
        return Promise.race([pending, expired]).finally(() => clearTimeout(timer));
    }

    /** The position of the `occurrence`-th `needle` in a file's current text, plus `offset` characters. */
    position(relative: string, needle: string, offset = 0, occurrence = 1): Position {
        const text = this.text(relative);
        let index = -1;
        for (let i = 0; i < occurrence; i++) {
            index = text.indexOf(needle, index + 1);
            if (index < 0) {
                throw new Error(`'${needle}' (occurrence ${occurrence}) not found in ${relative}`);
            }
        }
        return positionAt(text, index + offset);
    }

    /** `textDocument` and `position` of a needle, for position requests. */
    at(relative: string, needle: string, offset = 0, occurrence = 1): { textDocument: { uri: string }; position: Position } {
        return { textDocument: { uri: this.uri(relative) }, position: this.position(relative, needle, offset, occurrence) };
    }

    /** Shuts the server down politely and waits for the process to end. */
    async stop(): Promise<void> {
        if (this.alive) {
            await Promise.race([
                this.connection.sendRequest(ShutdownRequest.type).then(() => this.connection.sendNotification(ExitNotification.type)),
                new Promise(resolve => setTimeout(resolve, 5000)),
            ]).catch(() => undefined);
            await new Promise<void>(resolve => {
                if (!this.alive) {
                    resolve();
                    return;
                }
                const timer = setTimeout(() => { this.child.kill(); resolve(); }, 5000);
                this.child.on('exit', () => { clearTimeout(timer); resolve(); });
            });
        }
        this.connection.dispose();
    }

    private notify(): void {
        for (const listener of [...this.listeners]) {
            listener();
        }
    }
}

/** Offsets where lines start; `\r\n`, `\r` and `\n` all end a line, as in LSP. */
function lineStarts(text: string): number[] {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
        const ch = text[i];
        if (ch === '\r' && text[i + 1] === '\n') {
            i++;
            starts.push(i + 1);
        } else if (ch === '\r' || ch === '\n') {
            starts.push(i + 1);
        }
    }
    return starts;
}

export function positionAt(text: string, offset: number): Position {
    const starts = lineStarts(text);
    let line = 0;
    while (line + 1 < starts.length && starts[line + 1] <= offset) {
        line++;
    }
    return { line, character: offset - starts[line] };
}

export function offsetAt(text: string, position: Position): number {
    const starts = lineStarts(text);
    return Math.min(text.length, (starts[position.line] ?? text.length) + position.character);
}

/** Applies LSP text edits (non-overlapping) to a text. */
export function applyEdits(text: string, edits: ReadonlyArray<{ range: { start: Position; end: Position }; newText: string }>): string {
    const sorted = [...edits].sort((a, b) => offsetAt(text, b.range.start) - offsetAt(text, a.range.start));
    let result = text;
    for (const edit of sorted) {
        result = result.slice(0, offsetAt(text, edit.range.start)) + edit.newText + result.slice(offsetAt(text, edit.range.end));
    }
    return result;
}
