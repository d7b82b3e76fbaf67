/**
 * How declarations are described to a person: kind, qualified name, label, doc comment, and for
 * a rule a summary with the escalation timeline in words. Hover and completion share it.
 */
import type { CommentProvider, Reference } from 'langium';
import { docComment } from '../../model/documentation.js';
import * as ast from '../../syntax/generated/ast.js';
import { isDeclaration, kindName, qualifiedName } from '../../model/names.js';
import { clausesOf } from '../../model/rules.js';
import { escapeInvisible } from '../../unicode/characters.js';
import { durationInWords } from '../../l10n/values.js';
import type { Named } from './locate.js';

/**
 * The label of a declaration, if it has one, as the editor shows it (hover, completion, inlay
 * hints, outlines): a character written as an escape (`\u{202E}`) is shown as the escape, so a
 * label cannot reorder or hide the line it is shown on.
 */
export function labelOf(node: Named | undefined): string | undefined {
    return node && 'label' in node && typeof node.label === 'string' && node.label !== '' ? escapeInvisible(node.label) : undefined;
}

/** `fine(amount: money, note: text?)` */
export function signatureOf(action: ast.Action): string {
    return action.params.length === 0 ? action.name : `${action.name}(${action.params.map(paramText).join(', ')})`;
}

export function paramText(param: ast.Param): string {
    return `${param.name}: ${param.type}${param.optional ? '?' : ''}`;
}

/** The kind in words, with the owner for parameters and enum members. */
export function kindOf(node: Named): string {
    if (ast.isParam(node)) {
        return `parameter of action ${node.$container.name}`;
    }
    if (ast.isEnumMember(node)) {
        const attribute = node.$container.$container;
        return `value of attribute ${attribute.name}`;
    }
    return kindName(node.$type);
}

/** What the declaration is, in one line: type of an attribute, parameters of an action, and so on. */
export function detailOf(node: Named): string {
    if (ast.isAction(node)) {
        return `action ${signatureOf(node)}`;
    }
    if (ast.isAttribute(node)) {
        return `attribute ${node.name}: ${attributeTypeText(node)}${node.default?.$cstNode ? ` default ${node.default.$cstNode.text}` : ''}`;
    }
    if (ast.isParam(node)) {
        return `parameter ${paramText(node)}`;
    }
    if (isDeclaration(node)) {
        return `${kindName(node.$type)} ${qualifiedName(node)}`;
    }
    return `${kindOf(node)}: ${node.name}`;
}

export function attributeTypeText(attribute: ast.Attribute): string {
    const type = attribute.type;
    if (ast.isEnumType(type)) {
        return `enum { ${type.members.map(m => m.name).join(', ')} }`;
    }
    return type?.kind ?? '?';
}

/** Markdown: headline, doc comment, and the facts that matter for the kind. */
export function describe(node: Named, comments: CommentProvider): string {
    const label = labelOf(node);
    const name = isDeclaration(node) ? qualifiedName(node) : node.name;
    const parts = [`**${kindOf(node)}** \`${name}\`${label ? ` — ${label}` : ''}`];
    const details = detailsOf(node);
    if (details.length > 0) {
        parts.push(details.map(line => `- ${line}`).join('\n'));
    }
    const doc = isDeclaration(node) ? docComment(comments, node) : null;
    if (doc) {
        parts.push(escapeInvisible(doc));
    }
    return parts.join('\n\n');
}

function detailsOf(node: Named): string[] {
    if (ast.isRule(node)) {
        return ruleSummary(node);
    }
    if (ast.isAction(node)) {
        return [`\`${signatureOf(node)}\``];
    }
    if (ast.isAttribute(node)) {
        const lines = [`type: \`${attributeTypeText(node)}\``];
        lines.push(node.default?.$cstNode ? `default: \`${node.default.$cstNode.text}\`` : 'required in every event (no default)');
        return lines;
    }
    if (ast.isSeverityLevel(node)) {
        const levels = node.$container.levels;
        const rank = levels.indexOf(node);
        const place = rank === levels.length - 1 ? 'the highest' : rank === 0 ? 'the lowest' : `rank ${rank}`;
        return [`${place} of ${levels.length} levels: ${levels.map(l => l === node ? `**${l.name}**` : l.name).join(' < ')}`];
    }
    if (ast.isCategory(node)) {
        const lines: string[] = [];
        if (ast.isCategory(node.$container)) {
            lines.push(`inside \`${qualifiedName(node.$container)}\`${labelOf(node.$container) ? ` (${labelOf(node.$container)})` : ''}`);
        }
        if (node.children.length > 0) {
            lines.push(`sub-categories: ${node.children.map(c => nameWithLabel(c.name, c)).join(', ')}`);
        }
        return lines;
    }
    if (ast.isParam(node)) {
        return [`\`${paramText(node)}\`${node.optional ? ' (optional)' : ''}`];
    }
    return [];
}

/** The rule's clauses in words; references as written, with the target's label. */
export function ruleSummary(rule: ast.Rule): string[] {
    const c = clausesOf(rule);
    const lines: string[] = [];
    if (c.disabled) {
        lines.push('**disabled**: kept in the bundle, never matches');
    }
    if (c.category) {
        lines.push(`categories: ${c.category.categories.map(refWithLabel).join(', ')}`);
    }
    if (c.severity) {
        lines.push(`severity: ${refWithLabel(c.severity.level)}`);
    }
    if (c.responsible) {
        lines.push(`responsible: ${refWithLabel(c.responsible.post)}`);
    }
    if (c.actions) {
        lines.push(`actions: ${c.actions.calls.map(call => {
            const text = call.$cstNode ? oneLine(call.$cstNode.text) : call.action.$refText;
            const label = labelOf(call.action.ref);
            return `\`${text}\`${label ? ` (${label})` : ''}`;
        }).join(', ')}`);
    }
    if (c.when?.condition?.$cstNode) {
        lines.push(`when: \`${oneLine(c.when.condition.$cstNode.text)}\``);
    }
    if (c.escalate && c.escalate.steps.length > 0) {
        lines.push(`escalation: ${escalationTimeline(c.escalate)}`);
    }
    if (c.priority?.value) {
        lines.push(`priority: ${c.priority.value}`);
    }
    if (c.effective?.from) {
        lines.push(`in force: ${c.effective.to ? `${c.effective.from} to ${c.effective.to}` : `from ${c.effective.from}`}`);
    }
    if (c.basis && c.basis.texts.length > 0) {
        lines.push(`basis: ${c.basis.texts.join('; ')}`);
    }
    return lines;
}

/** "after 2 hours → 值班编辑, then after 3 days → 市委网信办" */
export function escalationTimeline(clause: ast.EscalateClause): string {
    return clause.steps.map(step => {
        const target = step.target.ref;
        const who = labelOf(target) ?? step.target.$refText;
        return `after ${durationInWords(step.after ?? '')} → ${who}`;
    }).join(', then ');
}

function refWithLabel(reference: Reference<Named>): string {
    return nameWithLabel(reference.$refText, reference.ref);
}

function nameWithLabel(text: string, node: Named | undefined): string {
    const label = labelOf(node);
    return `\`${text}\`${label ? ` (${label})` : ''}`;
}

function oneLine(text: string): string {
    return text.replace(/\s+/g, ' ').trim();
}
