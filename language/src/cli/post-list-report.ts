/**
 * `govrule report posts` as text, Markdown or CSV: posts down, surfaces across, then the rules
 * each post is responsible for. Deterministic: the bundle's order, no dates.
 */
import { t } from '../l10n/index.js';
import type { PostList } from '../reports/post-list.js';
import { escapeInvisible } from '../unicode/characters.js';
import { displayWidth } from '../unicode/width.js';

export const POST_LIST_FORMATS = ['text', 'markdown', 'csv'] as const;
export type PostListFormat = typeof POST_LIST_FORMATS[number];

const MANAGES = '✓';

/** The table's cells: a header row, then one row a post. */
function cells(list: PostList): string[][] {
    const header = [t('cli.report.posts.column.post'), ...list.surfaces, t('cli.report.posts.column.rules')];
    const rows = list.rows.map(row => [
        row.post,
        ...row.manages.map(m => (m ? MANAGES : '')),
        row.rules.length === 0 ? t('cli.report.posts.no-rules') : row.rules.join(t('cli.list.separator')),
    ]);
    return [header, ...rows];
}

export function renderPostList(list: PostList, format: PostListFormat): string {
    switch (format) {
        case 'text': return escapeInvisible(textTable(list));
        case 'markdown': return escapeInvisible(markdownTable(list));
        case 'csv': return csvTable(list);
    }
}

function textTable(list: PostList): string {
    const table = cells(list);
    const widths = table[0]!.map((_, col) => Math.max(...table.map(row => displayWidth(row[col]!))));
    const line = (row: string[]) => row.map((cell, col) => (col === row.length - 1 ? cell : cell + ' '.repeat(widths[col]! - displayWidth(cell)))).join('  ').trimEnd();
    return `${t('cli.report.posts.title')}\n\n${table.map(line).join('\n')}\n`;
}

function markdownTable(list: PostList): string {
    const table = cells(list).map(row => row.map(cell => cell.replace(/\\/g, '\\\\').replace(/\|/g, '\\|')));
    const [header, ...rows] = table;
    const rule = header!.map((_, col) => (col === 0 || col === header!.length - 1 ? '---' : ':-:'));
    const line = (row: string[]) => `| ${row.join(' | ')} |`.replace(/ {2}\|/g, ' |');
    return `# ${t('cli.report.posts.title')}\n\n${[line(header!), line(rule), ...rows.map(line)].join('\n')}\n`;
}

/**
 * RFC 4180: CRLF line ends, fields with a comma, quote or line break quoted. A cell a spreadsheet
 * would read as a formula (`=`, `+`, `-`, `@` first) gets a leading `'`: labels are the authors' text.
 */
function csvTable(list: PostList): string {
    const [header, ...rows] = cells(list);
    const table = [['id', ...header!], ...rows.map((row, i) => [list.rows[i]!.id, ...row])];
    const field = (cell: string) => {
        const safe = /^[=+\-@]/.test(cell) ? `'${cell}` : cell;
        return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
    };
    return table.map(row => row.map(field).join(',')).join('\r\n') + '\r\n';
}
