/**
 * A crash never reads as success: an exception in any phase of a build, or in the compiler, is an
 * `internal-error` diagnostic on the file, `check` exits 1 and `compile` writes nothing. Faults are
 * injected into real code paths: a check or a phase made to throw in-process (the CLI's `main`,
 * `loadProject`, the language server's services), and the spawned CLI with a preloaded script that
 * makes the bundle writer throw.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { main, type Io } from '../../language/src/cli/main.js';
import { createGovRuleServices } from '../../language/src/lsp/server/lsp-module.js';
import { GovRuleScopeComputation } from '../../language/src/references/scope-computation.js';
import { RuleChecks } from '../../language/src/validation/rule-checks.js';
import { loadProject } from '../../language/src/project/project.js';
import { BIN } from '../helpers/cli.js';
import { tempFolder } from '../helpers/temp.js';
import { USES_VOCABULARY, VOCABULARY } from '../helpers/workspace.js';

const RULES = `package t.rules
import demo.common.*

category leak "泄露"

/** 泄露处置 */
rule leakRule {
    category leak
    severity serious
    responsible reviewer
    actions remove
}
`;

function project(): string {
    return tempFolder({ 'common.govrule': VOCABULARY, 'uses.govrule': USES_VOCABULARY, 'rules.govrule': RULES });
}

async function run(argv: string[], cwd: string): Promise<{ status: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const io: Io = { cwd, stdout: text => { stdout += text; }, stderr: text => { stderr += text; } };
    const status = await main(argv, io);
    return { status, stdout, stderr };
}

/** Every check of rules throws, as a bug in a check would. */
function breakRuleChecks(): void {
    vi.spyOn(RuleChecks.prototype, 'checkClauses').mockImplementation(() => {
        throw new Error('a check broke');
    });
}

afterEach(() => {
    vi.restoreAllMocks();
});

describe('a check that throws', () => {
    test('check: an internal-error at the rule, exit 1, no stack', async () => {
        const dir = project();
        breakRuleChecks();
        const result = await run(['check', '--format', 'json'], dir);
        expect(result.status, result.stderr).toBe(1);
        const problems = JSON.parse(result.stdout) as Array<{ file: string; line: number; code: string; message: string; severity: string }>;
        expect(problems.map(p => [p.file, p.line, p.severity, p.code, p.message])).toEqual([
            ['rules.govrule', 7, 'error', 'internal-error', 'Internal error during validation (please report it): a check broke'],
            ['uses.govrule', 6, 'error', 'internal-error', 'Internal error during validation (please report it): a check broke'],
        ]);
        expect(result.stderr).not.toMatch(/\n\s+at /);
    });

    test('compile -o: exit 1 and no bundle; stdout: nothing written', async () => {
        const dir = project();
        breakRuleChecks();
        const toFile = await run(['compile', '-o', 'bundle.json'], dir);
        expect(toFile.status).toBe(1);
        expect(toFile.stderr).toContain('error [internal-error] Internal error during validation (please report it): a check broke');
        expect(toFile.stderr).not.toContain('No problems');
        expect(fs.existsSync(path.join(dir, 'bundle.json'))).toBe(false);
        const toStdout = await run(['compile'], dir);
        expect(toStdout.status).toBe(1);
        expect(toStdout.stdout).toBe('');
    });

    test('--debug prints the stack after the diagnostics', async () => {
        const dir = project();
        breakRuleChecks();
        const result = await run(['check', '--debug'], dir);
        expect(result.status).toBe(1);
        expect(result.stderr).toMatch(/govrule: stack of the internal error in rules\.govrule:\nError: a check broke\n\s+at /);
    });
});

describe('a phase that throws', () => {
    test('indexing one file: that file gets the internal error, the others are still checked', async () => {
        const original = GovRuleScopeComputation.prototype.collectExportedSymbols;
        vi.spyOn(GovRuleScopeComputation.prototype, 'collectExportedSymbols').mockImplementation(function (this: GovRuleScopeComputation, document: LangiumDocument) {
            if (document.uri.path.endsWith('/rules.govrule')) {
                throw new TypeError('indexing broke');
            }
            return original.call(this, document);
        });
        const dir = project();
        const loaded = await loadProject(['common.govrule', 'uses.govrule', 'rules.govrule'].map(name => ({
            path: path.join(dir, name), text: fs.readFileSync(path.join(dir, name), 'utf8'),
        })));
        expect(loaded.hasErrors).toBe(true);
        const byFile = new Map(loaded.diagnostics.map(d => [path.basename(d.path), d.diagnostics]));
        expect(byFile.get('rules.govrule')!.filter(d => d.code === 'internal-error').map(d => [d.severity, d.message, d.range.start])).toEqual([
            [1, 'Internal error during indexing (please report it): TypeError: indexing broke', { line: 0, character: 0 }],
        ]);
        expect(byFile.get('common.govrule')).toEqual([]);
    });

    test('the language server publishes the internal error in the file', async () => {
        breakRuleChecks();
        const { shared } = createGovRuleServices({ ...EmptyFileSystem });
        const documents = ['common.govrule', 'uses.govrule', 'rules.govrule'].map((name, i) => {
            const doc = shared.workspace.LangiumDocumentFactory.fromString([VOCABULARY, USES_VOCABULARY, RULES][i], URI.parse(`file:///ws/${name}`));
            shared.workspace.LangiumDocuments.addDocument(doc);
            return doc;
        });
        await shared.workspace.DocumentBuilder.build(documents, { validation: true });
        const internal = documents[2].diagnostics!.filter(d => d.code === 'internal-error');
        expect(internal.map(d => [d.severity, d.message, d.codeDescription?.href.endsWith('#internal-error')])).toEqual([
            [1, 'Internal error during validation (please report it): a check broke', true],
        ]);
    });
});

