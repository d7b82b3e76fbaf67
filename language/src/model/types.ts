/** The types of attributes, parameters and literals, and which literal fits where (§4, §6). */
import type { AstNode } from 'langium';
import * as ast from '../syntax/generated/ast.js';

export type AttributeTypeName = 'number' | 'boolean' | 'text' | 'enum';

export function attributeType(attribute: ast.Attribute): AttributeTypeName | undefined {
    const type = attribute.type;
    if (ast.isEnumType(type)) {
        return 'enum';
    }
    return type?.kind;
}

/** Whether a literal is a value of the attribute's type. Enum members are checked by the linker. */
export function literalFits(literal: ast.Literal, attribute: ast.Attribute): boolean {
    switch (attributeType(attribute)) {
        case 'number': return ast.isNumberLiteral(literal);
        case 'boolean': return ast.isBooleanLiteral(literal);
        case 'text': return ast.isStringLiteral(literal);
        case 'enum': return ast.isEnumLiteral(literal);
        default: return true;
    }
}

/** The parameter type a value literal has. */
export function valueType(value: AstNode): ast.ValueType | undefined {
    if (ast.isDurationLiteral(value)) return 'duration';
    if (ast.isMoneyLiteral(value)) return 'money';
    if (ast.isNumberLiteral(value)) return 'number';
    if (ast.isStringLiteral(value)) return 'text';
    if (ast.isBooleanLiteral(value)) return 'boolean';
    return undefined;
}

/** How to write a value of a parameter type, for messages and templates. */
export const VALUE_EXAMPLES: Record<ast.ValueType, string> = {
    duration: '5d',
    money: '100000 CNY',
    number: '3',
    text: '"…"',
    boolean: 'true',
};
