/**
 * `govrule diff OLD NEW` (§11): what a rule change does. Each side is a bundle file, a folder of
 * sources or a git revision; the report names rules added, removed, renamed and changed, and the
 * vocabulary added or removed, as text, Markdown or JSON. `--fail-on` turns kinds of difference
 * into exit code 1 for CI.
 */
import { diffBundles } from '../../diff/bundle-diff.js';
import { diffJson, diffMarkdown, diffText, summaryCounts, type DiffReport } from '../../diff/render.js';
import type { Command, Io, OptionValues } from '../command.js';
import { loadSide } from '../diff-sides.js';
import { CliError } from '../files.js';

const FORMATS = ['text', 'json', 'markdown'] as const;
type DiffFormat = typeof FORMATS[number];

const GATES = ['added', 'removed', 'changed'] as const;
type Gate = typeof GATES[number];

export const diffCommand: Command = {
    name: 'diff',
    summary: 'what changes between two bundles, folders or git revisions (OLD NEW)',
    help: `  OLD NEW                a bundle file, a folder of sources, or a git revision (HEAD~1, main)
  --format FORMAT        the report as text (default), json or markdown
  --fail-on KINDS        exit 1 when there are such differences: added, removed, changed
                         (renamed rules count as changed); comma-separated`,
    options: {
        'fail-on': { type: 'string' },
    },
    run: runDiff,
};

async function runDiff(paths: string[], values: OptionValues, io: Io): Promise<number> {
    if (paths.length !== 2) {
        throw new CliError(`diff takes two sides, OLD and NEW (got ${paths.length === 0 ? 'none' : paths.join(' ')})`);
    }
    const format = (values.format ?? 'text') as DiffFormat;
    if (!FORMATS.includes(format)) {
        throw new CliError(`unknown format '${String(values.format)}' for diff (formats: ${FORMATS.join(', ')})`);
    }
    const gates = parseGates(values['fail-on'] as string | undefined);
    const oldSide = await loadSide(paths[0], io);
    const newSide = await loadSide(paths[1], io);
    const report: DiffReport = { old: oldSide.side, new: newSide.side, diff: diffBundles(oldSide.bundle, newSide.bundle) };
    io.stdout(format === 'json' ? diffJson(report) : format === 'markdown' ? diffMarkdown(report) : diffText(report));

    const counts = summaryCounts(report.diff);
    const found: Record<Gate, number> = { added: counts.added, removed: counts.removed, changed: counts.changed + counts.renamed };
    const failed = gates.filter(g => found[g] > 0);
    if (failed.length > 0) {
        io.stderr(`govrule: --fail-on ${failed.join(',')}: ${failed.map(g => `${found[g]} ${g}`).join(', ')}\n`);
        return 1;
    }
    return 0;
}

function parseGates(text: string | undefined): Gate[] {
    if (text === undefined) {
        return [];
    }
    const gates = text.split(',').map(g => g.trim());
    for (const gate of gates) {
        if (!(GATES as readonly string[]).includes(gate)) {
            throw new CliError(`unknown --fail-on '${gate}' (kinds: ${GATES.join(', ')})`);
        }
    }
    return gates as Gate[];
}
