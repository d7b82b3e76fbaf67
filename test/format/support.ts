/** What the formatter tests compare: tokens, comments and compiled bundles of file sets. */
import * as path from 'node:path';
import { EmptyFileSystem } from 'langium';
import { expect } from 'vitest';
import { formatText } from '../../language/src/format/formatter.js';
import { createGovRuleCoreServices } from '../../language/src/govrule-module.js';
import { bundleTextOf, loadProject } from '../../language/src/project/project.js';

const lexer = createGovRuleCoreServices(EmptyFileSystem).GovRule.parser.Lexer;

/** The tokens of a text, comments left out. */
export function tokensOf(text: string): string[] {
    return lexer.tokenize(text).tokens.map(t => t.image);
}

/** The comments of a text in order, each line trimmed (the formatter may re-indent comment lines). */
export function commentsOf(text: string): string[] {
    return lexer.tokenize(text).hidden.map(t => t.image.split(/\r\n|\r|\n/).map(l => l.trim()).join('\n'));
}

/** Formats a text that must parse; checks that formatting again changes nothing. */
export function formatted(text: string): string {
    const result = formatText(text);
    if (!result.ok) {
        throw new Error(`refused: ${result.reason}\n${text}`);
    }
    const again = formatText(result.text);
    expect(again.ok && again.text, 'formatting is idempotent').toBe(result.text);
    return result.text;
}

export interface Compiled {
    /** The bundle text as `govrule compile` writes it. */
    readonly bundle: string;
    /** Diagnostic codes with their file, sorted (positions left out: they move with the layout). */
    readonly codes: string[];
}

/** Compiles files given by path relative to `root` (which need not exist on disk). */
export async function compile(root: string, files: Record<string, string>): Promise<Compiled> {
    const project = await loadProject(Object.entries(files).map(([name, text]) => ({ path: path.join(root, name), text })));
    const codes = project.diagnostics.flatMap(d => d.diagnostics.map(x => `${path.relative(root, d.path)} ${String(x.code)}`)).sort();
    if (project.hasErrors) {
        throw new Error(`the files do not compile: ${codes.join(', ')}\n${Object.values(files).join('\n----\n')}`);
    }
    return { bundle: [...bundleTextOf(project, root)].join(''), codes };
}

/** A bundle without its `source` positions: what must not change when lines move. */
export function withoutSources(bundle: string): unknown {
    return JSON.parse(bundle, (key, value) => (key === 'source' ? undefined : value));
}
