/**
 * Every LSP message's params are checked before any handler sees them. A malformed request is
 * answered with InvalidParams; a malformed notification is dropped with a warning in the log.
 * Either way nothing else changes: a `didOpen` whose text is not a string used to reach the
 * document store and stall every later build until the document was closed.
 *
 * This is the one place that does it: the connection's handler registrations (onHover,
 * onDidOpenTextDocument, languages.semanticTokens.on, …) are wrapped before Langium and GovRule
 * register their handlers, so each handler may rely on the shape the protocol promises.
 */
import { ErrorCodes, ResponseError, type Connection } from 'vscode-languageserver';

/** A problem with a value, as "params.textDocument.text must be a string", or undefined. */
type Check = (value: unknown, path: string) => string | undefined;

const any: Check = () => undefined;
const string: Check = (v, p) => (typeof v === 'string' ? undefined : `${p} must be a string`);
const boolean: Check = (v, p) => (typeof v === 'boolean' ? undefined : `${p} must be a boolean`);
const integer: Check = (v, p) => (Number.isSafeInteger(v) ? undefined : `${p} must be an integer`);
const uinteger: Check = (v, p) => (Number.isSafeInteger(v) && (v as number) >= 0 ? undefined : `${p} must be a whole number ≥ 0`);

function isObject(v: unknown): v is Record<string, unknown> {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** An object with these fields; a field named with a trailing `?` may be absent (or null). */
function object(fields: Record<string, Check> = {}): Check {
    const entries = Object.entries(fields).map(([key, check]) => ({ key: key.replace(/\?$/, ''), optional: key.endsWith('?'), check }));
    return (v, p) => {
        if (!isObject(v)) {
            return `${p} must be an object`;
        }
        for (const { key, optional, check } of entries) {
            const value = v[key];
            if (value === undefined || (optional && value === null)) {
                if (!optional) {
                    return `${p}.${key} is missing`;
                }
                continue;
            }
            const problem = check(value, `${p}.${key}`);
            if (problem) {
                return problem;
            }
        }
        return undefined;
    };
}

function array(item: Check = any): Check {
    return (v, p) => {
        if (!Array.isArray(v)) {
            return `${p} must be an array`;
        }
        for (let i = 0; i < v.length; i++) {
            const problem = item(v[i], `${p}[${i}]`);
            if (problem) {
                return problem;
            }
        }
        return undefined;
    };
}

const position = object({ line: uinteger, character: uinteger });
const range = object({ start: position, end: position });
const textDocument = object({ uri: string });
const documentParams = object({ textDocument });
const positionParams = object({ textDocument, position });
const formattingOptions = object({ tabSize: uinteger, insertSpaces: boolean });

/** Requests: the connection's registration method, the LSP method (for messages), the check. */
const REQUESTS: ReadonlyArray<readonly [string, string, Check]> = [
    ['onInitialize', 'initialize', object({ 'processId?': integer, 'rootUri?': string, 'capabilities': object() })],
    ['onHover', 'textDocument/hover', positionParams],
    ['onCompletion', 'textDocument/completion', positionParams],
    ['onDefinition', 'textDocument/definition', positionParams],
    ['onDeclaration', 'textDocument/declaration', positionParams],
    ['onTypeDefinition', 'textDocument/typeDefinition', positionParams],
    ['onImplementation', 'textDocument/implementation', positionParams],
    ['onDocumentHighlight', 'textDocument/documentHighlight', positionParams],
    ['onSignatureHelp', 'textDocument/signatureHelp', positionParams],
    ['onPrepareRename', 'textDocument/prepareRename', positionParams],
    ['onReferences', 'textDocument/references', object({ textDocument, position, context: object({ includeDeclaration: boolean }) })],
    ['onRenameRequest', 'textDocument/rename', object({ textDocument, position, newName: string })],
    ['onDocumentSymbol', 'textDocument/documentSymbol', documentParams],
    ['onCodeLens', 'textDocument/codeLens', documentParams],
    ['onFoldingRanges', 'textDocument/foldingRange', documentParams],
    ['onDocumentLinks', 'textDocument/documentLink', documentParams],
    ['onDocumentFormatting', 'textDocument/formatting', object({ textDocument, options: formattingOptions })],
    ['onDocumentRangeFormatting', 'textDocument/rangeFormatting', object({ textDocument, range, options: formattingOptions })],
    ['onDocumentOnTypeFormatting', 'textDocument/onTypeFormatting', object({ textDocument, position, ch: string, options: formattingOptions })],
    ['onCodeAction', 'textDocument/codeAction', object({ textDocument, range, context: object({ diagnostics: array(object({ range, message: string })) }) })],
    ['onWorkspaceSymbol', 'workspace/symbol', object({ query: string })],
    ['onWorkspaceSymbolResolve', 'workspaceSymbol/resolve', object({ name: string })],
    ['onExecuteCommand', 'workspace/executeCommand', object({ command: string, 'arguments?': array() })],
    ['onWillSaveTextDocumentWaitUntil', 'textDocument/willSaveWaitUntil', object({ textDocument, reason: uinteger })],
];

const NOTIFICATIONS: ReadonlyArray<readonly [string, string, Check]> = [
    ['onDidOpenTextDocument', 'textDocument/didOpen', object({ textDocument: object({ uri: string, languageId: string, version: integer, text: string }) })],
    ['onDidChangeTextDocument', 'textDocument/didChange', object({
        textDocument: object({ uri: string, version: integer }),
        contentChanges: array(object({ text: string, 'range?': range, 'rangeLength?': uinteger })),
    })],
    ['onDidCloseTextDocument', 'textDocument/didClose', documentParams],
    ['onDidSaveTextDocument', 'textDocument/didSave', object({ textDocument, 'text?': string })],
    ['onWillSaveTextDocument', 'textDocument/willSave', object({ textDocument, reason: uinteger })],
    ['onDidChangeWatchedFiles', 'workspace/didChangeWatchedFiles', object({ changes: array(object({ uri: string, type: uinteger })) })],
    ['onDidChangeConfiguration', 'workspace/didChangeConfiguration', object({ 'settings?': any })],
    ['onInitialized', 'initialized', any],
];

/** Registrations under `connection.languages`. */
const LANGUAGE_REQUESTS: ReadonlyArray<readonly [string, string, string, Check]> = [
    ['semanticTokens', 'on', 'textDocument/semanticTokens/full', documentParams],
    ['semanticTokens', 'onDelta', 'textDocument/semanticTokens/full/delta', object({ textDocument, previousResultId: string })],
    ['semanticTokens', 'onRange', 'textDocument/semanticTokens/range', object({ textDocument, range })],
    ['inlayHint', 'on', 'textDocument/inlayHint', object({ textDocument, range })],
    ['callHierarchy', 'onPrepare', 'textDocument/prepareCallHierarchy', positionParams],
    ['typeHierarchy', 'onPrepare', 'textDocument/prepareTypeHierarchy', positionParams],
];

type Registrar = (handler: (params: unknown, ...rest: unknown[]) => unknown, ...more: unknown[]) => unknown;

/** The problem with a message's params, if any (exported for tests of the checks themselves). */
export function paramsProblem(method: string, params: unknown): string | undefined {
    const entry = [...REQUESTS, ...NOTIFICATIONS].find(([, m]) => m === method) ?? LANGUAGE_REQUESTS.map(([, , m, c]) => ['', m, c] as const).find(([, m]) => m === method);
    return entry?.[2](params, 'params');
}

/** Wraps the connection's registrations so that every handler gets well-formed params only. */
export function guardParams(connection: Connection): void {
    // The connection's registrars are looked up and replaced by name (Reflect): which ones exist
    // depends on the protocol version, and each is a method of an object typed per feature.
    const wrap = (target: object | undefined, name: string, method: string, check: Check, request: boolean) => {
        const register: unknown = target === undefined ? undefined : Reflect.get(target, name);
        if (target === undefined || typeof register !== 'function') {
            return;
        }
        const original = (register as Registrar).bind(target);
        Reflect.set(target, name, ((handler, ...more) => original((params, ...rest) => {
            const problem = check(params, 'params');
            if (problem === undefined) {
                return handler(params, ...rest);
            }
            if (request) {
                return new ResponseError(ErrorCodes.InvalidParams, `Invalid ${method} params: ${problem}`);
            }
            connection.console.warn(`GovRule: ignored a ${method} notification with invalid params: ${problem}`);
            return undefined;
        }, ...more)) as Registrar);
    };
    for (const [name, method, check] of REQUESTS) {
        wrap(connection, name, method, check, true);
    }
    for (const [name, method, check] of NOTIFICATIONS) {
        wrap(connection, name, method, check, false);
    }
    // `languages.semanticTokens` and the like are getters that make a new object on every read:
    // each read gets its registrations wrapped.
    const languages: object = connection.languages;
    for (const feature of new Set(LANGUAGE_REQUESTS.map(([f]) => f))) {
        const read = propertyReader(languages, feature);
        if (!read) {
            continue;
        }
        const wrapped = new WeakSet<object>();
        Object.defineProperty(languages, feature, {
            configurable: true,
            get: () => {
                const registrations = read();
                if (wrapped.has(registrations)) {
                    return registrations;
                }
                wrapped.add(registrations);
                for (const [f, name, method, check] of LANGUAGE_REQUESTS) {
                    if (f === feature) {
                        wrap(registrations, name, method, check, true);
                    }
                }
                return registrations;
            },
        });
    }
}

/** Reads a property as the object (or its prototypes) defines it, getter or value. */
function propertyReader(target: object, key: string): (() => Record<string, unknown>) | undefined {
    for (let o: object | null = target; o; o = Object.getPrototypeOf(o)) {
        const descriptor = Object.getOwnPropertyDescriptor(o, key);
        if (descriptor) {
            return descriptor.get ? () => descriptor.get!.call(target) : () => descriptor.value;
        }
    }
    return undefined;
}
