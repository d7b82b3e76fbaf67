/**
 * Loading bundles: the compiler's output is accepted; anything else is refused with a clear
 * BundleError — not JSON, not a GovRule bundle, another format version, the schema, or ids and
 * conditions that do not fit together.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Bundle } from '../../language/src/bundle/types.js';
import { BundleError, MAX_BUNDLE_DEPTH, MAX_BUNDLE_LENGTH, MAX_BUNDLE_VALUES, MAX_CATEGORY_DEPTH, MAX_CONDITION_DEPTH, decide, loadBundle } from '../../language/src/runtime/index.js';
import { EXAMPLES, ROOT } from '../helpers/cli.js';
import { govruleFiles } from '../helpers/project.js';
import { compile, rule, rules } from './fixtures.js';

function bundleErrorOf(input: unknown, options?: Parameters<typeof loadBundle>[1]): BundleError {
    try {
        loadBundle(input, options);
    } catch (err) {
        if (err instanceof BundleError) return err;
        throw err;
    }
    throw new Error('expected a BundleError');
}

function bundleError(input: unknown, options?: Parameters<typeof loadBundle>[1]): string {
    return bundleErrorOf(input, options).message;
}

async function sample(): Promise<Bundle> {
    return compile(rules(rule('r', 'category top.mid severity serious priority 2 when channel == app and reports > 1')
        + rule('s', 'category other severity minor escalate { after 1h to cac }')));
}

/** A deep copy of the sample with a change applied. */
async function changed(change: (bundle: Record<string, any>) => void): Promise<Record<string, any>> {
    const copy = JSON.parse(JSON.stringify(await sample()));
    change(copy);
    return copy;
}

describe('loading', () => {
    test('the example repository\'s bundle loads, from text and from an object', async () => {
        const files = Object.fromEntries(govruleFiles(EXAMPLES).map(f => [path.relative(EXAMPLES, f), fs.readFileSync(f, 'utf8')]));
        const bundle = await compile(files);
        const loaded = loadBundle(JSON.stringify(bundle));
        expect(loaded.rules.length).toBe(bundle.rules.length);
        expect(loadBundle(bundle).categories.size).toBe(bundle.categories.length);
    });

    test('`in []` compiles to a bundle that loads and never matches', async () => {
        const loaded = loadBundle(JSON.stringify(await compile(rules(rule('r', 'category top severity minor when channel in []')))));
        expect(loaded.rules[0].test([])).toBe(false);
    });

    test('the generated schema validator is up to date with the schema', async () => {
        const script = await import(pathToFileURL(path.join(ROOT, 'scripts', 'generate-bundle-validator.mjs')).href);
        const committed = fs.readFileSync(path.join(ROOT, 'language', 'src', 'bundle', 'generated', 'bundle-schema-validator.js'), 'utf8');
        expect(committed === script.bundleValidatorSource(), 'run `node scripts/generate-bundle-validator.mjs`').toBe(true);
    });
});

