/**
 * README.zh-CN.md: linked from the top of README.md (and back), every relative link it makes
 * leads to a file of the repository, and its prose follows docs/zh-CN/glossary.md's conventions.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { chineseStyleProblems } from '../helpers/chinese-style.js';

const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const zh = fs.readFileSync(path.join(ROOT, 'README.zh-CN.md'), 'utf8');

describe('README.zh-CN.md', () => {
    test('README.md links it in its first lines, and it links back', () => {
        expect(readme.split('\n').slice(0, 5).join('\n')).toContain('[简体中文](README.zh-CN.md)');
        expect(zh.split('\n').slice(0, 5).join('\n')).toContain('[English](README.md)');
    });

    test('says what GovRule is, how to start, and tours a rule', () => {
        for (const heading of ['## 快速上手', '## 一条规则长什么样', '## 命令行', '## 在编辑器中使用', '## 文档']) {
            expect(zh).toContain(heading);
        }
        expect(zh).toMatch(/^rule enterpriseRumorSelfMedia "自媒体涉企谣言" \{$/m);
    });

    test('every relative link leads to a file or folder of the repository', () => {
        const links = [...zh.matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)].map(m => m[1]!).filter(link => !/^[a-z]+:/.test(link));
        expect(links.length).toBeGreaterThan(5);
        for (const link of links) {
            expect(fs.existsSync(path.join(ROOT, link)), link).toBe(true);
        }
    });

    test('the prose follows the conventions (code blocks aside)', () => {
        const prose = zh.replace(/^```[\s\S]*?^```$/gm, '').split('\n').filter(line => /\p{Script=Han}/u.test(line));
        expect(prose.length).toBeGreaterThan(10);
        for (const line of prose) {
            expect(chineseStyleProblems(line), line).toEqual([]);
        }
    });
});
