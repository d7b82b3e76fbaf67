/**
 * The rulebook in process: escaping, slugs, durations, the model built from a real project
 * (which tests pin which rule, inherited rules, the run's date, failing tests, duties of posts),
 * the places campaigns and post surfaces take when the sources have them, and the checker of
 * generated sites that the CLI tests rely on.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { setLocale } from '../../language/src/l10n/index.js';
import { bundleOf } from '../../language/src/project/project.js';
import { ownedFolder, writeOwnedFolder } from '../../language/src/project/output-folder.js';
import { conditionTexts } from '../../language/src/rulebook/conditions.js';
import { el, escapeHtml, fragment } from '../../language/src/rulebook/html.js';
import { buildRulebook, type RulebookModel } from '../../language/src/rulebook/model.js';
import { durationWords, renderSite, slugOf } from '../../language/src/rulebook/pages.js';
import { timelineSvg } from '../../language/src/rulebook/timeline.js';
import { runCompiledTests } from '../../language/src/runtime/bundle-tests.js';
import { loadFolder } from '../helpers/project.js';
import { checkSite, parsePage } from '../helpers/site.js';
import { tempFolder } from '../helpers/temp.js';
import { VOCABULARY } from '../helpers/vocabulary.js';

afterEach(() => setLocale('en'));

const RULES = `package demo.rules
import demo.common.*

category news "新闻" {
    category local "本地新闻"
}

/** 兜底 */
rule base "一般处置" {
    category news
    severity minor
    responsible reviewer
    actions remove
    escalate { after 24h to editor after 1w to cac }
}

rule local "本地处置" {
    category news.local
    severity serious
    when channel == app
        and reports > 3
    responsible editor
    actions rectify(deadline: 5d), fine(amount: 2000 CNY)
    effective 2026-01-01 .. 2026-12-31
}
`;

const TESTS = `package demo.tests
import demo.common.*
import demo.rules.*

test "local app" {
    given news.local { channel: app, reports: 5 }
    on 2026-06-01
    expect rule local
}

test "expects local but base decides" {
    given news.local { channel: website }
    on 2026-06-01
    expect rule local
}