describe('refusing bundles', () => {
    test('text that is not JSON', () => {
        expect(bundleError('{"format": ')).toMatch(/^the bundle is not valid JSON: /);
    });

    test.each([
        [[], 'a bundle is a JSON object, not an array'],
        [null, 'a bundle is a JSON object, not null'],
        ['"text"', 'a bundle is a JSON object, not the text "text"'],
        [{}, 'not a GovRule bundle: "format" is missing, expected "govrule-bundle"'],
        [{ format: 'other-bundle', formatVersion: 1 }, 'not a GovRule bundle: "format" is the text "other-bundle", expected "govrule-bundle"'],
        [{ format: 'govrule-bundle' }, 'unsupported bundle: "formatVersion" is missing, but this runtime reads version 2; compile the rules with a matching govrule'],
        [{ format: 'govrule-bundle', formatVersion: 3 }, 'unsupported bundle: "formatVersion" is 3, but this runtime reads version 2; compile the rules with a matching govrule'],
        [{ format: 'govrule-bundle', formatVersion: '2' }, 'unsupported bundle: "formatVersion" is the text "2", but this runtime reads version 2; compile the rules with a matching govrule'],
        [{ format: 'govrule-bundle', formatVersion: 1 }, 'outdated bundle: "formatVersion" is 1, an older format this runtime no longer reads (it reads version 2); recompile the rules with a current govrule and load the new bundle'],
    ])('wrong format or version: %j', (input, message) => {
        expect(bundleError(input)).toBe(message);
    });

    test('the format is checked before the schema, so an old or foreign bundle gets the clear message', async () => {
        const future = await changed(b => { b.formatVersion = 3; b.newListOfThings = []; });
        expect(bundleError(future)).toMatch(/^unsupported bundle: "formatVersion" is 3/);
    });

    test.each([
        ['an unknown key', (b: any) => { b.rules[0].weight = 1; }, "the bundle does not match the bundle schema: /rules/0 must NOT have additional properties ('weight')"],
        ['a missing list', (b: any) => { delete b.posts; }, "the bundle does not match the bundle schema: / must have required property 'posts'"],
        ['a wrong type', (b: any) => { b.rules[0].priority = 'high'; }, 'the bundle does not match the bundle schema: /rules/0/priority must be integer'],
        ['an unknown operator', (b: any) => { b.rules[0].when = { like: [{ var: 'district' }, 'x'] }; }, "the bundle does not match the bundle schema: /rules/0/when has the unknown operator 'like' (expected one of and, or, !, ===, !==, <, <=, >, >=, in)"],
    ])('the schema: %s', async (_name, change, message) => {
        expect(bundleError(await changed(change))).toBe(message);
    });

    test.each([
        ['an unknown severity', (b: any) => { b.rules[0].severity = 'demo.common.grave'; }, '/rules/0/severity', "rule 't.r.r' has unknown severity 'demo.common.grave'"],
        ['an unknown category', (b: any) => { b.rules[0].categories = ['t.r.top.mdi']; }, '/rules/0/categories/0', "rule 't.r.r' covers unknown category 't.r.top.mdi' (did you mean 't.r.top.mid'?)"],
        ['an unknown post', (b: any) => { b.rules[0].responsible = 'demo.common.nobody'; }, '/rules/0/responsible', "rule 't.r.r' names unknown post 'demo.common.nobody' as responsible"],
        ['an unknown action', (b: any) => { b.rules[0].actions[0].action = 'demo.common.nothing'; }, '/rules/0/actions/0/action', "rule 't.r.r' calls unknown action 'demo.common.nothing'"],
        ['an escalation to a post given as an authority', (b: any) => { b.rules[1].escalation[0].toKind = 'post'; }, '/rules/1/escalation/0/to', "rule 't.r.s' escalates to unknown post 'demo.common.cac'"],
        ['an unknown attribute in a condition', (b: any) => { b.rules[0].when.and[0]['==='][0].var = 'chanel'; }, '/rules/0/when/and/0/===/0/var', "rule 't.r.r': the condition reads 'chanel', which is not an attribute of the bundle"],
        ['a literal of another type', (b: any) => { b.rules[0].when.and[1]['>'][1] = 1; b.rules[0].when.and[0]['==='][1] = 'phone'; }, '/rules/0/when/and/0/===/1', `rule 't.r.r': the text "phone" is not a value of attribute 'channel' (enum: website, app, selfMedia)`],
        ['ordering a non-number', (b: any) => { b.rules[0].when = { '<': [{ var: 'district' }, 3] }; }, '/rules/0/when/<', "rule 't.r.r': '<' orders numbers, but attribute 'district' is text"],
        ['an end before the start', (b: any) => { b.rules[0].effective = { from: '2026-05-01', to: '2026-04-01' }; }, '/rules/0/effective', "rule 't.r.r' is in force from 2026-05-01 to 2026-04-01, which ends before it starts"],
        ['a category that is its own ancestor', (b: any) => { b.categories.find((c: any) => c.id === 't.r.top').parent = 't.r.top.mid.leaf'; }, '/categories/1/parent', "category 't.r.top' is its own ancestor"],
        ['an unknown parent', (b: any) => { b.categories.find((c: any) => c.id === 't.r.other').parent = 't.r.nowhere'; }, '/categories/0/parent', "category 't.r.other' has unknown parent 't.r.nowhere'"],
        ['two rules of one id', (b: any) => { b.rules[1].id = b.rules[0].id; }, '/rules/1/id', "two rules have the id 't.r.r'"],
        ['two attributes of one name', (b: any) => { b.attributes[1].name = b.attributes[0].name; }, '/attributes/1/name', "two attributes are named 'channel'"],
        ['a rank out of place', (b: any) => { b.severities[0].rank = 1; }, '/severities/0/rank', "severity 'demo.common.minor' has rank 1 at position 0 of the scale"],
        ['a default outside an enum', (b: any) => { b.attributes[0].default = 'phone'; }, '/attributes/0/default', 'the default of attribute \'channel\' is the text "phone", not a value of its type'],
    ])('consistency: %s', async (_name, change, path, message) => {
        const err = bundleErrorOf(await changed(change));
        expect([err.path, err.message]).toEqual([path, `the bundle is inconsistent at ${path}: ${message}`]);
    });

    test('consistency checks run even when the schema check is skipped', async () => {
        const bundle = await changed(b => { b.rules[0].when = { '===': [{ var: 'nope' }, 1] }; });
        expect(bundleError(bundle, { schema: false })).toBe("the bundle is inconsistent at /rules/0/when/===/0/var: rule 't.r.r': the condition reads 'nope', which is not an attribute of the bundle");
    });

    test(`nesting deeper than ${MAX_BUNDLE_DEPTH} levels is refused before anything recursive runs`, async () => {
        const bundle = await changed(() => undefined);
        let when: unknown = { '===': [{ var: 'reports' }, 1] };
        for (let i = 0; i < 100_000; i++) {
            when = { '!': when };
        }
        bundle.rules[0].when = when;
        const err = bundleErrorOf(bundle);
        expect(err.message).toBe(`the bundle is nested more than ${MAX_BUNDLE_DEPTH} levels deep at /rules/0/when/!/!/!/!/!/!/!/!/!/… (1000 keys in all)`);
        // The path to the first value too deep: the bundle is level 1, `when` level 4.
        expect(err.path).toBe(`/rules/0/when${'/!'.repeat(MAX_BUNDLE_DEPTH - 3)}`);
        const text = JSON.stringify(await sample()).replace('"rules":[', `"rules":[${'['.repeat(200_000)}${']'.repeat(200_000)},`);
        expect(bundleError(text)).toBe(`the bundle is nested more than ${MAX_BUNDLE_DEPTH} levels deep at /rules/0/0/0/0/0/0/0/0/0/0/0/… (1000 keys in all)`);
    });

    test('a cyclic object is refused, not walked forever', async () => {
        const bundle = await changed(() => undefined);
        bundle.rules[0].basis = [bundle];
        expect(bundleError(bundle)).toBe(`the bundle is nested more than ${MAX_BUNDLE_DEPTH} levels deep at /rules/0/basis/0/rules/0/basis/0/rules/0/basis/0/… (1000 keys in all)`);
    });

    test('a condition a few hundred levels deep still loads', async () => {
        const bundle = await changed(() => undefined);
        let when: unknown = { '===': [{ var: 'reports' }, 1] };
        for (let i = 0; i < 400; i++) {
            when = { '!': when };
        }
        bundle.rules[0].when = when;
        const loaded = loadBundle(bundle);
        expect(loaded.rules[0].test(loaded.attributeList.map(a => a.name === 'reports' ? 1 : a.default ?? 'app'))).toBe(true);
    });
});

