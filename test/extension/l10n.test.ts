/**
 * The extension in Chinese (issue 12): every manifest string comes from package.nls.json and has
 * its Chinese text in package.nls.zh-cn.json; every text extension/src shows goes through `t`
 * (vscode.l10n.t) and has its entry in l10n/bundle.l10n.zh-cn.json with the same placeholders;
 * the Chinese follows docs/zh-CN/glossary.md's conventions; the language follows `govrule.locale`,
 * else VS Code's display language.
 */
import * as path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { describeCommandFailure, RUN_TESTS_COMMAND } from '../../extension/src/command-failure.js';
import { bundleFileName, chooseLocale, english, format, fromBundle, t, tCount, useTranslation } from '../../extension/src/l10n.js';
import { statusView } from '../../extension/src/status-text.js';
import { toServerConfigurationItem, toServerSettings } from '../../extension/src/settings.js';
import { placeholders } from '../../language/src/l10n/index.js';
import { ROOT } from '../helpers/cli.js';
import { chineseStyleProblems } from '../helpers/chinese-style.js';
import { extensionTexts, textsIn } from '../helpers/extension-texts.js';
import { EXTENSION, localizedManifest, nlsFile, nlsKeys, readJson } from '../helpers/manifest.js';

const manifest = readJson(path.join(EXTENSION, 'package.json'));
const nlsEn: Record<string, string> = readJson(nlsFile('en'));
const nlsZh: Record<string, string> = readJson(nlsFile('zh-cn'));
const zhBundle: Record<string, string> = readJson(path.join(EXTENSION, 'l10n', bundleFileName('zh-CN')));
const found = extensionTexts(ROOT);

