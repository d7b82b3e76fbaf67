/**
 * Projects on disk, loaded through the same entry point as the CLI (`loadProject`), for tests that
 * need real file paths: govrule.json lint levels, ignore comments, bundle source paths.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { loadProject, type Project } from '../../language/src/project/project.js';

/** Every `*.govrule` file under `dir`, sorted, as absolute paths. */
export function govruleFiles(dir: string): string[] {
    const result: string[] = [];
    const walk = (folder: string) => {
        for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
            const full = path.join(folder, entry.name);
            if (entry.isDirectory()) {
                walk(full);
            } else if (entry.name.endsWith('.govrule')) {
                result.push(full);
            }
        }
    };
    walk(dir);
    return result.sort();
}

export interface LoadedFolder {
    readonly project: Project;
    /** Diagnostics of a file, by its path relative to the folder (with `/`). */
    diagnostics(relative: string): readonly Diagnostic[];
    /** `relative/path:line:col code severity` for every diagnostic, sorted. */
    summary(): string[];
}

const SEVERITY = ['', 'error', 'warning', 'info', 'hint'];

export async function loadFolder(dir: string, files: readonly string[] = govruleFiles(dir)): Promise<LoadedFolder> {
    const project = await loadProject(files.map(file => ({ path: file, text: fs.readFileSync(file, 'utf8') })));
    const relative = (file: string) => path.relative(dir, file).split(path.sep).join('/');
    const byFile = new Map(project.diagnostics.map(d => [relative(d.path), d.diagnostics]));
    return {
        project,
        diagnostics: (file: string) => {
            const found = byFile.get(file);
            if (!found) throw new Error(`no file ${file} in the project`);
            return found;
        },
        summary: () => [...byFile.entries()].flatMap(([file, list]) => list.map(d =>
            `${file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.code)} ${SEVERITY[d.severity ?? 1]}`)).sort(),
    };
}
