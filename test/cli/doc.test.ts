/**
 * `govrule doc` as a spawned process: the rulebook of examples/chongqing (well-formed pages, no
 * broken internal link, an anchor for every rule, a page for every category and package), the same
 * bytes on every run, English and Chinese, the folders it refuses, what it cleans, and failing
 * closed on sources with errors.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { describe, expect, test } from 'vitest';
import { EXAMPLES, copyExamples, describeRun, runCli } from '../helpers/cli.js';
import { checkSite, siteFiles } from '../helpers/site.js';
import { tempFolder } from '../helpers/temp.js';
import { A_RULE, VOCABULARY } from '../helpers/vocabulary.js';

const MARKER = '.govrule-rulebook';
const DATE = ['--date', '2026-06-15'];

function read(dir: string, file: string): string {
    return fs.readFileSync(path.join(dir, file), 'utf8');
}

/** The site's slug of an id (letters, digits, '.', '-' kept; anything else as _<hex>_). */
function slug(id: string): string {
    return [...id].map(ch => (/[A-Za-z0-9.-]/.test(ch) ? ch : `_${ch.codePointAt(0)!.toString(16)}_`)).join('');
}

/** Every file of a site with its bytes. */
function snapshot(dir: string): Map<string, string> {
    return new Map(siteFiles(dir).map(file => [file, read(dir, file)]));
}

describe('govrule doc on examples/chongqing', () => {
    const dir = copyExamples();
    const site = path.join(dir, 'site');
    const run = runCli(['doc', '-o', 'site', ...DATE, '--lang', 'zh-CN'], { cwd: dir });
    const bundle = JSON.parse(runCli(['compile', EXAMPLES]).stdout) as {
        packages: Array<{ id: string }>; categories: Array<{ id: string }>;
        rules: Array<{ id: string; label: string | null; categories: string[]; escalation: unknown[]; campaign: string | null }>; tests: unknown[];
    };

    test('writes the site and says where, in the run language', () => {
        expect(run.status, describeRun(run)).toBe(0);
        expect(run.stderr).toContain('已将规则手册写入 site');
        expect(fs.existsSync(path.join(site, 'index.html'))).toBe(true);
    });

    test('every page is well formed and no internal link is broken', () => {
        const { pages, problems } = checkSite(site);
        expect(problems).toEqual([]);
        // The overview, the post list, the campaigns, then a page per package and per category.
        expect(pages.size).toBe(1 + 1 + 1 + bundle.packages.length + bundle.categories.length);
    });

    test('every rule has exactly one anchor, on the page of its first category; every category and package has a page', () => {
        const { pages } = checkSite(site);
        for (const rule of bundle.rules) {
            const holders = [...pages.values()].filter(p => p.ids.has(`rule-${slug(rule.id)}`)).map(p => p.file);
            expect(holders, rule.id).toEqual([`categories/${slug(rule.categories[0]!)}.html`]);
        }
        for (const category of bundle.categories) {
            expect(pages.has(`categories/${slug(category.id)}.html`), category.id).toBe(true);
        }
        for (const pkg of bundle.packages) {
            expect(pages.has(`packages/${slug(pkg.id)}.html`), pkg.id).toBe(true);
        }
    });

    test('a rule shows its condition as written, its actions with arguments, its basis, period and a timeline', () => {
        const page = read(site, `categories/${slug('chongqing.qinglang.rumor.enterprise')}.html`);
        const article = page.slice(page.indexOf('id="rule-chongqing.qinglang.enterpriseRumorSelfMedia"'));
        const rule = article.slice(0, article.indexOf('</article>'));
        expect(rule).toContain('<pre class="condition"><code>channel == selfMedia and sector in [auto, realEstate, finance]</code></pre>');
        expect(rule).toContain('暂停账号<span class="args"> (days: 7)</span>');
        expect(rule).toContain('《中华人民共和国网络安全法》第十二条');
        expect(rule).toContain('2026-03-01 至 2026-12-31');
        expect(rule).toContain('<a href="../posts.html#post-chongqing.common.reviewer">内容审核员</a>');
        // The timeline: the start and three steps, the last to an authority.
        expect(rule.match(/<circle /g)).toHaveLength(4);
        expect(rule).toContain('<g class="point authority"><circle cx="560"');
        expect(rule).toContain('<text class="when" x="400" y="26" text-anchor="middle">24 小时</text>');
        // The tests that pin it, with their results.
        expect(rule).toContain('自媒体重点领域涉企谣言升级到网信办');
        expect(rule).toContain('<td class="passed">✓ 通过</td>');
    });

    test('the post management list: each post with the rules it answers for and the escalations it receives', () => {
        const posts = read(site, 'posts.html');
        const row = posts.slice(posts.indexOf('<tr id="post-chongqing.common.chiefEditor">'));
        const chief = row.slice(0, row.indexOf('</tr>'));
        expect(chief).toContain('总编辑');
        expect(chief).toContain('编造金融企业经营风险');
        expect(chief).toContain('涉企谣言一般处置，24 小时后');
        expect(posts).toContain('<h2>主管部门</h2>');
        // What each post manages (its `manages` surfaces), in the attribute's order.
        expect(posts).toContain('<th>管理环节</th>');
        expect(chief).toContain('information、comment、account、page、ranking');
    });

    test('the campaigns page: each campaign with its period and the rules that join it, linked from the overview and from each rule', () => {
        const page = read(site, 'campaigns.html');
        expect(page).toContain('清朗·优化营商网络环境');
        expect(page).toContain('2026-03-01');
        expect(page).toContain('2026-12-31');
        const joining = bundle.rules.filter(rule => rule.campaign === 'chongqing.qinglang.businessEnvironment');
        expect(joining.length).toBeGreaterThan(0);
        for (const rule of joining) {
            expect(page, rule.id).toContain(`#rule-${slug(rule.id)}`);
        }
        expect(read(site, 'index.html')).toContain('campaigns.html');
        const home = read(site, `categories/${slug(joining[0]!.categories[0]!)}.html`);
        expect(home).toContain('campaigns.html#campaign-');
    });

    test('the search index holds every rule, category and post with its label, and loads as a script', () => {
        const context: { INDEX?: Array<{ kind: string; id: string; label: string | null; url: string }>; document: unknown } = {
            document: { getElementById: () => null, documentElement: { getAttribute: () => '' } },
        };
        vm.runInNewContext(read(site, 'search.js'), context);
        const index = context.INDEX!;
        for (const rule of bundle.rules) {
            expect(index.find(e => e.id === rule.id), rule.id).toMatchObject({ kind: '规则', label: rule.label, url: `categories/${slug(rule.categories[0]!)}.html#rule-${slug(rule.id)}` });
        }
        expect(index.filter(e => e.kind === '类别')).toHaveLength(bundle.categories.length);
        expect(index.find(e => e.id === 'chongqing.common.dutyEditor')).toMatchObject({ kind: '岗位', label: '值班编辑' });
    });

    test('the same sources give the same bytes: into a new folder, and again into the same one', () => {
        const before = snapshot(site);
        const other = path.join(dir, 'again');
        const second = runCli(['doc', '-o', 'again', ...DATE, '--lang', 'zh-CN'], { cwd: dir });
        expect(second.status, describeRun(second)).toBe(0);
        expect(snapshot(other)).toEqual(before);
        const third = runCli(['doc', '-o', 'site', ...DATE, '--lang', 'zh-CN'], { cwd: dir });
        expect(third.status, describeRun(third)).toBe(0);
        expect(snapshot(site)).toEqual(before);
        // The marker lists exactly what was written.
        expect(JSON.parse(read(site, MARKER))).toEqual({ generator: 'govrule doc', files: [...before.keys()].filter(f => f !== MARKER) });
    });

    test('--lang en: the same site in English', () => {
        const english = runCli(['doc', '-o', 'en', ...DATE, '--lang', 'en'], { cwd: dir });
        expect(english.status, describeRun(english)).toBe(0);
        const index = read(path.join(dir, 'en'), 'index.html');
        expect(index).toContain('<html lang="en" data-root="">');
        expect(index).toContain('<h1>Rulebook</h1>');
        expect(index).toContain(`${bundle.rules.length} rules in ${bundle.categories.length} categories`);
        expect(checkSite(path.join(dir, 'en')).problems).toEqual([]);
        expect(english.stderr).toMatch(/Wrote the rulebook to en \(\d+ pages\)\./);
    });
});