/** A bundle with every list and field filled: each nested field can be made too deep in turn. */
async function full(): Promise<Record<string, any>> {
    return JSON.parse(JSON.stringify(await compile(rules(`/** doc */
rule r "label" {
    category top.mid severity serious responsible reviewer actions fine(amount: 100 CNY)
    when channel == app and reports > 1
    escalate { after 1h to cac }
    basis "x"
    effective 2026-01-01 .. 2026-12-31
}
test "t" { given top.mid { channel: app, reports: 2 } on 2026-06-01 expect rule r expect actions fine expect escalation to cac within 2h }
`))));
}

/** Arrays nested so that the innermost is at `depth` when the field at `path` is level path.length + 1. */
function nestedTo(path: readonly (string | number)[], depth: number): unknown {
    let value: unknown = [];
    for (let level = depth; level > path.length + 1; level--) {
        value = [value];
    }
    return value;
}

function setAt(target: Record<string, any>, path: readonly (string | number)[], value: unknown): void {
    let parent = target;
    for (const key of path.slice(0, -1)) parent = parent[key];
    parent[path[path.length - 1]] = value;
}

/** A run of `!` around a comparison, so that the comparison's `var` object is at `depth`. */
function negations(depth: number): unknown {
    // when is level 4; the comparison object, its list and the var object take three levels.
    let when: unknown = { '===': [{ var: 'reports' }, 2] };
    for (let level = 4 + 2; level < depth; level++) {
        when = { '!': when };
    }
    return when;
}

