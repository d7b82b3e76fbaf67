/**
 * Test results as people read them, for `govrule test` and the editor alike: each expectation's
 * subject, expected and actual value, and a failing expectation as one message. The runtime
 * reports ids (it speaks English to platforms); here they become what the reader knows. English
 * keeps the runtime's wording (ids, `2h`), as reports always had; Chinese shows labels with the
 * name (`严重（severe）`) and durations in words (`2 小时`).
 */
import type { Bundle, Value } from '../bundle/types.js';
import { currentLocale, t } from '../l10n/index.js';
import { durationInWords, moneyInWords } from '../l10n/values.js';
import { durationText, expectationDetails, valueText, type ExpectationDetail, type TestResult } from '../runtime/bundle-tests.js';

/** What a bundle calls each id a report may show: severities, posts, authorities, actions, rules. */
export type Names = ReadonlyMap<string, { readonly name: string; readonly label: string | null }>;

export function namesOf(bundle: Pick<Bundle, 'severities' | 'posts' | 'authorities' | 'actions' | 'rules'>): Names {
    const names = new Map<string, { name: string; label: string | null }>();
    for (const list of [bundle.severities, bundle.posts, bundle.authorities, bundle.actions, bundle.rules]) {
        for (const element of list) {
            names.set(element.id, { name: element.name, label: element.label });
        }
    }
    return names;
}

/** One row of a test's report: its subject and both sides, in words. */
export interface ExpectationRow {
    readonly kind: ExpectationDetail['kind'];
    readonly passed: boolean;
    readonly what: string;
    readonly expected: string;
    readonly actual: string;
}

/** How ids and durations read in the current language. */
interface Style {
    id(id: string, names: Names): string;
    duration(seconds: number): string;
    value(value: Value): string;
}

const ENGLISH: Style = {
    id: id => id,
    duration: durationText,
    value: valueText,
};

const CHINESE: Style = {
    id: (id, names) => {
        const known = names.get(id);
        return known?.label ? t('cli.test.value.labelled', { label: known.label, name: known.name }) : t('cli.test.value.unlabelled', { id });
    },
    duration: seconds => durationInWords(durationText(seconds)),
    value: value => {
        if (typeof value === 'object') {
            return 'seconds' in value ? durationInWords(durationText(value.seconds)) : moneyInWords(String(value.amount), value.currency);
        }
        return valueText(value);
    },
};

function style(): Style {
    return currentLocale() === 'en' ? ENGLISH : CHINESE;
}

const KIND_WORDS = {
    rule: 'cli.test.kind.rule',
    actions: 'cli.test.kind.actions',
    arguments: 'cli.test.kind.arguments',
    severity: 'cli.test.kind.severity',
    responsible: 'cli.test.kind.responsible',
    escalation: 'cli.test.kind.escalation',
} as const;

/** The rows of a decided test, in the order of its expectations; none when its event could not be decided. */
export function expectationRows(result: TestResult, names: Names): ExpectationRow[] {
    const shown = style();
    const one = (id: string | null) => (id === null ? t('cli.test.value.none') : shown.id(id, names));
    const list = (ids: readonly string[]) => (ids.length === 0 ? t('cli.test.value.none') : ids.map(id => shown.id(id, names)).join(t('cli.list.separator')));
    return expectationDetails(result).map((detail: ExpectationDetail): ExpectationRow => {
        const what = detail.kind === 'arguments' ? t('cli.test.kind.arguments', { action: shown.id(detail.action, names) }) : t(KIND_WORDS[detail.kind]);
        switch (detail.kind) {
            case 'rule':
            case 'severity':
            case 'responsible':
                return { kind: detail.kind, passed: detail.passed, what, expected: one(detail.expected), actual: one(detail.actual) };
            case 'actions':
                return { kind: detail.kind, passed: detail.passed, what, expected: list(detail.expected), actual: list(detail.actual) };
            case 'arguments': {
                // Each named argument on both sides, in the expectation's order: side by side.
                const params = Object.keys(detail.expected);
                const side = (args: Readonly<Record<string, Value>>) => params.map(name => t('cli.test.value.argument', {
                    name, value: Object.prototype.hasOwnProperty.call(args, name) ? shown.value(args[name]!) : t('cli.test.value.none'),
                })).join(t('cli.list.separator'));
                const actual = detail.actual === null ? t('cli.test.value.action-not-taken', { action: shown.id(detail.action, names) }) : side(detail.actual);
                return { kind: detail.kind, passed: detail.passed, what, expected: side(detail.expected), actual };
            }
            case 'escalation': {
                const { to, withinSeconds } = detail.expected;
                const expected = withinSeconds === null ? shown.id(to, names) : t('cli.test.value.within', { target: shown.id(to, names), duration: shown.duration(withinSeconds) });
                const actual = detail.actual.length === 0
                    ? t('cli.test.value.no-escalation')
                    : detail.actual.map(step => t('cli.test.value.after', { target: shown.id(step.to, names), duration: shown.duration(step.afterSeconds) })).join(t('cli.list.separator'));
                return { kind: detail.kind, passed: detail.passed, what, expected, actual };
            }
        }
    });
}

/** The other rules that matched the test's event, in words; '' when none did. */
export function alsoMatchedText(result: TestResult, names: Names): string {
    const rules = result.decision?.alsoMatched ?? [];
    return rules.length === 0 ? '' : rules.map(id => style().id(id, names)).join(t('cli.list.separator'));
}

/** A rule id as reports show it (the rule that decided a test). */
export function ruleText(id: string, names: Names): string {
    return style().id(id, names);
}

/**
 * The editor's message for a failing test: one per failing expectation (`row`), or, without a
 * row, the reason its event could not be decided. A test without `on` says it ran today.
 */
export function failureMessage(result: TestResult, row: ExpectationRow | undefined, names: Names): string {
    // The name as it stands between double quotes in JSON, as the message always quoted it.
    const test = JSON.stringify(result.test.name).slice(1, -1);
    const when = result.test.on === null ? t('cli.test.failed.today', { date: result.date }) : '';
    if (row === undefined) {
        return t('cli.test.failed-undecidable', { test, error: result.error ?? '', when });
    }
    const matched = row.kind === 'rule' ? alsoMatchedText(result, names) : '';
    const also = matched === '' ? '' : t('cli.test.failed.also-matched', { rules: matched });
    return t('cli.test.failed', { test, what: row.what, expected: row.expected, actual: row.actual, also, when });
}
