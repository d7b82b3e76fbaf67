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
