/**
 * Failed test runs and compiles as the extension words them (issue: "Run test" showed
 * `Request workspace/executeCommand failed … Code: -32803 [object Object]`), and files named by
 * their workspace-relative path wherever a message names one (two `rumor.govrule` files must not
 * read alike). The server's real errors come from the bundled server over stdio.
 */
import * as path from 'node:path';
import { URI } from 'langium';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { describeCommandFailure, RUN_TESTS_COMMAND } from '../../extension/src/command-failure.js';
import { workspacePath } from '../../language/src/model/workspace-path.js';
import { LspClient, writeWorkspace } from '../helpers/lsp-client.js';
import { CATEGORIES, CONFIG, VOCAB } from '../lsp/fixture.js';

const RUMOR_RULES = `package demo.rules
import demo.common.*

rule enterpriseRumor {
    category rumor.enterprise
    severity serious
    responsible reviewer
    actions remove
}
`;

const RUMOR_TESTS = `package demo.tests
import demo.common.*
import demo.rules.*

test "涉企谣言" {
    given rumor.enterprise { channel: app }
    expect rule enterpriseRumor
}
`;

describe('a failed command, worded for people', () => {
    test('errors in the rule files: how many, the first one with its relative path, and "Show Problems"', () => {
        const error = {
            code: -32803,
            message: 'Cannot run the tests: 3 errors (first: …)',
            data: { problems: [
                { file: '/w/qinglang/rumor.govrule', path: 'qinglang/rumor.govrule', line: 9, column: 18, code: 'unresolved-reference', message: "Cannot find a post named 'x'" },
                { file: '/w/a.govrule', path: 'a.govrule', line: 1, column: 1, code: 'syntax', message: 'm' },
                { file: '/w/b.govrule', path: 'b.govrule', line: 1, column: 1, code: 'syntax', message: 'm' },
            ] },
        };
        expect(describeCommandFailure(RUN_TESTS_COMMAND, error)).toEqual({
            message: "GovRule: 3 errors in the rule files; fix them to run tests. First: qinglang/rumor.govrule:9:18: Cannot find a post named 'x'",
            actions: ['Show Problems'],
        });
        const one = { ...error, data: { problems: error.data.problems.slice(0, 1) } };
        expect(describeCommandFailure('govrule.compile', one)?.message).toMatch(/^GovRule: 1 error in the rule files; fix it to compile\. First: /);
    });

    test('a change during the start, a cancelled request, another failure, and no message at all', () => {
        expect(describeCommandFailure(RUN_TESTS_COMMAND, { code: -32801, message: 'The workspace changed' })).toEqual({
            message: 'GovRule: the rule files changed while starting; run tests again.', actions: [],
        });
        expect(describeCommandFailure(RUN_TESTS_COMMAND, { code: -32800, message: 'cancelled' })).toBeUndefined();
        expect(describeCommandFailure(RUN_TESTS_COMMAND, { code: -32803, message: 'There is no test named "x" in a.govrule' })).toEqual({
            message: 'GovRule: cannot run tests: There is no test named "x" in a.govrule', actions: ['Show Output'],
        });
        const nothing = describeCommandFailure(RUN_TESTS_COMMAND, undefined);
        expect(nothing?.message).toBe('GovRule: cannot run tests: the language server did not answer.');
        // Never an object printed as "[object Object]".
        expect(describeCommandFailure(RUN_TESTS_COMMAND, { code: 1, message: {}, data: { problems: 'x' } })?.message).not.toContain('[object Object]');
    });
});

describe('workspace-relative paths', () => {
    const folder = (p: string, name = path.basename(p)) => ({ uri: URI.file(p).toString(), name });

    test('relative to the folder, with its name first when there are several, innermost folder first', () => {
        const file = URI.file('/w/rules/qinglang/rumor.govrule');
        expect(workspacePath(file, [folder('/w/rules')])).toBe('qinglang/rumor.govrule');
        expect(workspacePath(file, [folder('/w/other'), folder('/w/rules')])).toBe('rules/qinglang/rumor.govrule');
        expect(workspacePath(file, [folder('/w'), folder('/w/rules', 'rules')])).toBe('rules/qinglang/rumor.govrule');
    });

    test('outside every folder: the full path; untitled: its name; no folders: relative to the current folder', () => {
        expect(workspacePath(URI.file('/elsewhere/a.govrule'), [folder('/w')])).toBe('/elsewhere/a.govrule');
        expect(workspacePath(URI.parse('untitled:Untitled-1'), [folder('/w')])).toBe('Untitled-1');
        expect(workspacePath(URI.file('/w/x/a.govrule'), undefined, '/w')).toBe('x/a.govrule');
        // A folder named like the start of another is not its parent.
        expect(workspacePath(URI.file('/w/rules2/a.govrule'), [folder('/w/rules')])).toBe('/w/rules2/a.govrule');
        // A name that starts with two dots is still inside.
        expect(workspacePath(URI.file('/w/..notes/a.govrule'), [folder('/w')])).toBe('..notes/a.govrule');
    });
});

describe('through the server: two rumor.govrule files', () => {
    let client: LspClient;

    beforeAll(async () => {
        const root = writeWorkspace({
            'govrule.json': CONFIG,
            'common/vocab.govrule': VOCAB,
            'qinglang/categories.govrule': CATEGORIES,
            'qinglang/rumor.govrule': RUMOR_RULES.replace('responsible reviewer', 'responsible nobody'),
            'tests/rumor.govrule': RUMOR_TESTS,
        });
        client = await LspClient.start(root);
    });

    afterAll(async () => {
        await client?.stop();
    });

    test('running the tests fails with one problem, named by its path in the workspace', async () => {
        const error = await client.request('workspace/executeCommand', { command: RUN_TESTS_COMMAND, arguments: [client.uri('tests/rumor.govrule')] })
            .then(() => undefined, (err: unknown) => err);
        expect(error).toBeDefined();
        expect((error as Error).message).toMatch(/^Cannot run the tests: 1 error \(first: qinglang\/rumor\.govrule:7:17 /);
        const failure = describeCommandFailure(RUN_TESTS_COMMAND, error);
        expect(failure).toEqual({
            message: "GovRule: 1 error in the rule files; fix it to run tests. First: qinglang/rumor.govrule:7:17: Cannot find a post named 'nobody'",
            actions: ['Show Problems'],
        });
    });

    test('a name declared in both files is reported with each file\'s relative path', async () => {
        await client.change('tests/rumor.govrule', 'package demo.rules\npost twin\n');
        await client.change('qinglang/rumor.govrule', `${RUMOR_RULES}post twin\n`);
        await client.settle();
        const duplicates = (file: string) => client.diagnostics(file).filter(d => d.code === 'duplicate-name').map(d => d.message);
        expect(duplicates('qinglang/rumor.govrule')).toEqual(["'demo.rules.twin' is declared more than once (also post in tests/rumor.govrule:2)"]);
        expect(duplicates('tests/rumor.govrule')).toEqual(["'demo.rules.twin' is declared more than once (also post in qinglang/rumor.govrule:10)"]);
    });
});
