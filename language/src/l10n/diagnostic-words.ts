/**
 * The words diagnostics share, in the current language: a quoted name, a list of names, "did you
 * mean", the kind of a declaration and the type of an attribute. Each is a catalogue entry
 * (l10n/messages/diagnostics.ts); this module only picks the entry and fills it, so that no
 * message is assembled from English fragments.
 */
import { t } from './index.js';
// Types only: config/ (and so the extension client) uses these words without the AST's module and Langium.
import type * as ast from '../syntax/generated/ast.js';
import { shortened } from '../model/quote.js';
import { characterParts } from '../unicode/characters.js';

/** `'name'` / `“name”`, shortened to 40 characters. */
export function quotedName(name: string): string {
    return t('diagnostics.words.quoted', { name: shortened(name) });
}

/** `a, b or c` / `a、b或c`: items already in words. */
export function alternatives(items: readonly string[]): string {
    if (items.length <= 1) {
        return items[0] ?? '';
    }
    const separator = t('diagnostics.words.separator');
    return t('diagnostics.words.or', { first: items.slice(0, -1).join(separator), last: items[items.length - 1]! });
}

/** `a, b and c` / `a、b和c`. */
export function conjunction(items: readonly string[]): string {
    if (items.length <= 1) {
        return items[0] ?? '';
    }
    const separator = t('diagnostics.words.separator');
    return t('diagnostics.words.and', { first: items.slice(0, -1).join(separator), last: items[items.length - 1]! });
}

/** `a, b, c` / `a、b、c`: an enumeration without a conjunction. */
export function enumeration(items: readonly string[]): string {
    return items.join(t('diagnostics.words.separator'));
}

/** `; did you mean 'a' or 'b'?` / `；是否应为“a”或“b”？`, or an empty string. */
export function didYouMean(suggestions: readonly string[]): string {
    return suggestions.length === 0 ? '' : t('diagnostics.words.did-you-mean', { names: alternatives(suggestions.map(quotedName)) });
}

/** `; did you mean 'reviewer' (内容审核员)?` / `；是否应为“reviewer”（内容审核员）？`: names found by their label. */
export function didYouMeanLabel(found: ReadonlyArray<{ readonly name: string; readonly label: string }>): string {
    return found.length === 0 ? '' : t('diagnostics.words.did-you-mean', {
        names: alternatives(found.map(f => t('diagnostics.words.labelled', { name: shortened(f.name), label: shortened(f.label) }))),
    });
}

const KINDS = {
    SeverityLevel: 'diagnostics.kind.level',
    Post: 'diagnostics.kind.post',
    Authority: 'diagnostics.kind.authority',
    Action: 'diagnostics.kind.action',
    Attribute: 'diagnostics.kind.attribute',
    Category: 'diagnostics.kind.category',
    Rule: 'diagnostics.kind.rule',
    EscalationTarget: 'diagnostics.kind.target',
    Param: 'diagnostics.kind.parameter',
    EnumMember: 'diagnostics.kind.member',
    Campaign: 'diagnostics.kind.campaign',
} as const;

type KindKey = (typeof KINDS)[keyof typeof KINDS] | (typeof KINDS_WITH_ARTICLE)[keyof typeof KINDS_WITH_ARTICLE];

const KINDS_WITH_ARTICLE = {
    SeverityLevel: 'diagnostics.kind.a.level',
    Post: 'diagnostics.kind.a.post',
    Authority: 'diagnostics.kind.a.authority',
    Action: 'diagnostics.kind.a.action',
    Attribute: 'diagnostics.kind.a.attribute',
    Category: 'diagnostics.kind.a.category',
    Rule: 'diagnostics.kind.a.rule',
    EscalationTarget: 'diagnostics.kind.a.target',
    Param: 'diagnostics.kind.a.parameter',
    EnumMember: 'diagnostics.kind.a.member',
    Campaign: 'diagnostics.kind.a.campaign',
} as const;

/** "post" / "岗位"; an AST type GovRule has no word for stays as it is. */
export function kindWords(type: string): string {
    const key = (KINDS as Record<string, KindKey | undefined>)[type];
    return key ? t(key) : type;
}

/** "a post", "an action" / "岗位", "处置措施". */
export function kindWithArticle(type: string): string {
    const key = (KINDS_WITH_ARTICLE as Record<string, KindKey | undefined>)[type];
    return key ? t(key) : type;
}

/** "a number", "an enum (website, app)" / "数值", "枚举（website、app）": what an attribute holds. */
export function typeWords(attribute: ast.Attribute): string {
    const type = attribute.type;
    if (type?.$type === 'EnumType') {
        return t('diagnostics.type.enum', { members: enumeration((type as ast.EnumType).members.map(m => m.name)) });
    }
    const kind = (type as ast.PrimitiveType | undefined)?.kind;
    return kind === 'number' ? t('diagnostics.type.number') : kind === 'boolean' ? t('diagnostics.type.boolean') : t('diagnostics.type.text');
}

/** "duration" / "时长": the type of a parameter or a value. */
export function valueTypeWords(type: ast.ValueType): string {
    switch (type) {
        case 'duration': return t('diagnostics.value.duration');
        case 'money': return t('diagnostics.value.money');
        case 'number': return t('diagnostics.value.number');
        case 'boolean': return t('diagnostics.value.boolean');
        default: return t('diagnostics.value.text');
    }
}

/**
 * How a diagnostic names a character, in the current language: `'，' (U+FF0C FULLWIDTH COMMA)` /
 * `“，”（U+FF0C FULLWIDTH COMMA）`, or only `U+202E RIGHT-TO-LEFT OVERRIDE` for one that cannot be
 * shown. The Unicode name stays as Unicode writes it, in every language.
 */
export function characterWords(char: string): string {
    const { shown, label } = characterParts(char);
    return shown !== undefined ? t('diagnostics.words.character', { char: shown, label }) : label;
}
