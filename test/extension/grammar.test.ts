/**
 * The TextMate grammar (extension/syntaxes/govrule.tmLanguage.json), run by the engine VS Code
 * uses. It must agree with the parser: every token the GovRule lexer produces in the example
 * files and in a reference file that uses every construct gets the matching kind of scope.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EmptyFileSystem } from 'langium';
import type { IToken } from 'chevrotain';
import { describe, expect, test } from 'vitest';
import { createGovRuleCoreServices } from '../../language/src/govrule-module.js';
import { ROOT, tokenize, type Token } from './textmate.js';

const REFERENCE = path.join(__dirname, 'fixtures', 'reference.govrule');
const EXAMPLES = fs.readdirSync(path.join(ROOT, 'examples'), { recursive: true, encoding: 'utf8' })
    .filter(f => f.endsWith('.govrule'))
    .map(f => path.join(ROOT, 'examples', f))
    .sort();

const { GovRule } = createGovRuleCoreServices(EmptyFileSystem);

/** The keywords of the grammar, read from its source. */
const KEYWORDS = [...new Set([...fs.readFileSync(path.join(ROOT, 'language', 'src', 'syntax', 'govrule.langium'), 'utf8')
    .matchAll(/'([A-Za-z]+)'/g)].map(m => m[1]))].sort();

interface Placed extends Token {
    readonly offset: number;
}

function withOffsets(text: string, tokens: readonly Token[]): Placed[] {
    const lineStarts = [0];
    for (const m of text.matchAll(/\r?\n/g)) {
        lineStarts.push(m.index + m[0].length);
    }
    return tokens.map(t => ({ ...t, offset: lineStarts[t.line] + t.column }));
}

/** The TextMate tokens that overlap a lexer token, without the pure-whitespace ones. */
function covering(tokens: readonly Placed[], lexed: IToken): Placed[] {
    const end = lexed.endOffset! + 1;
    return tokens.filter(t => t.offset < end && t.offset + t.text.length > lexed.startOffset && t.text.trim() !== '');
}

const has = (t: Token, pattern: RegExp) => t.scopes.some(s => pattern.test(s));
const KEYWORDISH = /^(keyword|storage\.type|support\.type|constant\.language)\./;

/** What scope a lexer token must get, by its token type; undefined when any is fine. */
function expectedScope(lexed: IToken): RegExp | undefined {
    const type = lexed.tokenType.name;
    switch (type) {
        case 'STRING': return /^string\.quoted\.double\.govrule$/;
        case 'DATE': return /^constant\.numeric\.date\.govrule$/;
        case 'DURATION': return /^constant\.numeric\.duration\.govrule$/;
        case 'NUMBER': return /^constant\.numeric\.(decimal|money)\.govrule$/;
        case 'SL_COMMENT': return /^comment\.line\.double-slash\.govrule$/;
        case 'ML_COMMENT': return lexed.image.startsWith('/**') && lexed.image !== '/**/'
            ? /^comment\.block\.documentation\.govrule$/
            : /^comment\.block\.govrule$/;
        case 'ID': return undefined;
        default:
            if (/^[A-Za-z]+$/.test(lexed.image)) {
                return KEYWORDISH;
            }
            if (/^(==|!=|<=|>=|<|>|\.\.)$/.test(lexed.image)) {
                return /^keyword\.operator\./;
            }
            return undefined;
    }
}

async function disagreements(file: string): Promise<string[]> {
    const text = fs.readFileSync(file, 'utf8');
    const lexed = GovRule.parser.Lexer.tokenize(text);
    expect(lexed.errors, `lexer errors in ${file}`).toEqual([]);
    const tokens = withOffsets(text, await tokenize(text));
    const problems: string[] = [];
    for (const t of tokens) {
        if (has(t, /^invalid\./)) {
            problems.push(`${t.line + 1}:${t.column + 1} ${JSON.stringify(t.text)} is marked invalid`);
        }
    }
    for (const token of [...lexed.tokens, ...lexed.hidden]) {
        const where = `${token.startLine}:${token.startColumn} ${token.tokenType.name} ${JSON.stringify(token.image)}`;
        const expected = expectedScope(token);
        for (const t of covering(tokens, token)) {
            if (expected && !has(t, expected)) {
                problems.push(`${where}: ${JSON.stringify(t.text)} has ${t.scopes.slice(1).join(' ')}`);
            }
            if (token.tokenType.name === 'ID' && has(t, /^(keyword|storage\.type|string|comment|constant\.numeric)\./)) {
                problems.push(`${where}: an identifier scoped ${t.scopes.slice(1).join(' ')}`);
            }
        }
    }
    return problems;
}