describe('the compiler throws (the spawned CLI)', () => {
    /** Makes JSON.stringify throw on the compiled rule `leakRule`: a bug half-way through writing the bundle. */
    const PRELOAD = `const stringify = JSON.stringify;
JSON.stringify = function (value, ...rest) {
    if (value && typeof value === 'object' && value.name === 'leakRule' && 'escalation' in value) throw new Error('writer broke');
    return stringify.call(this, value, ...rest);
};
`;

    function compileWithFault(args: string[]): { status: number | null; stdout: string; stderr: string; dir: string } {
        const dir = project();
        fs.writeFileSync(path.join(dir, 'fault.cjs'), PRELOAD);
        const result = spawnSync(process.execPath, ['--require', path.join(dir, 'fault.cjs'), BIN, 'compile', ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
        return { status: result.status, stdout: result.stdout, stderr: result.stderr, dir };
    }

    test('-o: exit 1, no bundle and no temp file left, the failure named at the rule\'s file', () => {
        const result = compileWithFault(['-o', 'out/bundle.json', '--format', 'json']);
        expect(result.status, result.stderr).toBe(1);
        expect(JSON.parse(result.stdout)).toEqual([{
            file: 'rules.govrule', line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'error', code: 'internal-error',
            message: 'Internal error during compilation (please report it): writer broke',
        }]);
        expect(fs.existsSync(path.join(result.dir, 'out'))).toBe(false);
    });

    test('to stdout: nothing on stdout, exit 1; --debug adds the stack', () => {
        const plain = compileWithFault([]);
        expect(plain.status).toBe(1);
        expect(plain.stdout).toBe('');
        expect(plain.stderr).toContain('rules.govrule:1:1: error [internal-error] Internal error during compilation (please report it): writer broke');
        expect(plain.stderr).not.toMatch(/\n\s+at /);
        const debug = compileWithFault(['--debug']);
        expect(debug.status).toBe(1);
        expect(debug.stdout).toBe('');
        expect(debug.stderr).toMatch(/Error: writer broke\n\s+at /);
    });
});
