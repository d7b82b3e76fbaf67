/**
 * The extension manifest (extension/package.json) and the files it points to: everything it
 * names exists, its lint settings are exactly the lints of the diagnostics registry, the `$govrule`
 * problem matcher reads what `govrule check` really prints, and the language configuration's
 * patterns do what they are for.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { CODES } from '../../language/src/diagnostics.js';
import { copyExamples, describeRun, ROOT, runCli } from '../helpers/cli.js';
import { tempFolder } from '../helpers/temp.js';

const EXTENSION = path.join(ROOT, 'extension');
const manifest = JSON.parse(fs.readFileSync(path.join(EXTENSION, 'package.json'), 'utf8'));
const contributes = manifest.contributes;
const languageConfiguration = JSON.parse(fs.readFileSync(path.join(EXTENSION, 'language-configuration.json'), 'utf8'));
const LINTS = Object.entries(CODES).filter(([, info]) => info.lint).map(([code]) => code).sort();

describe('extension manifest', () => {
    test('identity, engine and entry point', () => {
        expect(manifest.name).toBe('govrule');
        expect(manifest.publisher).toMatch(/^[a-z0-9][a-z0-9-]*$/);
        expect(manifest.engines.vscode).toBe('^1.91.0');
        expect(manifest.main).toBe('./out/extension.cjs');
        expect(manifest.license).toBe('MIT');
        // The .vsix carries the project's version.
        expect(manifest.version).toBe(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
        expect(fs.readFileSync(path.join(EXTENSION, 'images', 'icon.png')).subarray(1, 4).toString('latin1')).toBe('PNG');
    });

    test('Marketplace metadata: where to report bugs, the home page, a banner, keywords in Chinese too', () => {
        expect(manifest.bugs.url).toBe(`${manifest.repository.url}/issues`);
        expect(manifest.homepage).toMatch(new RegExp(`^${manifest.repository.url}`));
        expect(manifest.galleryBanner.color).toMatch(/^#[0-9A-Fa-f]{6}$/);
        expect(['dark', 'light']).toContain(manifest.galleryBanner.theme);
        expect(manifest.keywords).toEqual(expect.arrayContaining(['内容治理', '规则', '网信']));
        // The Marketplace takes at most 30 keywords.
        expect(manifest.keywords.length).toBeLessThanOrEqual(30);
    });

    test('every file the manifest names exists (schemas come from language/schema)', () => {
        const paths = [
            manifest.icon,
            ...contributes.languages.flatMap((l: { configuration: string; icon: { light: string; dark: string } }) => [l.configuration, l.icon.light, l.icon.dark]),
            ...contributes.grammars.map((g: { path: string }) => g.path),
            ...contributes.snippets.map((s: { path: string }) => s.path),
        ];
        for (const p of paths) {
            expect(fs.existsSync(path.join(EXTENSION, p)), p).toBe(true);
        }
        for (const { url } of contributes.jsonValidation as Array<{ url: string }>) {
            expect(url).toMatch(/^\.\/schema\/[a-z]+\.schema\.json$/);
            expect(fs.existsSync(path.join(ROOT, 'language', url.slice(2))), url).toBe(true);
        }
        expect(contributes.grammars[0].path).toBe('./syntaxes/govrule.tmLanguage.json');
    });

    test('lint settings are exactly the lints, default `inherit`, with the five levels', () => {
        const settings = contributes.configuration.properties;
        const lintSettings = Object.keys(settings).filter(k => k.startsWith('govrule.lint.')).map(k => k.slice('govrule.lint.'.length)).sort();
        expect(lintSettings).toEqual(LINTS);
        for (const code of LINTS) {
            const setting = settings[`govrule.lint.${code}`];
            expect(setting.default).toBe('inherit');
            expect(setting.enum).toEqual(['inherit', 'error', 'warning', 'info', 'hint', 'off']);
            expect(setting.enumDescriptions).toHaveLength(setting.enum.length);
            expect(setting.scope).toBe('resource');
        }
        expect(settings['govrule.trace.server'].enum).toEqual(['off', 'messages', 'verbose']);
        expect(settings['govrule.inlayHints.labels']).toMatchObject({ type: 'boolean', default: true });
    });

    test('every command has a title in the GovRule category and is reachable from the palette and the editor title', () => {
        const commands = contributes.commands.map((c: { command: string }) => c.command).sort();
        expect(commands).toEqual([
            'govrule.compareWith', 'govrule.compileWorkspace', 'govrule.createConfig', 'govrule.evaluateRule', 'govrule.newRuleFile',
            'govrule.previewCompiledJson', 'govrule.restartServer', 'govrule.saveAsTest', 'govrule.showOutput',
        ]);
        for (const command of contributes.commands) {
            expect(command.category).toBe('GovRule');
        }
        const hiddenFromPalette = contributes.menus.commandPalette.filter((m: { when?: string }) => m.when === 'false');
        expect(hiddenFromPalette).toEqual([]);
        // The rule file's title bar, and the event editor's ("Evaluate…" opens it) for "Save as Test".
        const inTitle = contributes.menus['editor/title'].map((m: { command: string; when: string }) => {
            expect(m.when).toBe(m.command === 'govrule.saveAsTest' ? 'govrule.eventEditorActive' : 'resourceLangId == govrule');
            return m.command;
        }).sort();
        // The walkthrough's commands (a folder without rules yet) are in the palette only.
        expect(inTitle).toEqual(commands.filter((c: string) => c !== 'govrule.createConfig' && c !== 'govrule.newRuleFile'));
        // The server's own commands are registered by the language client: no clash.
        for (const server of ['govrule.compile', 'govrule.diff', 'govrule.evaluate', 'govrule.eventTemplate', 'govrule.testBlock']) {
            expect(commands).not.toContain(server);
        }
    });

    test('the snippets file parses and every snippet has a prefix, a body and a description', () => {
        const snippets = JSON.parse(fs.readFileSync(path.join(EXTENSION, contributes.snippets[0].path), 'utf8'));
        expect(Object.keys(snippets).length).toBeGreaterThan(0);
        // VS Code offers a snippet file's entries everywhere: declarations that stand only at the
        // top level come from the server, which offers them only there (test/lsp/completion-context.test.ts).
        const prefixes = Object.values<{ prefix: string }>(snippets).map(s => s.prefix);
        for (const topLevel of ['package', 'test', 'rule', 'severities', 'action', 'attribute', 'category', 'post', 'authority']) {
            expect(prefixes).not.toContain(topLevel);
        }
        for (const [name, snippet] of Object.entries<{ prefix: string; body: string[]; description: string }>(snippets)) {
            expect(snippet.prefix, name).toMatch(/^[a-z-]+$/);
            expect(snippet.body.length, name).toBeGreaterThan(0);
            expect(snippet.description, name).toBeTruthy();
        }
    });
});

describe('$govrule problem matcher', () => {
    const matcher = contributes.problemMatchers.find((m: { name: string }) => m.name === 'govrule');
    const pattern = new RegExp(matcher.pattern.regexp);

    test('reads every diagnostic of `govrule check` text output, as the JSON output gives it', () => {
        const dir = copyExamples();
        const file = path.join(dir, 'qinglang', 'rumor.govrule');
        fs.writeFileSync(file, fs.readFileSync(file, 'utf8')
            .replace('responsible reviewer', 'responsible reviewr')   // error
            .replace('actions remove, throttle', 'actions remove, throttle, remove'));  // warning
        const text = runCli(['check', '--format', 'text'], { cwd: dir });
        const json = runCli(['check', '--format', 'json'], { cwd: dir });
        expect(text.status, describeRun(text)).toBe(1);
        const expected = (JSON.parse(json.stdout) as Array<Record<string, unknown>>)
            .map(d => [d.file, String(d.line), String(d.column), d.severity, d.code, d.message].join('|'));
        const { file: f, line, column, severity, code, message } = matcher.pattern;
        const matched = text.stderr.split('\n').map(l => pattern.exec(l)).filter(m => m !== null)
            .map(m => [m[f], m[line], m[column], m[severity], m[code], m[message]].join('|'));
        expect(expected.some(e => e.includes('|error|unresolved-reference|'))).toBe(true);
        expect(expected.some(e => e.includes('|warning|duplicate-action|'))).toBe(true);
        expect(matched.sort()).toEqual(expected.sort());
    });

    test('matches no line of a clean run', () => {
        const dir = tempFolder({ 'a.govrule': 'package a\nseverities { low high }\n' });
        const result = runCli(['check', '--format', 'text'], { cwd: dir });
        expect(result.status, describeRun(result)).toBe(0);
        expect(`${result.stdout}\n${result.stderr}`.split('\n').filter(l => pattern.test(l))).toEqual([]);
    });
});

describe('language configuration', () => {
    const word = new RegExp(languageConfiguration.wordPattern, 'g');
    const words = (text: string) => [...text.matchAll(word)].map(m => m[0]);

    test('words include CJK and accented identifiers, durations and numbers, and stop at punctuation', () => {
        expect(words('category 涉企谣言 "涉企谣言"')).toEqual(['category', '涉企谣言', '涉企谣言']);
        expect(words('rumor.enterprise, chongqing.直播.打赏')).toEqual(['rumor', 'enterprise', 'chongqing', '直播', '打赏']);
        expect(words('after 24h to café_2')).toEqual(['after', '24h', 'to', 'café_2']);
        expect(words('fine(amount: 100000.50 CNY)')).toEqual(['fine', 'amount', '100000.50', 'CNY']);
    });

    test('comments, brackets and auto-closing pairs', () => {
        expect(languageConfiguration.comments).toEqual({ lineComment: '//', blockComment: ['/*', '*/'] });
        expect(languageConfiguration.brackets).toEqual([['{', '}'], ['[', ']'], ['(', ')']]);
        const pairs = languageConfiguration.autoClosingPairs.map((p: { open: string; close: string }) => `${p.open}${p.close}`);
        expect(pairs).toEqual(expect.arrayContaining(['{}', '[]', '()', '""', '/** */']));
    });

    test('indentation: a line opening a block indents, a closing brace outdents', () => {
        const increase = new RegExp(languageConfiguration.indentationRules.increaseIndentPattern);
        const decrease = new RegExp(languageConfiguration.indentationRules.decreaseIndentPattern);
        expect(increase.test('rule r "标签" {')).toBe(true);
        expect(increase.test('    escalate {')).toBe(true);
        expect(increase.test('    responsible reviewer')).toBe(false);
        expect(increase.test('// a comment {')).toBe(false);
        expect(decrease.test('    }')).toBe(true);
        expect(decrease.test('    after 2h to cac')).toBe(false);
    });

    test('on Enter, doc comments continue with " * "', () => {
        const rules = languageConfiguration.onEnterRules as Array<{ beforeText: { pattern: string }; afterText?: { pattern: string }; action: { appendText?: string } }>;
        const applicable = (before: string, after = '') => rules.find(r => new RegExp(r.beforeText.pattern).test(before)
            && (!r.afterText || new RegExp(r.afterText.pattern).test(after)));
        expect(applicable('/** 自媒体', ' */')?.action.appendText).toBe(' * ');
        expect(applicable('    /** 自媒体')?.action.appendText).toBe(' * ');
        expect(applicable(' * 第二行')?.action.appendText).toBe('* ');
        expect(applicable('/* plain */')).toBeUndefined();
        expect(applicable('rule r {')).toBeUndefined();
    });
});