test "no date of its own" {
    given news { channel: website }
    expect rule base
}
`;

async function model(date = '2026-06-15'): Promise<RulebookModel> {
    const dir = tempFolder({ 'common.govrule': VOCABULARY, 'rules.govrule': RULES, 'tests.govrule': TESTS });
    const { project } = await loadFolder(dir);
    expect(project.hasErrors).toBe(false);
    const bundle = bundleOf(project, dir);
    const { results } = runCompiledTests(bundle, { date });
    return buildRulebook({ bundle, conditions: conditionTexts(project.documents), results, date, version: '9.9.9' });
}

describe('html', () => {
    test('text and attribute values are escaped; markup built with el stays markup', () => {
        expect(escapeHtml(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;');
        const html = el('p', { title: '"><script>', hidden: true, lang: false, id: undefined }, 'a < b', el('code', {}, '&'), [[1, null, ['x']]]);
        expect(html.markup).toBe('<p title="&quot;&gt;&lt;script&gt;" hidden>a &lt; b<code>&amp;</code>1x</p>');
        expect(el('input', { type: 'search' }).markup).toBe('<input type="search">');
    });

    test('children nested deeper than any page nests them are joined without recursion', () => {
        let deep: unknown[] = ['x'];
        for (let i = 0; i < 100_000; i++) {
            deep = [deep];
        }
        expect(fragment(deep as never).markup).toBe('x');
    });
});

describe('slugs and words', () => {
    test('letters, digits, dots and hyphens stay; anything else is its code point, so two ids never share a slug', () => {
        expect(slugOf('chongqing.qinglang.rumor')).toBe('chongqing.qinglang.rumor');
        expect(slugOf('chongqing.直播')).toBe('chongqing._76f4__64ad_');
        expect(slugOf('a_b')).not.toBe(slugOf('a_5f_b'));
        expect(slugOf('a_b')).toBe('a_5f_b');
    });

    test('a very long id gets a short slug that still tells it apart', () => {
        const a = `pkg.${'x'.repeat(30_000)}a`;
        const b = `pkg.${'x'.repeat(30_000)}b`;
        expect(slugOf(a).length).toBeLessThanOrEqual(120);
        expect(slugOf(a)).not.toBe(slugOf(b));
        expect(slugOf(a)).toBe(slugOf(a));
    });

    test('durations keep the unit the author wrote', () => {
        expect(durationWords('PT24H', 86_400)).toBe('24 hours');
        expect(durationWords('P1D', 86_400)).toBe('1 day');
        expect(durationWords('PT30M', 1_800)).toBe('30 minutes');
        setLocale('zh-CN');
        expect(durationWords('P7D', 604_800)).toBe('7 天');
    });

    test('the timeline has a point per step and says it all in its title', () => {
        const svg = timelineSvg([{ when: 'opened', who: 'A & B', kind: 'post' }, { when: '2 hours', who: 'C', kind: 'authority' }], 't').markup;
        expect(svg.match(/<circle /g)).toHaveLength(2);
        expect(svg).toContain('<g class="point authority">');
        expect(svg).toContain('>A &amp; B</text>');
        expect(svg).toContain('<title>t</title>');
    });
});

describe('the model', () => {
    test('a rule\'s tests: those that expect it and those it decided, each with its result and date', async () => {
        const m = await model();
        const local = m.rules.get('demo.rules.local')!;
        expect(local.tests.map(t => [t.name, t.roles, t.passed])).toEqual([
            ['local app', ['expects', 'decided'], true],
            ['expects local but base decides', ['expects'], false],
        ]);
        const base = m.rules.get('demo.rules.base')!;
        expect(base.tests.map(t => [t.name, t.roles, t.passed, t.date])).toEqual([
            ['expects local but base decides', ['decided'], false, '2026-06-01'],
            ['no date of its own', ['expects', 'decided'], true, '2026-06-15'],
        ]);
        expect(m.failing).toEqual([{ name: 'expects local but base decides', source: expect.objectContaining({ file: 'tests.govrule' }), rule: 'demo.rules.local' }]);
        expect([m.testCount, m.passedCount]).toEqual([3, 2]);
    });

    test('the run\'s date is shown when a test had none of its own', async () => {
        expect((await model('2030-01-01')).testsDate).toBe('2030-01-01');
    });

    test('conditions as written: lines trimmed, continuation lines indented', async () => {
        const m = await model();
        expect(m.rules.get('demo.rules.local')!.condition).toBe('channel == app\n    and reports > 3');
        expect(m.rules.get('demo.rules.base')!.condition).toBeNull();
    });

    test('categories know their rules, their ancestors and the broader rules that also apply', async () => {
        const m = await model();
        expect(m.categories.get('demo.rules.news.local')).toMatchObject({ ancestors: ['demo.rules.news'], rules: ['demo.rules.local'], inherited: ['demo.rules.base'] });
        expect(m.categories.get('demo.rules.news')).toMatchObject({ children: ['demo.rules.news.local'], rules: ['demo.rules.base'], inherited: [] });
        expect(m.packages.find(p => p.id === 'demo.rules')?.categories).toEqual([{ id: 'demo.rules.news', depth: 0 }, { id: 'demo.rules.news.local', depth: 1 }]);
    });

    test('posts and authorities with the rules they answer for and the escalations they receive', async () => {
        const m = await model();
        expect(m.posts.find(p => p.id === 'demo.common.editor')).toMatchObject({
            responsibleFor: ['demo.rules.local'],
            receives: [{ rule: 'demo.rules.base', after: 'PT24H', afterSeconds: 86_400 }],
            surfaces: [],
        });
        expect(m.authorities.find(a => a.id === 'demo.common.cac')?.receives).toEqual([{ rule: 'demo.rules.base', after: 'P7D', afterSeconds: 604_800 }]);
        expect(m.campaigns).toEqual([]);
    });
});

describe('the site', () => {
    test('campaigns and post surfaces, once the sources have them, get their page, their column and the rule\'s line', async () => {
        const base = await model();
        const local = base.rules.get('demo.rules.local')!;
        const withCampaigns: RulebookModel = {
            ...base,
            rules: new Map([...base.rules].map(([id, rule]) => [id, id === local.id ? { ...rule, campaign: 'demo.rules.qinglang' } : rule])),
            campaigns: [{ id: 'demo.rules.qinglang', name: 'qinglang', label: '清朗专项行动', doc: null, from: '2026-03-01', to: '2026-12-31', rules: [local.id] }],
            posts: base.posts.map(p => (p.id === 'demo.common.reviewer' ? { ...p, surfaces: ['information', 'comment'] } : p)),
        };
        setLocale('zh-CN');
        const files = renderSite(withCampaigns);
        const campaigns = files.get('campaigns.html')!;
        expect(campaigns).toContain('<section class="campaign" id="campaign-demo.rules.qinglang"><h2>清朗专项行动<code>qinglang</code></h2>');
        expect(campaigns).toContain('2026-03-01 至 2026-12-31');
        expect(files.get('index.html')).toContain('<a href="campaigns.html">专项行动</a>');
        expect(files.get(`categories/${slugOf('demo.rules.news.local')}.html`)).toContain('<dt>专项行动</dt><dd><a href="../campaigns.html#campaign-demo.rules.qinglang">清朗专项行动</a></dd>');
        const posts = files.get('posts.html')!;
        expect(posts).toContain('<th>管理环节</th>');
        expect(posts).toContain('<td>information、comment</td>');

        const dir = tempFolder();
        for (const [file, text] of files) {
            fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
            fs.writeFileSync(path.join(dir, file), text);
        }
        expect(checkSite(dir).problems).toEqual([]);
    });

    test('without campaigns or surfaces, neither the page nor the column exists', async () => {
        const files = renderSite(await model());
        expect(files.has('campaigns.html')).toBe(false);
        expect(files.get('posts.html')).not.toContain('Manages');
    });
});

describe('the site checker finds what it is for', () => {
    test('unclosed and misnested elements, raw markup characters, duplicate ids', () => {
        const page = (body: string) => `<!DOCTYPE html>\n<html lang="en"><body>${body}</body></html>\n`;
        expect(parsePage('a.html', page('<p>ok</p>')).problems).toEqual([]);
        expect(parsePage('a.html', page('<p><b>x</p></b>')).problems).toEqual(['a.html: </p> closes <b>']);
        expect(parsePage('a.html', page('<p>a < b</p>')).problems[0]).toContain("a raw '<' or '>'");
        expect(parsePage('a.html', page('<p id="x"></p><p id="x"></p>')).problems).toEqual(['a.html: id x twice']);
    });

    test('broken links and missing anchors', () => {
        const dir = tempFolder({
            'index.html': '<!DOCTYPE html>\n<html lang="en"><body><a href="b.html#there">b</a><a href="c.html">c</a><a href="b.html#nowhere">n</a><a href="https://example.com">x</a></body></html>\n',
            'b.html': '<!DOCTYPE html>\n<html lang="en"><body><p id="there"></p></body></html>\n',
        });
        expect(checkSite(dir).problems).toEqual([
            'index.html: broken link c.html (no c.html)',
            'index.html: broken link b.html#nowhere (no id nowhere in b.html)',
            'index.html: links outside the site: https://example.com',
        ]);
    });
});

describe('the owned folder', () => {
    test('a folder on the way that is a link is refused before anything is written', () => {
        const dir = tempFolder({ 'elsewhere/keep.txt': 'x' });
        const site = path.join(dir, 'site');
        fs.mkdirSync(site);
        fs.writeFileSync(path.join(site, '.marker'), JSON.stringify({ generator: 'g', files: ['pages/a.html'] }));
        fs.symlinkSync(path.join(dir, 'elsewhere'), path.join(site, 'pages'));
        const folder = ownedFolder('site', dir, '.marker', 'g');
        expect(() => writeOwnedFolder(folder, 'g', new Map([['pages/a.html', 'new'], ['index.html', 'i']]))).toThrow('site/pages was not written by an earlier rulebook');
        expect(fs.readdirSync(path.join(dir, 'elsewhere'))).toEqual(['keep.txt']);
        expect(fs.existsSync(path.join(site, 'index.html'))).toBe(false);
    });
});
