/**
 * The two ways the runtime refuses input: a bad bundle (at load) and a bad event (per decision).
 * No other exception leaves `loadBundle` or `decide` (docs/bundle.md, "The runtime's contract").
 */
import { closestNames } from '../model/text-distance.js';
import { pointerText } from './json-path.js';

/** The bundle is not JSON, not a GovRule bundle, of another format version, too large, or inconsistent. */
export class BundleError extends Error {
    override readonly name = 'BundleError';

    /** @param path the JSON Pointer of the problem ('' for the whole bundle). */
    constructor(message: string, readonly path = '') {
        super(oneLine(message));
    }
}

/** An event the bundle cannot decide: malformed, an unknown category, a missing or mistyped attribute. */
export class EventError extends Error {
    override readonly name = 'EventError';

    constructor(message: string, readonly attribute?: string) {
        super(oneLine(message));
    }
}

/** The bundle breaks the bundle schema at `path`. */
export function schemaError(path: string, detail: string): BundleError {
    return new BundleError(`the bundle does not match the bundle schema: ${pointerText(path)} ${detail}`, path);
}

/** The bundle matches the schema but does not hold together at `path` (an unknown id, a cycle). */
export function inconsistency(path: string, detail: string): BundleError {
    return new BundleError(`the bundle is inconsistent at ${pointerText(path)}: ${detail}`, path);
}

/** Messages are quoted in logs and CLI output: one line, of bounded length, whatever the input held. */
const MAX_MESSAGE = 1000;

function oneLine(message: string): string {
    // eslint-disable-next-line no-control-regex
    const flat = message.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, c => {
        const json = JSON.stringify(c).slice(1, -1);
        // JSON leaves U+007F, U+2028 and U+2029 as they are; some terminals and logs break lines there.
        return json.length > 1 ? json : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
    });
    return flat.length > MAX_MESSAGE ? `${flat.slice(0, MAX_MESSAGE)}…` : flat;
}

/** A value for a message: short, and never a serialisation of a hostile nested structure. */
export function describeValue(value: unknown): string {
    if (value === null) return 'null';
    if (Array.isArray(value)) return 'an array';
    switch (typeof value) {
        case 'string': return `the text ${quote(value)}`;
        case 'number': return `the number ${value}`;
        case 'boolean': return `${value}`;
        case 'object': return 'an object';
        case 'undefined': return 'undefined';
        default: return `a ${typeof value}`;
    }
}

/** A name or text from the input, quoted as JSON and cut after 40 characters. */
export function quote(text: string): string {
    return text.length > 40 ? `${JSON.stringify(text.slice(0, 40))}…` : JSON.stringify(text);
}

/** An id or name from the bundle in single quotes, cut after 60 characters. */
export function idText(id: string): string {
    return `'${id.length > 60 ? `${id.slice(0, 60)}…` : id}'`;
}

/** Edit-distance work (characters × characters) one "did you mean" may cost: a hint is never slow. */
const HINT_BUDGET = 4_000_000;
const HINT_NAME = 200;

/** ` (did you mean 'x'?)`, or '' when nothing is close or the search would cost too much. */
export function hint(name: string, candidates: Iterable<string>): string {
    if (name.length > HINT_NAME) {
        return '';
    }
    const near: string[] = [];
    let cost = 0;
    for (const candidate of candidates) {
        // closestNames allows a third of the longer name to differ: a longer gap cannot be close
        // (lengths in UTF-16 units, which for all but rare astral characters are code points).
        const longer = Math.max(name.length, candidate.length);
        if (Math.abs(name.length - candidate.length) > Math.max(1, Math.floor(longer / 3))) {
            continue;
        }
        cost += (name.length + 1) * (candidate.length + 1);
        if (cost > HINT_BUDGET) {
            return '';
        }
        near.push(candidate);
    }
    const close = closestNames(name, near, 1);
    return close.length > 0 ? ` (did you mean '${close[0]}'?)` : '';
}
