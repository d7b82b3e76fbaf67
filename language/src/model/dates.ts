/**
 * Calendar dates (§2). A module of its own, without words, because the runtime checks the dates
 * of events with it and must not carry the message catalogue (values.ts re-exports it).
 */

/** Whether `YYYY-MM-DD` is a real calendar date. */
export function isCalendarDate(text: string): boolean {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!match) {
        return false;
    }
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (month < 1 || month > 12 || day < 1) {
        return false;
    }
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
    return day <= days;
}
