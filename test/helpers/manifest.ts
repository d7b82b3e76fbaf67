/**
 * The extension manifest as VS Code reads it: each `%key%` string replaced by its text in
 * package.nls.json (English) or package.nls.<locale>.json, as VS Code does for the display language.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from './cli.js';

export const EXTENSION = path.join(ROOT, 'extension');

export function readJson(file: string): any {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** The nls file of a language: `package.nls.json` for English, `package.nls.zh-cn.json` for Chinese. */
export function nlsFile(locale: 'en' | 'zh-cn'): string {
    return path.join(EXTENSION, locale === 'en' ? 'package.nls.json' : `package.nls.${locale}.json`);
}

/** Every `%key%` the manifest uses, in order of appearance. */
export function nlsKeys(value: unknown = readJson(path.join(EXTENSION, 'package.json'))): string[] {
    if (typeof value === 'string') {
        const match = /^%([^%\s]+)%$/.exec(value);
        return match ? [match[1]!] : [];
    }
    if (Array.isArray(value)) {
        return value.flatMap(item => nlsKeys(item));
    }
    if (typeof value === 'object' && value !== null) {
        return Object.values(value).flatMap(item => nlsKeys(item));
    }
    return [];
}

function localize(value: unknown, texts: Record<string, string>): unknown {
    if (typeof value === 'string') {
        const match = /^%([^%\s]+)%$/.exec(value);
        return match && Object.prototype.hasOwnProperty.call(texts, match[1]!) ? texts[match[1]!] : value;
    }
    if (Array.isArray(value)) {
        return value.map(item => localize(item, texts));
    }
    if (typeof value === 'object' && value !== null) {
        return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, localize(item, texts)]));
    }
    return value;
}

export function localizedManifest(locale: 'en' | 'zh-cn' = 'en'): any {
    return localize(readJson(path.join(EXTENSION, 'package.json')), readJson(nlsFile(locale)));
}
