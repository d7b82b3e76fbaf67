/**
 * Every bundle the compiler writes validates against the published JSON Schema (LANGUAGE.md §9).
 */
import Ajv, { type ValidateFunction } from 'ajv';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { EXAMPLES, ROOT, describeRun, runCli } from '../helpers/cli.js';
import { tempFolder } from '../helpers/temp.js';
import { USES_VOCABULARY, VOCABULARY } from '../helpers/workspace.js';

let validate: ValidateFunction;

beforeAll(() => {
    const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'language', 'schema', 'bundle.schema.json'), 'utf8'));
    validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
});

function compile(args: string[], cwd = ROOT): unknown {
    const result = runCli(['compile', ...args], { cwd });
    expect(result.status, describeRun(result)).toBe(0);
    return JSON.parse(result.stdout);
}

function expectValid(bundle: unknown): void {
    const valid = validate(bundle);
    expect(valid, JSON.stringify(validate.errors, null, 2)).toBe(true);
}

describe('the bundle schema', () => {
    test('the example repository compiles to a valid bundle', () => {
        const bundle = compile([EXAMPLES]) as { rules: unknown[] };
        expectValid(bundle);
        expect(bundle.rules.length).toBeGreaterThanOrEqual(30);
    });

    test('a minimal project, and one using every value type, give valid bundles', () => {
        expectValid(compile([], tempFolder({ 'scale.govrule': 'package m\nseverities { low high }\n' })));
        const dir = tempFolder({
            'common.govrule': VOCABULARY,
            'uses.govrule': USES_VOCABULARY,
            'more.govrule': `package t.more
import demo.common.*
action all (d: duration, m: money, n: number, t: text, b: boolean, o: text?)
category a { category b { category c } }
/** doc */
rule everything "全部" {
    category a.b.c
    severity serious
    responsible editor
    actions all(d: 1w, m: 0.5 USD, n: 2.5, t: "\\u4E2D\\n", b: false), remove
    when not (channel in [app] or channel not in [website]) and reports != 3 and verified == true and district in []
    escalate { after 30m to reviewer after 1d to cac }
    basis "x"
    priority 100
    effective 2026-02-28 .. 2028-02-29
    disabled
}
`,
        });
        expectValid(compile([], dir));
    });

    test('the schema is strict enough to reject a damaged bundle', () => {
        const bundle = compile([EXAMPLES]) as Record<string, unknown> & { rules: Array<Record<string, unknown>> };
        expectValid(bundle);
        const damaged: Array<[string, (b: typeof bundle) => void]> = [
            ['a missing list', b => { delete b.tests; }],
            ['an unknown key', b => { b.extra = 1; }],
            ['a wrong format', b => { b.format = 'other'; }],
            ['a rule without a severity', b => { delete b.rules[0].severity; }],
            ['an escalation to an unknown kind', b => { (b.rules.find(r => (r.escalation as unknown[]).length > 0)!.escalation as Array<Record<string, unknown>>)[0].toKind = 'police'; }],
        ];
        for (const [what, damage] of damaged) {
            const copy = structuredClone(bundle);
            damage(copy);
            expect(validate(copy), what).toBe(false);
        }
    });
});
