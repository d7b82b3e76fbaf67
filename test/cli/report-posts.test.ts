/**
 * `govrule report posts` as a spawned process: the post management list in text, Markdown and CSV,
 * in English and Chinese, to stdout or `-o FILE` (never over a source), and the usage errors.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { EXAMPLES, describeRun, runCli } from '../helpers/cli.js';
import { tempFolder } from '../helpers/temp.js';

const SOURCES = `package t
severities { minor serious }
/** 平台环节 */
managed attribute place: enum { info, comment, ranking } default info
post desk "审核" manages info, comment
post ops "运=营" manages ranking
post spare "+备用"
action remove
category news
rule a "删帖, 快速" { category news severity minor responsible desk actions remove when place == comment }
rule b { category news severity serious responsible desk actions remove when place == info }
rule c { category news severity serious responsible ops actions remove when place == ranking }
`;

const project = () => tempFolder({ 'rules.govrule': SOURCES });

describe('govrule report posts', () => {
    test('text: posts down, surfaces across, then the rules each is responsible for', () => {
        const result = runCli(['report', 'posts'], { cwd: project() });
        expect(result.status, describeRun(result)).toBe(0);
        expect(result.stderr).toBe('');
        expect(result.stdout).toBe([
            'Post management list',
            '',
            'post           info  comment  ranking  responsible for',
            '审核 (desk)    ✓     ✓                 删帖, 快速 (a), b',
            '运=营 (ops)                   ✓        c',
            '+备用 (spare)                          none',
            '',
        ].join('\n'));
    });

    test('Markdown, in Chinese', () => {
        const result = runCli(['report', 'posts', '--format', 'markdown', '--lang', 'zh-CN'], { cwd: project() });
        expect(result.status, describeRun(result)).toBe(0);
        expect(result.stdout).toBe([
            '# 岗位管理清单',
            '',
            '| 岗位 | info | comment | ranking | 负责的规则 |',
            '| --- | :-: | :-: | :-: | --- |',
            '| 审核（desk） | ✓ | ✓ | | 删帖, 快速（a）、b |',
            '| 运=营（ops） | | | ✓ | c |',
            '| +备用（spare） | | | | 无 |',
            '',
        ].join('\n'));
    });

    test('CSV: quoted where needed, a formula-like cell defused, CRLF, the same bytes every run', () => {
        const dir = project();
        const first = runCli(['report', 'posts', '--format', 'csv'], { cwd: dir });
        expect(first.status, describeRun(first)).toBe(0);
        expect(first.stdout).toBe([
            'id,post,info,comment,ranking,responsible for',
            't.desk,审核 (desk),✓,✓,,"删帖, 快速 (a), b"',
            't.ops,运=营 (ops),,,✓,c',
            't.spare,\'+备用 (spare),,,,none',
            '',
        ].join('\r\n'));
        expect(runCli(['report', 'posts', '--format', 'csv'], { cwd: dir }).stdout).toBe(first.stdout);
    });

    test('-o writes the file; a source is never written over', () => {
        const dir = project();
        const written = runCli(['report', 'posts', '--format', 'markdown', '-o', 'posts.md'], { cwd: dir });
        expect(written.status, describeRun(written)).toBe(0);
        expect(written.stderr).toBe('Wrote posts.md.\n');
        expect(fs.readFileSync(path.join(dir, 'posts.md'), 'utf8')).toContain('| 审核 (desk) | ✓ | ✓ | |');
        const refused = runCli(['report', 'posts', '-o', 'rules.govrule'], { cwd: dir });
        expect(refused.status).toBe(2);
        expect(fs.readFileSync(path.join(dir, 'rules.govrule'), 'utf8')).toBe(SOURCES);
    });

    test('the example repository: the five surfaces and its posts', () => {
        const result = runCli(['report', 'posts', EXAMPLES]);
        expect(result.status, describeRun(result)).toBe(0);
        const lines = result.stdout.split('\n');
        expect(lines[2]).toMatch(/^post +information +comment +account +page +ranking +responsible for$/);
        expect(result.stdout).toMatch(/^技术 \(technology\) +✓ +✓ +✓ +.*未履行数据安全保护义务导致数据泄露 \(dataSecurityDutyBreach\)/m);
    });

    test('usage errors: no report, an unknown report, an unknown format; sources with errors', () => {
        const dir = project();
        const none = runCli(['report'], { cwd: dir });
        expect([none.status, none.stderr]).toEqual([2, 'govrule: error: govrule report needs the report to print (posts)\n']);
        const unknown = runCli(['report', 'rules'], { cwd: dir });
        expect([unknown.status, unknown.stderr]).toEqual([2, "govrule: error: unknown report 'rules' (reports: posts)\n"]);
        const format = runCli(['report', 'posts', '--format', 'json'], { cwd: dir });
        expect([format.status, format.stderr]).toEqual([2, "govrule: error: unknown format 'json' for report (formats: text, markdown, csv)\n"]);
        const broken = tempFolder({ 'rules.govrule': SOURCES.replace('responsible ops', 'responsible opz') });
        const failed = runCli(['report', 'posts'], { cwd: broken });
        expect(failed.status).toBe(1);
        expect(failed.stdout).toBe('');
        expect(failed.stderr).toContain('[unresolved-reference]');
        expect(failed.stderr).toContain('govrule: the sources have errors; no report was made\n');
    });

    test('without surfaces: the table of posts and rules, and a note', () => {
        const dir = tempFolder({ 'rules.govrule': SOURCES.replace('managed attribute', 'attribute').replace(/ manages [a-z, ]+\n/g, '\n') });
        const result = runCli(['report', 'posts'], { cwd: dir });
        expect(result.status, describeRun(result)).toBe(0);
        expect(result.stderr).toContain('no post declares the surfaces it manages');
        expect(result.stdout).toContain('post           responsible for\n');
    });
});
