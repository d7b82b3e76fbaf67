/**
 * What must hold for any input, however broken: the build does not throw, every diagnostic has a
 * registered code, a message without raw invisible characters and a range inside its file, and an
 * error-free project compiles to a bundle that the published schema accepts.
 */
import Ajv, { type ValidateFunction } from 'ajv';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect } from 'vitest';
import { isDiagnosticCode } from '../../language/src/diagnostics.js';
import { invisiblePattern } from '../../language/src/unicode/characters.js';
import { bundleOf, loadProject, type SourceFile } from '../../language/src/project/project.js';
import { ROOT } from './cli.js';

let validator: ValidateFunction | undefined;

export function bundleValidator(): ValidateFunction {
    validator ??= new Ajv({ allErrors: true }).compile(JSON.parse(fs.readFileSync(path.join(ROOT, 'language', 'schema', 'bundle.schema.json'), 'utf8')));
    return validator;
}

/** Loads the files and checks the invariants; returns whether the project had errors. */
export async function expectSoundBuild(files: readonly SourceFile[], root: string): Promise<boolean> {
    const project = await loadProject(files);
    const texts = new Map(files.map(f => [f.path, f.text]));
    for (const { path: file, diagnostics } of project.diagnostics) {
        const lines = (texts.get(file) ?? '').split('\n');
        for (const d of diagnostics) {
            const message = String(d.message);
            const where = `${path.basename(file)}:${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.code)} ${message}`;
            expect(isDiagnosticCode(d.code), where).toBe(true);
            expect(d.code, where).not.toBe('internal-error');
            expect(message.length, where).toBeGreaterThan(0);
            expect(message, where).not.toMatch(/internal[ -]error|Cannot read properties|is not a function|is not iterable/i);
            // Messages name invisible characters; they never carry one raw (LANGUAGE.md §2).
            expect(invisiblePattern().test(message), JSON.stringify(where)).toBe(false);
            const { start, end } = d.range;
            expect(start.line <= end.line && (start.line < end.line || start.character <= end.character), where).toBe(true);
            expect(end.line, where).toBeLessThan(lines.length + 1);
        }
    }
    if (!project.hasErrors) {
        const bundle = bundleOf(project, root);
        const validate = bundleValidator();
        expect(validate(bundle), JSON.stringify(validate.errors)).toBe(true);
    }
    return project.hasErrors;
}
