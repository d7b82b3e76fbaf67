/**
 * The "Get started with GovRule" walkthrough: its steps in order, each with the command it runs
 * (one the extension contributes, or the server's `govrule.runAllTests`), in both languages; and
 * the files its commands create, which `govrule check`, `govrule test` and `govrule fmt --check`
 * accept as they are.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { STARTER_CONFIG, STARTER_RULES } from '../../extension/src/walkthrough-text.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { removeTempFolders, tempFolder } from '../helpers/temp.js';

const read = (file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, 'extension', file), 'utf8'));
const manifest = read('package.json');
const nls: Record<string, string> = read('package.nls.json');
const nlsZh: Record<string, string> = read('package.nls.zh-cn.json');

afterAll(removeTempFolders);

describe('the walkthrough', () => {
    const [walkthrough] = manifest.contributes.walkthroughs;
    const steps: Array<{ id: string; title: string; description: string; media: { image: string; altText: string }; completionEvents: string[] }> = walkthrough.steps;

    test('create govrule.json, write a first rule, run its test, compile the bundle', () => {
        expect(steps.map(step => step.id)).toEqual(['createConfig', 'writeRule', 'runTest', 'compile']);
        expect(steps.map(step => nls[step.title.slice(1, -1)])).toEqual(['Create govrule.json', 'Write a first rule', 'Run its test', 'Compile the bundle']);
    });

    test('each step links the command it is about, and is done when that command runs', () => {
        const contributed = new Set(manifest.contributes.commands.map((c: { command: string }) => c.command));
        const expected = ['govrule.createConfig', 'govrule.newRuleFile', 'govrule.runAllTests', 'govrule.compileWorkspace'];
        steps.forEach((step, index) => {
            for (const texts of [nls, nlsZh]) {
                const links = [...texts[step.description.slice(1, -1)]!.matchAll(/\(command:([\w.]+)\)/g)].map(m => m[1]);
                expect(links, step.id).toEqual([expected[index]]);
            }
            expect(step.completionEvents).toEqual([`onCommand:${expected[index]}`]);
        });
        // The server's command is registered by the language client; the others by the extension.
        expect(expected.filter(command => !contributed.has(command))).toEqual(['govrule.runAllTests']);
    });

    test('every text is in both languages, and the media the package ships', () => {
        for (const key of [walkthrough.title, walkthrough.description, ...steps.flatMap(s => [s.title, s.description, s.media.altText])]) {
            expect(nls[key.slice(1, -1)], key).toBeTruthy();
            expect(nlsZh[key.slice(1, -1)], key).toMatch(/\p{Script=Han}/u);
        }
        for (const step of steps) {
            expect(fs.existsSync(path.join(ROOT, 'extension', step.media.image)), step.media.image).toBe(true);
        }
    });
});

describe('the files the walkthrough creates', () => {
    test('a govrule.json and the first rule file: checked clean, the test passes, already formatted', () => {
        const dir = tempFolder({ 'govrule.json': STARTER_CONFIG, 'first.govrule': STARTER_RULES });
        const check = runCli(['check'], { cwd: dir });
        expect(check.stderr).toBe('No problems in 1 file.\n');
        expect(check.status).toBe(0);
        const run = runCli(['test', '--reporter', 'json'], { cwd: dir });
        expect(run.status, run.stderr).toBe(0);
        const tests = JSON.parse(run.stdout).tests as Array<{ passed: boolean }>;
        expect(tests.length).toBe(1);
        expect(tests.every(t => t.passed)).toBe(true);
        const fmt = runCli(['fmt', '--check'], { cwd: dir });
        expect(fmt.status, fmt.stdout + fmt.stderr).toBe(0);
        const compile = runCli(['compile'], { cwd: dir });
        expect(compile.status, compile.stderr).toBe(0);
        expect(JSON.parse(compile.stdout).rules.length).toBe(2);
        // "Compile Workspace" writes the bundle where `out` says.
        expect(JSON.parse(STARTER_CONFIG).out).toBe('dist/govrule.bundle.json');
    });
});
