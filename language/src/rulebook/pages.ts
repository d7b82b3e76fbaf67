/**
 * The rulebook's pages, rendered from its model: every file of the site by its path relative to
 * the site's root. Texts come from the catalogue in the current language; what the sources say
 * (labels, docs, bases, conditions) is shown as written, escaped by html.ts.
 */
import { createHash } from 'node:crypto';
import type { Value } from '../bundle/types.js';
import { currentLocale, t } from '../l10n/index.js';
import { durationInWords, moneyInWords } from '../l10n/values.js';
import { durationText } from '../runtime/bundle-tests.js';
import { STYLESHEET, searchScript, type SearchEntry } from './assets.js';
import { el, fragment, type Child, type Html } from './html.js';
import type { CampaignEntry, CategoryEntry, Named, PostEntry, RuleEntry, RulebookModel } from './model.js';
import { timelineSvg } from './timeline.js';

/** The longest slug used as it is; longer ids are shortened and made unique by a hash (file names have limits). */
const MAX_SLUG = 120;

/**
 * A file name or anchor for an id: letters, digits, `.` and `-` as they are, any other character
 * as `_<hex>_` (so two ids never share a slug), very long ids shortened with a hash of the whole.
 */
export function slugOf(id: string): string {
    let slug = '';
    for (const ch of id) {
        slug += /[A-Za-z0-9.-]/.test(ch) ? ch : `_${ch.codePointAt(0)!.toString(16)}_`;
    }
    return slug.length <= MAX_SLUG ? slug : `${slug.slice(0, 80)}~${createHash('sha256').update(id).digest('hex').slice(0, 16)}`;
}

export const paths = {
    home: 'index.html',
    posts: 'posts.html',
    campaigns: 'campaigns.html',
    package: (id: string) => `packages/${slugOf(id)}.html`,
    category: (id: string) => `categories/${slugOf(id)}.html`,
    ruleAnchor: (id: string) => `rule-${slugOf(id)}`,
    postAnchor: (id: string) => `post-${slugOf(id)}`,
    campaignAnchor: (id: string) => `campaign-${slugOf(id)}`,
};

/** Rendering one page: the model and the way back to the site's root from this page. */
interface Page {
    readonly model: RulebookModel;
    readonly root: string;
}

function ruleUrl(rule: RuleEntry): string {
    return `${paths.category(rule.home)}#${paths.ruleAnchor(rule.id)}`;
}

/** A declaration's label, with its name beside it in code (the name alone when it has no label). */
function title(element: Named): Html {
    return element.label ? fragment([element.label, el('code', {}, element.name)]) : el('code', {}, element.name);
}

/** What to call an id in running text: its label, else its name, else the id. */
function wordFor(model: RulebookModel, id: string): string {
    const known = model.names.get(id) ?? model.categories.get(id) ?? model.rules.get(id);
    return known?.label ?? known?.name ?? id;
}

function link(page: Page, url: string, ...children: Child[]): Html {
    return el('a', { href: `${page.root}${url}` }, ...children);
}

function ruleLink(page: Page, id: string): Html {
    const rule = page.model.rules.get(id);
    return rule ? link(page, ruleUrl(rule), rule.label ?? rule.name) : el('code', {}, id);
}

function categoryLink(page: Page, id: string): Html {
    const category = page.model.categories.get(id);
    return category ? link(page, paths.category(id), category.label ?? category.name) : el('code', {}, id);
}

function postLink(page: Page, id: string): Html {
    return link(page, `${paths.posts}#${paths.postAnchor(id)}`, wordFor(page.model, id));
}

/**
 * A duration in words, in the unit the author wrote (`24h` is "24 hours", not "1 day"): the
 * bundle's ISO form keeps it, but for weeks, which it writes as days.
 */
export function durationWords(iso: string, seconds: number): string {
    const match = /^P(?:(\d+)D|T(\d+)H|T(\d+)M)$/.exec(iso);
    const written = match ? (match[1] !== undefined ? `${match[1]}d` : match[2] !== undefined ? `${match[2]}h` : `${match[3]}m`) : durationText(seconds);
    return durationInWords(written);
}

