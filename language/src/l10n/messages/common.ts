/** Words and units several areas share (value types, durations, money, levels). Keys start with `common.`. */
import type { Catalogue } from '../catalogue.js';

export const commonMessages = {
    'common.problems': {
        en: { one: '{count} problem', other: '{count} problems' },
        'zh-CN': '{count} 个问题',
    },
    // Durations as people say them (`2h` → "2 hours", “2 小时”).
    'common.duration.minutes': { en: { one: '{count} minute', other: '{count} minutes' }, 'zh-CN': '{count} 分钟' },
    'common.duration.hours': { en: { one: '{count} hour', other: '{count} hours' }, 'zh-CN': '{count} 小时' },
    'common.duration.days': { en: { one: '{count} day', other: '{count} days' }, 'zh-CN': '{count} 天' },
    'common.duration.weeks': { en: { one: '{count} week', other: '{count} weeks' }, 'zh-CN': '{count} 周' },
    // Money as people read it (`100000 CNY` → "100,000 CNY", “100,000 元（CNY）”); the amount comes with its digits grouped.
    'common.money.cny': { en: '{amount} CNY', 'zh-CN': '{amount} 元（CNY）' },
    'common.money.other': { en: '{amount} {currency}', 'zh-CN': '{amount} {currency}' },
    // Why a file is not formatted (govrule fmt, the editor's Format Document).
    'common.format.changed': { en: 'the document changed after it was parsed; format it again', 'zh-CN': '文档在解析后已被修改，请重新格式化' },
    'common.format.syntax-error': {
        en: 'syntax error at line {line}, column {column}: {message}',
        'zh-CN': '第 {line} 行第 {column} 列有语法错误：{message}',
    },
} as const satisfies Catalogue;
