/**
 * docs/zh-CN/diagnostics.md, the page Chinese readers' diagnostic links open: a section and a
 * table row for every code (the anchor is the code, as in docs/diagnostics.md), nothing else,
 * and prose that follows docs/zh-CN/glossary.md's conventions.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { CODES } from '../../language/src/diagnostics.js';
import { chineseStyleProblems } from '../helpers/chinese-style.js';

const docs = fs.readFileSync(path.resolve(__dirname, '..', '..', 'docs', 'zh-CN', 'diagnostics.md'), 'utf8');
const english = fs.readFileSync(path.resolve(__dirname, '..', '..', 'docs', 'diagnostics.md'), 'utf8');
const sectionsOf = (text: string) => [...text.matchAll(/^## `([a-z-]+)`$/gm)].map(m => m[1]);

describe('docs/zh-CN/diagnostics.md', () => {
    test.each(Object.keys(CODES))('has a section and a table row for %s', code => {
        expect(docs).toMatch(new RegExp(`^## \`${code}\`$`, 'm'));
        expect(docs).toContain(`[\`${code}\`](#${code})`);
    });

    test('lists no code that does not exist, in the order of the English page', () => {
        expect([...sectionsOf(docs)].sort()).toEqual(Object.keys(CODES).sort());
        expect(sectionsOf(docs)).toEqual(sectionsOf(english));
    });

    test('each section is written in Chinese, and the prose follows the conventions', () => {
        const sections = docs.split(/^## /m).slice(1);
        for (const section of sections) {
            const code = section.slice(0, section.indexOf('\n'));
            expect(section, code).toMatch(/\p{Script=Han}{4}/u);
        }
        // Prose lines only: code blocks and table rows of code are not Chinese text.
        const prose = docs.replace(/^```[\s\S]*?^```$/gm, '').split('\n').filter(line => /\p{Script=Han}/u.test(line));
        for (const line of prose) {
            expect(chineseStyleProblems(line), line).toEqual([]);
        }
    });

    test("the default level of each code is the registry's, in the glossary's words", () => {
        const words: Record<string, string> = { error: '错误', warning: '警告', info: '提示', hint: '建议' };
        for (const [code, info] of Object.entries(CODES)) {
            const row = docs.split('\n').find(line => line.startsWith(`| [\`${code}\`]`));
            expect(row, code).toBeDefined();
            expect(row!.split('|').map(cell => cell.trim())[2], code).toBe(words[info.level]);
            expect(row!.split('|').map(cell => cell.trim())[3], code).toBe(info.lint ? '是' : '');
        }
    });
});
