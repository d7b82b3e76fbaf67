/**
 * Characters that can deceive a reader (LANGUAGE.md §2): the one definition of which code points
 * are invisible or control characters, their Unicode names, and how every message and printed
 * excerpt shows them (by code point and name, never raw).
 */
import { NAME_RUNS } from './names-table.js';

/**
 * Invisible, bidirectional and control characters. Tab, line feed and carriage return are not
 * here: they are whitespace where the grammar allows it. Variation selectors are not here either:
 * they pick a glyph of the character before them and hide or reorder nothing.
 */
const INVISIBLE_CLASS = '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\u00AD\\u034F\\u061C\\u115F\\u1160'
    + '\\u17B4\\u17B5\\u180E\\u200B-\\u200F\\u2028-\\u202E\\u2060-\\u206F\\u3164\\uFEFF\\uFFA0\\uFFF9-\\uFFFB'
    + '\\u{1D173}-\\u{1D17A}\\u{E0000}-\\u{E007F}';

const INVISIBLE = new RegExp(`[${INVISIBLE_CLASS}]`, 'u');

/** A fresh global pattern for scanning a text (global regexes carry state, so never share one). */
export function invisiblePattern(): RegExp {
    return new RegExp(`[${INVISIBLE_CLASS}]`, 'gu');
}

/**
 * Characters that are certainly not invisible and make up nearly all GovRule text: ASCII,
 * Latin, CJK ideographs and punctuation, full-width forms. Scanning for anything else first is
 * an order of magnitude faster than testing the invisible class at every position.
 */
const ORDINARY_RUN = /[\t\n\r\u0020-\u007E\u00A0-\u00AC\u00AE-\u02FF\u3000-\u3163\u3165-\u9FFF\uFF00-\uFF9F]*/y;

/** Whether the text holds any invisible or control character (see INVISIBLE_CLASS). */
export function containsInvisible(text: string): boolean {
    let at = 0;
    while (at < text.length) {
        ORDINARY_RUN.lastIndex = at;
        ORDINARY_RUN.test(text);
        at = ORDINARY_RUN.lastIndex;
        if (at >= text.length) {
            return false;
        }
        const codePoint = text.codePointAt(at)!;
        if (isInvisible(codePoint)) {
            return true;
        }
        at += codePoint > 0xffff ? 2 : 1;
    }
    return false;
}

export function isInvisible(codePoint: number): boolean {
    return INVISIBLE.test(String.fromCodePoint(codePoint));
}

/** Bidirectional formatting characters (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069). */
export function isBidiControl(codePoint: number): boolean {
    return codePoint === 0x061c || codePoint === 0x200e || codePoint === 0x200f
        || (codePoint >= 0x202a && codePoint <= 0x202e) || (codePoint >= 0x2066 && codePoint <= 0x2069);
}

/** `U+202E`: four to six hex digits, as Unicode writes code points. */
export function codePointLabel(codePoint: number): string {
    return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The escape that writes the character in a GovRule string: `\u{202E}`. */
export function escapeSequence(codePoint: number): string {
    return `\\u{${codePoint.toString(16).toUpperCase()}}`;
}

/**
 * How a message names a character: `U+202E RIGHT-TO-LEFT OVERRIDE` for one that cannot be shown,
 * `'，' (U+FF0C FULLWIDTH COMMA)` for one that can.
 */
export function describeCharacter(char: string): string {
    const { shown, label } = characterParts(char);
    return shown !== undefined ? `'${shown}' (${label})` : label;
}

/**
 * The parts of describeCharacter, for messages in other languages: the character itself when it
 * may be shown, and its code point with its Unicode name (which stays as Unicode writes it).
 */
export function characterParts(char: string): { readonly shown?: string; readonly label: string } {
    const codePoint = char.codePointAt(0) ?? 0;
    const name = characterName(codePoint);
    const label = name ? `${codePointLabel(codePoint)} ${name}` : codePointLabel(codePoint);
    return isShowable(char) ? { shown: String.fromCodePoint(codePoint), label } : { label };
}

/** Whether a character may be quoted raw in a message: a visible letter, digit, punctuation or symbol. */
function isShowable(char: string): boolean {
    const codePoint = char.codePointAt(0) ?? 0;
    return !isInvisible(codePoint) && /^[\p{L}\p{N}\p{P}\p{S}]/u.test(String.fromCodePoint(codePoint));
}

/**
 * Replaces every invisible or control character (tab and line breaks are neither) by its escape
 * (`\u{202E}`), so that printing the text cannot reorder or hide anything.
 */
export function escapeInvisible(text: string): string {
    return containsInvisible(text) ? text.replace(invisiblePattern(), char => escapeSequence(char.codePointAt(0)!)) : text;
}

/**
 * The same for JSON text: invisible characters (which JSON can only hold inside strings) become
 * JSON escapes (`\u202E`), so the values are unchanged and the bytes are safe to show.
 */
export function escapeInvisibleInJson(json: string): string {
    return !containsInvisible(json) ? json : json.replace(invisiblePattern(), char => {
        let escaped = '';
        for (let i = 0; i < char.length; i++) {
            escaped += `\\u${char.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0')}`;
        }
        return escaped;
    });
}

/**
 * The Unicode name (for controls, the name alias) of a code point, when known here: the generated
 * table covers controls, Latin, punctuation and the invisible characters; CJK ideographs are named
 * by rule.
 */
export function characterName(codePoint: number): string | undefined {
    if ((codePoint >= 0x3400 && codePoint <= 0x4dbf) || (codePoint >= 0x4e00 && codePoint <= 0x9fff)
        || (codePoint >= 0x20000 && codePoint <= 0x3134f)) {
        return `CJK UNIFIED IDEOGRAPH-${hex(codePoint)}`;
    }
    if ((codePoint >= 0xf900 && codePoint <= 0xfa6d) || (codePoint >= 0xfa70 && codePoint <= 0xfad9)) {
        return `CJK COMPATIBILITY IDEOGRAPH-${hex(codePoint)}`;
    }
    return namesByCodePoint().get(codePoint);
}

function hex(codePoint: number): string {
    return codePoint.toString(16).toUpperCase().padStart(4, '0');
}

let names: Map<number, string> | undefined;

/** The generated runs, unpacked on first use (most runs name no unusual character at all). */
function namesByCodePoint(): Map<number, string> {
    if (!names) {
        names = new Map();
        for (const [start, run] of NAME_RUNS) {
            run.split('|').forEach((name, i) => names!.set(start + i, name));
        }
    }
    return names;
}
