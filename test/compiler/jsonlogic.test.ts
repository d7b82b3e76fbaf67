/**
 * Conditions compile to JsonLogic that means what the source says (LANGUAGE.md §6, §9): the
 * compiled `when` of every example rule, run by json-logic-js, agrees with an evaluation of the
 * condition's AST written here, on a generated set of events; and random conditions, printed with
 * the fewest parentheses the precedence allows, compile to JsonLogic that agrees with the tree
 * they were printed from.
 */
import fc from 'fast-check';
import jsonLogic from 'json-logic-js';
import { GrammarUtils } from 'langium';
import { beforeAll, describe, expect, test } from 'vitest';
import { compileBundle } from '../../language/src/compiler/bundle.js';
import type { Bundle } from '../../language/src/bundle/types.js';
import * as ast from '../../language/src/syntax/generated/ast.js';
import { qualifiedName } from '../../language/src/model/names.js';
import { clausesOf } from '../../language/src/model/rules.js';
import { bundleOf } from '../../language/src/project/project.js';
import { EXAMPLES } from '../helpers/cli.js';
import { loadFolder } from '../helpers/project.js';
import { VOCABULARY, workspace } from '../helpers/workspace.js';

type Scalar = string | number | boolean;
type Event = Record<string, Scalar>;

/** The value a literal stands for, read from the AST. */
function literal(node: ast.Literal | undefined): Scalar {
    if (ast.isNumberLiteral(node)) return Number(node.value);
    if (ast.isStringLiteral(node)) return node.value;
    if (ast.isBooleanLiteral(node)) return node.value;
    if (ast.isEnumLiteral(node)) return node.member.ref!.name;
    throw new Error('not a literal');
}

/** §6 read directly: the reference semantics the compiled JsonLogic must agree with. */
function holds(condition: ast.Condition, event: Event): boolean {
    if (ast.isOr(condition)) return holds(condition.left, event) || holds(condition.right, event);
    if (ast.isAnd(condition)) return holds(condition.left, event) && holds(condition.right, event);
    if (ast.isNot(condition)) return !holds(condition.operand, event);
    const value = event[condition.attribute.ref!.name];
    if (condition.op !== undefined) {
        const other = literal(condition.value);
        switch (condition.op) {
            case '==': return value === other;
            case '!=': return value !== other;
            case '<': return (value as number) < (other as number);
            case '<=': return (value as number) <= (other as number);
            case '>': return (value as number) > (other as number);
            case '>=': return (value as number) >= (other as number);
        }
    }
    // `in [...]` has the keyword `in`; a boolean attribute alone has nothing after its name.
    if (condition.$cstNode && GrammarUtils.findNodeForKeyword(condition.$cstNode, 'in')) {
        const member = condition.values.map(literal).includes(value);
        return condition.negated ? !member : member;
    }
    return value === true;
}

function comparisons(condition: ast.Condition): ast.Comparison[] {
    if (ast.isOr(condition) || ast.isAnd(condition)) return [...comparisons(condition.left), ...comparisons(condition.right)];
    if (ast.isNot(condition)) return comparisons(condition.operand);
    return [condition];
}

/** Values worth trying per attribute: every member or boolean, and numbers and texts around the literals the rules use. */
function domains(bundle: Bundle, conditions: readonly ast.Condition[]): Map<string, Scalar[]> {
    const literals = new Map<string, Scalar[]>();
    for (const comparison of conditions.flatMap(comparisons)) {
        const name = comparison.attribute.ref!.name;
        const values = comparison.value ? [comparison.value] : comparison.values;
        literals.set(name, [...(literals.get(name) ?? []), ...values.map(literal)]);
    }
    const result = new Map<string, Scalar[]>();
    for (const attribute of bundle.attributes) {
        const seen = literals.get(attribute.name) ?? [];
        let values: Scalar[];
        switch (attribute.type) {
            case 'enum': values = attribute.values!; break;
            case 'boolean': values = [true, false]; break;
            case 'number': values = [0, ...seen.flatMap(v => [(v as number) - 1, v, (v as number) + 0.5, (v as number) + 1])]; break;
            default: values = ['', '其他', ...seen]; break;
        }
        result.set(attribute.name, [...new Set(values)]);
    }
    return result;
}

