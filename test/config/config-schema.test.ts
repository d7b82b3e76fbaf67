/**
 * language/schema/config.schema.json is what editors validate and complete govrule.json with:
 * its `lint` section must name every lint of diagnostics.ts, and nothing else, with the levels
 * govrule.json accepts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
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
