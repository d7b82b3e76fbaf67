/**
 * Fail closed: an exception in any phase of a build (parsing, indexing, linking, validation,
 * compilation) becomes an `internal-error` diagnostic on the document it was building, so a crash
 * can never read as "no problems". The stack travels in the diagnostic's data, for `--debug`.
 */
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver-types';
import { t } from './l10n/index.js';

export type Phase = 'parsing' | 'indexing' | 'scope computation' | 'linking' | 'reference indexing' | 'validation' | 'analysis' | 'compilation';

export interface InternalErrorData {
    readonly code: 'internal-error';
    readonly phase: Phase;
    readonly stack?: string;
}

/** An exception's message on one line and of reasonable length (a message may quote input). */
function describe(err: unknown): string {
    const raw = err instanceof Error ? `${err.name === 'Error' ? '' : `${err.name}: `}${err.message}` : String(err);
    const line = raw.replace(/\s+/g, ' ').trim() || t('diagnostics.internal-error.unknown');
    return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

const START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function internalErrorMessage(phase: Phase, err: unknown): string {
    return t('diagnostics.internal-error', { phase: phaseWords(phase), error: describe(err) });
}

/** "parsing" / "解析": the phase in the message (its data keeps the English name). */
function phaseWords(phase: Phase): string {
    switch (phase) {
        case 'parsing': return t('diagnostics.internal-error.phase.parsing');
        case 'indexing': return t('diagnostics.internal-error.phase.indexing');
        case 'scope computation': return t('diagnostics.internal-error.phase.scope');
        case 'linking': return t('diagnostics.internal-error.phase.linking');
        case 'reference indexing': return t('diagnostics.internal-error.phase.references');
        case 'validation': return t('diagnostics.internal-error.phase.validation');
        case 'analysis': return t('diagnostics.internal-error.phase.analysis');
        case 'compilation': return t('diagnostics.internal-error.phase.compilation');
    }
}

/** The diagnostic for an exception in `phase`, at `range` (by default the start of the document). */
export function internalError(phase: Phase, err: unknown, range: Range = START): Diagnostic {
    const data: InternalErrorData = { code: 'internal-error', phase, stack: err instanceof Error ? err.stack : undefined };
    return { severity: DiagnosticSeverity.Error, range, message: internalErrorMessage(phase, err), code: 'internal-error', data, source: 'govrule' };
}

export function stackOf(diagnostic: Diagnostic): string | undefined {
    const data = diagnostic.data as Partial<InternalErrorData> | undefined;
    return diagnostic.code === 'internal-error' && typeof data?.stack === 'string' ? data.stack : undefined;
}

/**
 * Failures of the phases before validation, kept until validation reports them. Keyed by the
 * document (or, for the parser, which does not know its document, by the tree it returned), one
 * per phase: running a phase again replaces its entry.
 */
const failures = new WeakMap<object, Map<Phase, Diagnostic>>();

export function recordFailure(key: object, phase: Phase, err: unknown): void {
    let byPhase = failures.get(key);
    if (!byPhase) {
        byPhase = new Map();
        failures.set(key, byPhase);
    }
    byPhase.set(phase, internalError(phase, err));
}

export function clearFailure(key: object, phase: Phase): void {
    failures.get(key)?.delete(phase);
}

export function failuresOf(key: object | undefined): readonly Diagnostic[] {
    const byPhase = key === undefined ? undefined : failures.get(key);
    return byPhase ? [...byPhase.values()] : [];
}
