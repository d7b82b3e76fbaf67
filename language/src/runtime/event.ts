/**
 * Events (§8): `{ category, attributes, date? }` checked against the bundle and turned into an
 * array of attribute values with defaults applied. Safe with hostile input: attribute names are
 * looked up in a Map (so `__proto__` or `constructor` are ordinary names), values must be scalars
 * of the attribute's type, and nothing walks into nested structures.
 */
import type { Scalar } from '../bundle/types.js';
import { isCalendarDate } from '../model/dates.js';
import type { CategoryInfo, LoadedBundle } from './bundle-loader.js';
import { fitsType, type AttributeInfo } from './conditions.js';
import { EventError, describeValue, hint } from './errors.js';
import { quoted } from '../model/quote.js';

export interface DecisionEvent {
    /** A category id as in the bundle. */
    readonly category: string;
    /** Values by attribute name; may be left out when every attribute has a default. */
    readonly attributes?: Readonly<Record<string, unknown>>;
    /** `YYYY-MM-DD`; default: the decision's date option, else the current UTC date. */
    readonly date?: string;
    /** Copied into the decision, so that a stream of decisions can be matched to its events. */
    readonly id?: string | number;
}

export interface EventOptions {
    /** The date of an event that has none (default: the current UTC date). */
    readonly date?: string;
    /**
     * Reject what the bundle does not know: attributes it does not declare and event keys other
     * than category, attributes, date and id. By default they are ignored, so that events may
     * carry facts for other bundles or newer rules.
     */
    readonly strict?: boolean;
    /** Record which values the event gave (explain marks defaults); off on the fast path. */
    readonly trackGiven?: boolean;
}

export interface NormalizedEvent {
    readonly id?: string | number;
    readonly category: CategoryInfo;
    readonly date: string;
    /** By attribute index; every slot filled (a given value or the default). */
    readonly values: readonly Scalar[];
    /** By attribute index: whether the event gave the value; empty unless `trackGiven`. */
    readonly given: readonly boolean[];
}

const EVENT_KEYS = new Set(['category', 'attributes', 'date', 'id']);

/** Today in UTC as `YYYY-MM-DD`. */
export function todayUtc(): string {
    return new Date().toISOString().slice(0, 10);
}

export function normalizeEvent(loaded: LoadedBundle, event: unknown, options: EventOptions = {}): NormalizedEvent {
    if (typeof event !== 'object' || event === null || Array.isArray(event)) {
        throw new EventError(`an event is an object { "category", "attributes", "date" }, not ${describeValue(event)}`);
    }
    const record = event as Record<string, unknown>;
    if (options.strict) {
        for (const key of Object.keys(record)) {
            if (!EVENT_KEYS.has(key)) {
                throw new EventError(`unknown key ${JSON.stringify(key)} in the event (expected category, attributes, date, id)`);
            }
        }
    }
    const id = own(record, 'id');
    if (id !== undefined && typeof id !== 'string' && !(typeof id === 'number' && Number.isFinite(id))) {
        throw new EventError(`the event's "id" must be a string or a number, not ${describeValue(id)}`);
    }
    const category = categoryOf(loaded, own(record, 'category'));
    const date = dateOf(own(record, 'date'), options);
    const given: boolean[] = [];
    const values = valuesOf(loaded, own(record, 'attributes'), options.strict === true, options.trackGiven ? given : undefined);
    return id === undefined ? { category, date, values, given } : { id: id as string | number, category, date, values, given };
}

/** Own properties only: an event's prototype chain is not part of it. */
function own(record: Record<string, unknown>, key: string): unknown {
    return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

function categoryOf(loaded: LoadedBundle, category: unknown): CategoryInfo {
    if (typeof category !== 'string') {
        throw new EventError(category === undefined ? 'the event has no "category"' : `the event's "category" must be a category id, not ${describeValue(category)}`);
    }
    const info = loaded.categories.get(category);
    if (!info) {
        throw new EventError(`unknown category ${JSON.stringify(category.slice(0, 200))}${hint(category, loaded.categories.keys())}`);
    }
    return info;
}

/**
 * The last date found valid: a stream's events mostly share a few dates. None at first, so that
 * the first event's date is checked too (an empty text is not a date).
 */
let lastDate: string | undefined;

function dateOf(date: unknown, options: EventOptions): string {
    if (date === undefined || date === null) {
        if (options.date === undefined) {
            return todayUtc();
        }
        date = options.date;
    }
    if (typeof date !== 'string' || (date !== lastDate && !isCalendarDate(date))) {
        throw new EventError(`the event's "date" must be a calendar date YYYY-MM-DD, not ${describeValue(date)}`);
    }
    lastDate = date;
    return date;
}

function valuesOf(loaded: LoadedBundle, attributes: unknown, strict: boolean, given: boolean[] | undefined): Scalar[] {
    const list = loaded.attributeList;
    const values = new Array<Scalar>(list.length);
    if (attributes !== undefined && attributes !== null) {
        if (typeof attributes !== 'object' || Array.isArray(attributes)) {
            throw new EventError(`the event's "attributes" must be an object of attribute values, not ${describeValue(attributes)}`);
        }
        const record = attributes as Record<string, unknown>;
        for (const name of Object.keys(record)) {
            const info = loaded.attributes.get(name);
            if (!info) {
                if (strict) {
                    throw new EventError(`unknown attribute ${JSON.stringify(name.slice(0, 200))}${hint(name, loaded.attributes.keys())}`, name);
                }
                continue;
            }
            const value = record[name];
            // null stands for "not given", as JSON producers often write absent facts.
            if (value === null) {
                continue;
            }
            if (!fitsType(value, info)) {
                throw new EventError(`attribute ${quoted(name)} must be ${typeText(info)}, not ${describeValue(value)}`, name);
            }
            values[info.index] = value;
        }
    }
    let missing: string[] | undefined;
    for (const info of list) {
        if (given) {
            given[info.index] = values[info.index] !== undefined;
        }
        if (values[info.index] === undefined) {
            if (info.default === null) {
                (missing ??= []).push(info.name);
            } else {
                values[info.index] = info.default;
            }
        }
    }
    if (missing) {
        const names = missing.map(n => `${quoted(n)}`).join(', ');
        throw new EventError(`the event lacks required ${missing.length === 1 ? 'attribute' : 'attributes'} ${names} (no default)`, missing[0]);
    }
    return values;
}

function typeText(info: AttributeInfo): string {
    switch (info.type) {
        case 'number': return 'a number';
        case 'boolean': return 'true or false';
        case 'text': return 'a text';
        case 'enum': return `one of ${info.values!.join(', ')}`;
    }
}
