/**
 * A bug while compiling, in process (test/robustness/fail-closed.test.ts sees the same through the
 * spawned CLI, which a source change cannot reach): whatever throws, while planning the bundle or
 * while making or writing one element, comes out of the stream as one CompileFailure naming the
 * file being compiled and carrying the original error.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { CompileFailure, bundleChunks, compileBundle, type CompileInput } from '../../language/src/compiler/bundle.js';
import type * as ast from '../../language/src/syntax/generated/ast.js';
import { loadProject } from '../../language/src/project/project.js';
import { VOCABULARY } from '../helpers/vocabulary.js';

const ROOT = path.join(os.tmpdir(), 'govrule-compile-failure');
const VOCAB_FILE = path.join(ROOT, 'common.govrule');
const RULES_FILE = path.join(ROOT, 'rules', 'r.govrule');

const VOCAB = VOCABULARY;
const RULES = `package t.rules
import demo.common.*
category c
rule leakRule { category c severity critical responsible reviewer actions remove escalate { after 1h to reviewer } }
test "t" { given c { channel: app } expect rule leakRule }
`;

/** The compiler's input for the two files, loaded and checked without errors. */
async function input(): Promise<CompileInput> {
    const project = await loadProject([{ path: VOCAB_FILE, text: VOCAB }, { path: RULES_FILE, text: RULES }]);
    expect(project.hasErrors).toBe(false);
    return { root: ROOT, documents: project.documents, comments: project.services.documentation.CommentProvider };
}

/** What draining the stream throws; fails the test when it throws nothing or something else. */
function failureOf(run: () => unknown): CompileFailure {
    try {
        run();
    } catch (err) {
        if (err instanceof CompileFailure) return err;
        throw err;
    }
    throw new Error('expected a CompileFailure');
}

function ruleOf(compiled: CompileInput): ast.Rule {
    const doc = compiled.documents.find(d => d.uri.fsPath === RULES_FILE)!;
    return (doc.parseResult.value as ast.Model).elements.find(e => e.$type === 'Rule') as ast.Rule;
}

afterEach(() => {
    vi.restoreAllMocks();
});

describe('a failure while writing an element', () => {
    test('names the element\'s file (absolute) and keeps the error as its cause', async () => {
        const compiled = await input();
        const broke = new Error('writer broke');
        const stringify = JSON.stringify;
        vi.spyOn(JSON, 'stringify').mockImplementation(function (this: unknown, value: unknown, ...rest: unknown[]) {
            if (value !== null && typeof value === 'object' && (value as { name?: unknown }).name === 'leakRule' && 'escalation' in value) throw broke;
            return (stringify as (...args: unknown[]) => string).call(this, value, ...rest);
        });
        const failure = failureOf(() => [...bundleChunks(compiled)]);
        expect([failure.name, failure.message, failure.file, failure.cause]).toEqual(['CompileFailure', 'writer broke', RULES_FILE, broke]);
        expect(failure.cause).toBe(broke);
    });
});

describe('a failure while making an element', () => {
    test('a rule: one CompileFailure (not wrapped twice) naming the rule\'s file, with the original error', async () => {
        const compiled = await input();
        // A duration no parser accepts: making the rule's escalation throws a TypeError.
        const rule = ruleOf(compiled);
        const step = (rule.clauses.find(c => c.$type === 'EscalateClause') as ast.EscalateClause).steps[0];
        (step as { after: string }).after = 'soon';
        const failure = failureOf(() => [...bundleChunks(compiled)]);
        expect(failure.file).toBe(RULES_FILE);
        expect(failure.cause).toBeInstanceOf(TypeError);
        expect(failure.message).toBe((failure.cause as Error).message);
        // compileBundle makes every element too, and reports the same way.
        const direct = failureOf(() => compileBundle(compiled));
        expect([direct.file, direct.cause instanceof TypeError]).toEqual([RULES_FILE, true]);
    });

    test('a test block: the failure names the test\'s file', async () => {
        const compiled = await input();
        const doc = compiled.documents.find(d => d.uri.fsPath === RULES_FILE)!;
        const testBlock = (doc.parseResult.value as ast.Model).elements.find(e => e.$type === 'Test') as ast.Test;
        (testBlock as { items: unknown }).items = null;
        const failure = failureOf(() => [...bundleChunks(compiled)]);
        expect([failure.file, failure.cause instanceof TypeError]).toEqual([RULES_FILE, true]);
    });

    test('something thrown that is not an Error becomes the message', async () => {
        const compiled = await input();
        const stringify = JSON.stringify;
        vi.spyOn(JSON, 'stringify').mockImplementation(function (this: unknown, value: unknown, ...rest: unknown[]) {
            if (value !== null && typeof value === 'object' && (value as { name?: unknown }).name === 'reviewer') throw 'no posts today';
            return (stringify as (...args: unknown[]) => string).call(this, value, ...rest);
        });
        const failure = failureOf(() => [...bundleChunks(compiled)]);
        expect([failure.message, failure.cause, failure.file]).toEqual(['no posts today', 'no posts today', VOCAB_FILE]);
    });
});

describe('a failure while planning the bundle', () => {
    test('is named at the first document, before anything is written', async () => {
        const compiled = await input();
        (ruleOf(compiled).$container as { elements: unknown }).elements = null;
        const failure = failureOf(() => bundleChunks(compiled));
        expect(failure.file).toBe(compiled.documents[0].uri.fsPath);
        expect(failure.cause).toBeInstanceOf(TypeError);
    });

    test('with no documents at all, the bundle is the empty one', async () => {
        const text = [...bundleChunks({ root: ROOT, documents: [], comments: (await input()).comments })].join('');
        expect(JSON.parse(text)).toMatchObject({ packages: [], severities: [], rules: [], tests: [] });
    });
});

describe('a broken invariant of campaigns', () => {
    test('a rule that shares no day with its campaign fails the compile instead of being written in force never', async () => {
        const text = `package t.rules
import demo.common.*
category c
campaign spring effective 2026-03-01 .. 2026-05-31
rule inSpring { category c severity minor responsible reviewer actions remove campaign spring effective 2026-04-01 .. 2026-04-30 }
`;
        const project = await loadProject([{ path: VOCAB_FILE, text: VOCAB }, { path: RULES_FILE, text }]);
        expect(project.hasErrors).toBe(false);
        const compiled: CompileInput = { root: ROOT, documents: project.documents, comments: project.services.documentation.CommentProvider };
        const model = compiled.documents.find(d => d.uri.fsPath === RULES_FILE)!.parseResult.value as ast.Model;
        // After validation, the campaign moves away: what campaign-period would have reported.
        const campaign = model.elements.find(e => e.$type === 'Campaign') as ast.Campaign;
        (campaign.period as { from: string; to?: string }).from = '2027-01-01';
        (campaign.period as { from: string; to?: string }).to = '2027-12-31';
        const failure = failureOf(() => [...bundleChunks(compiled)]);
        expect([failure.file, failure.message]).toEqual([RULES_FILE, "rule 'inSpring' shares no day with its campaign"]);
    });
});
