/**
 * Escalation (LANGUAGE.md §5, §10): escalation-order, escalation-target, escalates-to-responsible,
 * critical-without-authority.
 */
import { describe, expect, test } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { rangeIn, rangeOf } from '../helpers/ranges.js';
import { allDiagnostics, checkBody, fileWith, ruleText, withCode } from '../helpers/validation.js';

async function escalation(steps: string, clauses: Record<string, string> = {}) {
    const body = ruleText({ clauses: { escalate: steps, ...clauses } });
    const text = fileWith(body);
    const ws = await checkBody(body);
    return { text, ws, of: (code: string) => withCode(ws, 'x.govrule', code) };
}

describe('escalation-order', () => {
    test('a step not later than the one before, at its duration', async () => {
        const { text, of } = await escalation('after 2h to editor after 90m to cac');
        expect(of('escalation-order').map(e => [e.range, e.severity, e.message])).toEqual([
            [rangeOf(text, '90m'), DiagnosticSeverity.Error, 'Steps must come in strictly increasing time: 90 minutes is not after 2 hours']]);
    });

    test('two steps at the same time, written in different units', async () => {
        const { text, of } = await escalation('after 1d to editor after 24h to cac');
        expect(of('escalation-order').map(e => [e.range, e.message])).toEqual([
            [rangeOf(text, '24h'), 'Steps must come in strictly increasing time: 24 hours is not after 1 day']]);
    });

    test('each step is compared with the latest before it', async () => {
        const { text, of } = await escalation('after 1w to editor after 2d to reviewer after 3d to cac', { responsible: 'editor' });
        expect(of('escalation-order').map(e => e.range)).toEqual([rangeOf(text, '2d'), rangeOf(text, '3d')]);
        expect(of('escalation-order')[1].message).toBe('Steps must come in strictly increasing time: 3 days is not after 1 week');
    });

    test('a zero duration', async () => {
        const { text, of } = await escalation('after 0m to editor after 1h to cac');
        expect(of('escalation-order').map(e => [e.range, e.message])).toEqual([[rangeOf(text, '0m'), 'An escalation step needs a duration above zero']]);
    });

    test('an escalation without steps, at its keyword', async () => {
        const { text, of } = await escalation('');
        expect(of('escalation-order').map(e => [e.range, e.message])).toEqual([
            [rangeOf(text, 'escalate'), 'An escalation needs at least one step, such as `after 2h to editor`']]);
    });

    test('look-alike: strictly increasing steps across units', async () => {
        const { ws } = await escalation('after 30m to editor after 1h to cac after 2d to reviewer after 1w to demo.uses.nobody', { responsible: 'editor' });
        // The last target does not resolve, which must not disturb the order check.
        expect(allDiagnostics(ws).filter(d => d.code === 'escalation-order')).toEqual([]);
        const clean = await escalation('after 59m to editor after 1h to cac');
        expect(allDiagnostics(clean.ws).filter(d => d.code === 'escalation-order')).toEqual([]);
    });
});

describe('escalation-target', () => {
    test('the same target twice, at the second', async () => {
        const { text, of } = await escalation('after 1h to cac after 2h to editor after 3h to cac');
        expect(of('escalation-target').map(e => [e.range, e.severity, e.message])).toEqual([
            [rangeOf(text, 'cac', 1), DiagnosticSeverity.Error, "'cac' is already a target of this escalation"]]);
    });

    test('the same target written two ways is still the same target', async () => {
        const { text, of } = await escalation('after 1h to cac after 3h to demo.common.cac');
        expect(of('escalation-target').map(e => e.range)).toEqual([rangeOf(text, 'demo.common.cac')]);
    });

    test('look-alike: distinct targets, and the same target in two rules', async () => {
        const body = ruleText({ clauses: { escalate: 'after 1h to editor after 2h to cac' } })
            + ruleText({ name: 'r2', clauses: { escalate: 'after 1h to editor after 2h to cac' } });
        const ws = await checkBody(body);
        expect(allDiagnostics(ws).filter(d => d.code === 'escalation-target')).toEqual([]);
    });
});

describe('escalates-to-responsible', () => {
    test('a step to the rule’s own responsible post is a warning at the target', async () => {
        const { text, of } = await escalation('after 1h to editor after 2h to cac', { responsible: 'editor' });
        expect(of('escalates-to-responsible').map(e => [e.range, e.severity, e.message])).toEqual([
            [rangeIn(text, 'escalate', 'editor'), DiagnosticSeverity.Warning, "This step escalates to 'editor', the rule's own responsible post"]]);
    });

    test('look-alike: escalating from the responsible post to another post', async () => {
        const { ws } = await escalation('after 1h to editor after 2h to cac', { responsible: 'reviewer' });
        expect(allDiagnostics(ws).filter(d => d.code === 'escalates-to-responsible')).toEqual([]);
    });
});

describe('critical-without-authority', () => {
    test('a rule at the top severity with no escalation, at its name', async () => {
        const body = ruleText({ name: 'grave', clauses: { severity: 'critical' } });
        const ws = await checkBody(body);
        expect(withCode(ws, 'x.govrule', 'critical-without-authority').map(e => [e.range, e.severity, e.message])).toEqual([
            [rangeOf(fileWith(body), 'grave'), DiagnosticSeverity.Warning, "Rule 'grave' is at the top severity 'critical' but its escalation never reaches an authority"]]);
    });

    test('a rule at the top severity that escalates to posts only', async () => {
        const { of } = await escalation('after 1h to editor', { severity: 'critical' });
        expect(of('critical-without-authority')).toHaveLength(1);
    });

    test('look-alikes: the top severity reaching an authority, a lower severity without one', async () => {
        const reaches = await escalation('after 1h to editor after 1d to cac', { severity: 'critical' });
        expect(reaches.of('critical-without-authority')).toEqual([]);
        const lower = await escalation('after 1h to editor', { severity: 'serious' });
        expect(lower.of('critical-without-authority')).toEqual([]);
    });
});
