/**
 * Random edits of GovRule text for robustness tests: the language's words, and mutations
 * (truncate, delete, insert, duplicate, swap lines) at positions taken modulo the text's length.
 */
import fc from 'fast-check';

/** Words of the language and pieces of every literal, so that random text gets past the lexer. */
export const TOKENS = [
    'package', 'import', 'severities', 'post', 'authority', 'action', 'attribute', 'category', 'rule', 'test',
    'enum', 'default', 'when', 'severity', 'responsible', 'actions', 'escalate', 'after', 'to', 'basis', 'priority',
    'effective', 'disabled', 'and', 'or', 'not', 'in', 'true', 'false', 'duration', 'money', 'number', 'text', 'boolean',
    'given', 'on', 'expect', 'none', 'escalation', 'within', 'campaign',
    '{', '}', '(', ')', '[', ']', ',', ':', '.', '..', '.*', '?', '==', '!=', '<', '<=', '>', '>=',
    'a', 'b', 'a.b', 'x.y.z', 'reviewer', 'channel', 'app', 'minor', '涉企', 'rédacteur',
    '"label"', '"\\u4E2D"', '"unterminated', '12', '12.5', '1.234', '0', '30m', '2h', '3d', '1w', '0m', '2x',
    '100 CNY', '5 cny', '2026-03-01', '2026-02-30', '/** doc */', '/* c */', '// govrule-ignore unused-declaration\n', '\n', '@', '-',
];

/**
 * What authors on Chinese keyboards and attackers type: CJK names (one with a compatibility
 * ideograph, one with a dotless ı), full-width punctuation, and invisible, bidirectional and
 * control characters raw in strings, in comments and between tokens; escapes of them, valid and not.
 */
export const UNICODE_TOKENS = [
    '涉企谣言', '豈审核', '\uF900审核', 'revıewer', 'seIf', '审核员',
    '，', '（', '）', '：', '“', '”', '；', '。', '、', '【', '】', '《', '》', '＝＝', '\u3000', '5天', '100000元',
    '"a\u202Eb"', '"\u2066x\u2069"', '"\u0000\u0007\u001B"', '"\u200B\u200D\uFEFF"', '"\u{E0041}\u{E007F}"', '"\u0085"',
    '// \u202E comment\n', '/* \u2067 */', '/** doc \u200F */', '\u200B', '\uFEFF', '\u2028', '\u000C', '\u0000', '\u202E', '\u{E0020}',
    '"\\u{202E}"', '"\\u{1F4E2}"', '"\\u{110000}"', '"\\u{}"', '"\\u{1234567}"', '😀', '"😀"',
];

export type Mutation =
    | { kind: 'truncate'; at: number }
    | { kind: 'delete'; at: number; length: number }
    | { kind: 'insert'; at: number; token: string }
    | { kind: 'duplicate'; at: number; length: number }
    | { kind: 'swapLines'; a: number; b: number };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), token: fc.constantFrom(...TOKENS, ...UNICODE_TOKENS) }),
    fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }) }),
    fc.record({ kind: fc.constant('swapLines' as const), a: fc.nat(), b: fc.nat() }),
);

/** Applies a mutation at positions taken modulo the text's length. */
export function mutate(text: string, m: Mutation): string {
    const at = text.length === 0 ? 0 : ('at' in m ? m.at % text.length : 0);
    switch (m.kind) {
        case 'truncate': return text.slice(0, at);
        case 'delete': return text.slice(0, at) + text.slice(at + m.length);
        case 'insert': return `${text.slice(0, at)} ${m.token} ${text.slice(at)}`;
        case 'duplicate': return text.slice(0, at + m.length) + text.slice(at, at + m.length) + text.slice(at + m.length);
        case 'swapLines': {
            const lines = text.split('\n');
            const a = m.a % lines.length;
            const b = m.b % lines.length;
            [lines[a], lines[b]] = [lines[b], lines[a]];
            return lines.join('\n');
        }
    }
}

