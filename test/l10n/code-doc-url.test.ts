/** The link of a diagnostic's code goes to the reference in the reader's language. */
import { afterEach, expect, test } from 'vitest';
import { CODES, DOCS_URL, codeDocUrl, type DiagnosticCode } from '../../language/src/diagnostics.js';
import { setLocale } from '../../language/src/l10n/index.js';

afterEach(() => setLocale('en'));

const ZH_DOCS_URL = 'https://github.com/govrule/govrule/blob/main/docs/zh-CN/diagnostics.md';

test('English readers get docs/diagnostics.md, Chinese readers docs/zh-CN/diagnostics.md, at the code', () => {
    // In-process there is no bundle beside docs/, so the published copies are linked.
    for (const code of Object.keys(CODES) as DiagnosticCode[]) {
        expect(codeDocUrl(code, 'en')).toBe(`${DOCS_URL}#${code}`);
        expect(codeDocUrl(code, 'zh-CN')).toBe(`${ZH_DOCS_URL}#${code}`);
    }
});

test('without a language given, the link follows the language of the process', () => {
    expect(codeDocUrl('unresolved-reference')).toBe(`${DOCS_URL}#unresolved-reference`);
    setLocale('zh-CN');
    expect(codeDocUrl('unresolved-reference')).toBe(`${ZH_DOCS_URL}#unresolved-reference`);
    setLocale('en');
    expect(codeDocUrl('unresolved-reference')).toBe(`${DOCS_URL}#unresolved-reference`);
});
