/** The meaning of literal text (§2): durations, dates and money. Validation and compiler share it. */
import { t } from '../l10n/index.js';

const UNIT_SECONDS: Record<string, number> = { m: 60, h: 3600, d: 86400, w: 604800 };

export interface Duration {
    /** ISO 8601; weeks are written as days (P7D) because many duration parsers reject P1W. */
    readonly iso: string;
    readonly seconds: number;
}

export function parseDuration(text: string): Duration | undefined {
    const match = /^(\d+)([mhdw])$/.exec(text);
    if (!match) {
        return undefined;
    }
    const count = Number(match[1]);
    const unit = match[2];
    const seconds = count * UNIT_SECONDS[unit];
    const iso = unit === 'm' ? `PT${count}M` : unit === 'h' ? `PT${count}H` : unit === 'd' ? `P${count}D` : `P${count * 7}D`;
    return { iso, seconds };
}

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

// Dates live in dates.ts, which the runtime imports: this module's words need l10n, the runtime none.
export { isCalendarDate } from './dates.js';

export const CURRENCY_PATTERN = /^[A-Z]{3}$/;

/** Words for the yuan that authors write after an amount, with the multiple they carry (万 = 10,000). */
const YUAN_WORDS: Record<string, number> = { 元: 0, 块: 0, 块钱: 0, 圆: 0, 人民币: 0, 元人民币: 0, yuan: 0, rmb: 0, 万元: 4, 万: 4, 万块: 4 };

/** `100000 CNY` for `100000元`, `15000 CNY` for `1.5万元`; undefined when the word is not the yuan. */
export function yuanAsCny(amount: string, word: string): string | undefined {
    const shift = YUAN_WORDS[word.toLowerCase()];
    if (shift === undefined || !/^[0-9]+(\.[0-9]+)?$/.test(amount)) {
        return undefined;
    }
    const [whole, fraction = ''] = amount.split('.');
    const digits = `${whole}${fraction.padEnd(shift, '0')}`;
    const point = whole.length + shift;
    const integer = digits.slice(0, point).replace(/^0+(?=[0-9])/, '');
    const rest = digits.slice(point).replace(/0+$/, '');
    return `${integer}${rest ? `.${rest}` : ''} CNY`;
}

/** Money allows at most two decimals. */
export function decimalPlaces(numberText: string): number {
    const dot = numberText.indexOf('.');
    return dot < 0 ? 0 : numberText.length - dot - 1;
}