/** Every combination of the attributes a condition reads; the others keep their first value. */
function eventsFor(condition: ast.Condition, domain: Map<string, Scalar[]>): Event[] {
    const read = [...new Set(comparisons(condition).map(c => c.attribute.ref!.name))];
    const base: Event = Object.fromEntries([...domain].map(([name, values]) => [name, values[0]]));
    let events: Event[] = [base];
    for (const name of read) {
        events = events.flatMap(event => domain.get(name)!.map(value => ({ ...event, [name]: value })));
    }
    return events;
}

describe('the example rules', () => {
    let bundle: Bundle;
    let rules: ast.Rule[];

    beforeAll(async () => {
        const loaded = await loadFolder(EXAMPLES);
        expect(loaded.project.hasErrors).toBe(false);
        bundle = bundleOf(loaded.project, EXAMPLES);
        rules = loaded.project.documents.flatMap(doc => (doc.parseResult.value as ast.Model).elements.filter(ast.isRule));
    });

    test('every rule is compiled, and most have a condition', () => {
        expect(rules.length).toBe(bundle.rules.length);
        expect(rules.filter(r => clausesOf(r).when).length).toBeGreaterThanOrEqual(20);
    });

    test('json-logic-js on the compiled `when` agrees with the AST on every generated event', () => {
        const conditions = rules.flatMap(r => clausesOf(r).when?.condition ?? []);
        const domain = domains(bundle, conditions);
        let checked = 0;
        for (const rule of rules) {
            const compiled = bundle.rules.find(r => r.id === qualifiedName(rule))!;
            const condition = clausesOf(rule).when?.condition;
            if (!condition) {
                expect(compiled.when).toBe(true);
                continue;
            }
            let matched = 0;
            const events = eventsFor(condition, domain);
            for (const event of events) {
                const expected = holds(condition, event);
                const actual = jsonLogic.apply(compiled.when as jsonLogic.RulesLogic, event);
                expect(actual, `${rule.name} on ${JSON.stringify(event)}`).toBe(expected);
                if (expected) matched++;
            }
            // Each condition is satisfiable and refutable on the generated events, so the check has teeth.
            expect(matched, rule.name).toBeGreaterThan(0);
            expect(matched, rule.name).toBeLessThan(events.length);
            checked += events.length;
        }
        expect(checked).toBeGreaterThan(1000);
    });
});

/** A condition tree over the test vocabulary, with its own meaning and its shortest printing. */
type Tree =
    | { kind: 'or' | 'and'; left: Tree; right: Tree }
    | { kind: 'not'; operand: Tree }
    | { kind: 'leaf'; text: string; test: (e: Event) => boolean };

const CHANNELS = ['website', 'app', 'selfMedia'] as const;
const DISTRICTS = ['', 'a', '两江'] as const;

