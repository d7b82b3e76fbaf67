/**
 * Reports of `govrule test`: text for people (each test, failures with expected and actual side
 * by side, the summary line), JUnit XML and JSON for CI. Output is deterministic: no timings.
 */
import * as path from 'node:path';
import type { Coverage, CoverageItem, TestResult } from '../runtime/index.js';
import { displayPath } from './files.js';
import { escapeInvisible, escapeInvisibleInJson } from '../unicode/characters.js';
import { displayWidth, padToWidth as pad } from '../unicode/width.js';
import { t } from '../l10n/index.js';
import { alsoMatchedText, expectationRows, type Names } from '../reports/test-results.js';

export type Reporter = 'text' | 'junit' | 'json';
export const REPORTERS: readonly Reporter[] = ['text', 'junit', 'json'];

export interface TestReportContext {
    readonly cwd: string;
    /** The project root, to which test source paths are relative. */
    readonly root: string;
    /** Names and labels of the bundle's ids, to show values as people know them. */
    readonly names: Names;
}

/** `N passed, N failed`: the line CI logs are searched for. */
export function summaryLine(results: readonly TestResult[]): string {
    const passed = results.filter(r => r.passed).length;
    return t('cli.test.summary-line', { passed, failed: results.length - passed });
}

function fileOf(result: TestResult, ctx: TestReportContext): string {
    return displayPath(path.resolve(ctx.root, result.test.source.file), ctx.cwd);
}

// ---- text ----

export function textReport(results: readonly TestResult[], coverage: Coverage | undefined, ctx: TestReportContext): string {
    const out: string[] = [];
    for (const result of results) {
        out.push(`${t(result.passed ? 'cli.test.pass' : 'cli.test.fail')} ${fileOf(result, ctx)}:${result.test.source.line} ${result.test.name}`);
        if (!result.passed) {
            out.push(...failureDetails(result, ctx.names).map(line => `     ${line}`));
        }
    }
    if (coverage) {
        out.push('', ...coverageText(coverage), '');
    }
    out.push(summaryLine(results));
    // Test names and paths may hold invisible characters (written as escapes): print them as escapes.
    return `${escapeInvisible(out.join('\n'))}\n`;
}

/** The failing test's date, then one row per expectation: what, expected, actual. */
function failureDetails(result: TestResult, names: Names): string[] {
    const lines = [t(result.test.on === null ? 'cli.test.on-today' : 'cli.test.on', { date: result.date })];
    if (result.error !== undefined) {
        lines.push(t('cli.test.error', { error: result.error }));
        return lines;
    }
    const header = ['', t('cli.test.column.what'), t('cli.test.column.expected'), t('cli.test.column.actual')];
    const rows = [header, ...expectationRows(result, names).map(e => [e.passed ? '✓' : '✗', e.what, e.expected, e.actual])];
    const widths = [1, 2].map(col => Math.max(...rows.map(row => displayWidth(row[col]!))));
    for (const row of rows) {
        const cells = [row[0] || ' ', pad(row[1]!, widths[0]!), pad(row[2]!, widths[1]!), row[3]];
        lines.push(cells.join('  ').trimEnd());
    }
    const also = alsoMatchedText(result, names);
    if (also !== '') {
        lines.push(t('cli.test.also-matched', { rules: also }));
    }
    return lines;
}

export function coverageText(coverage: Coverage): string[] {
    const line = (label: string, item: CoverageItem) => {
        const total = item.covered.length + item.missed.length;
        return `  ${pad(label, 19)}${t('cli.coverage.ratio', { covered: String(item.covered.length).padStart(4), total, percent: item.percent.toFixed(1) })}`;
    };
    const lines = [
        t('cli.coverage.title'),
        line(t('cli.coverage.rules'), coverage.rules),
        line(t('cli.coverage.leaf-categories'), coverage.leafCategories),
        line(t('cli.coverage.escalation-targets'), coverage.escalationTargets),
    ];
    const missed = (title: string, item: CoverageItem) => {
        if (item.missed.length > 0) {
            lines.push(title, ...item.missed.map(id => `  ${id}`));
        }
    };
    missed(t('cli.coverage.missed.rules'), coverage.rules);
    missed(t('cli.coverage.missed.leaf-categories'), coverage.leafCategories);
    missed(t('cli.coverage.missed.escalation-targets'), coverage.escalationTargets);
    return lines;
}

// ---- json ----

export function jsonReport(results: readonly TestResult[], coverage: Coverage | undefined, ctx: TestReportContext): string {
    const passed = results.filter(r => r.passed).length;
    const report = {
        passed,
        failed: results.length - passed,
        tests: results.map(r => ({
            name: r.test.name,
            file: fileOf(r, ctx),
            line: r.test.source.line,
            column: r.test.source.column,
            passed: r.passed,
            date: r.date,
            // The runtime's own fields: the same in every language.
            expectations: r.expectations.map(e => ({ kind: e.kind, passed: e.passed, expected: e.expected, actual: e.actual })),
            ...(r.error !== undefined ? { error: r.error } : {}),
            ...(r.decision ? { decision: r.decision } : {}),
        })),
        ...(coverage ? { coverage } : {}),
    };
    return `${escapeInvisibleInJson(JSON.stringify(report, null, 2))}\n`;
}

// ---- JUnit XML ----

/** One testsuite per file, one testcase per test; an undecidable event is an <error>, a wrong decision a <failure>. */
export function junitReport(results: readonly TestResult[], ctx: TestReportContext): string {
    const byFile = new Map<string, TestResult[]>();
    for (const result of results) {
        const file = fileOf(result, ctx);
        byFile.set(file, [...(byFile.get(file) ?? []), result]);
    }
    const counts = (list: readonly TestResult[]) => {
        const errors = list.filter(r => r.error !== undefined).length;
        const failures = list.filter(r => !r.passed).length - errors;
        return `tests="${list.length}" failures="${failures}" errors="${errors}"`;
    };
    const out = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="govrule" ${counts(results)}>`];
    for (const [file, list] of byFile) {
        out.push(`  <testsuite name="${xml(file)}" ${counts(list)}>`);
        for (const result of list) {
            const attrs = `name="${xml(result.test.name)}" classname="${xml(file)}" file="${xml(file)}" line="${result.test.source.line}"`;
            if (result.passed) {
                out.push(`    <testcase ${attrs}/>`);
                continue;
            }
            out.push(`    <testcase ${attrs}>`);
            const details = xml(failureDetails(result, ctx.names).join('\n'), false);
            if (result.error !== undefined) {
                out.push(`      <error message="${xml(result.error)}" type="event">${details}</error>`);
            } else {
                const failed = expectationRows(result, ctx.names).filter(e => !e.passed);
                const message = failed.map(e => t('cli.test.junit.failure', { what: e.what, expected: e.expected, actual: e.actual })).join(t('cli.clause.separator'));
                out.push(`      <failure message="${xml(message)}" type="expectation">${details}</failure>`);
            }
            out.push('    </testcase>');
        }
        out.push('  </testsuite>');
    }
    out.push('</testsuites>');
    return `${escapeInvisible(out.join('\n'))}\n`;
}

/**
 * Escapes for attribute values (line breaks and tabs as character references, which attribute
 * normalisation would otherwise turn into spaces) or element text, dropping characters XML 1.0
 * cannot carry at all.
 */
export function xml(text: string, attribute = true): string {
    const escaped = text
        // eslint-disable-next-line no-control-regex
        .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/\r/g, '&#13;');
    return attribute ? escaped.replace(/\n/g, '&#10;').replace(/\t/g, '&#9;') : escaped;
}
