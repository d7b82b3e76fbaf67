/**
 * The CLI in English and in Chinese: `--lang`, else LC_ALL / LC_MESSAGES / LANG, else English.
 * Text for people changes language; JSON, SARIF and GitHub annotations keep their codes and
 * structure, only the messages change (and SARIF says which language they are in).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { describeRun, runCli } from '../helpers/cli.js';
import { tempFolder } from '../helpers/temp.js';
import { USES_VOCABULARY, VOCABULARY } from '../helpers/vocabulary.js';

const RULES = `package t.r
import demo.common.*

category spam "垃圾信息"

rule ads "广告" {
    category spam
    severity serious
    responsible reviewer
    actions remove
    escalate { after 2h to editor }
}
`;

const TESTS = `package t.tests
import demo.common.*
import t.r.*

test "广告是特别严重的问题" {
    given spam { channel: app }
    on 2026-06-01
    expect severity critical
    expect escalation to cac within 1d
}
`;

/** A clean project of three files whose one test fails. */
function project(): string {
    return tempFolder({ 'common.govrule': VOCABULARY, 'uses.govrule': USES_VOCABULARY, 'rules.govrule': RULES, 'tests.govrule': TESTS });
}

/** A project with problems of several kinds: errors in a rule, and a file that is not UTF-8. */
function broken(): string {
    return tempFolder({
        'common.govrule': VOCABULARY,
        'bad.govrule': 'package t.bad\nimport demo.common.*\ncategory c\nrule r {\n    category c\n    severity nope\n}\n',
        'latin1.govrule': Buffer.from([0x70, 0x61, 0x63, 0x6b, 0x61, 0x67, 0x65, 0x20, 0xe9, 0x0a]),
    });
}

const ZH = { LANG: 'zh_CN.UTF-8' };