/** Innermost scopes of the token at a 1-based line and column. */
async function scopesAt(text: string, line: number, column: number): Promise<string[]> {
    const token = (await tokenize(text)).find(t => t.line === line - 1 && t.column <= column - 1 && column - 1 < t.column + t.text.length);
    return token ? [...token.scopes.slice(1)] : [];
}

/** Scopes of the first occurrence of `needle` on the first line containing `lineText`. */
async function scopesOf(text: string, lineText: string, needle: string = lineText): Promise<string[]> {
    const lines = text.split('\n');
    const index = lines.findIndex(l => l.includes(lineText));
    expect(index, `no line contains ${lineText}`).toBeGreaterThanOrEqual(0);
    const column = lines[index].indexOf(needle, lines[index].indexOf(lineText));
    expect(column, `${needle} not on its line`).toBeGreaterThanOrEqual(0);
    return scopesAt(text, index + 1, column + 1);
}

describe('TextMate grammar', () => {
    test('the reference file is valid GovRule and uses every keyword of the parser', () => {
        const text = fs.readFileSync(REFERENCE, 'utf8');
        const result = GovRule.parser.LangiumParser.parse(text);
        expect(result.lexerErrors).toEqual([]);
        expect(result.parserErrors.map(e => e.message)).toEqual([]);
        const words = new Set(GovRule.parser.Lexer.tokenize(text).tokens.map(t => t.image));
        expect(KEYWORDS.length).toBeGreaterThan(30);
        expect(KEYWORDS.filter(k => !words.has(k))).toEqual([]);
    });

    test.each([REFERENCE, ...EXAMPLES].map(f => [path.relative(ROOT, f), f]))('%s: every lexer token gets the scope of its kind', async (_name, file) => {
        expect(await disagreements(file)).toEqual([]);
    });

    test('examples are covered', () => {
        expect(EXAMPLES.length).toBeGreaterThanOrEqual(8);
    });

    test('key tokens get their scopes', async () => {
        const text = fs.readFileSync(REFERENCE, 'utf8');
        const cases: Array<[string, string, string]> = [
            ['package demo.reference', 'package', 'keyword.other.package.govrule'],
            ['package demo.reference', 'demo.reference', 'entity.name.namespace.govrule'],
            ['import demo.common.*', '*', 'keyword.operator.wildcard.govrule'],
            ['/** 处置严重程度', '处置', 'comment.block.documentation.govrule'],
            ['A block comment', 'block', 'comment.block.govrule'],
            ['// govrule-ignore', 'govrule-ignore', 'keyword.other.directive.ignore.govrule'],
            ['// govrule-ignore', 'unused-declaration', 'constant.other.diagnostic-code.govrule'],
            ['minor    "一般"', 'minor', 'variable.other.enummember.severity.govrule'],
            ['post editor', 'post', 'storage.type.post.govrule'],
            ['post editor', 'editor', 'entity.name.type.post.govrule'],
            ['authority cac', 'cac', 'entity.name.type.authority.govrule'],
            ['action fine', 'fine', 'entity.name.function.action.govrule'],
            ['action fine', 'amount', 'variable.parameter.govrule'],
            ['action fine', 'money', 'support.type.primitive.govrule'],
            ['action fine', '?', 'keyword.operator.optional.govrule'],
            ['attribute channel', 'channel', 'variable.other.property.attribute.govrule'],
            ['attribute channel', 'enum', 'storage.type.enum.govrule'],
            ['attribute channel', 'selfMedia', 'variable.other.enummember.govrule'],
            ['attribute reports', 'default', 'keyword.other.default.govrule'],
            ['managed attribute channel', 'managed', 'keyword.other.manages.govrule'],
            ['post editor', 'manages', 'keyword.other.manages.govrule'],
            ['attribute district', '\\"', 'constant.character.escape.govrule'],
            ['attribute district', '\\u4E2D', 'constant.character.escape.govrule'],
            ['attribute district', '\\u{1F4E2}', 'constant.character.escape.govrule'],
            ['category 涉灾谣言', '涉灾谣言', 'entity.name.type.category.govrule'],
            ['rule 涉企谣言', 'rule', 'storage.type.rule.govrule'],
            ['rule 涉企谣言', '涉企谣言', 'entity.name.function.rule.govrule'],
            ['category rumor.enterprise, demo', 'category', 'keyword.other.clause.govrule'],
            ['category rumor.enterprise, demo', 'demo.reference.rumor.涉灾谣言', 'variable.other.category.govrule'],
            ['severity critical', 'critical', 'variable.other.severity.govrule'],
            ['when channel', '==', 'keyword.operator.comparison.govrule'],
            ['when channel', 'and', 'keyword.operator.logical.govrule'],
            ['when channel', 'in', 'keyword.operator.in.govrule'],
            ['when channel', '2.5', 'constant.numeric.decimal.govrule'],
            ['responsible editor', 'editor', 'variable.other.post.govrule'],
            ['actions fine(', 'fine', 'entity.name.function.call.govrule'],
            ['actions fine(', '100000.50', 'constant.numeric.money.govrule'],
            ['actions fine(', 'CNY', 'support.constant.currency.govrule'],
            ['actions fine(', '5d', 'constant.numeric.duration.govrule'],
            ['actions fine(', 'true', 'constant.language.boolean.govrule'],
            ['after 30m', 'after', 'keyword.other.after.govrule'],
            ['after 30m', 'm', 'keyword.other.unit.govrule'],
            ['after 1w', 'demo.reference.cac', 'variable.other.target.govrule'],
            ['effective 2026', '2026-03-01', 'constant.numeric.date.govrule'],
            ['effective 2026', '..', 'keyword.operator.range.govrule'],
            ['    disabled', 'disabled', 'keyword.other.clause.govrule'],
            ['campaign bizEnv', 'campaign', 'storage.type.campaign.govrule'],
            ['campaign bizEnv', 'bizEnv', 'entity.name.type.campaign.govrule'],
            ['campaign bizEnv', 'effective', 'keyword.other.clause.govrule'],
            ['campaign bizEnv', '2026-12-31', 'constant.numeric.date.govrule'],
            ['campaign demo.reference', 'campaign', 'keyword.other.clause.govrule'],
            ['campaign demo.reference', 'demo.reference.bizEnv', 'variable.other.campaign.govrule'],
            ['test "自媒体', 'test', 'storage.type.test.govrule'],
            ['given rumor.enterprise', 'rumor.enterprise', 'variable.other.category.govrule'],
            ['given rumor.enterprise', 'reports', 'variable.other.property.attribute.govrule'],
            ['expect escalation', 'escalation', 'keyword.other.expect.govrule'],
            ['expect escalation', 'within', 'keyword.other.govrule'],
            ['expect rule none', 'none', 'constant.language.none.govrule'],
        ];
        const wrong: string[] = [];
        for (const [lineText, needle, scope] of cases) {
            const scopes = await scopesOf(text, lineText, needle);
            if (!scopes.includes(scope)) {
                wrong.push(`${needle} in "${lineText}": ${scopes.join(' ')} (expected ${scope})`);
            }
        }
        expect(wrong).toEqual([]);
    });

    test('text being typed does not spill over: an open string ends with its line, an open rule at the next declaration', async () => {
        const text = 'rule r "open label\n    category c\n\nrule s {\n    severity x\n\npost chief\n';
        expect(await scopesOf(text, 'category c', 'category')).not.toContain('string.quoted.double.govrule');
        expect(await scopesOf(text, 'severity x', 'severity')).toContain('keyword.other.clause.govrule');
        // `rule s {` is never closed: `post p` is a declaration again.
        expect(await scopesOf(text, 'post chief', 'chief')).toContain('entity.name.type.post.govrule');
        expect(await scopesOf(text, 'post chief', 'post')).not.toContain('meta.rule.govrule');
    });

    test('scopes of the reference file (snapshot, reviewed by hand)', async () => {
        const text = fs.readFileSync(REFERENCE, 'utf8');
        const lines = (await tokenize(text))
            .filter(t => t.text.trim() !== '')
            .map(t => `${t.line + 1}:${t.column + 1} ${JSON.stringify(t.text)} ${t.scopes.slice(1).join(' ')}`);
        await expect(`${lines.join('\n')}\n`).toMatchFileSnapshot('__snapshots__/reference.govrule.scopes.txt');
    });
});
