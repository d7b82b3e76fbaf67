/**
 * Project configuration, `govrule.json` (LANGUAGE.md §12). The CLI and the language server read
 * it through here; problems in it are reported with the code `config` (errors) or
 * `config-duplicate-key` (a lint).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { CODES, CONFIGURED_LEVELS, isConfiguredLevel, isDiagnosticCode, type ConfiguredLevel, type DiagnosticCode, type Level } from '../diagnostics.js';
import { describeIoError } from '../io-errors.js';
import { pathKey, positionsOf, readJson, type Span } from '../json-text.js';
import { shortened } from '../model/quote.js';
import { enumeration } from '../l10n/diagnostic-words.js';
import { t } from '../l10n/index.js';
import validateSchema from './generated/config-schema-validator.js';

export const CONFIG_FILE = 'govrule.json';
export const DEFAULT_INCLUDE = ['**/*.govrule'];

/** A finding about govrule.json: `config` (an error) or a lint such as `config-duplicate-key`. */
export interface ConfigProblem {
    readonly code: DiagnosticCode;
    readonly message: string;
    /** 0-based, end exclusive, as in LSP; the start of the file when the problem has no place. */
    readonly range: { readonly start: Position; readonly end: Position };
}

interface Position {
    readonly line: number;
    readonly character: number;
}

export interface GovRuleConfig {
    /** The folder the configuration applies to: the project root. */
    readonly root: string;
    /** The file it was read from, when there is one. */
    readonly file?: string;
    /** The text read, without a byte-order mark, to quote lines in reports. */
    readonly text?: string;
    /** The valid patterns only: those that are not strings or leave the root are reported and left out. */
    readonly include: readonly string[];
    readonly out?: string;
    readonly lint: ReadonlyMap<DiagnosticCode, ConfiguredLevel>;
    readonly problems: readonly ConfigProblem[];
}

export function defaultConfig(root: string): GovRuleConfig {
    return { root, include: DEFAULT_INCLUDE, lint: new Map(), problems: [] };
}

/** The message of a setting the schema rejects, and where it goes (at the key or at the value). */
const SETTING_PROBLEMS = {
    '$schema': { message: () => t('diagnostics.config.schema'), where: { value: ['$schema'] } },
    'include': { message: () => t('diagnostics.config.include'), where: { key: ['include'] } },
    'out': { message: () => t('diagnostics.config.out'), where: { value: ['out'] } },
    'lint': { message: () => t('diagnostics.config.lint'), where: { key: ['lint'] } },
} satisfies Record<string, { message: () => string; where: { key?: string[]; value?: string[] } }>;