/** `reports > 0 or (reports > 1 and (reports > 2 or ...))`, `levels` levels of and/or deep. */
function alternation(levels: number): unknown {
    let when: unknown = { '>': [{ var: 'reports' }, levels] };
    for (let i = levels - 1; i >= 0; i--) {
        when = { [i % 2 === 0 ? 'or' : 'and']: [{ '>': [{ var: 'reports' }, i] }, when] };
    }
    return when;
}

describe('limits: depth limit − 1, limit and limit + 1', () => {
    const FIELDS: ReadonlyArray<readonly (string | number)[]> = [
        ['compiler', 'version'], ['packages', 0, 'files'], ['severities', 0, 'label'], ['posts', 0, 'doc'],
        ['authorities', 0, 'source', 'file'], ['actions', 0, 'params'], ['attributes', 0, 'values'], ['attributes', 1, 'default'],
        ['categories', 0, 'parent'], ['rules', 0, 'categories'], ['rules', 0, 'label'], ['rules', 0, 'source', 'line'],
        ['rules', 0, 'actions', 0, 'args', 'amount', 'currency'], ['rules', 0, 'escalation', 0, 'to'], ['rules', 0, 'effective', 'from'],
        ['rules', 0, 'basis', 0], ['rules', 0, 'priority'], ['tests', 0, 'given', 'attributes', 'channel'],
        ['tests', 0, 'expect', 'escalations', 0, 'within'], ['tests', 0, 'on'], ['extra'],
    ];

    test.each(FIELDS.map(path => [`/${path.join('/')}`, path] as const))('%s', async (pointer, path) => {
        for (const depth of [MAX_BUNDLE_DEPTH - 1, MAX_BUNDLE_DEPTH]) {
            const bundle = await full();
            setAt(bundle, path, nestedTo(path, depth));
            // Within the depth limit: the schema refuses the array, at or inside the field.
            const err = bundleErrorOf(bundle);
            expect(err.message, `depth ${depth}`).toMatch(/^the bundle does not match the bundle schema: \//);
            expect(err.path === pointer || err.path.startsWith(`${pointer}/`) || pointer.startsWith(`${err.path}/`), `${err.path} at ${pointer}`).toBe(true);
        }
        const bundle = await full();
        setAt(bundle, path, nestedTo(path, MAX_BUNDLE_DEPTH + 1));
        for (const input of [bundle, JSON.stringify(bundle)]) {
            const err = bundleErrorOf(input);
            expect(err.path).toBe(`${pointer}${'/0'.repeat(MAX_BUNDLE_DEPTH - path.length)}`);
            expect(err.message).toMatch(new RegExp(`^the bundle is nested more than ${MAX_BUNDLE_DEPTH} levels deep at /`));
        }
    });

    test('a run of `!` up to the depth limit loads and decides; one level more is refused', async () => {
        const event = { category: 't.r.top.mid', attributes: { channel: 'app', reports: 2 }, date: '2026-06-01' };
        for (const depth of [MAX_BUNDLE_DEPTH - 1, MAX_BUNDLE_DEPTH]) {
            const bundle = await full();
            bundle.rules[0].when = negations(depth);
            const loaded = loadBundle(JSON.stringify(bundle));
            // An odd number of `!` negates `reports == 2`; the run is one `not` or none.
            const odd = (depth - 6) % 2 === 1;
            expect(decide(loaded, event).rule).toBe(odd ? null : 't.r.r');
            expect(decide(loaded, event, { explain: true }).explain![0].condition.condition).toBe(odd ? 'not (reports == 2)' : 'reports == 2');
        }
        const bundle = await full();
        bundle.rules[0].when = negations(MAX_BUNDLE_DEPTH + 1);
        expect(bundleErrorOf(bundle).path).toBe(`/rules/0/when${'/!'.repeat(MAX_BUNDLE_DEPTH - 5)}/===/0`);
    });

    test(`conditions: ${MAX_CONDITION_DEPTH} levels of and/or/not load and decide; one more is refused`, async () => {
        const event = (reports: number) => ({ category: 't.r.top.mid', attributes: { channel: 'app', reports }, date: '2026-06-01' });
        for (const levels of [MAX_CONDITION_DEPTH - 1, MAX_CONDITION_DEPTH]) {
            const bundle = await full();
            bundle.rules[0].when = alternation(levels);
            const loaded = loadBundle(JSON.stringify(bundle));
            // reports > 0 holds at the outermost `or`.
            expect(decide(loaded, event(1)).rule).toBe('t.r.r');
            expect(decide(loaded, event(0)).rule).toBeNull();
            const explained = decide(loaded, event(0), { explain: true });
            expect(explained.explain![0].outcome).toBe('condition-failed');
            expect(JSON.parse(JSON.stringify(explained)).rule).toBeNull();
        }
        const bundle = await full();
        bundle.rules[0].when = alternation(MAX_CONDITION_DEPTH + 1);
        const err = bundleErrorOf(bundle);
        expect(err.path).toBe(`/rules/0/when${'/or/1/and/1'.repeat(MAX_CONDITION_DEPTH / 2)}`);
        expect(err.message).toBe(`rule 't.r.r': the condition nests more than ${MAX_CONDITION_DEPTH} levels of and, or and not at /rules/0/when/or/1/and/1/or/1/and/1/or/… (515 keys in all)`);
        // A `not` is a level too.
        const negated = await full();
        negated.rules[0].when = { '!': alternation(MAX_CONDITION_DEPTH) };
        expect(bundleErrorOf(negated).message).toMatch(/the condition nests more than 256 levels/);
    });

    /** Categories c1 .. cN, each inside the one before; the rule covers c1. */
    async function chain(levels: number): Promise<Record<string, any>> {
        const bundle = await full();
        const template = bundle.categories[0];
        for (let i = 1; i <= levels; i++) {
            bundle.categories.push({ ...template, id: `t.r.c${i}`, name: `c${i}`, parent: i === 1 ? null : `t.r.c${i - 1}` });
        }
        bundle.rules[0].categories = ['t.r.c1'];
        bundle.tests = [];
        return bundle;
    }

    test(`categories: a tree ${MAX_CATEGORY_DEPTH} levels deep loads and decides; one more is refused`, async () => {
        for (const levels of [MAX_CATEGORY_DEPTH - 1, MAX_CATEGORY_DEPTH]) {
            const loaded = loadBundle(JSON.stringify(await chain(levels)));
            const decision = decide(loaded, { category: `t.r.c${levels}`, attributes: { channel: 'app', reports: 2 }, date: '2026-06-01' }, { explain: true });
            expect([decision.rule, decision.explain![0].category]).toEqual(['t.r.r', 't.r.c1']);
            expect(loaded.categories.get(`t.r.c${levels}`)!.depth).toBe(levels - 1);
        }
        const bundle = await chain(MAX_CATEGORY_DEPTH + 1);
        const err = bundleErrorOf(bundle);
        const position = bundle.categories.findIndex((c: { id: string }) => c.id === `t.r.c${MAX_CATEGORY_DEPTH + 1}`);
        expect([err.path, err.message]).toEqual([`/categories/${position}/parent`,
            `the bundle is inconsistent at /categories/${position}/parent: category 't.r.c${MAX_CATEGORY_DEPTH + 1}' is more than ${MAX_CATEGORY_DEPTH} levels deep in the category tree`]);
    });
});

describe('limits: sizes', () => {
    test(`text of ${MAX_BUNDLE_LENGTH} characters is read; one more is refused unread`, async () => {
        const text = JSON.stringify(await full());
        expect(loadBundle(text.padEnd(MAX_BUNDLE_LENGTH, ' ')).rules.length).toBe(1);
        expect(bundleError(text.padEnd(MAX_BUNDLE_LENGTH + 1, ' '))).toBe(`the bundle is longer than the limit of ${MAX_BUNDLE_LENGTH} characters (256 MiB)`);
    });

    /** Counts values as the limit does: the bundle object and everything in it. */
    function count(value: unknown): number {
        let n = 0;
        const stack = [value];
        while (stack.length > 0) {
            const v = stack.pop();
            n++;
            if (typeof v === 'object' && v !== null) stack.push(...Object.values(v));
        }
        return n;
    }

    test(`${MAX_BUNDLE_VALUES} JSON values are read; one more is refused`, async () => {
        // Shared arrays hold many values in little memory: dag[k] counts 2^(k+2) - 1 values.
        const dags: Array<{ value: unknown[]; size: number }> = [{ value: ['x', 'x'], size: 3 }];
        while (dags[dags.length - 1].size * 2 + 1 <= MAX_BUNDLE_VALUES) {
            const last = dags[dags.length - 1];
            dags.push({ value: [last.value, last.value], size: last.size * 2 + 1 });
        }
        const bundle = await full();
        bundle.rules[0].basis = [];
        let remaining = MAX_BUNDLE_VALUES - count(bundle);
        for (let k = dags.length - 1; k >= 0; k--) {
            while (dags[k].size <= remaining) {
                bundle.rules[0].basis.push(dags[k].value);
                remaining -= dags[k].size;
            }
        }
        for (; remaining > 0; remaining--) bundle.rules[0].basis.push('x');
        // Within the limit: the schema refuses a list as a basis.
        expect(bundleErrorOf(bundle).path).toBe('/rules/0/basis/0');
        bundle.rules[0].basis.push('x');
        expect(bundleError(bundle)).toBe(`the bundle holds more than the limit of ${MAX_BUNDLE_VALUES} JSON values`);
    });
});

describe('conditions: the runtime\'s checker and the published schema agree', () => {
    // The runtime's validator leaves `when` to runtime/conditions.ts (which does not recurse); it
    // must accept exactly what the schema's `logic` accepts.
    const literal = fc.constantFrom<unknown>(1, 0.5, -0, 1e308, 'app', 'x', '', true, false, null, [], {}, 'NaN');
    const read = fc.oneof(
        { arbitrary: fc.constantFrom('channel', 'reports', 'verified', 'district').map(name => ({ var: name })), weight: 6 },
        { arbitrary: fc.constantFrom<unknown>({ var: 'a.b' }, { var: '' }, { var: 'a b' }, { var: 1 }, { var: 'reports', x: 1 }, {}, 'reports', null, [{ var: 'reports' }]), weight: 1 },
    );
    const OPS = ['===', '!==', '<', '<=', '>', '>=', 'in'];
    const leaf = fc.tuple(fc.constantFrom(...OPS, 'like', '=='), read, literal, fc.array(literal, { maxLength: 3 }), fc.nat({ max: 5 }))
        .map(([op, v, lit, list, shape]) => ({ [op]: shape <= 2 ? [v, op === 'in' ? list : lit] : shape === 3 ? [v] : shape === 4 ? [v, lit, lit] : v }));
    const { node } = fc.letrec<{ node: unknown }>(tie => ({
        node: fc.oneof({ depthSize: 'small' },
            { arbitrary: leaf, weight: 4 },
            { arbitrary: fc.tuple(fc.constantFrom('and', 'or'), fc.array(tie('node'), { maxLength: 3 })).map(([op, parts]) => ({ [op]: parts })), weight: 2 },
            { arbitrary: fc.tuple(tie('node'), fc.boolean()).map(([part, wrapped]) => ({ '!': wrapped ? [part] : part })), weight: 2 },
            { arbitrary: fc.constantFrom<unknown>(true, false, null, 1, 'x', [], {}, { and: [{ '===': [{ var: 'reports' }, 1] }, { '===': [{ var: 'reports' }, 2] }], or: [] }), weight: 1 },
        ),
    }));

    test('a condition breaks the schema exactly when the runtime refuses it as breaking the schema (property)', async () => {
        const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'language', 'schema', 'bundle.schema.json'), 'utf8'));
        const validate = new Ajv({ strict: true }).compile(schema);
        const base = await sample();
        fc.assert(fc.property(node, when => {
            const bundle = { ...base, rules: [{ ...base.rules[0], when }, ...base.rules.slice(1)] };
            let refusedBySchema = false;
            try {
                loadBundle(bundle);
            } catch (err) {
                if (!(err instanceof BundleError)) throw err;
                refusedBySchema = err.message.startsWith('the bundle does not match the bundle schema: /rules/0/when');
            }
            expect(refusedBySchema, JSON.stringify(validate.errors)).toBe(!validate(bundle));
        }), { numRuns: 500 });
    });
});
