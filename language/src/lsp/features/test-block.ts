/**
 * "Save as test": an event and its current decision as a `test` block (LANGUAGE.md §7) that
 * pins the decision down: `given` the event's category and the attributes it gives, `on` its
 * date, and `expect` the winning rule (or `none`), its actions, severity, responsible post and
 * each escalation step. Names are written the shortest way that resolves to the same element
 * in the file that receives the block (`nameIn`); the text is laid out by the formatter.
 */
import type { LangiumCoreServices } from 'langium';
import type { Bundle, Scalar } from '../../bundle/types.js';
import { formatText } from '../../format/formatter.js';
import { durationText, type Decision } from '../../runtime/index.js';

/** How an element's id is written in the receiving file. */
export type NameIn = (id: string) => string;

export interface TestBlockInput {
    readonly bundle: Bundle;
    readonly name: string;
    readonly category: string;
    /** Only the attributes the event gives: defaults stay defaults. */
    readonly attributes: Readonly<Record<string, Scalar>>;
    readonly date: string;
    readonly decision: Decision;
    readonly nameIn: NameIn;
}

/** A GovRule string literal (§2: the escapes \" \\ \n \t and \uXXXX). */
export function stringLiteral(text: string): string {
    return `"${text.replace(/[\u0000-\u001f\u007f"\\]/g, ch => {
        switch (ch) {
            case '"': return '\\"';
            case '\\': return '\\\\';
            case '\n': return '\\n';
            case '\t': return '\\t';
            default: return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
        }
    })}"`;
}

function literal(value: Scalar, type: string | undefined): string {
    if (type === 'enum' || typeof value !== 'string') {
        return String(value);
    }
    return stringLiteral(value);
}

/** The block's text, unformatted. */
function blockText(input: TestBlockInput): string {
    const { bundle, decision, nameIn } = input;
    const types = new Map(bundle.attributes.map(a => [a.name, a]));
    const given = Object.entries(input.attributes).map(([name, value]) => {
        const attribute = types.get(name);
        return `${attribute ? nameIn(attribute.id) : name}: ${literal(value, attribute?.type)}`;
    });
    const lines = [
        `test ${stringLiteral(input.name)} {`,
        `given ${nameIn(input.category)}${given.length > 0 ? ` { ${given.join(', ')} }` : ''}`,
        `on ${input.date}`,
        `expect rule ${decision.rule === null ? 'none' : nameIn(decision.rule)}`,
    ];
    if (decision.rule !== null) {
        if (decision.actions.length > 0) {
            lines.push(`expect actions ${decision.actions.map(a => nameIn(a.action)).join(', ')}`);
        }
        if (decision.severity !== null) {
            lines.push(`expect severity ${nameIn(decision.severity)}`);
        }
        if (decision.responsible !== null) {
            lines.push(`expect responsible ${nameIn(decision.responsible)}`);
        }
        for (const step of decision.escalation) {
            lines.push(`expect escalation to ${nameIn(step.to)} within ${durationText(step.afterSeconds)}`);
        }
    }
    lines.push('}');
    return lines.join('\n');
}

/**
 * The block in canonical format, ending with a newline. It is formatted inside a file of its
 * own (the formatter lays out whole files); a block the formatter refuses is a bug, reported as such.
 */
export function testBlock(input: TestBlockInput, services?: LangiumCoreServices): string {
    const header = 'package p\n\n';
    const formatted = formatText(`${header}${blockText(input)}\n`, services);
    if (!formatted.ok) {
        throw new Error(`the test block does not parse: ${formatted.reason}`);
    }
    return formatted.text.slice(formatted.text.indexOf('test '));
}