describe('choosing the language', () => {
    test('LANG=zh_CN.UTF-8 speaks Chinese; --lang en wins over it; LC_ALL and LC_MESSAGES come first', () => {
        const dir = project();
        const zh = runCli(['check'], { cwd: dir, env: ZH });
        expect(zh.status, describeRun(zh)).toBe(0);
        expect(zh.stderr).toBe('4 个文件中没有发现问题。\n');
        expect(runCli(['check', '--lang', 'zh-CN'], { cwd: dir }).stderr).toBe('4 个文件中没有发现问题。\n');
        expect(runCli(['check', '--lang', 'en'], { cwd: dir, env: ZH }).stderr).toBe('No problems in 4 files.\n');
        expect(runCli(['--lang=en', 'check'], { cwd: dir, env: ZH }).stderr).toBe('No problems in 4 files.\n');
        expect(runCli(['check'], { cwd: dir, env: { LC_ALL: 'C', LANG: 'zh_CN.UTF-8' } }).stderr).toBe('No problems in 4 files.\n');
        expect(runCli(['check'], { cwd: dir, env: { LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' } }).stderr).toBe('4 个文件中没有发现问题。\n');
        expect(runCli(['check'], { cwd: dir, env: { LANG: 'fr_FR.UTF-8' } }).stderr).toBe('No problems in 4 files.\n');
        expect(runCli(['check'], { cwd: dir }).stderr).toBe('No problems in 4 files.\n');
    });

    test('--lang takes en or zh-CN only: anything else is a usage error that lists both', () => {
        const dir = project();
        const wrong = runCli(['check', '--lang', 'fr'], { cwd: dir });
        expect(wrong.status).toBe(2);
        expect(wrong.stdout).toBe('');
        expect(wrong.stderr).toBe("govrule: error: --lang takes en or zh-CN, not 'fr'\n");
        const wrongZh = runCli(['check', '--lang', 'zh'], { cwd: dir, env: ZH });
        expect(wrongZh.status).toBe(2);
        expect(wrongZh.stderr).toBe('govrule：错误：--lang 只能是 en 或 zh-CN，而不是“zh”\n');
        const twice = runCli(['check', '--lang', 'en', '--lang', 'zh-CN'], { cwd: dir });
        expect(twice.status).toBe(2);
        expect(twice.stderr).toBe("govrule: error: --lang given twice ('--lang en' and '--lang zh-CN'); give it once\n");
    });

    test('--help lists --lang, in either language', () => {
        const en = runCli(['--help']);
        expect(en.status).toBe(0);
        expect(en.stdout).toContain('  --lang LANG            messages in en or zh-CN (default: from LC_ALL, LC_MESSAGES, LANG)\n');
        const zh = runCli(['--lang', 'zh-CN', '--help']);
        expect(zh.status).toBe(0);
        expect(zh.stdout).toMatch(/^用法：govrule <命令> \[路径\.\.\.\] \[选项\]\n/);
        expect(zh.stdout).toContain('  --lang LANG            输出语言：en 或 zh-CN（默认取自 LC_ALL、LC_MESSAGES、LANG）\n');
        expect(zh.stdout).toContain('  -o, --output FILE      将规则包写入 FILE（原子写入）；不给时写到标准输出\n');
        expect(zh.stdout).toContain('退出码：0 成功');
        expect(runCli(['check', '--help'], { env: ZH }).stdout).toBe(zh.stdout);
    });
});

describe('text for people, in Chinese', () => {
    test('a usage error', () => {
        const result = runCli(['check', '--format', 'xml'], { env: ZH });
        expect(result.status).toBe(2);
        expect(result.stderr).toBe('govrule：错误：未知格式“xml”（可用格式：text、json、sarif、github）\n');
        const unknown = runCli(['--lang', 'zh-CN', 'frob']);
        expect(unknown.stderr).toBe('govrule：错误：未知命令“frob”（可用命令：check、compile、fmt、test、eval、init、diff、report、doc）；参见 govrule --help\n');
    });

    test('check with problems: the summary line, and the unreadable file in words', () => {
        const result = runCli(['check', '--lang', 'zh-CN'], { cwd: broken() });
        expect(result.status, describeRun(result)).toBe(2);
        expect(result.stderr).toContain('latin1.govrule:1:9: error [unreadable-file] 不是有效的 UTF-8：此处的字节 0xE9 不属于任何 UTF-8 字符；请将文件另存为 UTF-8 编码\n');
        expect(result.stderr.trimEnd().split('\n').at(-1)).toMatch(/^3 个文件中有 \d+ 个错误，\d+ 个警告(，\d+ 个提示)?(，\d+ 个建议)?。$/);
    });

    test('compile: the summary and where the bundle went', () => {
        const dir = project();
        const result = runCli(['compile', '-o', 'out.json'], { cwd: dir, env: ZH });
        expect(result.status, describeRun(result)).toBe(0);
        expect(result.stderr).toBe('4 个文件中没有发现问题。\n已写入 out.json。\n');
        expect(JSON.parse(fs.readFileSync(path.join(dir, 'out.json'), 'utf8')).format).toBe('govrule-bundle');
    });

    test('a failing test: labels with their names, durations in words, the summary line', () => {
        const result = runCli(['test', '--lang', 'zh-CN'], { cwd: project() });
        expect(result.status, describeRun(result)).toBe(1);
        expect(result.stdout).toBe([
            '失败 tests.govrule:5 广告是特别严重的问题',
            '     判定日期：2026-06-01',
            '        项目      预期                           实际',
            '     ✗  严重程度  特别严重（critical）           较重（serious）',
            '     ✗  升级      1 天内升级至市委网信办（cac）  2 小时后升级至值班编辑（editor）',
            '0 个通过，1 个未通过',
            '',
        ].join('\n'));
        const junit = runCli(['test', '--reporter', 'junit'], { cwd: project(), env: ZH });
        expect(junit.status).toBe(1);
        expect(junit.stdout).toContain('<failure message="严重程度：预期 特别严重（critical），实际 较重（serious）；升级：预期 1 天内升级至市委网信办（cac），实际 2 小时后升级至值班编辑（editor）" type="expectation">');
        expect(junit.stderr).toBe('0 个通过，1 个未通过\n');
    });

    test('the same failing test in English is reported by id, as it always was', () => {
        const result = runCli(['test', '--lang', 'en'], { cwd: project(), env: ZH });
        expect(result.status).toBe(1);
        expect(result.stdout).toContain('     ✗  severity    demo.common.critical       demo.common.serious\n');
        expect(result.stdout).toContain('     ✗  escalation  demo.common.cac within 1d  demo.common.editor after 2h\n');
        expect(result.stdout.endsWith('0 passed, 1 failed\n')).toBe(true);
    });
});

describe('govrule diff in Chinese', () => {
    /** The project, and a copy whose rule is graver, side by side. */
    function sides(): string {
        const dir = tempFolder({ 'old/common.govrule': VOCABULARY, 'old/uses.govrule': USES_VOCABULARY, 'old/rules.govrule': RULES });
        fs.cpSync(path.join(dir, 'old'), path.join(dir, 'new'), { recursive: true });
        fs.writeFileSync(path.join(dir, 'new', 'rules.govrule'), RULES.replace('severity serious', 'severity critical'));
        fs.mkdirSync(path.join(dir, 'empty'));
        return dir;
    }

    test('the text and Markdown reports speak Chinese; the JSON report is the same bytes', () => {
        const dir = sides();
        const text = runCli(['diff', 'old', 'new'], { cwd: dir, env: ZH });
        expect(text.status, describeRun(text)).toBe(0);
        expect(text.stdout).toBe('govrule diff old → new\n规则：新增 0 条，删除 0 条，修改 1 条，重命名 0 条\n\n~ rule t.r.ads "广告"\n    severity 较重 → 特别严重\n');
        const markdown = runCli(['diff', 'old', 'new', '--format', 'markdown', '--lang', 'zh-CN'], { cwd: dir });
        expect(markdown.stdout).toContain('### GovRule 差异：`old` → `new`\n\n**规则：新增 0 条，删除 0 条，修改 1 条，重命名 0 条**\n\n#### 修改的规则\n');
        const [en, zh] = [runCli(['diff', 'old', 'new', '--format', 'json'], { cwd: dir }), runCli(['diff', 'old', 'new', '--format', 'json'], { cwd: dir, env: ZH })];
        expect(zh.stdout).toBe(en.stdout);
        const gate = runCli(['diff', 'old', 'new', '--fail-on', 'changed'], { cwd: dir, env: ZH });
        expect(gate.status).toBe(1);
        expect(gate.stderr).toBe('govrule：--fail-on changed：修改了 1 条规则\n');
    });

    test('a side without rules is named as such, in either language', () => {
        const dir = sides();
        expect(runCli(['diff', 'empty', 'new'], { cwd: dir }).stderr).toBe('govrule: error: empty has no .govrule files to compare\n');
        const zh = runCli(['diff', 'empty', 'new'], { cwd: dir, env: ZH });
        expect(zh.status).toBe(2);
        expect(zh.stderr).toBe('govrule：错误：empty 中没有可比较的 .govrule 文件\n');
    });
});

describe('machine formats do not depend on the language', () => {
    /** Runs the command in both languages; returns both outputs. */
    function both(args: string[], cwd: string): [ReturnType<typeof runCli>, ReturnType<typeof runCli>] {
        const en = runCli([...args, '--lang', 'en'], { cwd });
        const zh = runCli([...args, '--lang', 'zh-CN'], { cwd });
        expect(zh.status, describeRun(zh)).toBe(en.status);
        return [en, zh];
    }

    test('json: the same problems, codes and positions; only the messages differ', () => {
        const [en, zh] = both(['check', '--format', 'json'], broken());
        const [a, b] = [JSON.parse(en.stdout), JSON.parse(zh.stdout)] as Array<Array<{ message: string }>>;
        expect(a.length).toBeGreaterThan(1);
        expect(a.map(p => p.message)).not.toEqual(b.map(p => p.message));
        const blank = (list: Array<{ message: string }>) => list.map(p => ({ ...p, message: '' }));
        expect(blank(b)).toEqual(blank(a));
    });

    test('sarif: the same log apart from the messages, and the run names its language', () => {
        const [en, zh] = both(['check', '--format', 'sarif'], broken());
        const [a, b] = [JSON.parse(en.stdout), JSON.parse(zh.stdout)];
        expect(a.runs[0].language).toBe('en');
        expect(b.runs[0].language).toBe('zh-CN');
        const blank = (log: { runs: Array<{ language: string; results: Array<{ message: { text: string } }> }> }) => {
            for (const run of log.runs) {
                run.language = '';
                for (const result of run.results) result.message.text = '';
            }
            return log;
        };
        expect(a.runs[0].results.map((r: { message: { text: string } }) => r.message.text))
            .not.toEqual(b.runs[0].results.map((r: { message: { text: string } }) => r.message.text));
        expect(blank(b)).toEqual(blank(a));
    });

    test('github: the same annotations apart from their messages', () => {
        const [en, zh] = both(['check', '--format', 'github'], broken());
        const head = (text: string) => text.trimEnd().split('\n').map(line => line.slice(0, line.lastIndexOf('::')));
        expect(en.stdout).not.toBe(zh.stdout);
        expect(head(zh.stdout)).toEqual(head(en.stdout));
        expect(head(en.stdout).length).toBeGreaterThan(1);
    });

    test('the json test report is the same bytes in both languages', () => {
        const [en, zh] = both(['test', '--reporter', 'json'], project());
        expect(en.stdout).not.toBe('');
        expect(zh.stdout).toBe(en.stdout);
        expect(en.stderr).toBe('0 passed, 1 failed\n');
        expect(zh.stderr).toBe('0 个通过，1 个未通过\n');
    });
});
