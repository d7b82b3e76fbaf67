/** Diagnostics: syntax, names, validation, configuration and files, with their suggestions. Keys start with `diagnostics.`. */
import type { Catalogue } from '../catalogue.js';

export const diagnosticsMessages = {
    'diagnostics.duplicate-clause': {
        en: "Rule '{rule}' has more than one '{clause}' clause",
        'zh-CN': '规则“{rule}”有多个“{clause}”子句',
    },
    'diagnostics.missing-clause': {
        en: "Rule '{rule}' has no '{clause}' clause",
        'zh-CN': '规则“{rule}”缺少“{clause}”子句',
    },
} as const satisfies Catalogue;
