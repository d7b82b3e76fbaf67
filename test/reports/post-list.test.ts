/**
 * The post management list in process (reports/post-list.ts and its rendering in
 * cli/post-list-report.ts), beside the CLI's test (test/cli/report-posts.test.ts).
 */
import { afterEach, describe, expect, test } from 'vitest';
import { setLocale } from '../../language/src/l10n/index.js';
import { postList } from '../../language/src/reports/post-list.js';
import { renderPostList } from '../../language/src/cli/post-list-report.js';
import type { Bundle } from '../../language/src/bundle/types.js';

const source = { file: 'a.govrule', line: 1, column: 1 };
const element = (id: string, label: string | null) => ({ id, name: id.split('.').pop()!, label, doc: null, source });

/** Two packages with a post of one name, surfaces of one attribute, rules of both posts. */
const BUNDLE: Pick<Bundle, 'posts' | 'attributes' | 'rules'> = {
    attributes: [{ ...element('a.place', null), type: 'enum', values: ['info', 'comment', 'ranking'], default: null }],
    posts: [
        { ...element('a.desk', '审核'), surfaces: ['comment', 'info'], surfaceAttribute: 'a.place' },
        { ...element('b.desk', null), surfaces: [], surfaceAttribute: null },
        { ...element('b.ops', '@运营'), surfaces: ['ranking'], surfaceAttribute: 'a.place' },
    ],
    rules: ['a.r1', 'a.r2'].map((id, i) => ({
        ...element(id, i === 0 ? 'x|y' : null), categories: [], severity: 's', responsible: i === 0 ? 'a.desk' : 'b.ops',
        actions: [], escalation: [], when: true, priority: 0, enabled: true, effective: { from: null, to: null }, basis: [], campaign: null,
    })),
};

describe('the post management list', () => {
    afterEach(() => setLocale('en'));

    test('rows: posts in bundle order, surfaces in the attribute\'s order, ids where names are shared', () => {
        expect(postList(BUNDLE)).toEqual({
            surfaces: ['info', 'comment', 'ranking'],
            rows: [
                { post: '审核 (a.desk)', id: 'a.desk', manages: [true, true, false], rules: ['x|y (r1)'] },
                { post: 'b.desk', id: 'b.desk', manages: [false, false, false], rules: [] },
                { post: '@运营 (ops)', id: 'b.ops', manages: [false, false, true], rules: ['r2'] },
            ],
        });
    });

    test('Markdown escapes the pipe; CSV defuses a formula-like cell; Chinese words in text', () => {
        const list = postList(BUNDLE);
        expect(renderPostList(list, 'markdown')).toContain('| 审核 (a.desk) | ✓ | ✓ | | x\\|y (r1) |');
        expect(renderPostList(list, 'csv').split('\r\n')[3]).toBe("b.ops,'@运营 (ops),,,✓,r2");
        setLocale('zh-CN');
        const text = renderPostList(postList(BUNDLE), 'text');
        expect(text.split('\n').slice(0, 3)).toEqual(['岗位管理清单', '', '岗位            info  comment  ranking  负责的规则']);
        expect(text).toContain(`b.desk${' '.repeat(8 + 2 + 4 + 2 + 7 + 2 + 7 + 2)}无\n`);
    });
});
