import { describe, expect, it } from 'vitest';
import { CATALOGUE_AREAS, LOCALES, MESSAGES, placeholders, type Text } from '../../language/src/l10n/index.js';
import { chineseStyleProblems } from '../helpers/chinese-style.js';

const forms = (text: Text): string[] => typeof text === 'string' ? [text] : [text.one, text.other];
const entries = Object.entries(MESSAGES) as Array<[string, Record<string, Text>]>;

describe('the message catalogue', () => {
    it('has every key in every language, with the same placeholders', () => {
        expect(entries.length).toBeGreaterThan(0);
        for (const [key, entry] of entries) {
            expect(Object.keys(entry).sort(), key).toEqual([...LOCALES].sort());
            for (const locale of LOCALES) {
                for (const form of forms(entry[locale]!)) {
                    expect(form.trim(), `${key} (${locale}) is empty`).not.toBe('');
                }
                expect(placeholders(entry[locale]!), `${key}: the placeholders of ${locale} differ from en`).toEqual(placeholders(entry.en!));
            }
        }
    });

    it('keeps each key in one area, named after it', () => {
        const seen = new Map<string, string>();
        for (const [area, messages] of Object.entries(CATALOGUE_AREAS)) {
            const prefix = `${area.replace(/Messages$/, '')}.`;
            for (const key of Object.keys(messages)) {
                expect(seen.get(key), `${key} is in ${seen.get(key)} and ${area}`).toBeUndefined();
                seen.set(key, area);
                expect(key.startsWith(prefix), `${key} belongs in ${area}, whose keys start with ${prefix}`).toBe(true);
            }
        }
        expect(seen.size).toBe(entries.length);
    });

    it('writes Chinese the Chinese way: full-width punctuation, no spaces between Chinese characters, “” for quotes', () => {
        for (const [key, entry] of entries) {
            for (const form of forms(entry['zh-CN']!)) {
                expect(chineseStyleProblems(form), `${key} (zh-CN): ${form}`).toEqual([]);
            }
        }
    });
});
