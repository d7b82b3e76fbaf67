/**
 * Source paths in the bundle (LANGUAGE.md §9) are POSIX paths relative to the project root,
 * whichever folder the CLI runs from.
 */
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Bundle } from '../../language/src/bundle/types.js';
import { describeRun, runCli } from '../helpers/cli.js';
import { tempFolder } from '../helpers/temp.js';
import { USES_VOCABULARY, VOCABULARY } from '../helpers/workspace.js';

const VOCAB_FILE = 'rules/common/vocab.govrule';
const RULES_FILE = 'rules/uses/rules.govrule';

describe('source paths', () => {
    test('are POSIX paths relative to the project root, from wherever the CLI runs', () => {
        const dir = tempFolder({ 'govrule.json': '{}', [VOCAB_FILE]: VOCABULARY, [RULES_FILE]: USES_VOCABULARY });
        for (const cwd of [dir, path.join(dir, 'rules'), path.join(dir, 'rules', 'uses')]) {
            const result = runCli(['compile'], { cwd });
            expect(result.status, describeRun(result)).toBe(0);
            const compiled = JSON.parse(result.stdout) as Bundle;
            expect(compiled.packages.flatMap(p => p.files)).toEqual([VOCAB_FILE, RULES_FILE]);
            expect(compiled.rules.length).toBeGreaterThan(0);
            expect(new Set(compiled.rules.map(r => r.source.file))).toEqual(new Set([RULES_FILE]));
        }
    });

    test('without govrule.json the current folder is the root', () => {
        const plain = tempFolder({ [VOCAB_FILE]: VOCABULARY, [RULES_FILE]: USES_VOCABULARY });
        const fromTop = runCli(['compile', 'rules'], { cwd: plain });
        expect(fromTop.status, describeRun(fromTop)).toBe(0);
        expect((JSON.parse(fromTop.stdout) as Bundle).packages.flatMap(p => p.files)).toEqual([VOCAB_FILE, RULES_FILE]);
        const fromRules = runCli(['compile', '.'], { cwd: path.join(plain, 'rules') });
        expect(fromRules.status, describeRun(fromRules)).toBe(0);
        expect((JSON.parse(fromRules.stdout) as Bundle).packages.flatMap(p => p.files)).toEqual(['common/vocab.govrule', 'uses/rules.govrule']);
    });
});
