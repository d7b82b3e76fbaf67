/** Words and units several areas share (value types, durations, money, levels). Keys start with `common.`. */
import type { Catalogue } from '../catalogue.js';

export const commonMessages = {
    'common.problems': {
        en: { one: '{count} problem', other: '{count} problems' },
        'zh-CN': '{count} 个问题',
    },
} as const satisfies Catalogue;
