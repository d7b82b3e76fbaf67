/** invalid-literal: impossible dates, bad money (§2). */
import type { ValidationAcceptor } from 'langium';
import type * as ast from '../syntax/generated/ast.js';
import { CURRENCY_PATTERN, decimalPlaces, isCalendarDate, yuanAsCny } from '../model/values.js';
import { quoted } from '../model/quote.js';
import type { DiagnosticData } from '../diagnostics.js';

export class LiteralChecks {
    checkDates(node: ast.EffectiveClause | ast.On, accept: ValidationAcceptor): void {
        const dates: ReadonlyArray<readonly [string, string | undefined]> = node.$type === 'On' ? [['date', node.date]] : [['from', node.from], ['to', node.to]];
        for (const [property, text] of dates) {
            if (text && !isCalendarDate(text)) {
                accept('error', `${text} is not a calendar date`, { node, property, code: 'invalid-literal' });
            }
        }
    }

    checkMoney(money: ast.MoneyLiteral, accept: ValidationAcceptor): void {
        if (money.amount && decimalPlaces(money.amount) > 2) {
            accept('error', `Money has at most two decimals: ${money.amount}`, { node: money, property: 'amount', code: 'invalid-literal' });
        }
        const cny = money.amount && money.currency && !CURRENCY_PATTERN.test(money.currency) ? yuanAsCny(money.amount, money.currency) : undefined;
        if (cny) {
            // `100000元`: the author meant yuan; the whole literal is the mistake.
            accept('error', `'${money.$cstNode?.text ?? `${money.amount}${money.currency}`}' is not money: write ${cny}`,
                { node: money, code: 'invalid-literal', data: { replacement: cny } satisfies DiagnosticData });
        } else if (money.currency && !CURRENCY_PATTERN.test(money.currency)) {
            const upper = money.currency.toUpperCase();
            const hint = CURRENCY_PATTERN.test(upper) ? `; did you mean ${quoted(upper)}?` : '';
            accept('error', `${quoted(money.currency)} is not a currency code: write three capital letters (ISO 4217) such as CNY${hint}`,
                { node: money, property: 'currency', code: 'invalid-literal', data: CURRENCY_PATTERN.test(upper) ? { replacement: upper } : undefined });
        }
    }
}
