/**
 * The editor shows the same findings about govrule.json as `govrule check` (LANGUAGE.md §12):
 * published by the language server over stdio as diagnostics of govrule.json, with the same
 * codes, levels, messages and ranges.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { FileChangeType, LspClient, writeFile } from '../helpers/lsp-client.js';
import { describeRun, runCli } from '../helpers/cli.js';
import { fixtureWorkspace } from './fixture.js';

const DOCS = pathToFileURL(path.resolve(__dirname, '..', '..', 'docs', 'diagnostics.md')).href;
let client: LspClient | undefined;

afterEach(async () => {
    await client?.stop();
    client = undefined;
});

/** `line:column-endLine:endColumn severity code message`, 1-based as the CLI prints them. */
type Finding = string;
const SEVERITY = ['', 'error', 'warning', 'info', 'hint'];

async function editorFindings(config: string): Promise<{ c: LspClient; findings: Finding[] }> {
    const root = fixtureWorkspace({ 'govrule.json': config });
    client = await LspClient.start(root);
    const c = client;
    await c.waitFor(() => c.diagnostics('govrule.json').length > 0, 'govrule.json diagnostics');
    const findings = c.diagnostics('govrule.json').map(d => {
        expect(d.codeDescription?.href).toBe(`${DOCS}#${String(d.code)}`);
        expect(d.source).toBe('govrule');
        return `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${SEVERITY[d.severity!]} ${String(d.code)} ${d.message}`;
    });
    return { c, findings };
}

function cliFindings(root: string): Finding[] {
    const result = runCli(['check', '--format', 'json'], { cwd: root });
    expect(result.stdout, describeRun(result)).not.toBe('');
    return (JSON.parse(result.stdout) as Array<{ file: string; line: number; column: number; endLine: number; endColumn: number; severity: string; code: string; message: string }>)
        .filter(p => p.file === 'govrule.json')
        .map(p => `${p.line}:${p.column}-${p.endLine}:${p.endColumn} ${p.severity} ${p.code} ${p.message}`);
}

describe('govrule.json findings in the editor', () => {
    test('a duplicate key is a config-duplicate-key warning at the second key', async () => {
        const { c, findings } = await editorFindings('{\n  "include": ["rules/**/*.govrule"],\n  "include": ["**/*.govrule"]\n}\n');
        expect(findings).toEqual([
            '3:3-3:12 warning config-duplicate-key Duplicate key "include" (first at line 2); the last one is used (govrule.json)',
        ]);
        expect(findings).toEqual(cliFindings(c.root));
        // The last include counts: the vocabulary outside rules/ is part of the workspace.
        expect(c.published.has(c.uri('common/vocab.govrule'))).toBe(true);
    });

    test('with a byte-order mark, a JSON error is placed at its real line and column', async () => {
        const { c, findings } = await editorFindings('\uFEFF{\n  "include": ["**/*.govrule"]\n  "out": "dist/b.json"\n}\n');
        expect(findings).toEqual([
            '3:3-3:4 error config govrule.json is not valid JSON: expected \',\' or \'}\' after the value of "include", found \'"\' (govrule.json)',
        ]);
        expect(findings).toEqual(cliFindings(c.root));
    });

    test('include patterns and an out that leave the project root are config errors at their values', async () => {
        const { c, findings } = await editorFindings('{\n  "include": ["**/*.govrule", "../shared/**/*.govrule"],\n  "out": "../bundle.json"\n}\n');
        expect(findings).toEqual([
            "2:31-2:55 error config Include pattern '../shared/**/*.govrule' leaves the project root; patterns are relative to the folder of govrule.json (govrule.json)",
            "3:10-3:26 error config \"out\" must be a file inside the project root (the folder of govrule.json), not '../bundle.json' (govrule.json)",
        ]);
        expect(findings).toEqual(cliFindings(c.root));
        // The pattern that stays inside still selects the files.
        expect(c.codes('rules/rules.govrule')).toEqual([]);
    });

    test('the lint level of config-duplicate-key comes from the same file, and a fix clears it', async () => {
        const { c, findings } = await editorFindings('{ "out": "a.json", "out": "b.json", "lint": { "config-duplicate-key": "error" } }');
        expect(findings).toEqual(['1:20-1:25 error config-duplicate-key Duplicate key "out" (first at line 1); the last one is used (govrule.json)']);
        writeFile(c.root, 'govrule.json', '{ "out": "b.json" }');
        await c.watched([{ file: 'govrule.json', type: FileChangeType.Changed }]);
        await c.waitFor(() => c.published.get(c.uri('govrule.json'))?.length === 0, 'cleared config diagnostics');
    });
});
