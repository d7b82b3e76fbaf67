/**
 * The writing conventions of docs/zh-CN/glossary.md that a machine can check on a Chinese text:
 * full-width punctuation next to Chinese characters, no space between Chinese characters, “” for
 * quotes. Placeholders (`{name}`) and code inside backticks are not prose and are left out.
 */
const HAN = '\\p{Script=Han}';

const RULES: ReadonlyArray<readonly [RegExp, string]> = [
    [new RegExp(`${HAN}[,;:?!]|[,;:?!]${HAN}`, 'u'), 'ASCII punctuation next to a Chinese character (use ，；：？！)'],
    [new RegExp(`${HAN} +${HAN}`, 'u'), 'a space between Chinese characters'],
    [/['"「」]/u, 'a quotation mark other than “”'],
    [new RegExp(`${HAN}\\(|\\)${HAN}`, 'u'), 'ASCII parentheses next to a Chinese character (use （）)'],
];

/** What breaks the conventions in `text`, one line per rule broken; empty when it follows them. */
export function chineseStyleProblems(text: string): string[] {
    const prose = text.replace(/\{[A-Za-z0-9]+\}/g, 'X').replace(/`[^`]*`/g, 'X');
    return RULES.filter(([rule]) => rule.test(prose)).map(([, what]) => what);
}
