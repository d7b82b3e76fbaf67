/** Converts token text to values: strings get their escapes (§2: \" \\ \n \t \uXXXX) decoded. */
import { DefaultValueConverter, type CstNode, type GrammarAST, type ValueType } from 'langium';

export class GovRuleValueConverter extends DefaultValueConverter {
    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        if (rule.name === 'STRING') {
            return decodeString(input);
        }
        return super.runConverter(rule, input, cstNode);
    }
}

/** Decodes a quoted string literal; the lexer has already rejected any other escape. */
export function decodeString(quoted: string): string {
    return quoted.slice(1, -1).replace(/\\(u[0-9A-Fa-f]{4}|.)/g, (_, escape: string) => {
        switch (escape[0]) {
            case 'n': return '\n';
            case 't': return '\t';
            case 'u': return String.fromCharCode(parseInt(escape.slice(1), 16));
            default: return escape;
        }
    });
}

/** Encodes a string as a GovRule literal (the formatter and quick fixes write strings). */
export function encodeString(value: string): string {
    return `"${value.replace(/[\\"\n\t]/g, c => c === '\n' ? '\\n' : c === '\t' ? '\\t' : `\\${c}`)
        .replace(/[\u0000-\u001f]/g, c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}"`;
}
