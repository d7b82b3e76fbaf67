/** The two ways the runtime refuses input: a bad bundle (at load) and a bad event (per decision). */

/** The bundle is not JSON, not a GovRule bundle, of another format version, or inconsistent. */
export class BundleError extends Error {
    override readonly name = 'BundleError';
}

/** An event the bundle cannot decide: malformed, an unknown category, a missing or mistyped attribute. */
export class EventError extends Error {
    override readonly name = 'EventError';

    constructor(message: string, readonly attribute?: string) {
        super(message);
    }
}

/** A value for a message: short, and never a serialisation of a hostile nested structure. */
export function describeValue(value: unknown): string {
    if (value === null) return 'null';
    if (Array.isArray(value)) return 'an array';
    switch (typeof value) {
        case 'string': return value.length > 40 ? `the text ${JSON.stringify(value.slice(0, 40))}…` : `the text ${JSON.stringify(value)}`;
        case 'number': return `the number ${value}`;
        case 'boolean': return `${value}`;
        case 'object': return 'an object';
        default: return `a ${typeof value}`;
    }
}