/** The keys of a JSON Pointer (RFC 6901), as ajv gives an error's place. */
function pointerPath(pointer: string): string[] {
    return pointer === '' ? [] : pointer.slice(1).split('/').map(key => key.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const NOWHERE = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** Parses the text of a govrule.json; never throws. A byte-order mark is dropped, as editors do. */
export function parseConfig(rawText: string, root: string, file?: string): GovRuleConfig {
    const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
    const position = positionsOf(text);
    const rangeOf = (span: Span | undefined) => span ? { start: position(span.start), end: position(span.end) } : NOWHERE;
    const problems: ConfigProblem[] = [];
    const reading = readJson(text);
    if (!reading.ok) {
        const problem = { code: 'config' as const, message: t('diagnostics.config.not-json', { file: CONFIG_FILE, reason: reading.message }), range: rangeOf(reading.span) };
        return { ...defaultConfig(root), file, text, problems: [problem] };
    }
    const raw = reading.value;
    if (!isObject(raw)) {
        return { ...defaultConfig(root), file, text, problems: [{ code: 'config', message: t('diagnostics.config.not-object', { file: CONFIG_FILE }), range: rangeOf(reading.values.get(pathKey([]))) }] };
    }
    /** A `config` error at a key (`at: ['lint', code]`) or at a value (`value: ['include', 0]`). */
    const report = (message: string, where: { key?: (string | number)[]; value?: (string | number)[] }) => {
        const span = where.key ? reading.keys.get(pathKey(where.key)) : reading.values.get(pathKey(where.value!));
        problems.push({ code: 'config', message, range: rangeOf(span) });
    };
    for (const d of reading.duplicates) {
        const first = position(d.first.start);
        const line = first.line + 1;
        problems.push({
            code: 'config-duplicate-key',
            message: d.path.length === 0 ? t('diagnostics.config-duplicate-key', { key: d.key, line })
                : t('diagnostics.config-duplicate-key.in', { key: d.key, path: d.path.join('.'), line }),
            range: rangeOf(d.span),
        });
    }
    const obj = raw;
    // What JSON Schema says (language/schema/config.schema.json, the file editors check with),
    // in the words the CLI has always used; `invalid` holds the settings it rejected.
    const invalid = new Set<string>();
    const levelsReported = new Set<string>();
    for (const error of validateSchema(obj) ? [] : validateSchema.errors ?? []) {
        const at = pointerPath(error.instancePath);
        const [setting, code] = at;
        if (setting === undefined) {
            // The only other error at the top: a setting the schema does not know.
            const key = String(error.params.additionalProperty);
            report(t('diagnostics.config.unknown-setting', { name: shortened(key) }), { key: [key] });
        } else if (setting === 'lint' && code !== undefined) {
            // An unknown code is reported below, whatever its level; a code gets one message.
            if (isDiagnosticCode(code) && !levelsReported.has(code)) {
                levelsReported.add(code);
                report(t('diagnostics.config.level', { code: shortened(code), levels: enumeration(CONFIGURED_LEVELS) }), { key: ['lint', code] });
            }
        } else if (!invalid.has(setting)) {
            invalid.add(setting);
            const known = Object.hasOwn(SETTING_PROBLEMS, setting) ? SETTING_PROBLEMS[setting as keyof typeof SETTING_PROBLEMS] : undefined;
            // A setting added to the schema without words here still fails, at its value.
            report(known?.message() ?? (error.message !== undefined ? t('diagnostics.config.invalid-setting', { name: shortened(setting), reason: error.message }) : t('diagnostics.config.invalid-setting-plain', { name: shortened(setting) })), known?.where ?? { value: [setting] });
        }
    }
    // What JSON Schema cannot say: patterns and paths that leave the root, codes that are not
    // lints.
    let include: readonly string[] = DEFAULT_INCLUDE;
    if (Array.isArray(obj.include) && !invalid.has('include')) {
        include = obj.include.filter((pattern: string, i) => {
            if (leavesRoot(pattern)) {
                report(t('diagnostics.config.include-leaves-root', { pattern: shortened(pattern), file: CONFIG_FILE }), { value: ['include', i] });
                return false;
            }
            return true;
        });
    }
    let out: string | undefined;
    if (typeof obj.out === 'string' && !invalid.has('out')) {
        const problem = outProblem(obj.out, root, include);
        if (problem) {
            report(problem, { value: ['out'] });
        } else {
            out = obj.out;
        }
    }
    const lint = new Map<DiagnosticCode, ConfiguredLevel>();
    if (isObject(obj.lint)) {
        for (const [code, level] of Object.entries(obj.lint)) {
            const at = { key: ['lint', code] };
            if (!isDiagnosticCode(code)) {
                const lints = Object.entries(CODES).filter(([, info]) => info.lint).map(([c]) => c);
                report(t('diagnostics.config.unknown-lint', { code: shortened(code), lints: enumeration(lints) }), at);
            } else if (!isConfiguredLevel(level)) {
                // Reported from the schema.
            } else if (!CODES[code].lint && level !== CODES[code].level) {
                report(t('diagnostics.config.not-a-lint', { code: shortened(code) }), at);
            } else {
                lint.set(code, level);
            }
        }
    }
    problems.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    return { root, file, text, include, out, lint, problems };
}

/** A finding about govrule.json as it is reported: in the file, at the level that applies. */
export interface LeveledConfigProblem {
    readonly file: string;
    /** 0-based, end exclusive, as in LSP. */
    readonly start: Position;
    readonly end: Position;
    readonly severity: Level;
    readonly code: DiagnosticCode;
    readonly message: string;
}

/**
 * Findings about govrule.json itself, at the key or value they are about: `config` errors, and
 * lints (`config-duplicate-key`) at the level the same file's `lint` gives them, unless `override`
 * (the editor's settings, in the language server) gives one.
 */
export function configProblems(config: GovRuleConfig | undefined, override?: (code: DiagnosticCode) => ConfiguredLevel | undefined): LeveledConfigProblem[] {
    if (!config?.file) {
        return [];
    }
    const problems: LeveledConfigProblem[] = [];
    for (const p of config.problems) {
        const level = CODES[p.code].lint ? override?.(p.code) ?? config.lint.get(p.code) ?? CODES[p.code].level : CODES[p.code].level;
        if (level === 'off') {
            continue;
        }
        problems.push({
            file: config.file,
            start: p.range.start,
            end: p.range.end,
            severity: level,
            code: p.code,
            message: t('diagnostics.config.in-file', { message: p.message, file: CONFIG_FILE }),
        });
    }
    return problems;
}

/**
 * Whether a glob can only match outside the project root: absolute, or with a `..` segment.
 * Files are matched by their path relative to the root, so such a pattern would match nothing.
 */
export function leavesRoot(pattern: string): boolean {
    const body = pattern.startsWith('!') ? pattern.slice(1) : pattern;
    return body.startsWith('/') || body.startsWith('\\') || /^[A-Za-z]:/.test(body) || body.split(/[\\/]/).includes('..');
}

/** Why `out` cannot be where the bundle goes, if it cannot: outside the root, the configuration, or a source. */
function outProblem(out: string, root: string, include: readonly string[]): string | undefined {
    const relative = path.relative(root, path.resolve(root, out));
    if (relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) {
        return t('diagnostics.config.out-outside-root', { file: CONFIG_FILE, out });
    }
    const posix = relative.split(path.sep).join('/');
    if (path.basename(relative) === CONFIG_FILE) {
        return t('diagnostics.config.out-is-config', { file: CONFIG_FILE });
    }
    if (include.length > 0 && picomatch([...include])(posix)) {
        return t('diagnostics.config.out-is-source', { out });
    }
    return undefined;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Reads the govrule.json of a folder, if it has one. Unreadable files become problems. */
export function readConfigIn(folder: string): GovRuleConfig | undefined {
    const file = path.join(folder, CONFIG_FILE);
    let bytes: Buffer;
    try {
        const stat = fs.statSync(file);
        if (!stat.isFile() && !stat.isDirectory()) {
            // A FIFO or a device would block the read or never end.
            return { ...defaultConfig(folder), file, problems: [{ code: 'config', message: t('diagnostics.config.not-regular', { file: CONFIG_FILE }), range: NOWHERE }] };
        }
        bytes = fs.readFileSync(file);
    } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'ENOTDIR') {
            return undefined;
        }
        return { ...defaultConfig(folder), file, problems: [{ code: 'config', message: t('diagnostics.config.unreadable', { file: CONFIG_FILE, reason: describeIoError(err) }), range: NOWHERE }] };
    }
    let text: string;
    try {
        text = strictUtf8.decode(bytes);
    } catch {
        return { ...defaultConfig(folder), file, problems: [{ code: 'config', message: t('diagnostics.config.not-utf8', { file: CONFIG_FILE }), range: NOWHERE }] };
    }
    return parseConfig(text, folder, file);
}

/** The configuration that governs a folder: the nearest govrule.json at or above it. */
export function findConfig(folder: string): GovRuleConfig | undefined {
    let current = path.resolve(folder);
    for (;;) {
        const config = readConfigIn(current);
        if (config) {
            return config;
        }
        const parent = path.dirname(current);
        if (parent === current) {
            return undefined;
        }
        current = parent;
    }
}
