/**
 * The CLI's language in process: `--lang` taken out of the command line, --help lines laid out in
 * either language, and node:util's parseArgs errors worded by the catalogue.
 */
import { parseArgs } from 'node:util';
import { afterEach, describe, expect, test } from 'vitest';
import { setLocale } from '../../language/src/l10n/index.js';
import { commandLineError, helpLines, takeLanguage } from '../../language/src/cli/options.js';

/** The error parseArgs throws for these arguments. */
function parseError(args: string[]): unknown {
    try {
        parseArgs({ args, allowPositionals: true, options: { format: { type: 'string' }, quiet: { type: 'boolean' }, output: { type: 'string', short: 'o' } } });
    } catch (err) {
        return err;
    }
    throw new Error(`parseArgs accepted ${args.join(' ')}`);
}

describe('--lang', () => {
    afterEach(() => setLocale('en'));

    test('is taken out of the arguments wherever it stands before --', () => {
        expect(takeLanguage(['check', '--lang', 'zh-CN', 'a.govrule'])).toEqual({ args: ['check', 'a.govrule'], locale: 'zh-CN' });
        expect(takeLanguage(['--lang=en', '--help'])).toEqual({ args: ['--help'], locale: 'en' });
        expect(takeLanguage(['check', '--', '--lang', 'fr'])).toEqual({ args: ['check', '--', '--lang', 'fr'], locale: undefined });
        expect(takeLanguage(['check'])).toEqual({ args: ['check'], locale: undefined });
    });

    test('takes en or zh-CN only, once, and says so in the language of the moment', () => {
        expect(() => takeLanguage(['check', '--lang', 'fr'])).toThrow("--lang takes en or zh-CN, not 'fr'");
        expect(() => takeLanguage(['check', '--lang'])).toThrow('--lang takes en or zh-CN');
        expect(() => takeLanguage(['check', '--lang', '--quiet'])).toThrow('--lang takes en or zh-CN');
        expect(() => takeLanguage(['--lang', 'en', 'check', '--lang=zh-CN'])).toThrow("--lang given twice ('--lang en' and '--lang=zh-CN'); give it once");
        setLocale('zh-CN');
        expect(() => takeLanguage(['check', '--lang', 'zh_CN'])).toThrow('--lang 只能是 en 或 zh-CN，而不是“zh_CN”');
    });
});

describe('--help lines', () => {
    afterEach(() => setLocale('en'));

    test('align descriptions at one column; long flags and continued lines go under it', () => {
        expect(helpLines([['--quiet', 'cli.option.quiet'], ['--coverage-threshold P', 'cli.test.option.coverage-threshold']])).toBe(
            '  --quiet                report errors only\n'
            + '  --coverage-threshold P fail when less than P percent of the enabled rules are covered');
        expect(helpLines([['--max-changed-decisions N|P%', 'cli.diff.option.max-changed-decisions'], ['--events FILE|-', 'cli.diff.option.events']])).toBe(
            '  --max-changed-decisions N|P%\n'
            + '                         exit 1 when more decisions than this change\n'
            + '  --events FILE|-        replay: decide these events (JSON Lines) with both sides and\n'
            + '                         report the decisions that change');
        setLocale('zh-CN');
        expect(helpLines([['--quiet', 'cli.option.quiet']])).toBe('  --quiet                只报告错误');
    });
});

describe("parseArgs' errors", () => {
    afterEach(() => setLocale('en'));

    test('keep their English text and are worded by the catalogue in Chinese', () => {
        const unknown = parseError(['--nope']);
        const missing = parseError(['--format']);
        const flag = parseError(['--quiet=yes']);
        expect(commandLineError(unknown)).toBe("Unknown option '--nope'; see govrule --help");
        expect(commandLineError(missing)).toBe("Option '--format <value>' argument missing; see govrule --help");
        expect(commandLineError(flag)).toBe("Option '--quiet' does not take an argument; see govrule --help");
        setLocale('zh-CN');
        expect(commandLineError(unknown)).toBe('未知选项“--nope”；参见 govrule --help');
        expect(commandLineError(missing)).toBe('选项“--format <value>”缺少值；参见 govrule --help');
        expect(commandLineError(flag)).toBe('选项“--quiet”不接受值；参见 govrule --help');
        expect(commandLineError(new Error('something else'))).toBe('命令行有误：something else；参见 govrule --help');
    });
});
