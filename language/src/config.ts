/**
 * Project configuration, `govrule.json` (LANGUAGE.md §12). The CLI and the language server read
 * it through here; problems in it are reported with the code `config`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CODES, isDiagnosticCode, type ConfiguredLevel, type DiagnosticCode } from './diagnostics.js';
import { quoted } from './quote.js';

export const CONFIG_FILE = 'govrule.json';
export const DEFAULT_INCLUDE = ['**/*.govrule'];
const LEVELS: readonly string[] = ['error', 'warning', 'info', 'hint', 'off'];

export interface ConfigProblem {
    readonly message: string;
    /** The JSON key or value the problem is about, to place it precisely. */
    readonly near?: string;
}

export interface GovRuleConfig {
    /** The folder the configuration applies to: the project root. */
    readonly root: string;
    /** The file it was read from, when there is one. */
    readonly file?: string;
    readonly include: readonly string[];
    readonly out?: string;
    readonly lint: ReadonlyMap<DiagnosticCode, ConfiguredLevel>;
    readonly problems: readonly ConfigProblem[];
}

export function defaultConfig(root: string): GovRuleConfig {
    return { root, include: DEFAULT_INCLUDE, lint: new Map(), problems: [] };
}

/** Parses the text of a govrule.json; never throws. */
export function parseConfig(text: string, root: string, file?: string): GovRuleConfig {
    const problems: ConfigProblem[] = [];
    let raw: unknown;
    try {
        raw = JSON.parse(text);
    } catch (err) {
        return { ...defaultConfig(root), file, problems: [{ message: `${CONFIG_FILE} is not valid JSON: ${(err as Error).message}` }] };
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
        return { ...defaultConfig(root), file, problems: [{ message: `${CONFIG_FILE} must hold a JSON object` }] };
    }
    const obj = raw as Record<string, unknown>;
    let include: readonly string[] = DEFAULT_INCLUDE;
    if (obj.include !== undefined) {
        if (Array.isArray(obj.include) && obj.include.every(g => typeof g === 'string' && g.length > 0)) {
            include = obj.include as string[];
        } else {
            problems.push({ message: '"include" must be a list of glob patterns', near: 'include' });
        }
    }
    let out: string | undefined;
    if (obj.out !== undefined) {
        if (typeof obj.out === 'string' && obj.out.length > 0) {
            out = obj.out;
        } else {
            problems.push({ message: '"out" must be a file path', near: 'out' });
        }
    }
    const lint = new Map<DiagnosticCode, ConfiguredLevel>();
    if (obj.lint !== undefined) {
        if (typeof obj.lint !== 'object' || obj.lint === null || Array.isArray(obj.lint)) {
            problems.push({ message: '"lint" must map diagnostic codes to levels', near: 'lint' });
        } else {
            for (const [code, level] of Object.entries(obj.lint as Record<string, unknown>)) {
                if (!isDiagnosticCode(code)) {
                    const lints = Object.entries(CODES).filter(([, info]) => info.lint).map(([c]) => c);
                    problems.push({ message: `Unknown lint ${quoted(code)} (lints: ${lints.join(', ')})`, near: code });
                } else if (typeof level !== 'string' || !LEVELS.includes(level)) {
                    problems.push({ message: `Level of ${quoted(code)} must be one of ${LEVELS.join(', ')}`, near: code });
                } else if (!CODES[code].lint && level !== CODES[code].level) {
                    problems.push({ message: `${quoted(code)} is an error and cannot be changed or turned off; only lints can`, near: code });
                } else {
                    lint.set(code, level as ConfiguredLevel);
                }
            }
        }
    }
    for (const key of Object.keys(obj)) {
        if (!['include', 'out', 'lint', '$schema'].includes(key)) {
            problems.push({ message: `Unknown setting ${quoted(key)} (settings: include, out, lint)`, near: key });
        }
    }
    return { root, file, include, out, lint, problems };
}

/** Reads the govrule.json of a folder, if it has one. Unreadable files become problems. */
export function readConfigIn(folder: string): GovRuleConfig | undefined {
    const file = path.join(folder, CONFIG_FILE);
    let text: string;
    try {
        text = fs.readFileSync(file, 'utf8');
    } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'ENOTDIR') {
            return undefined;
        }
        return { ...defaultConfig(folder), file, problems: [{ message: `Cannot read ${CONFIG_FILE}: ${(err as Error).message}` }] };
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
