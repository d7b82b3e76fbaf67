/**
 * What `check`, `compile` and `test` share: the run's files read once, built once with the run's
 * govrule.json, and every problem found on the way, sorted for printing.
 */
import { configProblems } from '../config/config.js';
import { loadProject, type Project, type SourceFile } from '../project/project.js';
import { readSources, type FileSet } from '../project/files.js';
import { sortProblems, toProblems, type Problem } from '../project/problems.js';
import type { ReportContext } from './report.js';

export interface CheckedProject {
    readonly sources: readonly SourceFile[];
    /** `unreadable-file` errors (an I/O error: the command exits 2). */
    readonly unreadable: readonly Problem[];
    readonly project: Project;
    /** govrule.json's problems, the unreadable files and the build's diagnostics. */
    readonly problems: Problem[];
    /** What reports quote: the sources' texts and govrule.json's. */
    readonly context: ReportContext;
}

export async function checkProject(fileSet: FileSet, cwd: string): Promise<CheckedProject> {
    const { sources, unreadable, texts } = readSources(fileSet.files);
    const project = await loadProject(sources, fileSet.config);
    const shown = new Map(texts);
    if (fileSet.config?.file && fileSet.config.text !== undefined) {
        shown.set(fileSet.config.file, fileSet.config.text);
    }
    const problems = sortProblems([...configProblems(fileSet.config), ...unreadable, ...toProblems(project.diagnostics)]);
    return { sources, unreadable, project, problems, context: { cwd, texts: shown, fileCount: fileSet.files.length } };
}