describe('govrule doc writes only where it may', () => {
    const sources = () => tempFolder({ 'common.govrule': VOCABULARY, 'rules.govrule': A_RULE });

    test('-o is required', () => {
        const run = runCli(['doc'], { cwd: sources() });
        expect(run.status).toBe(2);
        expect(run.stderr).toContain('doc needs -o FOLDER');
    });

    test('a folder holding anything but an earlier rulebook is refused and left as it was', () => {
        const dir = sources();
        fs.mkdirSync(path.join(dir, 'notes'));
        fs.writeFileSync(path.join(dir, 'notes', 'index.html'), 'mine');
        const run = runCli(['doc', '-o', 'notes'], { cwd: dir });
        expect(run.status, describeRun(run)).toBe(2);
        expect(run.stderr).toContain('notes is not empty and holds no earlier rulebook (.govrule-rulebook); refusing to write into it');
        expect(siteFiles(path.join(dir, 'notes'))).toEqual(['index.html']);
        expect(read(dir, 'notes/index.html')).toBe('mine');
    });

    test('a file given as the folder is refused', () => {
        const dir = sources();
        const run = runCli(['doc', '-o', 'rules.govrule'], { cwd: dir });
        expect(run.status).toBe(2);
        expect(run.stderr).toContain('rules.govrule is not a folder');
        expect(read(dir, 'rules.govrule')).toBe(A_RULE);
    });

    test('an earlier rulebook: its stale pages are removed, the files the user added stay', () => {
        const dir = sources();
        const extra = `package t.more
import demo.common.*
category other "另一类"
rule s { category other severity minor responsible reviewer actions remove }
`;
        fs.writeFileSync(path.join(dir, 'more.govrule'), extra);
        expect(runCli(['doc', '-o', 'site'], { cwd: dir }).status).toBe(0);
        const page = `categories/${slug('t.more.other')}.html`;
        expect(fs.existsSync(path.join(dir, 'site', page))).toBe(true);
        fs.writeFileSync(path.join(dir, 'site', 'approval.txt'), 'signed');
        fs.rmSync(path.join(dir, 'more.govrule'));
        const run = runCli(['doc', '-o', 'site'], { cwd: dir });
        expect(run.status, describeRun(run)).toBe(0);
        expect(fs.existsSync(path.join(dir, 'site', page))).toBe(false);
        expect(fs.existsSync(path.join(dir, 'site', `packages/${slug('t.more')}.html`))).toBe(false);
        expect(read(dir, 'site/approval.txt')).toBe('signed');
        expect(checkSite(path.join(dir, 'site')).problems).toEqual([]);
    });

    test('a file the earlier run did not write is never replaced, even where a page goes', () => {
        const dir = sources();
        expect(runCli(['doc', '-o', 'site'], { cwd: dir }).status).toBe(0);
        const marker = JSON.parse(read(dir, `site/${MARKER}`));
        marker.files = marker.files.filter((f: string) => f !== 'posts.html');
        fs.writeFileSync(path.join(dir, 'site', MARKER), JSON.stringify(marker));
        fs.writeFileSync(path.join(dir, 'site', 'posts.html'), 'the user’s own page');
        const run = runCli(['doc', '-o', 'site'], { cwd: dir });
        expect(run.status, describeRun(run)).toBe(2);
        expect(run.stderr).toContain('site/posts.html was not written by an earlier rulebook; refusing to replace it');
        expect(read(dir, 'site/posts.html')).toBe('the user’s own page');
    });

    test('a marker that lists a path outside the folder is refused', () => {
        const dir = sources();
        fs.mkdirSync(path.join(dir, 'site'));
        fs.writeFileSync(path.join(dir, 'site', MARKER), JSON.stringify({ generator: 'govrule doc', files: ['../rules.govrule'] }));
        const run = runCli(['doc', '-o', 'site'], { cwd: dir });
        expect(run.status).toBe(2);
        expect(run.stderr).toContain('does not list the files of an earlier rulebook');
        expect(read(dir, 'rules.govrule')).toBe(A_RULE);
    });
});

