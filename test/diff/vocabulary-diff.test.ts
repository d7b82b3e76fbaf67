/**
 * diffVocabulary in-process: each kind of declaration change is named once and by its meaning
 * (labels, a category's parent, an action's parameters, an attribute's type, values and default,
 * the order of the severity scale), and what cannot change a meaning is no change.
 */
import { describe, expect, test } from 'vitest';
import { diffBundles, isEmpty } from '../../language/src/diff/bundle-diff.js';
import { vocabularyText } from '../../language/src/diff/render-vocabulary.js';
import { diffVocabulary } from '../../language/src/diff/vocabulary-diff.js';
import { compile, load } from '../runtime/fixtures.js';

const BASE = `package v
severities { minor "一般" serious "较重" severe "严重" }
post reviewer "审核员"
authority cac
action remove
action fine(amount: money)
attribute channel: enum { app, web, wechat }
attribute district: text default ""
category news "新闻" { category local "本地" { category street } }
category world
rule r { category news severity minor responsible reviewer actions remove escalate { after 1h to cac } when channel == app and district == "" }
`;

async function textOf(before: string, after: string): Promise<string[]> {
    return vocabularyText(diffVocabulary(await compile({ 'a.govrule': before }), await compile({ 'a.govrule': after })));
}

describe('diffVocabulary', () => {
    test('labels of severities, posts and categories; a label given or taken away', async () => {
        const after = BASE.replace('minor "一般"', 'minor "轻微"').replace('post reviewer "审核员"', 'post reviewer').replace('authority cac', 'authority cac "网信办"')
            .replace('category news "新闻"', 'category news "资讯"');
        expect(await textOf(BASE, after)).toEqual([
            '',
            '~ severity v.minor',
            '    label "一般" → "轻微"',
            '~ category v.news',
            '    label "新闻" → "资讯"',
            '~ post v.reviewer',
            '    label "审核员" → none',
            '~ authority v.cac',
            '    label none → "网信办"',
        ]);
    });

    test('the severity scale reordered is one change, shown by label; an added level alone is not', async () => {
        const reordered = BASE.replace('severities { minor "一般" serious "较重" severe "严重" }', 'severities { serious "较重" minor "一般" severe "严重" }');
        const diff = diffVocabulary(await compile({ 'a.govrule': BASE }), await compile({ 'a.govrule': reordered }));
        expect(diff.severityOrder).toEqual({ old: '一般 < 较重 < 严重', new: '较重 < 一般 < 严重' });
        expect(vocabularyText(diff)).toEqual(['', 'Severities: order 一般 < 较重 < 严重 → 较重 < 一般 < 严重']);
        const extended = BASE.replace('severities { minor "一般"', 'severities { trivial "轻微" minor "一般"');
        expect(await textOf(BASE, extended)).toEqual(['', 'Severities: + v.trivial']);
    });

    test('a category moved under another parent is one move with its parent, as are its sub-categories', async () => {
        const after = BASE.replace('category news "新闻" { category local "本地" { category street } }\ncategory world', 'category news "新闻"\ncategory world { category local "本地" { category street } }');
        const diff = diffVocabulary(await compile({ 'a.govrule': BASE }), await compile({ 'a.govrule': after }));
        expect(diff.categories.added).toEqual([]);
        expect(diff.categories.removed).toEqual([]);
        expect(vocabularyText(diff)).toEqual([
            '',
            '~ category v.world.local (moved from v.news.local)',
            '    parent v.news → v.world',
            '~ category v.world.local.street (moved from v.news.local.street)',
            '    parent v.news.local → v.world.local',
        ]);
    });

    test('a removed and an added category of different names or labels are not a move', async () => {
        const after = BASE.replace('category news "新闻" { category local "本地" { category street } }\ncategory world', 'category news "新闻"\ncategory world { category local "地方" { category road } }');
        const diff = diffVocabulary(await compile({ 'a.govrule': BASE }), await compile({ 'a.govrule': after }));
        expect(diff.categories.changed).toEqual([]);
        expect(diff.categories.added).toEqual(['v.world.local', 'v.world.local.road']);
        expect(diff.categories.removed).toEqual(['v.news.local', 'v.news.local.street']);
    });

    test("an action's parameters: added, made optional, retyped; none at all", async () => {
        expect(await textOf(BASE, BASE.replace('action fine(amount: money)', 'action fine(amount: money, note: text?)').replace('action remove', 'action remove(days: number?)')))
            .toEqual(['', '~ action v.fine', '    params amount: money → amount: money, note: text?', '~ action v.remove', '    params none → days: number?']);
        expect(await textOf(BASE, BASE.replace('action fine(amount: money)', 'action fine(amount: number?)')))
            .toEqual(['', '~ action v.fine', '    params amount: money → amount: number?']);
    });

    test("an attribute's type, values (members, or their order alone) and default", async () => {
        expect(await textOf(BASE, BASE.replace('attribute channel: enum { app, web, wechat }', 'attribute channel: enum { web, app, wechat } default web')))
            .toEqual(['', '~ attribute v.channel', '    values app, web, wechat → web, app, wechat', '    default none → web']);
        expect(await textOf(BASE, BASE.replace('attribute district: text default ""', 'attribute district: text default "两江新区"')))
            .toEqual(['', '~ attribute v.district', '    default "" → "两江新区"']);
        const retyped = BASE.replace('attribute channel: enum { app, web, wechat }', 'attribute channel: text').replace('channel == app', 'channel == "app"');
        const diff = diffVocabulary(await compile({ 'a.govrule': BASE }), await compile({ 'a.govrule': retyped }));
        expect(diff.attributes.changed).toEqual([{
            id: 'v.channel',
            changes: [
                { field: 'type', old: 'enum', new: 'text' },
                { field: 'values', old: 'app, web, wechat', new: 'none', added: [], removed: ['app', 'web', 'wechat'] },
            ],
        }]);
    });

    test('doc comments and source positions are no change; a vocabulary change alone is a difference', async () => {
        const documented = `// moved down\n\n${BASE.replace('post reviewer', '/** 一线审核 */\npost reviewer')}`;
        expect(isEmpty(diffBundles(await load({ 'a.govrule': BASE }), await load({ 'a.govrule': documented })))).toBe(true);
        const relabelled = diffBundles(await load({ 'a.govrule': BASE }), await load({ 'a.govrule': BASE.replace('post reviewer "审核员"', 'post reviewer "初审"') }));
        expect(isEmpty(relabelled)).toBe(false);
        expect(relabelled.rules.changed).toEqual([]);
    });
});
