/**
 * A second evaluator of LANGUAGE.md §8, written from the language reference and docs/bundle.md
 * without the runtime's code: conditions are run by json-logic-js, the rest is a literal reading
 * of the text. It is deliberately plain (it sorts every match) so that it is easy to check by eye.
 */
import jsonLogic from 'json-logic-js';

export interface IndependentBundle {
    severities: Array<{ id: string; rank: number }>;
    attributes: Array<{ name: string; type: 'number' | 'boolean' | 'text' | 'enum'; values: string[] | null; default: string | number | boolean | null }>;
    categories: Array<{ id: string; parent: string | null }>;
    rules: Array<{
        id: string;
        categories: string[];
        severity: string;
        responsible: string;
        actions: unknown[];
        escalation: unknown[];
        when: unknown;
        priority: number;
        enabled: boolean;
        effective: { from: string | null; to: string | null };
        campaign: string | null;
    }>;
}

/** A decision as §8 defines it, or the attributes at fault for an event that cannot be decided ([] when the fault is not an attribute's). */
export type IndependentResult = { decision: Record<string, unknown> } | { faults: string[] };

const NO_ATTRIBUTE: IndependentResult = { faults: [] };

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function own(record: Record<string, unknown>, key: string): unknown {
    return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

function isDate(text: unknown): text is string {
    if (typeof text !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
    // A calendar date survives the round trip through Date; 2026-02-29 becomes March 1st.
    const date = new Date(`${text}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

function fits(value: unknown, attribute: IndependentBundle['attributes'][number]): boolean {
    switch (attribute.type) {
        case 'number': return typeof value === 'number' && Number.isFinite(value);
        case 'boolean': return typeof value === 'boolean';
        case 'text': return typeof value === 'string';
        case 'enum': return typeof value === 'string' && attribute.values!.includes(value);
    }
}

export function independentDecision(bundle: IndependentBundle, event: unknown, today: string): IndependentResult {
    if (!isRecord(event)) return NO_ATTRIBUTE;
    const id = own(event, 'id');
    if (id !== undefined && typeof id !== 'string' && !(typeof id === 'number' && Number.isFinite(id))) return NO_ATTRIBUTE;
    const parents = new Map(bundle.categories.map(c => [c.id, c.parent]));
    const category = own(event, 'category');
    if (typeof category !== 'string' || !parents.has(category)) return NO_ATTRIBUTE;
    const givenDate = own(event, 'date');
    const date = givenDate === undefined || givenDate === null ? today : givenDate;
    if (!isDate(date)) return NO_ATTRIBUTE;
    const given = own(event, 'attributes') ?? {};
    if (!isRecord(given)) return NO_ATTRIBUTE;

    // Missing attributes take their default; null is missing; a missing required one is an error.
    const data: Record<string, unknown> = {};
    const faults: string[] = [];
    for (const attribute of bundle.attributes) {
        const value = own(given, attribute.name);
        let resolved: unknown;
        if (value === undefined || value === null) {
            if (attribute.default === null) faults.push(attribute.name);
            resolved = attribute.default;
        } else if (fits(value, attribute)) {
            resolved = value;
        } else {
            faults.push(attribute.name);
        }
        // defineProperty: a name such as `__proto__` is an ordinary key of the data.
        Object.defineProperty(data, attribute.name, { value: resolved, enumerable: true });
    }
    if (faults.length > 0) return { faults };

    const depthOf = (c: string): number => {
        let depth = 0;
        for (let p = parents.get(c); p; p = parents.get(p)) depth++;
        return depth;
    };
    const path: string[] = [];
    for (let c: string | null | undefined = category; c; c = parents.get(c)) path.push(c);
    const rank = new Map(bundle.severities.map(s => [s.id, s.rank]));

    const matches = bundle.rules
        .map((rule, index) => ({ rule, index, on: rule.categories.filter(c => path.includes(c)) }))
        .filter(({ rule, on }) => rule.enabled
            && (rule.effective.from === null || date >= rule.effective.from)
            && (rule.effective.to === null || date <= rule.effective.to)
            && on.length > 0
            && jsonLogic.truthy(jsonLogic.apply(rule.when as jsonLogic.RulesLogic, data)))
        .map(m => ({ ...m, depth: Math.max(...m.on.map(depthOf)), rank: rank.get(m.rule.severity)! }))
        .sort((a, b) => b.rule.priority - a.rule.priority || b.depth - a.depth || b.rank - a.rank || a.index - b.index);

    const winner = matches[0]?.rule;
    return {
        decision: {
            ...(id === undefined ? {} : { id }),
            rule: winner?.id ?? null,
            campaign: winner?.campaign ?? null,
            severity: winner?.severity ?? null,
            actions: winner?.actions ?? [],
            responsible: winner?.responsible ?? null,
            escalation: winner?.escalation ?? [],
            alsoMatched: matches.slice(1).map(m => m.rule.id),
        },
    };
}