/** The code spans of a manifest text: names and values a translation must keep as they are. */
const codeSpans = (text: string) => [...text.matchAll(/`([^`]+)`/g)].map(m => m[1]).sort();

afterEach(() => useTranslation(english));

describe('the manifest (package.json with package.nls.json)', () => {
    test('every string people read is a %key%, and each key is in both nls files', () => {
        const keys = nlsKeys(manifest);
        expect(keys.length).toBeGreaterThan(30);
        for (const key of keys) {
            expect(nlsEn[key], `${key} in package.nls.json`).toBeTypeOf('string');
            expect(nlsZh[key], `${key} in package.nls.zh-cn.json`).toBeTypeOf('string');
        }
        // No key is left over or missing in either language.
        expect(Object.keys(nlsEn).sort()).toEqual([...new Set(keys)].sort());
        expect(Object.keys(nlsZh).sort()).toEqual(Object.keys(nlsEn).sort());
        // The texts people read, named by key: commands, settings, the display name and description.
        const read = [
            manifest.displayName, manifest.description, manifest.capabilities.untrustedWorkspaces.description,
            ...manifest.contributes.commands.map((c: { title: string }) => c.title),
            ...Object.values<{ description?: string; markdownDescription?: string; enumDescriptions?: string[] }>(manifest.contributes.configuration.properties)
                .flatMap(p => [p.description ?? p.markdownDescription, ...(p.enumDescriptions ?? [])]),
            ...manifest.contributes.problemMatchers.map((m: { label: string }) => m.label),
        ];
        for (const text of read) {
            expect(text, 'a manifest text written in place of a %key%').toMatch(/^%[^%\s]+%$/);
        }
    });

    test('the Chinese keeps the code of the English (`inherit`, `govrule.json`, lint codes) and follows the conventions', () => {
        for (const [key, en] of Object.entries(nlsEn)) {
            expect(codeSpans(nlsZh[key]!), key).toEqual(codeSpans(en));
            expect(placeholders(nlsZh[key]!), key).toEqual(placeholders(en));
            expect(chineseStyleProblems(nlsZh[key]!), `${key}: ${nlsZh[key]}`).toEqual([]);
        }
        // Chinese where it is words, not a copy of the English.
        for (const key of ['description', 'commands.compileWorkspace.title', 'settings.locale.markdownDescription', 'settings.lint.level.off']) {
            expect(nlsZh[key], key).toMatch(/\p{Script=Han}/u);
        }
    });

    test('the commands in Chinese, as the palette shows them with their category', () => {
        const zh = localizedManifest('zh-cn');
        const titles = Object.fromEntries(zh.contributes.commands.map((c: { command: string; category: string; title: string }) => [c.command, `${c.category}: ${c.title}`]));
        expect(titles).toEqual({
            'govrule.compileWorkspace': 'GovRule: 编译工作区',
            'govrule.previewCompiledJson': 'GovRule: 预览编译后的 JSON',
            'govrule.compareWith': 'GovRule: 与其他版本比较…',
            'govrule.restartServer': 'GovRule: 重启语言服务器',
            'govrule.showOutput': 'GovRule: 显示输出',
            'govrule.evaluateRule': 'GovRule: 试判定…',
            'govrule.saveAsTest': 'GovRule: 另存为测试',
            'govrule.createConfig': 'GovRule: 创建 govrule.json',
            'govrule.newRuleFile': 'GovRule: 新建规则文件',
        });
        // English stays as it was.
        expect(localizedManifest('en').contributes.commands.map((c: { title: string }) => c.title))
            .toEqual(['Compile Workspace', 'Preview Compiled JSON', 'Compare with…', 'Restart Language Server', 'Show Output', 'Evaluate…', 'Save as Test', 'Create govrule.json', 'New Rule File']);
    });

    test('the govrule.locale setting: auto (default), en, zh-CN, each described, for the window', () => {
        const setting = manifest.contributes.configuration.properties['govrule.locale'];
        expect(setting).toMatchObject({ type: 'string', enum: ['auto', 'en', 'zh-CN'], default: 'auto', scope: 'window' });
        expect(setting.enumDescriptions).toHaveLength(3);
        const en = localizedManifest('en').contributes.configuration.properties['govrule.locale'];
        expect(en.markdownDescription).toMatch(/language of GovRule's messages/);
        expect(en.markdownDescription).toMatch(/`auto` follows VS Code's display language/);
    });

    test('the runtime texts are declared: "l10n" points at the bundles, and the package lists them', () => {
        expect(manifest.l10n).toBe('./l10n');
        expect(manifest.files).toEqual(expect.arrayContaining(['l10n/', 'package.nls.json', 'package.nls.zh-cn.json']));
    });
});

describe('the runtime texts (vscode.l10n)', () => {
    test('every text given to t / tCount is a plain literal with a Chinese entry of the same placeholders', () => {
        expect(found.texts.length).toBeGreaterThan(50);
        for (const { file, line, text } of found.texts) {
            expect(text, `${file}:${line}: the text must be a string literal, so that it can be looked up`).toBeTypeOf('string');
            const zh = zhBundle[text!];
            expect(zh, `${file}:${line}: "${text}" has no entry in bundle.l10n.zh-cn.json`).toBeTypeOf('string');
            expect(placeholders(zh!), `${file}:${line}: "${text}"`).toEqual(placeholders(text!));
        }
    });

    test('the Chinese bundle has no entry that nothing uses, and every entry follows the conventions', () => {
        const used = new Set(found.texts.map(f => f.text));
        expect(Object.keys(zhBundle).filter(key => !used.has(key))).toEqual([]);
        for (const [key, zh] of Object.entries(zhBundle)) {
            expect(chineseStyleProblems(zh), `${key}: ${zh}`).toEqual([]);
            // Translated, not the English copied.
            expect(zh, key).not.toBe(key);
        }
    });

    test('nothing is shown without t: no literal in showErrorMessage & co., titles, placeholders or tooltips', () => {
        expect(found.untranslated).toEqual([]);
    });

    test('the finder sees what it must refuse (a check that cannot fail is no check)', () => {
        const slips = textsIn('slips.ts', [
            "void vscode.window.showErrorMessage('GovRule: something went wrong.');",
            'void vscode.window.showWarningMessage(`GovRule: cannot ${task}`);',
            "vscode.window.withProgress({ title: 'GovRule: working' }, work);",
            "this.item.tooltip = 'GovRule: the server is busy';",
            "this.item.text = '$(question) GovRule';",
            "const a = t('Counted {count}', { count });",
            'const b = t(message);',
            "const c = tCount(n, 'one {count}', 'other {count}');",
            "const d = vscode.l10n.t('Said by VS Code');",
        ].join('\n'));
        expect(slips.untranslated.map(u => u.text)).toEqual([
            "'GovRule: something went wrong.'",
            '`GovRule: cannot ${task}`',
            "title: 'GovRule: working'",
            "this.item.tooltip = 'GovRule: the server is busy'",
        ]);
        expect(slips.texts.map(u => u.text)).toEqual(['Counted {count}', undefined, 'one {count}', 'other {count}', 'Said by VS Code']);
    });
});

describe('choosing the language', () => {
    test('govrule.locale wins; auto follows the display language, any Chinese one giving Simplified Chinese', () => {
        expect(chooseLocale('zh-CN', 'en')).toBe('zh-CN');
        expect(chooseLocale('en', 'zh-cn')).toBe('en');
        expect(chooseLocale('auto', 'zh-cn')).toBe('zh-CN');
        expect(chooseLocale('auto', 'zh-tw')).toBe('zh-CN');
        expect(chooseLocale('auto', 'en-us')).toBe('en');
        expect(chooseLocale('auto', 'de')).toBe('en');
        // A value the setting does not allow is "auto".
        expect(chooseLocale('fr', 'zh-cn')).toBe('zh-CN');
        expect(chooseLocale(undefined, undefined)).toBe('en');
        expect(bundleFileName('zh-CN')).toBe('bundle.l10n.zh-cn.json');
    });

    test('the setting reaches the server as it is (the server reads govrule.locale itself)', () => {
        expect(toServerSettings({ locale: 'zh-CN', lint: { 'duplicate-action': 'inherit' } })).toEqual({ locale: 'zh-CN', lint: {} });
        expect(toServerConfigurationItem('govrule', { locale: 'auto' })).toEqual({ locale: 'auto' });
    });

    test('placeholders are filled by name, as vscode.l10n.t fills them; an unknown one stays', () => {
        expect(format('{a} and {b}', { a: 1, b: 'x' })).toBe('1 and x');
        expect(format('{a} and {c}', { a: 1 })).toBe('1 and {c}');
        expect(fromBundle({ 'Hello {who}': '你好，{who}' })('Hello {who}', { who: 'GovRule' })).toBe('你好，GovRule');
        // A missing entry, or a bundle that is not an object, gives the English.
        expect(fromBundle({})('Hello {who}', { who: 'x' })).toBe('Hello x');
        expect(fromBundle(null)('Hello', {})).toBe('Hello');
        expect(fromBundle({ Hello: 3 })('Hello', {})).toBe('Hello');
    });
});

describe('what people read, in Chinese', () => {
    test('the status item', () => {
        useTranslation(fromBundle(zhBundle));
        expect(statusView({ errors: 0, rules: 48, tests: 59, passed: 59, failed: 0 }, true).text).toBe('GovRule：48 条规则 · 59 个测试 ✓');
        expect(statusView({ errors: 0, rules: 1, tests: 3, passed: 1, failed: 2 }, true).text).toBe('GovRule：1 条规则 · 3 个测试中 2 个未通过 ✗');
        expect(statusView({ errors: 0, rules: 2, tests: 0, passed: 0, failed: 0 }, true).text).toBe('GovRule：2 条规则 · 无测试');
        expect(statusView({ errors: 3 }, true).text).toBe('$(circle-slash) GovRule：有 3 个错误，测试暂停');
        expect(statusView({ errors: 0, rules: 48, tests: 59, passed: 59, failed: 0 }, true).tooltip)
            .toBe('GovRule：48 条规则；按当前文本，全部 59 个测试均通过。单击运行全部测试，并在文件中显示结果。');
        expect(statusView(undefined, true).tooltip).toBe('GovRule：语言服务器没有发来工作区概况，详见“GovRule: 显示输出”。');
    });

    test('a failed test run', () => {
        useTranslation(fromBundle(zhBundle));
        const error = { code: -32803, data: { problems: [{ path: 'qinglang/rumor.govrule', line: 9, column: 18, message: '找不到岗位“x”' }] } };
        expect(describeCommandFailure(RUN_TESTS_COMMAND, error)).toEqual({
            message: 'GovRule：规则文件中有 1 个错误，改正后才能运行测试。第一处：qinglang/rumor.govrule:9:18：找不到岗位“x”',
            actions: ['Show Problems'],
        });
        expect(describeCommandFailure(RUN_TESTS_COMMAND, { code: -32801 })?.message).toBe('GovRule：启动期间规则文件有改动，请重新运行测试。');
        expect(describeCommandFailure(RUN_TESTS_COMMAND, undefined)?.message).toBe('GovRule：无法运行测试：语言服务器没有应答。');
    });

    test('counts: one form and the other form are texts of their own, both in English and in Chinese', () => {
        expect(tCount(1, '{count} rule', '{count} rules')).toBe('1 rule');
        expect(tCount(2, '{count} rule', '{count} rules')).toBe('2 rules');
        expect(tCount(0, '{count} rule', '{count} rules')).toBe('0 rules');
        useTranslation(fromBundle(zhBundle));
        expect(tCount(1, '{count} rule', '{count} rules')).toBe('1 条规则');
        expect(t('GovRule: compiled {bundle} into {file}', { bundle: 'x', file: 'dist/b.json' })).toBe('GovRule：已编译 x，写入 dist/b.json');
    });
});