/** An action's argument as people read it: durations and money in words, text in quotes. */
function valueText(value: Value): string {
    if (typeof value === 'object') {
        return 'seconds' in value ? durationWords(value.iso, value.seconds) : moneyInWords(String(value.amount), value.currency);
    }
    return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

function effectiveText(effective: RuleEntry['effective']): string {
    const { from, to } = effective;
    if (from !== null && to !== null) return t('rulebook.rule.effective-range', { from, to });
    if (from !== null) return t('rulebook.rule.effective-from', { from });
    if (to !== null) return t('rulebook.rule.effective-to', { to });
    return t('rulebook.rule.effective-always');
}

function periodText(campaign: CampaignEntry): string {
    return effectiveText({ from: campaign.from, to: campaign.to });
}

function doc(text: string | null): Child {
    return text ? el('p', { class: 'doc' }, text) : null;
}

function fact(term: string, ...value: Child[]): Html {
    return fragment([el('dt', {}, term), el('dd', {}, ...value)]);
}

function list(items: readonly Child[], attributes: Record<string, string> = { class: 'links' }): Child {
    return items.length === 0 ? null : el('ul', attributes, items.map(item => el('li', {}, item)));
}

function timeline(page: Page, rule: RuleEntry): Html {
    const { model } = page;
    const points = [
        { when: t('rulebook.rule.timeline-start'), who: wordFor(model, rule.responsible), kind: 'post' as const },
        ...rule.escalation.map(step => ({ when: durationWords(step.after, step.afterSeconds), who: wordFor(model, step.to), kind: step.toKind })),
    ];
    const steps = rule.escalation.map(step => t('rulebook.rule.timeline-step', { after: durationWords(step.after, step.afterSeconds), to: wordFor(model, step.to) }));
    return timelineSvg(points, t('rulebook.rule.timeline-title', { rule: rule.label ?? rule.name, post: wordFor(model, rule.responsible), steps: steps.join(t('cli.list.separator')) }));
}

function testsTable(rule: RuleEntry): Child {
    if (rule.tests.length === 0) {
        return el('p', {}, t('rulebook.rule.no-tests'));
    }
    return el('table', { class: 'tests' },
        el('thead', {}, el('tr', {}, el('th', {}, t('rulebook.test.name')), el('th', {}, t('rulebook.test.role')), el('th', {}, t('rulebook.test.date')), el('th', {}, t('rulebook.test.result')))),
        el('tbody', {}, rule.tests.map(test => el('tr', { class: test.passed ? 'passed-row' : 'failed-row' },
            el('td', {}, test.name, el('br'), el('code', {}, t('rulebook.rule.source-at', { file: test.source.file, line: test.source.line }))),
            el('td', {}, test.roles.map(role => t(role === 'expects' ? 'rulebook.test.role-expects' : 'rulebook.test.role-decided')).join(t('cli.list.separator'))),
            el('td', {}, test.date),
            el('td', { class: test.passed ? 'passed' : 'failed' }, test.passed ? `✓ ${t('rulebook.test.passed')}` : `✗ ${t('rulebook.test.failed')}`)))));
}

/** A rule in full: what the page that is its home shows. */
function ruleArticle(page: Page, rule: RuleEntry): Html {
    const { model } = page;
    const campaign = rule.campaign === null ? undefined : model.campaigns.find(c => c.id === rule.campaign);
    return el('article', { class: rule.enabled ? 'rule' : 'rule disabled', id: paths.ruleAnchor(rule.id) },
        el('h3', {}, title(rule),
            el('span', { class: 'badge severity' }, wordFor(model, rule.severity)),
            rule.enabled ? null : el('span', { class: 'badge disabled' }, t('rulebook.rule.disabled'))),
        doc(rule.doc),
        el('dl', { class: 'facts' },
            fact(t('rulebook.rule.categories'), rule.categories.map((c, i) => [i > 0 ? t('cli.list.separator') : null, categoryLink(page, c)])),
            fact(t('rulebook.rule.severity'), wordFor(model, rule.severity)),
            fact(t('rulebook.rule.responsible'), postLink(page, rule.responsible)),
            fact(t('rulebook.rule.actions'), list(rule.actions.map(a => [
                wordFor(model, a.action),
                a.args.length === 0 ? null : el('span', { class: 'args' }, ` (${a.args.map(arg => `${arg.name}: ${valueText(arg.value)}`).join(t('cli.list.separator'))})`),
            ]), {})),
            fact(t('rulebook.rule.conditions'), rule.condition === null ? t('rulebook.rule.always') : el('pre', { class: 'condition' }, el('code', {}, rule.condition))),
            fact(t('rulebook.rule.basis'), rule.basis.length === 0 ? t('rulebook.rule.no-basis') : list(rule.basis, {})),
            rule.campaign === null ? null : fact(t('rulebook.rule.campaign'), campaign
                ? link(page, `${paths.campaigns}#${paths.campaignAnchor(campaign.id)}`, campaign.label ?? campaign.name)
                : el('code', {}, rule.campaign)),
            fact(t('rulebook.rule.effective'), effectiveText(rule.effective)),
            fact(t('rulebook.rule.priority'), rule.priority),
            fact(t('rulebook.rule.source'), el('code', {}, t('rulebook.rule.source-at', { file: rule.source.file, line: rule.source.line })))),
        el('h4', {}, t('rulebook.rule.escalation')),
        rule.escalation.length === 0 ? el('p', {}, t('rulebook.rule.no-escalation')) : timeline(page, rule),
        el('h4', {}, t('rulebook.rule.tests')),
        testsTable(rule));
}

function header(page: Page): Html {
    const { model } = page;
    return el('header', { class: 'site' },
        el('a', { class: 'home', href: `${page.root}${paths.home}` }, t('rulebook.title')),
        el('nav', { 'aria-label': t('rulebook.nav.label') }, el('ul', {},
            el('li', {}, link(page, paths.home, t('rulebook.nav.home'))),
            el('li', {}, link(page, paths.posts, t('rulebook.nav.posts'))),
            model.campaigns.length > 0 ? el('li', {}, link(page, paths.campaigns, t('rulebook.nav.campaigns'))) : null)),
        el('div', { class: 'search', role: 'search' },
            el('input', { type: 'search', id: 'search', placeholder: t('rulebook.search.placeholder'), 'aria-label': t('rulebook.search.label'), autocomplete: 'off' }),
            el('ol', { id: 'search-results', hidden: true, 'data-none': t('rulebook.search.none') })));
}

function document(page: Page, heading: string, ...body: Child[]): string {
    const html = el('html', { lang: currentLocale(), 'data-root': page.root },
        el('head', {},
            el('meta', { charset: 'utf-8' }),
            el('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
            el('title', {}, heading === t('rulebook.title') ? heading : t('rulebook.page-title', { page: heading })),
            el('link', { rel: 'stylesheet', href: `${page.root}style.css` })),
        el('body', {},
            header(page),
            el('main', {}, ...body),
            el('footer', {}, t('rulebook.footer', { version: page.model.version })),
            el('script', { src: `${page.root}search.js` })));
    return `<!DOCTYPE html>\n${html.markup}\n`;
}

function crumbs(...items: Child[]): Html {
    return el('nav', { class: 'crumbs', 'aria-label': t('rulebook.breadcrumb') }, el('ol', {}, items.map(item => el('li', {}, item))));
}

function categoryTree(page: Page, entries: ReadonlyArray<{ id: string; depth: number }>): Child {
    return entries.length === 0 ? el('p', {}, t('rulebook.package.no-categories')) : el('ul', { class: 'tree' }, entries.map(entry => {
        const category = page.model.categories.get(entry.id)!;
        return el('li', { style: `--depth: ${entry.depth}` }, categoryLink(page, entry.id), ' ', el('code', {}, category.name),
            category.rules.length > 0 ? el('span', { class: 'badge', title: t('rulebook.category.rule-count', { count: category.rules.length }) }, category.rules.length) : null);
    }));
}

function homePage(model: RulebookModel): string {
    const page = { model, root: '' };
    return document(page, t('rulebook.title'),
        el('h1', {}, t('rulebook.title')),
        el('p', {}, t('rulebook.home.intro')),
        el('p', {}, t('rulebook.home.counts', { rules: model.rules.size, categories: model.categories.size, tests: model.testCount, passed: model.passedCount })),
        model.testsDate === null ? null : el('p', { class: 'doc' }, t('rulebook.home.tests-date', { date: model.testsDate })),
        el('h2', {}, t('rulebook.home.packages')),
        model.packages.map(pkg => el('section', { class: 'package' },
            el('h3', {}, link(page, paths.package(pkg.id), pkg.id)),
            categoryTree(page, pkg.categories))),
        model.failing.length === 0 ? null : [
            el('h2', {}, t('rulebook.home.failing')),
            el('table', {},
                el('thead', {}, el('tr', {}, el('th', {}, t('rulebook.test.name')), el('th', {}, t('rulebook.rule.source')), el('th', {}, t('rulebook.kind.rule')))),
                el('tbody', {}, model.failing.map(test => el('tr', {},
                    el('td', { class: 'failed' }, test.name),
                    el('td', {}, el('code', {}, t('rulebook.rule.source-at', { file: test.source.file, line: test.source.line }))),
                    el('td', {}, test.rule === null ? t('rulebook.posts.none') : ruleLink(page, test.rule)))))),
        ]);
}

function packagePage(model: RulebookModel, pkg: RulebookModel['packages'][number]): string {
    const page = { model, root: '../' };
    return document(page, pkg.id,
        crumbs(link(page, paths.home, t('rulebook.nav.home')), pkg.id),
        el('h1', {}, t('rulebook.kind.package'), ' ', el('code', {}, pkg.id)),
        el('h2', {}, t('rulebook.package.categories')),
        categoryTree(page, pkg.categories),
        el('h2', {}, t('rulebook.package.rules')),
        pkg.rules.length === 0 ? el('p', {}, t('rulebook.package.none')) : list(pkg.rules.map(id => {
            const rule = model.rules.get(id)!;
            return [ruleLink(page, id), ' ', el('code', {}, rule.name), el('span', { class: 'badge severity' }, wordFor(model, rule.severity))];
        })));
}

function categoryPage(model: RulebookModel, category: CategoryEntry): string {
    const page = { model, root: '../' };
    return document(page, category.label ?? category.name,
        crumbs(link(page, paths.home, t('rulebook.nav.home')), link(page, paths.package(category.package), category.package),
            category.ancestors.map(id => categoryLink(page, id)), category.label ?? category.name),
        el('h1', {}, title(category)),
        doc(category.doc),
        category.children.length === 0 ? null : [
            el('h2', {}, t('rulebook.category.subcategories')),
            list(category.children.map(id => categoryLink(page, id))),
        ],
        el('h2', {}, t('rulebook.category.rules')),
        category.rules.length === 0 ? el('p', {}, t('rulebook.category.no-rules')) : category.rules.map(id => {
            const rule = model.rules.get(id)!;
            return rule.home === category.id ? ruleArticle(page, rule)
                : el('p', { class: 'elsewhere' }, ruleLink(page, id), ' ', t('rulebook.category.see-rule', { category: wordFor(model, rule.home) }));
        }),
        category.inherited.length === 0 ? null : [
            el('h2', {}, t('rulebook.category.inherited')),
            list(category.inherited.map(id => ruleLink(page, id))),
        ]);
}

function dutiesTable(page: Page, entries: readonly PostEntry[]): Html {
    const surfaces = entries.some(p => p.surfaces.length > 0);
    const none = t('rulebook.posts.none');
    return el('table', { class: 'posts' },
        el('thead', {}, el('tr', {},
            el('th', {}, t(entries[0]?.kind === 'authority' ? 'rulebook.kind.authority' : 'rulebook.kind.post')),
            surfaces ? el('th', {}, t('rulebook.posts.surfaces')) : null,
            el('th', {}, t('rulebook.posts.responsible-for')),
            el('th', {}, t('rulebook.posts.receives')))),
        el('tbody', {}, entries.map(post => el('tr', { id: paths.postAnchor(post.id) },
            el('td', {}, el('strong', {}, title(post)), doc(post.doc)),
            surfaces ? el('td', {}, post.surfaces.length === 0 ? none : post.surfaces.join(t('cli.list.separator'))) : null,
            el('td', {}, post.responsibleFor.length === 0 ? none : list(post.responsibleFor.map(id => ruleLink(page, id)), {})),
            el('td', {}, post.receives.length === 0 ? none : list(post.receives.map(r => {
                const rule = page.model.rules.get(r.rule)!;
                return link(page, ruleUrl(rule), t('rulebook.posts.receives-item', { rule: rule.label ?? rule.name, after: durationWords(r.after, r.afterSeconds) }));
            }), {}))))));
}

function postsPage(model: RulebookModel): string {
    const page = { model, root: '' };
    return document(page, t('rulebook.nav.posts'),
        el('h1', {}, t('rulebook.nav.posts')),
        el('p', {}, t('rulebook.posts.intro')),
        model.posts.length === 0 ? el('p', {}, t('rulebook.package.none')) : dutiesTable(page, model.posts),
        model.authorities.length === 0 ? null : [el('h2', {}, t('rulebook.posts.authorities')), dutiesTable(page, model.authorities)]);
}

function campaignsPage(model: RulebookModel): string {
    const page = { model, root: '' };
    return document(page, t('rulebook.nav.campaigns'),
        el('h1', {}, t('rulebook.nav.campaigns')),
        el('p', {}, t('rulebook.campaigns.intro')),
        model.campaigns.map(campaign => el('section', { class: 'campaign', id: paths.campaignAnchor(campaign.id) },
            el('h2', {}, title(campaign)),
            doc(campaign.doc),
            el('dl', { class: 'facts' },
                fact(t('rulebook.campaigns.period'), periodText(campaign)),
                fact(t('rulebook.campaigns.rules'), campaign.rules.length === 0 ? t('rulebook.package.none') : list(campaign.rules.map(id => ruleLink(page, id)), {}))))));
}

function searchEntries(model: RulebookModel): SearchEntry[] {
    const entry = (kind: string, element: Named, url: string): SearchEntry => ({ kind, id: element.id, name: element.name, label: element.label, url });
    return [
        ...[...model.rules.values()].map(r => entry(t('rulebook.kind.rule'), r, ruleUrl(r))),
        ...[...model.categories.values()].map(c => entry(t('rulebook.kind.category'), c, paths.category(c.id))),
        ...model.posts.map(p => entry(t('rulebook.kind.post'), p, `${paths.posts}#${paths.postAnchor(p.id)}`)),
        ...model.authorities.map(a => entry(t('rulebook.kind.authority'), a, `${paths.posts}#${paths.postAnchor(a.id)}`)),
        ...model.campaigns.map(c => entry(t('rulebook.kind.campaign'), c, `${paths.campaigns}#${paths.campaignAnchor(c.id)}`)),
        ...model.packages.map(p => entry(t('rulebook.kind.package'), { id: p.id, name: p.id, label: null, doc: null }, paths.package(p.id))),
    ];
}

/** Every file of the site, by its path under the site's folder, in a fixed order. */
export function renderSite(model: RulebookModel): Map<string, string> {
    const files = new Map<string, string>();
    files.set(paths.home, homePage(model));
    files.set(paths.posts, postsPage(model));
    if (model.campaigns.length > 0) {
        files.set(paths.campaigns, campaignsPage(model));
    }
    for (const pkg of model.packages) {
        files.set(paths.package(pkg.id), packagePage(model, pkg));
    }
    for (const category of model.categories.values()) {
        files.set(paths.category(category.id), categoryPage(model, category));
    }
    files.set('style.css', STYLESHEET);
    files.set('search.js', searchScript(searchEntries(model)));
    return files;
}
