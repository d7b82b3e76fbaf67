/** type-mismatch: a condition compares an attribute with a literal of another type (§6). */
import type { ValidationAcceptor } from 'langium';
import * as ast from '../syntax/generated/ast.js';
import { attributeType, literalFits, typeName } from '../model/types.js';
import { quoted } from '../model/quote.js';

const ORDERING = new Set(['<', '<=', '>', '>=']);

export class ConditionChecks {
    checkComparison(comparison: ast.Comparison, accept: ValidationAcceptor): void {
        const attribute = comparison.attribute?.ref;
        if (!attribute) {
            return;
        }
        const type = attributeType(attribute);
        if (comparison.op === undefined && !comparison.membership) {
            if (type !== 'boolean') {
                accept('error', `Attribute ${quoted(attribute.name)} is ${typeName(attribute)}, not a boolean: compare it with a value`,
                    { node: comparison, property: 'attribute', code: 'type-mismatch' });
            }
            return;
        }
        if (comparison.op && ORDERING.has(comparison.op) && type !== 'number') {
            accept('error', `'${comparison.op}' orders numbers, but attribute ${quoted(attribute.name)} is ${typeName(attribute)}`,
                { node: comparison, property: 'op', code: 'type-mismatch' });
            return;
        }
        const literals = comparison.value ? [comparison.value] : comparison.values;
        for (const literal of literals) {
            this.checkFits(literal, attribute, accept);
        }
    }

    checkGiven(given: ast.GivenAttribute, accept: ValidationAcceptor): void {
        const attribute = given.attribute?.ref;
        if (attribute && given.value) {
            this.checkFits(given.value, attribute, accept);
        }
    }

    private checkFits(literal: ast.Literal, attribute: ast.Attribute, accept: ValidationAcceptor): void {
        if (literalFits(literal, attribute)) {
            return;
        }
        const text = literal.$cstNode?.text ?? 'value';
        let hint = '';
        if (ast.isStringLiteral(literal) && attributeType(attribute) === 'enum' && ast.isEnumType(attribute.type)
            && attribute.type.members.some(m => m.name === literal.value)) {
            hint = `; write the member without quotes: ${literal.value}`;
        }
        accept('error', `${text} is not a value of attribute ${quoted(attribute.name)}, which is ${typeName(attribute)}${hint}`,
            { node: literal, code: 'type-mismatch' });
    }
}
