/**
 * The server installs Langium's handlers itself, all but the diagnostics handler (the
 * DiagnosticsPublisher publishes instead). If a Langium upgrade adds a handler to its
 * `startLanguageServer`, this fails, so the new feature is not silently left out.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { HANDLERS } from '../../language/src/lsp/server/start-server.js';

function langiumStartHandlers(): string[] {
    // `langium/lsp` resolves to lib/lsp/index.js; its startLanguageServer is in language-server.js beside it.
    const index = fileURLToPath(import.meta.resolve('langium/lsp'));
    const source = readFileSync(join(dirname(index), 'language-server.js'), 'utf8');
    const start = source.indexOf('export function startLanguageServer(');
    expect(start).toBeGreaterThan(-1);
    const body = source.slice(start, source.indexOf('\n}\n', start));
    return [...body.matchAll(/\b(add\w+Handler)\(/g)].map(match => match[1]!);
}

describe('starting the server', () => {
    test("installs every handler of Langium's startLanguageServer except its diagnostics handler", () => {
        const langium = langiumStartHandlers();
        expect(langium).toContain('addDiagnosticsHandler');
        expect(Object.keys(HANDLERS).sort()).toEqual(langium.filter(name => name !== 'addDiagnosticsHandler').sort());
    });
});
