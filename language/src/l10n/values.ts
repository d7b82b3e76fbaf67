/**
 * Values as people read them, in the current language. The runtime must not import this file (or
 * anything of l10n/): platforms embed it without the catalogue.
 */
import { t } from './index.js';

/** "2 hours", "1 day", "3 weeks" — for hovers and messages. */
export function durationInWords(text: string): string {
    const match = /^(\d+)([mhdw])$/.exec(text);
    if (!match) {
        return text;
    }
    const count = Number(match[1]);
    switch (match[2]) {
        case 'm': return t('common.duration.minutes', { count });
        case 'h': return t('common.duration.hours', { count });
        case 'd': return t('common.duration.days', { count });
        default: return t('common.duration.weeks', { count });
    }
}

/**
 * "100,000 CNY", “100,000 元（CNY）” — an amount as people read it, digits grouped by thousands
 * (the decimals as written). Text that is not an amount is returned as it is.
 */
export function moneyInWords(amount: string, currency: string): string {
    const match = /^([0-9]+)(\.[0-9]+)?$/.exec(amount);
    if (!match) {
        return `${amount} ${currency}`;
    }
    const grouped = `${groupThousands(match[1]!)}${match[2] ?? ''}`;
    return currency === 'CNY' ? t('common.money.cny', { amount: grouped }) : t('common.money.other', { amount: grouped, currency });
}

/** `1234567` → `1,234,567`, in one pass (an amount is user input of any length). */
function groupThousands(digits: string): string {
    const head = digits.length % 3 || 3;
    const groups = [digits.slice(0, head)];
    for (let i = head; i < digits.length; i += 3) {
        groups.push(digits.slice(i, i + 3));
    }
    return groups.join(',');
}
