/**
 * How declarations are described to a person: kind, qualified name, label, doc comment, and for
 * a rule a summary with the escalation timeline in words. Hover and completion share it.
 */
import type { CommentProvider, Reference } from 'langium';
import { docComment } from '../../model/documentation.js';
import * as ast from '../../syntax/generated/ast.js';
import { isDeclaration, qualifiedName } from '../../model/names.js';
import { t, type MessageKey } from '../../l10n/index.js';
import { clausesOf, periodOf, rulePeriod } from '../../model/rules.js';
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

const KIND_WORDS = {
    [ast.SeverityLevel.$type]: 'editor.kind.severity-level',
    [ast.Post.$type]: 'editor.kind.post',
    [ast.Authority.$type]: 'editor.kind.authority',
    [ast.Action.$type]: 'editor.kind.action',
    [ast.Attribute.$type]: 'editor.kind.attribute',
    [ast.Category.$type]: 'editor.kind.category',
    [ast.Rule.$type]: 'editor.kind.rule',
    [ast.EscalationTarget.$type]: 'editor.kind.escalation-target',
    [ast.Param.$type]: 'editor.kind.parameter',
    [ast.EnumMember.$type]: 'editor.kind.enum-member',
    [ast.Campaign.$type]: 'editor.kind.campaign',
} as const satisfies Record<string, MessageKey>;

/** "post", "severity level" (岗位、严重程度等级): the kind of a node type in the current language. */
export function kindWord(type: string): string {
    return Object.prototype.hasOwnProperty.call(KIND_WORDS, type) ? t(KIND_WORDS[type as keyof typeof KIND_WORDS]) : type;
}

const A_KIND_WORDS = {
    [ast.SeverityLevel.$type]: 'editor.a-kind.severity-level',
    [ast.Post.$type]: 'editor.a-kind.post',
    [ast.Authority.$type]: 'editor.a-kind.authority',
    [ast.Action.$type]: 'editor.a-kind.action',
    [ast.Attribute.$type]: 'editor.a-kind.attribute',
    [ast.Category.$type]: 'editor.a-kind.category',
    [ast.Rule.$type]: 'editor.a-kind.rule',
    [ast.EscalationTarget.$type]: 'editor.a-kind.escalation-target',
    [ast.Param.$type]: 'editor.a-kind.parameter',
    [ast.EnumMember.$type]: 'editor.a-kind.enum-member',
    [ast.Campaign.$type]: 'editor.a-kind.campaign',
} as const satisfies Record<string, MessageKey>;

/** "a post", "an action" (岗位、处置措施): the kind as a sentence names one thing of it. */
export function aKindWord(type: string): string {
    return Object.prototype.hasOwnProperty.call(A_KIND_WORDS, type) ? t(A_KIND_WORDS[type as keyof typeof A_KIND_WORDS]) : type;
}

/** The kind in words, with the owner for parameters and enum members. */
export function kindOf(node: Named): string {
    if (ast.isParam(node)) {
        return t('editor.kind.parameter-of', { action: node.$container.name });
    }
    if (ast.isEnumMember(node)) {
        const attribute = node.$container.$container;
        return t('editor.kind.value-of', { attribute: attribute.name });
    }
    return kindWord(node.$type);
}

/** What the declaration is, in one line: type of an attribute, parameters of an action, and so on. */
export function detailOf(node: Named): string {
    if (ast.isAction(node)) {
        return t('editor.detail.action', { signature: signatureOf(node) });
    }
    if (ast.isAttribute(node)) {
        const type = attributeTypeText(node);
        return node.default?.$cstNode
            ? t('editor.detail.attribute-default', { name: node.name, type, value: node.default.$cstNode.text })
            : t('editor.detail.attribute', { name: node.name, type });
    }
    if (ast.isParam(node)) {
        return t('editor.detail.parameter', { parameter: paramText(node) });
    }
    if (isDeclaration(node)) {
        return t('editor.detail.declaration', { kind: kindWord(node.$type), name: qualifiedName(node) });
    }
    return t('editor.detail.other', { kind: kindOf(node), name: node.name });
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
        const lines = [t('editor.hover.type', { type: attributeTypeText(node) })];
        lines.push(node.default?.$cstNode ? t('editor.hover.default', { value: node.default.$cstNode.text }) : t('editor.hover.no-default'));
        if (node.managed) {
            lines.push(t('editor.hover.managed'));
        }
        return lines;
    }
    if (ast.isPost(node) && node.surfaces.length > 0) {
        return [t('editor.hover.manages', { surfaces: list(node.surfaces.map(s => `\`${s}\``)) })];
    }
    if (ast.isSeverityLevel(node)) {
        const levels = node.$container.levels;
        const rank = levels.indexOf(node);
        const scale = { count: levels.length, levels: levels.map(l => l === node ? `**${l.name}**` : l.name).join(' < ') };
        return [rank === levels.length - 1 ? t('editor.hover.level-highest', scale)
            : rank === 0 ? t('editor.hover.level-lowest', scale)
                : t('editor.hover.level-rank', { ...scale, rank })];
    }
    if (ast.isCategory(node)) {
        const lines: string[] = [];
        if (ast.isCategory(node.$container)) {
            const category = qualifiedName(node.$container);
            const label = labelOf(node.$container);
            lines.push(label ? t('editor.hover.inside-labelled', { category, label }) : t('editor.hover.inside', { category }));
        }
        if (node.children.length > 0) {
            lines.push(t('editor.hover.sub-categories', { categories: list(node.children.map(c => nameWithLabel(c.name, c))) }));
        }
        return lines;
    }
    if (ast.isParam(node)) {
        return [node.optional ? t('editor.hover.optional-parameter', { parameter: paramText(node) }) : `\`${paramText(node)}\``];
    }
    if (ast.isCampaign(node)) {
        const { from, to } = periodOf(node.period);
        return from === null ? [] : [to === null ? t('editor.hover.campaign-from', { from }) : t('editor.hover.campaign-period', { from, to })];
    }
    return [];
}

