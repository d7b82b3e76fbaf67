/**
 * The one registry of diagnostic codes (LANGUAGE.md §10). Everything that reports a problem
 * names one of these codes; levels can be changed only for lints (`lint: true`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { currentLocale, t, type Locale } from './l10n/index.js';

export type Level = 'error' | 'warning' | 'info' | 'hint';
export type ConfiguredLevel = Level | 'off';

/** The levels govrule.json and the editor's settings may give a lint, in the order messages list them. */
export const CONFIGURED_LEVELS: readonly ConfiguredLevel[] = ['error', 'warning', 'info', 'hint', 'off'];

export function isConfiguredLevel(value: unknown): value is ConfiguredLevel {
    return typeof value === 'string' && (CONFIGURED_LEVELS as readonly string[]).includes(value);
}

export interface CodeInfo {
    readonly level: Level;
    /** Lints can be re-levelled or turned off in govrule.json; errors cannot. */
    readonly lint: boolean;
    readonly summary: string;
}

export const CODES = {
    'syntax': { level: 'error', lint: false, summary: 'the parser cannot read the text' },
    'unresolved-reference': { level: 'error', lint: false, summary: 'a name matches nothing' },
    'ambiguous-reference': { level: 'error', lint: false, summary: 'two imports supply the name' },
    'wrong-kind': { level: 'error', lint: false, summary: 'the name is of another kind than the place expects' },
    'duplicate-name': { level: 'error', lint: false, summary: 'two declarations of one name in a package' },
    'duplicate-clause': { level: 'error', lint: false, summary: 'a rule clause given twice' },
    'missing-clause': { level: 'error', lint: false, summary: 'a required rule clause is absent' },
    'severity-scale': { level: 'error', lint: false, summary: 'no scale, more than one, or fewer than two levels' },
    'duplicate-attribute': { level: 'error', lint: false, summary: 'two attributes of one name in the bundle' },
    'action-arguments': { level: 'error', lint: false, summary: 'missing, unknown, repeated or mistyped action arguments' },
    'type-mismatch': { level: 'error', lint: false, summary: 'a condition compares an attribute with a literal of another type' },
    'escalation-order': { level: 'error', lint: false, summary: 'steps not in strictly increasing time, or a zero duration' },
    'escalation-target': { level: 'error', lint: false, summary: 'the same target twice in one escalation' },
    'invalid-literal': { level: 'error', lint: false, summary: 'impossible date, bad money, bad currency code, bad default' },
    'effective-range': { level: 'error', lint: false, summary: 'an end date before its start' },
    'campaign-period': { level: 'error', lint: false, summary: "a rule's effective period shares no day with its campaign's" },
    'unresolved-import': { level: 'error', lint: false, summary: 'an import names no package or element' },
    'invisible-character': { level: 'error', lint: false, summary: 'an invisible, bidirectional or control character written raw' },
    'unnormalized-name': { level: 'error', lint: false, summary: 'a name not in Unicode normalization form C' },
    'config': { level: 'error', lint: false, summary: 'govrule.json is not valid' },
    'unreadable-file': { level: 'error', lint: false, summary: 'a source file cannot be read or is not valid UTF-8' },
    'internal-error': { level: 'error', lint: false, summary: 'a check failed unexpectedly: a bug in GovRule' },
    'test-failed': { level: 'error', lint: false, summary: 'a test run in the editor failed: an expectation does not hold' },
    'escalates-to-responsible': { level: 'warning', lint: true, summary: "a step escalates to the rule's own responsible post" },
    'duplicate-action': { level: 'warning', lint: true, summary: 'an action listed twice in one rule' },
    'unused-declaration': { level: 'warning', lint: true, summary: 'a post, authority, action, attribute or campaign that nothing uses' },
    'uncovered-category': { level: 'warning', lint: true, summary: 'a leaf category that no enabled rule covers' },
    'critical-without-authority': { level: 'warning', lint: true, summary: 'a top-severity rule whose escalation never reaches an authority' },
    'unreachable-rule': { level: 'warning', lint: true, summary: 'a condition that can never hold' },
    'shadowed-rule': { level: 'warning', lint: true, summary: 'an enabled rule that can never win' },
    'config-duplicate-key': { level: 'warning', lint: true, summary: 'a key given twice in one object of govrule.json' },
    'analysis-budget': { level: 'info', lint: true, summary: 'the search for shadowed rules stopped: too many rules could shadow one another' },
    'confusable-name': { level: 'warning', lint: true, summary: 'two different names visible in one file that look alike' },
    'surface-attribute': { level: 'error', lint: false, summary: "a package's surface attribute is missing, not an enum, or named twice" },
    'post-surface': { level: 'warning', lint: true, summary: 'a rule restricts the surface to values its post does not manage' },
} as const satisfies Record<string, CodeInfo>;

export type DiagnosticCode = keyof typeof CODES;

/** What a code means, in the current language (CODES keeps the English, for the registry's own checks). */
export function codeSummary(code: DiagnosticCode): string {
    return t(`diagnostics.summary.${code}`);
}

export function isDiagnosticCode(code: unknown): code is DiagnosticCode {
    return typeof code === 'string' && Object.prototype.hasOwnProperty.call(CODES, code);
}

/** The published reference of the codes, for programs that run without their docs folder. */
export const DOCS_URL = 'https://github.com/govrule/govrule/blob/main/docs/diagnostics.md';

/** The reference in each language: its path under docs/ (shipped beside out/) and its published copy. */
const DOCS: Record<Locale, { readonly file: readonly string[]; readonly published: string }> = {
    'en': { file: ['diagnostics.md'], published: DOCS_URL },
    'zh-CN': { file: ['zh-CN', 'diagnostics.md'], published: 'https://github.com/govrule/govrule/blob/main/docs/zh-CN/diagnostics.md' },
};

const docsBase = new Map<Locale, string>();

/**
 * Where a code is documented, in the reader's language (the current one unless given); editors
 * link to it from the diagnostic. The package and the VS Code extension ship docs/ beside their
 * bundles (out/), so the link opens the copy that matches the running version, offline.
 */
export function codeDocUrl(code: DiagnosticCode, locale: Locale = currentLocale()): string {
    let base = docsBase.get(locale);
    if (base === undefined) {
        base = DOCS[locale].published;
        try {
            const local = path.resolve(__dirname, '..', 'docs', ...DOCS[locale].file);
            if (fs.existsSync(local)) {
                base = pathToFileURL(local).href;
            }
        } catch {
            // No __dirname (an ES module in tests): keep the published reference.
        }
        docsBase.set(locale, base);
    }
    return `${base}#${code}`;
}

/**
 * What a diagnostic's `data` carries: written by the linker and the checks, read by the quick
 * fixes (lsp/features/code-action-provider.ts).
 */
export interface DiagnosticData {
    /** The diagnostic's code (parser and linker diagnostics repeat it here). */
    readonly code?: string;
    /** The name as written, of an unresolved reference. */
    readonly refText?: string;
    /** Names or words to offer instead. */
    readonly suggestions?: readonly string[];
    /** The keyword of a missing clause. */
    readonly clause?: string;
    /** Missing arguments or attributes, by name. */
    readonly missing?: readonly string[];
    /** The text that replaces the diagnostic's range. */
    readonly replacement?: string;
    /** The id of the rule that shadows this one. */
    readonly by?: string;
}

/** The `data` of a diagnostic, as the quick fixes read it. */
export function diagnosticData(diagnostic: { readonly data?: unknown }): DiagnosticData {
    const data = diagnostic.data;
    return typeof data === 'object' && data !== null ? data : {};
}
