/** type-mismatch: a condition compares an attribute with a literal of another type (§6). */
import type { ValidationAcceptor } from 'langium';
import * as ast from '../syntax/generated/ast.js';
import { attributeType, literalFits } from '../model/types.js';
import { shortened } from '../model/quote.js';
import { typeWords } from '../l10n/diagnostic-words.js';
import { t } from '../l10n/index.js';

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
                accept('error', t('diagnostics.type-mismatch.not-boolean', { attribute: shortened(attribute.name), type: typeWords(attribute) }),
                    { node: comparison, property: 'attribute', code: 'type-mismatch' });
            }
            return;
        }
        if (comparison.op && ORDERING.has(comparison.op) && type !== 'number') {
            accept('error', t('diagnostics.type-mismatch.ordering', { op: comparison.op, attribute: shortened(attribute.name), type: typeWords(attribute) }),
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
        const text = literal.$cstNode?.text ?? t('diagnostics.words.value');
        let hint = '';
        if (ast.isStringLiteral(literal) && attributeType(attribute) === 'enum' && ast.isEnumType(attribute.type)
            && attribute.type.members.some(m => m.name === literal.value)) {
            hint = t('diagnostics.type-mismatch.unquote-member', { member: literal.value });
        }
        accept('error', t('diagnostics.type-mismatch.literal', { value: text, attribute: shortened(attribute.name), type: typeWords(attribute), hint }),
            { node: literal, code: 'type-mismatch' });
    }
}
