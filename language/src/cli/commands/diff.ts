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
import { t } from '../../l10n/index.js';
import { forEachLine } from '../lines.js';
import { printProblems } from '../report.js';
import { StreamProgress } from '../progress.js';

const FORMATS = ['text', 'json', 'markdown'] as const;
type DiffFormat = typeof FORMATS[number];

const GATES = ['added', 'removed', 'changed', 'decisions'] as const;
type Gate = typeof GATES[number];

/** What `--fail-on` says when a kind of difference is found. */
const GATE_FAILED = {
    added: 'cli.diff.failed.added',
    removed: 'cli.diff.failed.removed',
    changed: 'cli.diff.failed.changed',
    decisions: 'cli.diff.failed.decisions',
} as const satisfies Record<Gate, string>;

export const diffCommand: Command = {
    name: 'diff',
    summary: 'cli.diff.summary',
    help: [
        ['OLD NEW', 'cli.diff.option.sides'],
        ['--format FORMAT', 'cli.diff.option.format'],
        ['--fail-on KINDS', 'cli.diff.option.fail-on'],
        ['--events FILE|-', 'cli.diff.option.events'],
        ['--samples N', 'cli.diff.option.samples'],
        ['--date YYYY-MM-DD', 'cli.eval.option.date'],
        ['--max-changed-decisions N|P%', 'cli.diff.option.max-changed-decisions'],
    ],
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
        throw new CliError(paths.length === 0 ? t('cli.diff.no-sides') : t('cli.diff.two-sides', { paths: paths.join(' ') }));
    }
    const format = (values.format ?? 'text') as DiffFormat;
    if (!FORMATS.includes(format)) {
        throw new CliError(t('cli.diff.format', { format: String(values.format), formats: FORMATS.join(t('cli.list.separator')) }));
    }
    const gates = parseGates(values['fail-on'] as string | undefined);
    const events = values.events as string | undefined;
    const samples = parseCount(values.samples as string | undefined, '--samples', 3);
    const maxChanged = parseMaxChanged(values['max-changed-decisions'] as string | undefined);
    const date = values.date as string | undefined;
    if (date !== undefined && !isCalendarDate(date)) {
        throw new CliError(t('cli.error.date', { value: date }));
    }
    if (events === undefined) {
        for (const [given, option] of [[gates.includes('decisions'), '--fail-on decisions'], [maxChanged !== undefined, '--max-changed-decisions'], [values.samples !== undefined, '--samples'], [date !== undefined, '--date']] as const) {
            if (given) throw new CliError(t('cli.diff.needs-events', { option }));
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
    const failures = gates.filter(g => found[g] > 0).map(g => t(GATE_FAILED[g], { count: found[g] }));
    if (replay && maxChanged && exceeds(replay, maxChanged)) {
        failures.push(t('cli.diff.failed.max-changed', { max: maxChanged.text, changed: replay.changed, count: replay.events, percent: replay.changedPercent }));
    }
    for (const failure of failures) {
        io.stderr(`${t('cli.note', { message: failure })}\n`);
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
    throw new CliError(t('cli.diff.max-changed', { value: text }));
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
        throw new CliError(t('cli.diff.count', { option, value: text }));
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
            throw new CliError(t('cli.diff.gate', { gate, gates: GATES.join(t('cli.list.separator')) }));
        }
    }
    return gates as Gate[];
}
