/**
 * `govrule diff OLD NEW` (§11): what a rule change does. Each side is a bundle file, a folder of
 * sources or a git revision; the report names rules added, removed, renamed and changed, and the
 * vocabulary added, removed or changed, as text, Markdown or JSON. `--fail-on` turns kinds of difference
 * into exit code 1 for CI.
 */
import { diffBundles } from '../../diff/bundle-diff.js';
import { diffJson, diffMarkdown, diffText, summaryCounts, type DiffReport } from '../../diff/render.js';
import { Replay, type ReplayResult } from '../../diff/replay.js';
import { todayUtc, type LoadedBundle } from '../../runtime/index.js';
import { isCalendarDate } from '../../model/values.js';
import type { Command, Io, OptionValues } from '../command.js';
import { loadSide, type SideContext } from '../../diff/sides.js';
import { CliError } from '../files.js';
import { forEachLine } from '../lines.js';
import { printProblems } from '../report.js';
import { StreamProgress } from '../progress.js';

const FORMATS = ['text', 'json', 'markdown'] as const;
type DiffFormat = typeof FORMATS[number];

const GATES = ['added', 'removed', 'changed', 'decisions'] as const;
type Gate = typeof GATES[number];

export const diffCommand: Command = {
    name: 'diff',
    summary: 'what changes between two bundles, folders or git revisions (OLD NEW)',
    help: `  OLD NEW                a bundle file, a folder of sources, or a git revision (HEAD~1, main)
  --format FORMAT        the report as text (default), json or markdown
  --fail-on KINDS        exit 1 when there are such differences: added, removed, changed
                         (renamed rules count as changed), decisions; comma-separated
  --events FILE|-        replay: decide these events (JSON Lines) with both sides and
                         report the decisions that change
  --samples N            sample events per group of changed decisions (default 3)
  --date YYYY-MM-DD      the date of events that give none (default: today, UTC)
  --max-changed-decisions N|P%
                         exit 1 when more decisions than this change`,
    options: {
        'fail-on': { type: 'string' },
        events: { type: 'string' },
        samples: { type: 'string' },
        date: { type: 'string' },
        'max-changed-decisions': { type: 'string' },
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
    const events = values.events as string | undefined;
    const samples = parseCount(values.samples as string | undefined, '--samples', 3);
    const maxChanged = parseMaxChanged(values['max-changed-decisions'] as string | undefined);
    const date = values.date as string | undefined;
    if (date !== undefined && !isCalendarDate(date)) {
        throw new CliError(`--date takes a calendar date YYYY-MM-DD, not '${date}'`);
    }
    if (events === undefined) {
        for (const [given, option] of [[gates.includes('decisions'), '--fail-on decisions'], [maxChanged !== undefined, '--max-changed-decisions'], [values.samples !== undefined, '--samples'], [date !== undefined, '--date']] as const) {
            if (given) throw new CliError(`${option} needs --events FILE (the events to replay)`);
        }
    }
    const sides: SideContext = {
        cwd: io.cwd,
        reportErrors: (problems, texts, root, fileCount) => void printProblems(problems, { format: 'text', quiet: true }, { cwd: root, texts, fileCount }, io, true),
    };
    const oldSide = await loadSide(paths[0], sides);
    const newSide = await loadSide(paths[1], sides);
    const diff = diffBundles(oldSide.bundle, newSide.bundle);
    const replay = events === undefined ? undefined
        : await replayEvents(oldSide.bundle, newSide.bundle, events, { samples, date: date ?? todayUtc(), renamed: new Map(diff.rules.renamed.map(r => [r.from, r.to])) }, io);
    const report: DiffReport = { old: oldSide.side, new: newSide.side, diff, ...(replay ? { replay } : {}) };
    io.stdout(format === 'json' ? diffJson(report) : format === 'markdown' ? diffMarkdown(report) : diffText(report));

    const counts = summaryCounts(report.diff);
    const found: Record<Gate, number> = { added: counts.added, removed: counts.removed, changed: counts.changed + counts.renamed, decisions: replay?.changed ?? 0 };
    const failures = gates.filter(g => found[g] > 0).map(g => `--fail-on ${g}: ${found[g]} ${g === 'decisions' ? 'changed decisions' : g}`);
    if (replay && maxChanged && exceeds(replay, maxChanged)) {
        failures.push(`--max-changed-decisions ${maxChanged.text}: ${replay.changed} of ${replay.events} decisions changed (${replay.changedPercent}%)`);
    }
    for (const failure of failures) {
        io.stderr(`govrule: ${failure}\n`);
    }
    return failures.length > 0 ? 1 : 0;
}

async function replayEvents(oldBundle: LoadedBundle, newBundle: LoadedBundle, file: string, options: ConstructorParameters<typeof Replay>[2], io: Io): Promise<ReplayResult> {
    const replay = new Replay(oldBundle, newBundle, options);
    const progress = StreamProgress.forStream(process.stderr, text => io.stderr(text));
    try {
        await forEachLine(file, io, (text, line) => {
            replay.add(text, line);
            progress?.update(line);
        });
    } finally {
        progress?.end();
    }
    return replay.result();
}

interface MaxChanged {
    readonly text: string;
    readonly count?: number;
    readonly percent?: number;
}

function parseMaxChanged(text: string | undefined): MaxChanged | undefined {
    if (text === undefined) {
        return undefined;
    }
    const percent = /^(\d+(?:\.\d+)?)%$/.exec(text);
    if (percent && Number(percent[1]) <= 100) {
        return { text, percent: Number(percent[1]) };
    }
    if (/^\d+$/.test(text) && Number.isSafeInteger(Number(text))) {
        return { text, count: Number(text) };
    }
    throw new CliError(`--max-changed-decisions takes a count N or a percentage P% (0 to 100), not '${text}'`);
}

/** More changed decisions than allowed; a percentage is of all events replayed, compared exactly. */
function exceeds(replay: ReplayResult, max: MaxChanged): boolean {
    return max.count !== undefined ? replay.changed > max.count : replay.changed * 100 > max.percent! * replay.events;
}

function parseCount(text: string | undefined, option: string, fallback: number): number {
    if (text === undefined) {
        return fallback;
    }
    if (!/^\d+$/.test(text) || Number(text) > 1000) {
        throw new CliError(`${option} takes a whole number from 0 to 1000, not '${text}'`);
    }
    return Number(text);
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