/** The rule's clauses in words; references as written, with the target's label. */
export function ruleSummary(rule: ast.Rule): string[] {
    const c = clausesOf(rule);
    const lines: string[] = [];
    if (c.disabled) {
        lines.push(t('editor.rule.disabled'));
    }
    if (c.category) {
        lines.push(t('editor.rule.categories', { categories: list(c.category.categories.map(refWithLabel)) }));
    }
    if (c.severity) {
        lines.push(t('editor.rule.severity', { level: refWithLabel(c.severity.level) }));
    }
    if (c.responsible) {
        lines.push(t('editor.rule.responsible', { post: refWithLabel(c.responsible.post) }));
    }
    if (c.actions) {
        lines.push(t('editor.rule.actions', {
            actions: list(c.actions.calls.map(call => codeWithLabel(call.$cstNode ? oneLine(call.$cstNode.text) : call.action.$refText, labelOf(call.action.ref)))),
        }));
    }
    if (c.when?.condition?.$cstNode) {
        lines.push(t('editor.rule.when', { condition: oneLine(c.when.condition.$cstNode.text) }));
    }
    if (c.escalate && c.escalate.steps.length > 0) {
        lines.push(t('editor.rule.escalation', { steps: escalationTimeline(c.escalate) }));
    }
    if (c.priority?.value) {
        lines.push(t('editor.rule.priority', { priority: c.priority.value }));
    }
    if (c.campaign) {
        lines.push(t('editor.rule.campaign', { campaign: refWithLabel(c.campaign.campaign) }));
    }
    // The period in force: the rule's own within its campaign's.
    const period = rulePeriod(rule);
    if (period?.from) {
        lines.push(period.to ? t('editor.rule.effective-period', { from: period.from, to: period.to }) : t('editor.rule.effective-from', { from: period.from }));
    }
    if (c.basis && c.basis.texts.length > 0) {
        lines.push(t('editor.rule.basis', { texts: c.basis.texts.join(t('editor.list.semicolon')) }));
    }
    return lines;
}

/** "after 2 hours → 值班编辑, then after 3 days → 市委网信办"; “2 小时后 → 值班编辑，3 天后 → 市委网信办” */
export function escalationTimeline(clause: ast.EscalateClause): string {
    return clause.steps.map(step => {
        const target = step.target.ref;
        const who = labelOf(target) ?? step.target.$refText;
        return t('editor.rule.escalation-step', { duration: durationInWords(step.after ?? ''), target: who });
    }).join(t('editor.rule.escalation-then'));
}

/** Items of a list, separated as the current language separates them (`a, b`; `a、b`). */
export function list(items: readonly string[]): string {
    return items.join(t('editor.list.comma'));
}

function refWithLabel(reference: Reference<Named>): string {
    return nameWithLabel(reference.$refText, reference.ref);
}

function nameWithLabel(text: string, node: Named | undefined): string {
    return codeWithLabel(text, labelOf(node));
}

/** `` `reviewer` (内容审核员) ``, or the code alone when there is no label. */
function codeWithLabel(code: string, label: string | undefined): string {
    return label ? t('editor.code-with-label', { code, label }) : `\`${code}\``;
}

function oneLine(text: string): string {
    return text.replace(/\s+/g, ' ').trim();
}
