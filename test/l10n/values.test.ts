import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../language/src/l10n/index.js';
import { localeSetting } from '../../language/src/lsp/server/locale-settings.js';
import { durationInWords, moneyInWords } from '../../language/src/l10n/values.js';

describe('values as people read them', () => {
    afterEach(() => setLocale('en'));

    it('money: digits grouped by thousands, the yuan written the Chinese way', () => {
        expect(moneyInWords('100000', 'CNY')).toBe('100,000 CNY');
        expect(moneyInWords('200000.00', 'CNY')).toBe('200,000.00 CNY');
        expect(moneyInWords('999', 'USD')).toBe('999 USD');
        expect(moneyInWords('1000', 'USD')).toBe('1,000 USD');
        expect(moneyInWords('1234567.5', 'EUR')).toBe('1,234,567.5 EUR');
        setLocale('zh-CN');
        expect(moneyInWords('100000', 'CNY')).toBe('100,000 元（CNY）');
        expect(moneyInWords('5000.50', 'CNY')).toBe('5,000.50 元（CNY）');
        expect(moneyInWords('1000', 'USD')).toBe('1,000 USD');
    });

    it('money: text that is not an amount stays as written; an amount of any length is grouped in one pass', () => {
        expect(moneyInWords('1e5', 'CNY')).toBe('1e5 CNY');
        const digits = '1'.repeat(1_000_000);
        const grouped = moneyInWords(digits, 'CNY');
        expect(grouped.length).toBe(digits.length + Math.floor((digits.length - 1) / 3) + ' CNY'.length);
        expect(grouped.startsWith('1,111,111,')).toBe(true);
    });

    it('durations in both languages', () => {
        expect(durationInWords('1d')).toBe('1 day');
        setLocale('zh-CN');
        expect(durationInWords('24h')).toBe('24 小时');
        expect(durationInWords('1w')).toBe('1 周');
    });
});

describe('the govrule.locale setting', () => {
    it('names a language, or leaves the choice to the client (auto, unknown values, no value)', () => {
        expect(localeSetting('zh-CN')).toBe('zh-CN');
        expect(localeSetting('zh-cn')).toBe('zh-CN');
        expect(localeSetting('en')).toBe('en');
        expect(localeSetting('auto')).toBeUndefined();
        expect(localeSetting('fr')).toBeUndefined();
        expect(localeSetting(undefined)).toBeUndefined();
        expect(localeSetting(null)).toBeUndefined();
        expect(localeSetting(3)).toBeUndefined();
    });
});
