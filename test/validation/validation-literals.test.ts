/**
 * Literals (LANGUAGE.md §2, §10): invalid-literal for impossible dates, money with more than two
 * decimals, bad currency codes, defaults that do not fit their attribute, fractional priorities.
 */
import { describe, expect, test } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { rangeIn, rangeOf } from '../helpers/ranges.js';
import { allDiagnostics, checkBody, fileWith, ruleText, withCode } from '../helpers/validation.js';

async function invalid(body: string) {
    const ws = await checkBody(body);
    return { ws, text: fileWith(body), errors: withCode(ws, 'x.govrule', 'invalid-literal') };
}

describe('invalid-literal: dates', () => {
    test.each(['2026-02-30', '2023-02-29', '1900-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-01-00'])('%s is not a calendar date', async date => {
        const { text, errors } = await invalid(ruleText({ clauses: { effective: date } }));
        expect(errors.map(e => [e.range, e.severity, e.message])).toEqual([[rangeOf(text, date), DiagnosticSeverity.Error, `${date} is not a calendar date`]]);
    });

    test('both ends of a range are checked', async () => {
        const { text, errors } = await invalid(ruleText({ clauses: { effective: '2026-02-31 .. 2026-06-31' } }));
        expect(errors.map(e => e.range)).toEqual([rangeOf(text, '2026-02-31'), rangeOf(text, '2026-06-31')]);
    });

    test('look-alikes: leap days of leap years, month ends', async () => {
        for (const effective of ['2024-02-29', '2000-02-29', '2026-01-31 .. 2026-04-30', '2026-12-31']) {
            const { errors } = await invalid(ruleText({ clauses: { effective } }));
            expect(errors).toEqual([]);
        }
    });
});

describe('invalid-literal: money', () => {
    test('more than two decimals, at the amount', async () => {
        const { text, errors } = await invalid(ruleText({ clauses: { actions: 'fine(amount: 1.234 CNY)' } }));
        expect(errors.map(e => [e.range, e.severity, e.message])).toEqual([[rangeOf(text, '1.234'), DiagnosticSeverity.Error, 'Money has at most two decimals: 1.234']]);
    });

    test('a currency in lower case, with the upper-case code suggested', async () => {
        const { text, errors } = await invalid(ruleText({ clauses: { actions: 'fine(amount: 100 cny)' } }));
        expect(errors.map(e => [e.range, e.message, e.data])).toEqual([[rangeOf(text, 'cny'),
            "'cny' is not a currency code: write three capital letters (ISO 4217) such as CNY; did you mean 'CNY'?", { replacement: 'CNY' }]]);
    });

    test.each(['RMBX', 'CN', 'Cn1'])('a currency code %s of the wrong shape', async currency => {
        const { text, errors } = await invalid(ruleText({ clauses: { actions: `fine(amount: 100 ${currency})` } }));
        expect(errors.map(e => [e.range, e.message])).toEqual([[rangeOf(text, currency),
            `'${currency}' is not a currency code: write three capital letters (ISO 4217) such as CNY`]]);
    });

    test('look-alikes: whole amounts, one and two decimals, other currencies', async () => {
        const { ws } = await invalid(ruleText({ clauses: { actions: 'fine(amount: 100000 CNY), fine(amount: 0.5 EUR), fine(amount: 12.25 USD)' } }));
        expect(allDiagnostics(ws).filter(d => d.code === 'invalid-literal')).toEqual([]);
    });
});

describe('invalid-literal: defaults', () => {
    test.each([
        ['attribute n: number default "x"', '"x"', "Default '\"x\"' does not fit attribute 'n', which is a number"],
        ['attribute b: boolean default 1', '1', "Default '1' does not fit attribute 'b', which is a boolean"],
        ['attribute s: text default 0', '0', "Default '0' does not fit attribute 's', which is text"],
        ['attribute e: enum { one, two } default "one"', '"one"', "Default '\"one\"' does not fit attribute 'e', which is an enum (one, two)"],
        ['attribute f: boolean default app', 'app', "Default 'app' does not fit attribute 'f', which is a boolean"],
    ])('%s', async (declaration, literal, message) => {
        const { text, errors } = await invalid(`${declaration}\n`);
        expect(errors.map(e => [e.range, e.severity, e.message])).toEqual([[rangeIn(text, 'default', literal), DiagnosticSeverity.Error, message]]);
    });

    test('an enum default that is not a member', async () => {
        const { text, errors } = await invalid('attribute e: enum { one, two } default three\n');
        expect(errors.map(e => [e.range, e.message])).toEqual([
            [rangeOf(text, 'three'), "'three' is not a value of attribute 'e' (one of one, two)"]]);
    });

    test('look-alikes: defaults of every type that fit', async () => {
        const { errors } = await invalid('attribute n: number default 2.5\nattribute b: boolean default false\nattribute s: text default "x"\nattribute e: enum { one, two } default two\n');
        expect(errors).toEqual([]);
    });
});

describe('invalid-literal: priority', () => {
    test('a fractional priority, at the number', async () => {
        const { text, errors } = await invalid(ruleText({ clauses: { priority: '1.5' } }));
        expect(errors.map(e => [e.range, e.message])).toEqual([[rangeOf(text, '1.5'), 'A priority is a whole number ≥ 0, not 1.5']]);
    });

    test('look-alike: a whole priority', async () => {
        const { errors } = await invalid(ruleText({ clauses: { priority: '10' } }));
        expect(errors).toEqual([]);
    });
});
