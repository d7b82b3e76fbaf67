/**
 * Applies the project's choices to a document's diagnostics: lint levels from govrule.json (below
 * the editor's `govrule.lint` setting, when a language server has one) and `// govrule-ignore code`
 * comments (LANGUAGE.md §12). Errors keep their level and cannot be silenced; this is the one place
 * where the levels of `.govrule` documents' diagnostics change.
 */
import { AstUtils, type LangiumDocument, type URI } from 'langium';
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver-types';
import { CODES, isDiagnosticCode, type ConfiguredLevel, type DiagnosticCode } from '../diagnostics.js';
import type { ConfigProvider } from '../config/config-provider.js';

const SEVERITY: Record<Exclude<ConfiguredLevel, 'off'>, DiagnosticSeverity> = {
    error: DiagnosticSeverity.Error,
    warning: DiagnosticSeverity.Warning,
    info: DiagnosticSeverity.Information,
    hint: DiagnosticSeverity.Hint,
};

// Within one line: the codes end where the comment does.
export const IGNORE_PATTERN = /\/\/[ \t]*govrule-ignore[ \t]+([A-Za-z-]+(?:[ \t]*,?[ \t]*[A-Za-z-]+)*)/g;

interface Suppression {
    readonly codes: ReadonlySet<string>;
    readonly range: Range;
}

/** Lint levels set outside the project's files (the editor's settings); they win over govrule.json. */
export interface LintOverrides {
    levelFor(uri: URI, code: DiagnosticCode): ConfiguredLevel | undefined;
}

export class DiagnosticPolicy {
    constructor(private readonly configs: ConfigProvider, private readonly overrides?: LintOverrides) { }

    apply(document: LangiumDocument, diagnostics: Diagnostic[]): Diagnostic[] {
        const config = this.configs.forDocument(document.uri);
        const suppressions = findSuppressions(document);
        const result: Diagnostic[] = [];
        for (const diagnostic of diagnostics) {
            const code = diagnostic.code;
            if (!isDiagnosticCode(code) || !CODES[code].lint) {
                result.push(diagnostic);
                continue;
            }
            if (suppressions.some(s => s.codes.has(code) && contains(s.range, diagnostic.range))) {
                continue;
            }
            const level = this.overrides?.levelFor(document.uri, code) ?? config?.lint.get(code) ?? CODES[code].level;
            if (level !== 'off') {
                result.push({ ...diagnostic, severity: SEVERITY[level] });
            }
        }
        return result;
    }
}

/**
 * Each ignore comment covers the declaration or clause that follows it (blank lines and other
 * comments may stand between), or, written after code on the same line, the node that starts there.
 */
function findSuppressions(document: LangiumDocument): Suppression[] {
    const text = document.textDocument.getText();
    if (!text.includes('govrule-ignore')) {
        return [];
    }
    const pending: Array<{ offset: number; line: number; trailing: boolean; codes: Set<string> }> = [];
    for (const match of text.matchAll(IGNORE_PATTERN)) {
        const offset = match.index ?? 0;
        const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
        pending.push({
            offset: offset + match[0].length,
            line: document.textDocument.positionAt(offset).line,
            trailing: text.slice(lineStart, offset).trim().length > 0,
            codes: new Set(match[1].split(/[\s,]+/))
        });
    }
    const suppressions: Suppression[] = [];
    const root = document.parseResult.value;
    // Pre-order visits nodes by start offset (and so by start line), outermost first: each comment
    // is matched by the first node at or after it (or, trailing, the first on its line), found by
    // walking the comments alongside the nodes rather than trying every comment at every node.
    const following = pending.filter(p => !p.trailing);
    const trailing = pending.filter(p => p.trailing);
    let next = 0;
    let nextTrailing = 0;
    for (const node of AstUtils.streamAst(root)) {
        if (next >= following.length && nextTrailing >= trailing.length) {
            break;
        }
        const cst = node.$cstNode;
        if (!cst || node === root) {
            continue;
        }
        for (; next < following.length && following[next].offset <= cst.offset; next++) {
            suppressions.push({ codes: following[next].codes, range: cst.range });
        }
        const line = cst.range.start.line;
        for (; nextTrailing < trailing.length && trailing[nextTrailing].line <= line; nextTrailing++) {
            if (trailing[nextTrailing].line === line) {
                suppressions.push({ codes: trailing[nextTrailing].codes, range: cst.range });
            }
        }
    }
    return suppressions;
}

function contains(outer: Range, inner: Range): boolean {
    const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
    return before(outer.start, inner.start) && before(inner.end, outer.end);
}