describe('govrule doc fails closed and shows what the tests say', () => {
    test('sources with errors: the problems are printed, exit 1, nothing is written', () => {
        const dir = tempFolder({ 'common.govrule': VOCABULARY, 'rules.govrule': A_RULE.replace('severity serious', 'severity nosuchlevel') });
        const run = runCli(['doc', '-o', 'site'], { cwd: dir });
        expect(run.status, describeRun(run)).toBe(1);
        expect(run.stderr).toContain('nosuchlevel');
        expect(run.stderr).toContain('No rulebook written: the sources have errors.');
        expect(fs.existsSync(path.join(dir, 'site'))).toBe(false);
    });

    test('a failing test is written into the rulebook as failing, and said on stderr', () => {
        const failing = `package t.tests
import demo.common.*
import t.rules.*
test "expects the wrong severity" {
    given misc { channel: app }
    on 2026-01-01
    expect rule r
    expect severity critical
}
`;
        const dir = tempFolder({ 'common.govrule': VOCABULARY, 'rules.govrule': A_RULE, 'tests.govrule': failing });
        const run = runCli(['doc', '-o', 'site'], { cwd: dir });
        expect(run.status, describeRun(run)).toBe(0);
        expect(run.stderr).toContain('1 test fails; the rulebook shows it.');
        const index = read(dir, 'site/index.html');
        expect(index).toContain('<h2>Failing tests</h2>');
        expect(index).toContain('<td class="failed">expects the wrong severity</td>');
        expect(read(dir, `site/categories/${slug('t.rules.misc')}.html`)).toContain('<td class="failed">✗ Fails</td>');
    });

    test('what the sources say is text, never markup: labels, docs and bases are escaped', () => {
        const rule = `package t.rules
import demo.common.*
category misc "<b>其他</b>"
/** a & b <script>alert(1)</script> */
rule r "<img src=x onerror=alert(1)>" {
    category misc
    severity serious
    responsible reviewer
    actions remove
    basis "《条例》 & \\"第<一>条\\""
}
`;
        const dir = tempFolder({ 'common.govrule': VOCABULARY, 'rules.govrule': rule });
        const run = runCli(['doc', '-o', 'site'], { cwd: dir });
        expect(run.status, describeRun(run)).toBe(0);
        const page = read(dir, `site/categories/${slug('t.rules.misc')}.html`);
        expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
        expect(page).toContain('a &amp; b &lt;script&gt;alert(1)&lt;/script&gt;');
        expect(page).toContain('《条例》 &amp; &quot;第&lt;一&gt;条&quot;');
        expect(page).not.toContain('<script>alert');
        expect(page).not.toContain('<img');
        expect(checkSite(path.join(dir, 'site')).problems).toEqual([]);
    });
});
