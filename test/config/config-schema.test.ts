/**
 * language/schema/config.schema.json is what editors validate and complete govrule.json with,
 * and what the CLI and the server check it with (precompiled by ajv): its `lint` section must
 * name every lint of diagnostics.ts, and nothing else, with the levels govrule.json accepts; its
 * errors are reported in the CLI's words, at their key or value.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { CODES } from '../../language/src/diagnostics.js';
import { parseConfig } from '../../language/src/config/config.js';
import { ROOT } from '../helpers/cli.js';

const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'language', 'schema', 'config.schema.json'), 'utf8'));
const lintSection = schema.properties.lint;
const LINTS = Object.entries(CODES).filter(([, info]) => info.lint).map(([code]) => code).sort();

describe('config.schema.json', () => {
    test('lists every lint code of diagnostics.ts under "lint", and only those', () => {
        expect(LINTS.length).toBeGreaterThan(0);
        expect(Object.keys(lintSection.properties).sort()).toEqual(LINTS);
    });

    test('offers, for each lint, exactly the levels govrule.json accepts', () => {
        for (const code of LINTS) {
            const levels: string[] = lintSection.properties[code].enum;
            for (const level of levels) {
                expect(parseConfig(JSON.stringify({ lint: { [code]: level } }), '/p').problems, `${code}: ${level}`).toEqual([]);
            }
            expect(parseConfig(JSON.stringify({ lint: { [code]: 'loud' } }), '/p').problems).toHaveLength(1);
            expect(levels).toEqual(['error', 'warning', 'info', 'hint', 'off']);
        }
    });

    test('names no error code: their level cannot be changed', () => {
        const errors = Object.entries(CODES).filter(([, info]) => !info.lint).map(([code]) => code);
        expect(errors.length).toBeGreaterThan(0);
        for (const code of errors) {
            expect(lintSection.properties[code], code).toBeUndefined();
            expect(parseConfig(JSON.stringify({ lint: { [code]: 'off' } }), '/p').problems.map(p => p.code), code).toEqual(['config']);
        }
    });
});

describe('govrule.json checked with the schema', () => {
    /** `line:column code message` (1-based) of each problem. */
    const problems = (text: string) => parseConfig(text, '/p', '/p/govrule.json').problems
        .map(p => `${p.range.start.line + 1}:${p.range.start.character + 1} ${p.code} ${p.message}`);

    test('the generated validator is up to date with the schema', async () => {
        const script = await import(pathToFileURL(path.join(ROOT, 'scripts', 'generate-config-validator.mjs')).href);
        const committed = fs.readFileSync(path.join(ROOT, 'language', 'src', 'config', 'generated', 'config-schema-validator.js'), 'utf8');
        expect(committed === script.configValidatorSource(), 'run `node scripts/generate-config-validator.mjs`').toBe(true);
    });

    test('each setting of the wrong shape gets one message, at its key or value', () => {
        expect(problems('{\n  "include": [1, ""],\n  "out": 3,\n  "lint": [],\n  "extra": {}\n}')).toEqual([
            '2:3 config "include" must be a list of glob patterns',
            '3:10 config "out" must be a file path',
            '4:3 config "lint" must map diagnostic codes to levels',
            "5:3 config Unknown setting 'extra' (settings: include, out, lint)",
        ]);
        expect(problems('[]')).toEqual(['1:1 config govrule.json must hold a JSON object']);
    });

    test('lint levels: one message a code; unknown codes and error codes are named as such', () => {
        expect(problems('{ "lint": {\n "duplicate-action": 3,\n "syntax": "loud",\n "nope": "loud",\n "syntax": "off" } }').filter(p => !p.includes('Duplicate key'))).toEqual([
            "2:2 config Level of 'duplicate-action' must be one of error, warning, info, hint, off",
            "4:2 config Unknown lint 'nope' (lints: escalates-to-responsible, duplicate-action, unused-declaration, uncovered-category, critical-without-authority, unreachable-rule, shadowed-rule, config-duplicate-key, analysis-budget, confusable-name, post-surface)",
            "5:2 config 'syntax' is an error and cannot be changed or turned off; only lints can",
        ]);
    });

    test('keys with "/" and "~" (escaped in the schema errors\' JSON Pointers) are placed at the key', () => {
        expect(problems('{ "a/b~0": 1, "lint": { "x/~1": "loud" } }')).toEqual([
            "1:3 config Unknown setting 'a/b~0' (settings: include, out, lint)",
            "1:25 config Unknown lint 'x/~1' (lints: escalates-to-responsible, duplicate-action, unused-declaration, uncovered-category, critical-without-authority, unreachable-rule, shadowed-rule, config-duplicate-key, analysis-budget, confusable-name, post-surface)",
        ]);
    });

    test('what the schema says and the former checks did not: an empty include, a $schema that is not a string', () => {
        expect(problems('{ "include": [], "$schema": 1 }')).toEqual([
            '1:3 config "include" must be a list of glob patterns',
            '1:29 config "$schema" must be a string: the URI of the schema',
        ]);
        expect(parseConfig('{ "include": [] }', '/p').include).toEqual(['**/*.govrule']);
    });

    test('what JSON Schema cannot say stays checked: patterns and an out that leave the root', () => {
        const config = parseConfig('{ "include": ["../x/*.govrule", "rules/*.govrule"], "out": "../b.json" }', '/p', '/p/govrule.json');
        expect(config.include).toEqual(['rules/*.govrule']);
        expect(config.out).toBeUndefined();
        expect(config.problems.map(p => p.message)).toEqual([
            "Include pattern '../x/*.govrule' leaves the project root; patterns are relative to the folder of govrule.json",
            `"out" must be a file inside the project root (the folder of govrule.json), not '../b.json'`,
        ]);
    });
});
