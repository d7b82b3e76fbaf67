/**
 * The parser words its errors at the source (syntax/error-messages.ts). Those words must be the
 * ones authors saw when Chevrotain's messages were rewritten after the parse: `reworded` below is
 * that rewriting, kept as the reference, applied to what Langium's default provider says.
 */
import fc from 'fast-check';
import * as fs from 'node:fs';
import { EmptyFileSystem, createDefaultCoreModule, createDefaultSharedCoreModule, inject, LangiumParserErrorMessageProvider, type LangiumCoreServices } from 'langium';
import { describe, expect, test } from 'vitest';
import { GovRuleModule } from '../../language/src/govrule-module.js';
import { GovRuleGeneratedModule, GovRuleGeneratedSharedModule } from '../../language/src/syntax/generated/module.js';
import { createGovRuleCoreServices } from '../../language/src/govrule-module.js';
import { EXAMPLES } from '../helpers/cli.js';
import { TOKENS, UNICODE_TOKENS, mutate, mutation } from '../helpers/mutations.js';
import { govruleFiles } from '../helpers/project.js';

const ours = createGovRuleCoreServices(EmptyFileSystem).GovRule;

/** The same language with Langium's own message provider. */
const langiums: LangiumCoreServices = (() => {
    const shared = inject(createDefaultSharedCoreModule(EmptyFileSystem), GovRuleGeneratedSharedModule);
    return inject(createDefaultCoreModule({ shared }), GovRuleGeneratedModule, GovRuleModule, {
        parser: { ParserErrorMessageProvider: () => new LangiumParserErrorMessageProvider() },
    }) as LangiumCoreServices;
})();

function messages(services: LangiumCoreServices, text: string): string[] {
    return services.parser.LangiumParser.parse(text).parserErrors.map(e => e.message);
}

/** How Chevrotain's messages used to be rewritten once the parse was done. */
function reworded(message: string): string {
    const foundMatch = /but found:? ?[`'](.*)[`']\.?$/s.exec(message);
    const found = foundMatch === null ? '' : foundMatch[1] === '' ? ' but found the end of the file' : ` but found '${foundMatch[1]}'`;
    const paths = [...message.matchAll(/^\s*\d+\. \[(.*)\]$/gm)].map(m => m[1].split(', ')[0]);
    if (paths.length > 0) {
        return `Expected ${wordList([...new Set(paths)].map(tokenWords))}${found}`;
    }
    const single = /^Expecting (?:token of type |keyword )'(.+?)' but found/s.exec(message)
        ?? /^Expecting (end of file) but found/.exec(message);
    if (single) {
        return `Expected ${tokenWords(single[1] === 'end of file' ? 'EOF' : single[1])}${found}`;
    }
    return message.split('\n')[0].replace(/^Expecting/, 'Expected');
}

function tokenWords(type: string): string {
    return ({ ID: 'a name', STRING: 'a string', NUMBER: 'a number', DATE: 'a date (YYYY-MM-DD)', DURATION: 'a duration such as 2h or 3d', EOF: 'the end of the file' } as Record<string, string>)[type] ?? `'${type}'`;
}

function wordList(words: readonly string[]): string {
    return words.length === 1 ? words[0] : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

function expectSameWords(text: string): void {
    const expected = messages(langiums, text).map(reworded);
    expect(messages(ours, text)).toEqual(expected);
}

describe('syntax error messages', () => {
    test('name what was expected in words', () => {
        expect(messages(ours, 'package p\nrule r {\n  category\n}\n')).toContain("Expected a name but found '}'");
        expect(messages(ours, 'package p\naction')).toEqual(['Expected a name but found the end of the file']);
        expect(messages(ours, 'package p\nrule r { when x == }')[0]).toMatch(/^Expected .* or a name but found '}'$/);
        expect(messages(ours, 'package p\n}')).toEqual(["Expected the end of the file but found '}'"]);
    });

    test('are the words of the former rewriting, on token soups', () => {
        const soup = fc.tuple(fc.boolean(), fc.array(fc.constantFrom(...TOKENS, ...UNICODE_TOKENS), { maxLength: 80 }))
            .map(([withPackage, tokens]) => `${withPackage ? 'package p\n' : ''}${tokens.join(' ')}`);
        fc.assert(fc.property(soup, text => expectSameWords(text)), { numRuns: 300 });
    });

    test('are the words of the former rewriting, on mutated examples', () => {
        const texts = govruleFiles(EXAMPLES).map(file => fs.readFileSync(file, 'utf8'));
        fc.assert(fc.property(fc.constantFrom(...texts), fc.array(mutation, { minLength: 1, maxLength: 4 }), (text, edits) => {
            expectSameWords(edits.reduce(mutate, text));
        }), { numRuns: 200 });
    });
});