const leaf: fc.Arbitrary<Tree> = fc.oneof(
    fc.tuple(fc.constantFrom('==', '!='), fc.constantFrom(...CHANNELS)).map(([op, m]): Tree => ({
        kind: 'leaf', text: `channel ${op} ${m}`, test: e => (e.channel === m) === (op === '=='),
    })),
    fc.tuple(fc.boolean(), fc.uniqueArray(fc.constantFrom(...CHANNELS), { maxLength: 3 })).map(([negated, ms]): Tree => ({
        kind: 'leaf', text: `channel ${negated ? 'not in' : 'in'} [${ms.join(', ')}]`, test: e => ms.includes(e.channel as never) !== negated,
    })),
    fc.tuple(fc.constantFrom('==', '!=', '<', '<=', '>', '>='), fc.integer({ min: 0, max: 4 }), fc.boolean()).map(([op, n, half]): Tree => {
        const v = half ? n + 0.5 : n;
        const compare: Record<string, (a: number) => boolean> = {
            '==': a => a === v, '!=': a => a !== v, '<': a => a < v, '<=': a => a <= v, '>': a => a > v, '>=': a => a >= v,
        };
        return { kind: 'leaf', text: `reports ${op} ${v}`, test: e => compare[op](e.reports as number) };
    }),
    fc.constant<Tree>({ kind: 'leaf', text: 'verified', test: e => e.verified === true }),
    fc.tuple(fc.constantFrom('==', '!='), fc.boolean()).map(([op, b]): Tree => ({
        kind: 'leaf', text: `verified ${op} ${b}`, test: e => (e.verified === b) === (op === '=='),
    })),
    fc.tuple(fc.constantFrom('==', '!=', 'in'), fc.constantFrom(...DISTRICTS)).map(([op, d]): Tree => ({
        kind: 'leaf',
        text: op === 'in' ? `district in ["${d}", "x"]` : `district ${op} "${d}"`,
        test: e => op === 'in' ? e.district === d || e.district === 'x' : (e.district === d) === (op === '=='),
    })),
);

const { tree } = fc.letrec<{ tree: Tree }>(tie => ({
    tree: fc.oneof({ depthSize: 'small', withCrossShrink: true },
        leaf,
        fc.record({ kind: fc.constant('not' as const), operand: tie('tree') }),
        fc.record({ kind: fc.constantFrom('and' as const, 'or' as const), left: tie('tree'), right: tie('tree') })),
}));

const PRECEDENCE = { or: 1, and: 2, not: 3, leaf: 4 } as const;

/** Prints with parentheses only where precedence (and left association) needs them. */
function print(t: Tree, context = 0): string {
    let text: string;
    switch (t.kind) {
        case 'leaf': text = t.text; break;
        case 'not': text = `not ${print(t.operand, PRECEDENCE.not)}`; break;
        default: text = `${print(t.left, PRECEDENCE[t.kind])} ${t.kind} ${print(t.right, PRECEDENCE[t.kind] + 1)}`;
    }
    return PRECEDENCE[t.kind] < context ? `(${text})` : text;
}

function meaning(t: Tree, e: Event): boolean {
    switch (t.kind) {
        case 'leaf': return t.test(e);
        case 'not': return !meaning(t.operand, e);
        case 'and': return meaning(t.left, e) && meaning(t.right, e);
        case 'or': return meaning(t.left, e) || meaning(t.right, e);
    }
}

const event: fc.Arbitrary<Event> = fc.record({
    channel: fc.constantFrom(...CHANNELS),
    reports: fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constantFrom(0.5, 1.5, 2.5, 3.5)),
    verified: fc.boolean(),
    district: fc.constantFrom(...DISTRICTS, 'x'),
});

describe('random conditions', () => {
    test('printed with minimal parentheses, parsed and compiled, they keep their meaning', async () => {
        await fc.assert(fc.asyncProperty(fc.array(tree, { minLength: 1, maxLength: 12 }), fc.array(event, { minLength: 30, maxLength: 30 }), async (trees, events) => {
            const rules = trees.map((t, i) => `rule r${i} { category c severity minor responsible reviewer actions remove when ${print(t)} }`);
            const ws = await workspace({ 'common.govrule': VOCABULARY, 'r.govrule': `package t.r\nimport demo.common.*\ncategory c\n${rules.join('\n')}\n` });
            const errors = ws.diagnostics('r.govrule').filter(d => d.severity === 1);
            expect(errors, rules.join('\n')).toEqual([]);
            const bundle = compileBundle({ root: '/ws', documents: [...ws.documents.values()], comments: ws.services.documentation.CommentProvider });
            trees.forEach((t, i) => {
                const when = bundle.rules.find(r => r.name === `r${i}`)!.when;
                for (const e of events) {
                    expect(jsonLogic.apply(when as jsonLogic.RulesLogic, e), `${print(t)} on ${JSON.stringify(e)}`).toBe(meaning(t, e));
                }
            });
        }), { numRuns: 40 });
    });
});
