/**
 * The rulebook (`govrule doc`) of examples/chongqing, opened from disk (file://) in Chromium as a
 * reader opens it: a category page with its rules, a rule's escalation timeline, the search finding
 * a rule by its Chinese label, and the page as it prints. Screenshots go to
 * out/e2e/screenshots/rulebook-*.png. Needs only Debian's chromium (bash scripts/setup-e2e.sh).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { slug } from './evidence.js';
import { findBrowser, ROOT } from './prerequisites.js';
import { launchBrowser } from './workbench.js';

const base = fs.mkdtempSync(path.join(os.tmpdir(), 'govrule-e2e-rulebook-'));
const shots = path.join(ROOT, 'out', 'e2e', 'screenshots');
const site = path.join(base, 'site');
let context: BrowserContext | undefined;
let page: Page;
/** Every request the pages made that does not stay on disk: an offline site makes none. */
const remote: string[] = [];
const pageErrors: string[] = [];
let failed = false;

function pageUrl(file: string, anchor = ''): string {
    return `${pathToFileURL(path.join(site, file)).href}${anchor}`;
}

/** The site's file of a category (the generator's slug: `_<hex>_` for characters outside [A-Za-z0-9.-]). */
function categoryFile(id: string): string {
    return `categories/${id}.html`;
}

beforeAll(async () => {
    const chromium = findBrowser();
    fs.mkdirSync(shots, { recursive: true });
    for (const old of fs.readdirSync(shots).filter(name => /^(FAILED-)?rulebook-/.test(name))) {
        fs.rmSync(path.join(shots, old), { recursive: true, force: true });
    }
    execFileSync(process.execPath, [path.join(ROOT, 'esbuild.mjs')], { cwd: ROOT, stdio: 'inherit' });
    const workspace = path.join(base, 'chongqing');
    fs.cpSync(path.join(ROOT, 'examples', 'chongqing'), workspace, { recursive: true, filter: src => !src.includes(`${path.sep}dist`) });
    execFileSync(process.execPath, [path.join(ROOT, 'bin', 'govrule.cjs'), 'doc', '-o', site, '--lang', 'zh-CN', '--date', '2026-06-15'], { cwd: workspace, stdio: 'inherit' });

    context = await launchBrowser(chromium, path.join(base, 'chromium-profile'));
    page = context.pages()[0] ?? await context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    page.on('request', request => {
        if (!request.url().startsWith('file://')) {
            remote.push(request.url());
        }
    });
    page.on('pageerror', err => pageErrors.push(err.message));
}, 300_000);

afterEach(async ({ task }) => {
    if (task.result?.state === 'fail' && page) {
        failed = true;
        const folder = path.join(shots, `FAILED-rulebook-${slug(task.name)}`);
        fs.mkdirSync(folder, { recursive: true });
        await page.screenshot({ path: path.join(folder, 'screenshot.png'), fullPage: true }).catch(() => undefined);
        fs.writeFileSync(path.join(folder, 'page.html'), await page.content().catch(() => ''));
        console.log(`e2e (rulebook): "${task.name}" failed; evidence in ${folder}`);
    }
});

afterAll(async () => {
    await context?.close();
    if (failed) {
        console.log(`e2e (rulebook): the site is kept in ${site}`);
    } else {
        fs.rmSync(base, { recursive: true, force: true });
    }
});

describe('the rulebook of examples/chongqing in Chromium', () => {
    test('a category page lists its rules in full, in Chinese, with the page styled', async () => {
        await page.goto(pageUrl(categoryFile('chongqing.qinglang.rumor.enterprise')));
        expect(await page.locator('h1').textContent()).toContain('涉企谣言');
        expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
        // The stylesheet applied: the header band is dark, not the browser's default.
        expect(await page.locator('header.site').evaluate((el: any) => String(el.ownerDocument.defaultView.getComputedStyle(el).backgroundColor))).not.toBe('rgba(0, 0, 0, 0)');
        const articles = page.locator('article.rule');
        expect(await articles.count()).toBe(4);
        expect(await articles.first().locator('dt').allTextContents()).toEqual(expect.arrayContaining(['适用类别', '严重程度', '责任岗位', '处置措施', '适用条件']));
        await page.screenshot({ path: path.join(shots, 'rulebook-category.png'), fullPage: false });
    });

    test('a rule with its escalation timeline: one point for the responsible post, one a step', async () => {
        await page.goto(pageUrl(categoryFile('chongqing.qinglang.rumor.enterprise'), '#rule-chongqing.qinglang.autoRumorLiangjiang'));
        const rule = page.locator('article.rule:target');
        await rule.waitFor();
        expect(await rule.count()).toBe(1);
        expect(await rule.locator('h3').textContent()).toContain('两江新区汽车企业谣言');
        expect(await rule.locator('pre.condition').textContent()).toBe('sector == auto and district in ["两江新区", "渝北区"] and reports >= 5');
        const timeline = rule.locator('svg.timeline');
        expect(await timeline.locator('circle').count()).toBe(4);
        expect(await timeline.locator('text.who').allTextContents()).toEqual(['值班编辑', '总编辑', '市场监管局', '市委网信办']);
        expect(await timeline.locator('text.when').allTextContents()).toEqual(['受理', '1 小时', '24 小时', '3 天']);
        // The SVG is drawn: it has a size on the page, and its labels are inside it.
        const box = await timeline.boundingBox();
        expect(box?.width ?? 0).toBeGreaterThan(300);
        expect(await rule.locator('td.passed').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('通过')]));
        await rule.screenshot({ path: path.join(shots, 'rulebook-rule-timeline.png') });
    });

    test('the search finds a rule by its Chinese label and leads to it', async () => {
        await page.goto(pageUrl('index.html'));
        const results = page.locator('#search-results');
        expect(await results.isHidden()).toBe(true);
        await page.locator('#search').fill('两江新区汽车');
        await results.waitFor({ state: 'visible' });
        const hit = results.locator('a', { hasText: '两江新区汽车企业谣言' });
        expect(await hit.count()).toBe(1);
        expect(await results.locator('li').count()).toBe(1);
        await page.screenshot({ path: path.join(shots, 'rulebook-search.png') });
        await hit.click();
        await page.waitForURL(/categories\/chongqing\.qinglang\.rumor\.enterprise\.html#rule-chongqing\.qinglang\.autoRumorLiangjiang$/);
        expect(await page.locator('article.rule:target h3').textContent()).toContain('两江新区汽车企业谣言');
        // A word that names nothing says so.
        await page.locator('#search').fill('不存在的规则名称');
        await expect.poll(() => results.locator('li.none').textContent()).toBe('没有找到');
    });

    test('printed, a page is a clean document: no header, no search, the rules and timelines kept', async () => {
        await page.goto(pageUrl(categoryFile('chongqing.qinglang.rumor.disaster')));
        await page.emulateMedia({ media: 'print' });
        expect(await page.locator('header.site').isHidden()).toBe(true);
        expect(await page.locator('article.rule').first().isVisible()).toBe(true);
        expect(await page.locator('svg.timeline').first().isVisible()).toBe(true);
        await page.screenshot({ path: path.join(shots, 'rulebook-print.png'), fullPage: true });
        const pdf = await page.pdf({ format: 'A4' });
        expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        await page.emulateMedia({ media: 'screen' });
    });

    test('the pages load nothing from outside the site and raise no script error', () => {
        expect(remote).toEqual([]);
        expect(pageErrors).toEqual([]);
    });
});
