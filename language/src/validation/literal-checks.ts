/** invalid-literal: impossible dates, bad money (§2). */
import type { ValidationAcceptor } from 'langium';
import type * as ast from '../syntax/generated/ast.js';
import { CURRENCY_PATTERN, decimalPlaces, isCalendarDate, yuanAsCny } from '../model/values.js';
import { shortened } from '../model/quote.js';
import { t } from '../l10n/index.js';
import type { DiagnosticData } from '../diagnostics.js';
import { didYouMean } from '../l10n/diagnostic-words.js';

export class LiteralChecks {
    checkDates(node: ast.EffectiveClause | ast.On, accept: ValidationAcceptor): void {
        const dates: ReadonlyArray<readonly [string, string | undefined]> = node.$type === 'On' ? [['date', node.date]] : [['from', node.from], ['to', node.to]];
        for (const [property, text] of dates) {
            if (text && !isCalendarDate(text)) {
                accept('error', t('diagnostics.invalid-literal.date', { date: text }), { node, property, code: 'invalid-literal' });
            }
        }
    }

    checkMoney(money: ast.MoneyLiteral, accept: ValidationAcceptor): void {
        if (money.amount && decimalPlaces(money.amount) > 2) {
            accept('error', t('diagnostics.invalid-literal.money-decimals', { amount: money.amount }), { node: money, property: 'amount', code: 'invalid-literal' });
        }
        const cny = money.amount && money.currency && !CURRENCY_PATTERN.test(money.currency) ? yuanAsCny(money.amount, money.currency) : undefined;
        if (cny) {
            // `100000元`: the author meant yuan; the whole literal is the mistake.
            accept('error', t('diagnostics.invalid-literal.yuan', { written: money.$cstNode?.text ?? `${money.amount}${money.currency}`, money: cny }),
                { node: money, code: 'invalid-literal', data: { replacement: cny } satisfies DiagnosticData });
        } else if (money.currency && !CURRENCY_PATTERN.test(money.currency)) {
            const upper = money.currency.toUpperCase();
            const hint = CURRENCY_PATTERN.test(upper) ? didYouMean([upper]) : '';
            accept('error', t('diagnostics.invalid-literal.currency', { currency: shortened(money.currency), hint }),
                { node: money, property: 'currency', code: 'invalid-literal', data: CURRENCY_PATTERN.test(upper) ? { replacement: upper } : undefined });
        }
    }
}
