/**
 * The conformance vectors (conformance/, see its README): the committed files are what the
 * generator makes today; every vector holds for the runtime in process and for `govrule eval`;
 * and every vector holds for an evaluator written here independently of the runtime (conditions
 * by json-logic-js, §8 in a few lines), so the vectors are not just the runtime agreeing with
 * itself.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import jsonLogic from 'json-logic-js';
import { beforeAll, describe, expect, test } from 'vitest';
import { EventError, decide, loadBundle } from '../../language/src/runtime/index.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { tempFolder } from '../helpers/temp.js';
import { independentDecision, type IndependentBundle } from './independent.js';

const CONFORMANCE = path.join(ROOT, 'conformance');

interface Vector {
    name: string;
    description?: string;
    event: unknown;
    expect?: Record<string, unknown> & { rule: string | null; alsoMatched: string[] };
    error?: { attribute: string | null; message: string };
}

interface Suite {
    name: string;
    today: string;
    bundleText: string;
    bundle: IndependentBundle;
    vectors: Vector[];
}

interface Generator {
    generateConformance(): Map<string, string>;
    suiteNames(): string[];
}

let generator: Generator;
let suites: Suite[] = [];

beforeAll(async () => {
    generator = await import(pathToFileURL(path.join(ROOT, 'scripts', 'generate-conformance.mjs')).href) as Generator;
    const index = JSON.parse(fs.readFileSync(path.join(CONFORMANCE, 'index.json'), 'utf8')) as { suites: Array<{ name: string; bundle: string; vectors: string }> };
    suites = index.suites.map(entry => {
        const file = JSON.parse(fs.readFileSync(path.join(CONFORMANCE, entry.vectors), 'utf8')) as { today: string; bundle: string; vectors: Vector[] };
        const bundleText = fs.readFileSync(path.join(CONFORMANCE, entry.bundle), 'utf8');
        return { name: entry.name, today: file.today, bundleText, bundle: JSON.parse(bundleText) as IndependentBundle, vectors: file.vectors };
    });
});

describe('the committed vectors', () => {
    test('are exactly what `npm run generate:conformance` makes from the suites\' sources', () => {
        const generated = generator.generateConformance();
        for (const [name, text] of generated) {
            const file = path.join(CONFORMANCE, ...name.split('/'));
            const committed = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '(missing)';
            expect(committed === text, `conformance/${name} is not current: run \`npm run generate:conformance\``).toBe(true);
        }
        // Nothing generated is left over from a suite that is gone, and no folder is a suite by mistake.
        const onDisk = fs.readdirSync(CONFORMANCE, { recursive: true, encoding: 'utf8' })
            .map(name => name.split(path.sep).join('/'))
            .filter(name => /(^|\/)(bundle|vectors|index)\.json$/.test(name));
        expect(onDisk.sort()).toEqual([...generated.keys()].sort());
        const folders = fs.readdirSync(CONFORMANCE, { withFileTypes: true }).filter(e => e.isDirectory()).map(e => e.name).sort();
        expect(generator.suiteNames()).toEqual(folders);
    });

    test('come from sources in the canonical format (`govrule fmt --check`)', () => {
        for (const suite of generator.suiteNames()) {
            const result = runCli(['fmt', '--check'], { cwd: path.join(CONFORMANCE, suite) });
            expect(result.status, `conformance/${suite}: ${result.stderr}`).toBe(0);
        }
    });

    test('cover every suite, decisions and errors, and name each vector once per suite', () => {
        expect(suites.map(s => s.name)).toEqual(generator.suiteNames());
        for (const suite of suites) {
            expect(new Set(suite.vectors.map(v => v.name)).size).toBe(suite.vectors.length);
            for (const vector of suite.vectors) {
                expect(('expect' in vector) !== ('error' in vector), `${suite.name}: "${vector.name}" has one of expect and error`).toBe(true);
            }
        }
        const all = suites.flatMap(s => s.vectors);
        expect(all.filter(v => v.expect).length).toBeGreaterThan(90);
        expect(all.filter(v => v.error && v.error.attribute !== null).length).toBeGreaterThan(5);
        expect(all.filter(v => v.error && v.error.attribute === null).length).toBeGreaterThan(5);
        expect(Math.max(...all.map(v => v.expect?.alsoMatched.length ?? 0))).toBeGreaterThanOrEqual(4);
    });

    test('exercise every rule: each is passed over or decided by some vector, and each that can match does', () => {
        // `channel in []` holds for no event: its vector shows that it never matches.
        const neverMatches = new Set(['conformance.conditions.emptyList']);
        for (const suite of suites) {
            const decided = new Set(suite.vectors.flatMap(v => (v.expect ? [v.expect.rule, ...v.expect.alsoMatched] : [])));
            // The categories of decided events and their ancestors: what rules on them cover.
            const parents = new Map(suite.bundle.categories.map(c => [c.id, c.parent]));
            const covered = new Set<string>();
            for (const vector of suite.vectors.filter(v => v.expect)) {
                for (let c: string | null | undefined = (vector.event as { category: string }).category; c; c = parents.get(c)) covered.add(c);
            }
            for (const rule of suite.bundle.rules) {
                expect(rule.categories.some(c => covered.has(c)), `${suite.name}: no decided vector is in a category of ${rule.id}`).toBe(true);
                expect(decided.has(rule.id), `${suite.name}: ${rule.id} wins or is also matched somewhere`).toBe(rule.enabled && !neverMatches.has(rule.id));
            }
        }
    });
});

describe('the runtime meets every vector', () => {
    test('in process: the decision, or an EventError with the same attribute and message', () => {
        for (const suite of suites) {
            const loaded = loadBundle(suite.bundleText);
            for (const vector of suite.vectors) {
                let actual: unknown;
                try {
                    actual = decide(loaded, vector.event, { date: suite.today });
                } catch (err) {
                    if (!(err instanceof EventError)) throw err;
                    actual = { error: { attribute: err.attribute ?? null, message: err.message } };
                }
                expect(actual, `${suite.name}: ${vector.name}`).toEqual(vector.expect ?? { error: vector.error });
            }
        }
    });

    test('`govrule eval --events`: one decision or error line per vector, in order', () => {
        for (const suite of suites) {
            const folder = tempFolder({
                'bundle.json': suite.bundleText,
                'events.jsonl': suite.vectors.map(v => JSON.stringify(v.event)).join('\n') + '\n',
            });
            const result = runCli(['eval', '--bundle', 'bundle.json', '--events', 'events.jsonl', '--date', suite.today], { cwd: folder });
            const errors = suite.vectors.filter(v => v.error).length;
            expect(result.status, result.stderr).toBe(errors === 0 ? 0 : 1);
            expect(result.stderr).toBe(errors === 0 ? '' : `govrule: ${errors} of ${suite.vectors.length} events could not be decided (see the "error" lines)\n`);
            const lines = result.stdout.trimEnd().split('\n').map(line => JSON.parse(line) as unknown);
            expect(lines).toEqual(suite.vectors.map((v, i) => v.expect ?? { error: v.error!.message, line: i + 1 }));
        }
    });
});

describe('an independent evaluator (json-logic-js and §8 written in the test) meets every vector', () => {
    test('GovRule conditions need no operator beyond json-logic-js\'s own', () => {
        const used = new Set<string>();
        const walk = (logic: unknown): void => {
            if (Array.isArray(logic)) {
                logic.forEach(walk);
            } else if (typeof logic === 'object' && logic !== null) {
                for (const [op, args] of Object.entries(logic)) {
                    used.add(op);
                    walk(args);
                }
            }
        };
        suites.forEach(s => s.bundle.rules.forEach(r => walk(r.when)));
        expect([...used].sort()).toEqual(['!', '!==', '<', '<=', '===', '>', '>=', 'and', 'in', 'or', 'var']);
        for (const op of used) {
            expect(() => jsonLogic.apply({ [op]: op === 'var' ? 'x' : [1, [1]] }, { x: 1 }), op).not.toThrow();
        }
    });

    test('the same decision, or an error for the same event naming an attribute at fault', () => {
        let checked = 0;
        for (const suite of suites) {
            for (const vector of suite.vectors) {
                const label = `${suite.name}: ${vector.name}`;
                const independent = independentDecision(suite.bundle, vector.event, suite.today);
                if (vector.expect) {
                    expect(independent, label).toEqual({ decision: vector.expect });
                } else {
                    expect('faults' in independent, `${label}: the independent evaluator decides it`).toBe(true);
                    const faults = (independent as { faults: string[] }).faults;
                    if (vector.error!.attribute === null) {
                        expect(faults, label).toEqual([]);
                    } else {
                        expect(faults, label).toContain(vector.error!.attribute);
                    }
                }
                checked++;
            }
        }
        expect(checked).toBe(suites.reduce((n, s) => n + s.vectors.length, 0));
    });
});
