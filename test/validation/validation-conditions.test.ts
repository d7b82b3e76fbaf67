/**
 * Conditions (LANGUAGE.md §6, §10): type-mismatch for literals that do not fit their attribute,
 * for ordering a non-number, and for a non-boolean attribute standing alone.
 */
import { describe, expect, test } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { rangeIn } from '../helpers/ranges.js';
import { allDiagnostics, checkBody, fileWith, ruleText, withCode } from '../helpers/validation.js';

async function when(condition: string) {
    const body = ruleText({ clauses: { when: condition } });
    const text = fileWith(body);
    const ws = await checkBody(body);
    return { text, ws, mismatches: withCode(ws, 'x.govrule', 'type-mismatch') };
}

describe('type-mismatch', () => {
    test.each([
        ['channel == "selfMedia"', '"selfMedia"', "\"selfMedia\" is not a value of attribute 'channel', which is an enum (website, app, selfMedia); write the member without quotes: selfMedia"],
        ['channel != 3', '3', "3 is not a value of attribute 'channel', which is an enum (website, app, selfMedia)"],
        ['reports == "3"', '"3"', "\"3\" is not a value of attribute 'reports', which is a number"],
        ['reports == app', 'app', "app is not a value of attribute 'reports', which is a number"],
        ['verified == 1', '1', "1 is not a value of attribute 'verified', which is a boolean"],
        ['verified != "true"', '"true"', "\"true\" is not a value of attribute 'verified', which is a boolean"],
        ['district == 3', '3', "3 is not a value of attribute 'district', which is text"],
        ['district == false', 'false', "false is not a value of attribute 'district', which is text"],
    ])('%s, at the literal', async (condition, literal, message) => {
        const { text, mismatches } = await when(condition);
        expect(mismatches.map(e => [e.range, e.severity, e.message])).toEqual([[rangeIn(text, 'when', literal), DiagnosticSeverity.Error, message]]);
    });

    test.each([
        ['channel in [app, 3, "web"]', ['3', '"web"']],
        ['reports not in [1, "2", 3]', ['"2"']],
        ['verified in [true, 0]', ['0']],
    ])('%s: each misfit in a list', async (condition, literals) => {
        const { text, mismatches } = await when(condition);
        expect(mismatches.map(e => e.range)).toEqual(literals.map(l => rangeIn(text, 'when', l)));
    });

    test.each([
        ['district > "a"', '>', "'>' orders numbers, but attribute 'district' is text"],
        ['channel <= app', '<=', "'<=' orders numbers, but attribute 'channel' is an enum (website, app, selfMedia)"],
        ['verified >= true', '>=', "'>=' orders numbers, but attribute 'verified' is a boolean"],
    ])('ordering a non-number: %s, at the operator', async (condition, op, message) => {
        const { text, mismatches } = await when(condition);
        expect(mismatches.map(e => [e.range, e.message])).toEqual([[rangeIn(text, 'when', op), message]]);
    });

    test.each([
        ['reports', "Attribute 'reports' is a number, not a boolean: compare it with a value"],
        ['not channel', "Attribute 'channel' is an enum (website, app, selfMedia), not a boolean: compare it with a value"],
        ['verified and district', "Attribute 'district' is text, not a boolean: compare it with a value"],
    ])('a non-boolean attribute alone: %s, at the attribute', async (condition, message) => {
        const { text, mismatches } = await when(condition);
        const attribute = condition.split(' ').pop()!;
        expect(mismatches.map(e => [e.range, e.message])).toEqual([[rangeIn(text, 'when', attribute), message]]);
    });

    test('look-alikes: every operator and literal that fits', async () => {
        const { ws } = await when('reports >= 2.5 and reports < 10 and reports == 3 and reports != 4 and reports <= 5 and reports > 0'
            + ' and channel != app and channel in [website, selfMedia] and channel not in [app]'
            + ' and verified and not verified and verified == false and verified != true'
            + ' and district == "两江新区" and district in ["a", "b"] and district != ""'
            + ' and reports in [1, 2.5] and verified in [true]');
        expect(allDiagnostics(ws).filter(d => d.code === 'type-mismatch' || d.severity === DiagnosticSeverity.Error)).toEqual([]);
    });

    test('an unresolved attribute gives one error, not a type mismatch too', async () => {
        const { ws, mismatches } = await when('channl == app and reprts > "x"');
        expect(mismatches).toEqual([]);
        expect(withCode(ws, 'x.govrule', 'unresolved-reference').map(d => d.message)).toEqual([
            "Cannot find an attribute named 'channl'; did you mean 'channel'?",
            "Cannot find an attribute named 'reprts'; did you mean 'reports'?",
        ]);
    });
});
