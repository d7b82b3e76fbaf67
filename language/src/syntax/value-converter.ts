/** Converts token text to values: strings get their escapes (§2: \" \\ \n \t \uXXXX \u{X}) decoded. */
import { DefaultValueConverter, type CstNode, type GrammarAST, type ValueType } from 'langium';

export class GovRuleValueConverter extends DefaultValueConverter {
    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        if (rule.name === 'STRING') {
            return decodeString(input);
        }
        return super.runConverter(rule, input, cstNode);
    }
}

/** The largest code point; `\u{110000}` and above decode to U+FFFD and are reported (invalid-literal). */
export const MAX_CODE_POINT = 0x10ffff;

/** Decodes a quoted string literal; the lexer has already rejected any other escape. */
export function decodeString(quoted: string): string {
    return quoted.slice(1, -1).replace(/\\(u\{[0-9A-Fa-f]+\}|u[0-9A-Fa-f]{4}|.)/g, (_, escape: string) => {
        switch (escape[0]) {
            case 'n': return '\n';
            case 't': return '\t';
            case 'u': {
                const codePoint = parseInt(escape.replace(/[u{}]/g, ''), 16);
                return codePoint <= MAX_CODE_POINT ? String.fromCodePoint(codePoint) : '\uFFFD';
            }
            default: return escape;
        }
    });
}

/** The `\u{...}` escapes of a string literal's text that name no code point. */
export function invalidEscapes(quoted: string): string[] {
    return [...quoted.matchAll(/\\(?:\\|u\{([0-9A-Fa-f]+)\})/g)]
        .filter(m => m[1] !== undefined && parseInt(m[1], 16) > MAX_CODE_POINT)
        .map(m => m[0]);
}

