/**
 * The bundle preview is pretty-printed (issue 13, item 8: it showed one object per line, up to
 * 287 characters), while the compiled file stays byte for byte what `govrule compile` writes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect, test } from 'vitest';
import { previewText, toOutcome } from '../../extension/src/bundle-result.js';
import { describeRun, EXAMPLES, runCli } from '../helpers/cli.js';
import { tempFolder } from '../helpers/temp.js';

test('two-space indentation, short lines, the same JSON as the compiled file', () => {
    const out = path.join(tempFolder(), 'bundle.json');
    const result = runCli(['compile', EXAMPLES, '-o', out]);
    expect(result.status, describeRun(result)).toBe(0);
    const compiled = fs.readFileSync(out, 'utf8');
    const outcome = toOutcome(JSON.parse(compiled));
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) {
        return;
    }
    // The file written by "Compile Workspace" is unchanged...
    expect(outcome.text).toBe(compiled);
    expect(Math.max(...compiled.split('\n').map(l => l.length))).toBeGreaterThan(200);
    // ...the preview is indented and reads line by line.
    const preview = previewText(outcome.bundle);
    expect(JSON.parse(preview)).toEqual(JSON.parse(compiled));
    expect(preview.split('\n')[1]).toMatch(/^ {2}"[a-z]+": /);
    expect(preview.endsWith('}\n')).toBe(true);
    const lines = preview.split('\n');
    expect(lines.every(l => /^( {2})*\S/.test(l) || l === '')).toBe(true);
    // Only long strings (a rule's JSON Logic leaves, a basis text) make long lines now.
    const long = lines.filter(l => l.length > 120);
    expect(long.every(l => /^\s*("[^"]*": )?"/.test(l))).toBe(true);
});
