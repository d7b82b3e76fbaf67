import { afterEach, describe, expect, it } from 'vitest';
import { localeFromEnv, parseLocale, setLocale, t, tIn } from '../../language/src/l10n/index.js';

describe('choosing the language', () => {
    afterEach(() => setLocale('en'));

    it('reads BCP 47 and POSIX tags', () => {
        expect(parseLocale('zh-cn')).toBe('zh-CN');
        expect(parseLocale('zh-CN')).toBe('zh-CN');
        expect(parseLocale('zh_CN.UTF-8')).toBe('zh-CN');
        expect(parseLocale('zh-Hans-CN')).toBe('zh-CN');
        expect(parseLocale('zh-tw')).toBe('zh-CN');
        expect(parseLocale('en')).toBe('en');
        expect(parseLocale('en_US.UTF-8')).toBe('en');
        expect(parseLocale('C')).toBe('en');
        expect(parseLocale('C.UTF-8')).toBe('en');
        expect(parseLocale('POSIX')).toBe('en');
        expect(parseLocale('fr_FR.UTF-8')).toBeUndefined();
        expect(parseLocale('')).toBeUndefined();
        expect(parseLocale(undefined)).toBeUndefined();
    });

    it('takes the first of LC_ALL, LC_MESSAGES and LANG that is set, as POSIX programs do', () => {
        expect(localeFromEnv({ LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
        expect(localeFromEnv({ LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' })).toBe('zh-CN');
        expect(localeFromEnv({ LC_ALL: 'C', LC_MESSAGES: 'zh_CN.UTF-8' })).toBe('en');
        expect(localeFromEnv({ LC_ALL: '', LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
        expect(localeFromEnv({ LANG: 'fr_FR.UTF-8' })).toBe('en');
        expect(localeFromEnv({})).toBe('en');
    });

    it('fills placeholders in the current language, and picks the form by count', () => {
        expect(t('diagnostics.missing-clause', { rule: 'r', clause: 'severity' })).toBe("Rule 'r' has no 'severity' clause");
        setLocale('zh-CN');
        expect(t('diagnostics.missing-clause', { rule: 'r', clause: 'severity' })).toBe('规则“r”缺少“severity”子句');
        expect(t('common.problems', { count: 1 })).toBe('1 个问题');
        expect(tIn('en', 'common.problems', { count: 1 })).toBe('1 problem');
        expect(tIn('en', 'common.problems', { count: 2 })).toBe('2 problems');
    });

    it('lets the compiler check keys and placeholders', () => {
        // @ts-expect-error a key that is not in the catalogue
        expect(() => t('diagnostics.no-such-key')).toThrow();
        // @ts-expect-error a placeholder missing
        expect(t('diagnostics.missing-clause', { rule: 'r' })).toBe("Rule 'r' has no '{clause}' clause");
    });
});
