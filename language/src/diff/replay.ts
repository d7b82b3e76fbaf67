/**
 * Replay (`govrule diff OLD NEW --events FILE`): decides every event with both bundles and counts
 * the decisions that change, grouped by (old winner → new winner), by severity and by actions,
 * with a few sample events per group. Memory is bounded by the number of groups (pairs of rules)
 * and samples, never by the number of events.
 */
import { EventError, decide, type Decision, type DecideOptions, type LoadedBundle } from '../runtime/index.js';
import { Names, actionText } from './bundle-diff.js';

export interface ReplaySample {
    /** 1-based line of the event in the input. */
    readonly line: number;
    readonly event: unknown;
    /** Why a side could not decide it (undecidable groups only). */
    readonly error?: string;
}

export interface ReplayGroup {
    readonly old: string;
    readonly new: string;
    readonly count: number;
    /** Of all events read. */
    readonly percent: number;
    readonly samples: readonly ReplaySample[];
}

export interface ReplayResult {
    readonly events: number;
    readonly changed: number;
    readonly changedPercent: number;
    /** Events that neither bundle could decide. */
    readonly undecidableInBoth: number;
    readonly byWinner: readonly ReplayGroup[];
    readonly bySeverity: readonly ReplayGroup[];
    readonly byActions: readonly ReplayGroup[];
    readonly becameUndecidable: ReplayGroup | null;
    readonly becameDecidable: ReplayGroup | null;
}

export interface ReplayOptions extends DecideOptions {
    /** Sample events kept per group. */
    readonly samples: number;
    /** Rules renamed from the old bundle's id to the new one's: the same decision under a new name. */
    readonly renamed: ReadonlyMap<string, string>;
}

const NONE = 'none';

class Group {
    count = 0;
    readonly samples: ReplaySample[] = [];
    constructor(readonly old: string, readonly now: string) { }

    add(line: number, text: string, limit: number, error?: string): void {
        this.count++;
        if (this.samples.length < limit) {
            this.samples.push({ line, event: JSON.parse(text), ...(error === undefined ? {} : { error }) });
        }
    }
}

/** What a pair of winners changes; computed once per pair, since a decision is its winner's. */
interface PairVerdict {
    readonly changed: boolean;
    readonly winner: Group;
    readonly severity?: Group;
    readonly actions?: Group;
}

export class Replay {
    private events = 0;
    private changed = 0;
    private undecidableInBoth = 0;
    private readonly verdicts = new Map<string, PairVerdict>();
    private readonly byWinner = new Map<string, Group>();
    private readonly bySeverity = new Map<string, Group>();
    private readonly byActions = new Map<string, Group>();
    private readonly becameUndecidable = new Group('decided', 'undecidable');
    private readonly becameDecidable = new Group('undecidable', 'decided');
    private readonly oldNames: Names;
    private readonly newNames: Names;

    constructor(private readonly oldBundle: LoadedBundle, private readonly newBundle: LoadedBundle, private readonly options: ReplayOptions) {
        this.oldNames = new Names(oldBundle.bundle);
        this.newNames = new Names(newBundle.bundle);
    }

    /** One line of JSON Lines input; blank lines are skipped, as `eval --events` does. */
    add(text: string, line: number): void {
        if (text.trim() === '') {
            return;
        }
        this.events++;
        let event: unknown;
        try {
            event = JSON.parse(text);
        } catch {
            // Neither side can decide what is not JSON.
            this.undecidableInBoth++;
            return;
        }
        const before = this.decideOrError(this.oldBundle, event);
        const after = this.decideOrError(this.newBundle, event);
        if (typeof before === 'string' || typeof after === 'string') {
            if (typeof before === 'string' && typeof after === 'string') {
                this.undecidableInBoth++;
            } else {
                this.changed++;
                const group = typeof after === 'string' ? this.becameUndecidable : this.becameDecidable;
                group.add(line, text, this.options.samples, typeof after === 'string' ? after : before as string);
            }
            return;
        }
        const verdict = this.verdict(before, after);
        if (verdict.changed) {
            this.changed++;
            verdict.winner.add(line, text, this.options.samples);
            verdict.severity?.add(line, text, this.options.samples);
            verdict.actions?.add(line, text, this.options.samples);
        }
    }

    result(): ReplayResult {
        const percent = (n: number) => this.events === 0 ? 0 : Math.round((n / this.events) * 10000) / 100;
        const groups = (map: Map<string, Group>) => [...map.values()].filter(g => g.count > 0)
            .sort((a, b) => b.count - a.count || compare(a.old, b.old) || compare(a.now, b.now))
            .map(g => this.groupResult(g, percent(g.count)));
        const optional = (g: Group) => g.count === 0 ? null : this.groupResult(g, percent(g.count));
        return {
            events: this.events,
            changed: this.changed,
            changedPercent: percent(this.changed),
            undecidableInBoth: this.undecidableInBoth,
            byWinner: groups(this.byWinner),
            bySeverity: groups(this.bySeverity),
            byActions: groups(this.byActions),
            becameUndecidable: optional(this.becameUndecidable),
            becameDecidable: optional(this.becameDecidable),
        };
    }

    private groupResult(g: Group, percent: number): ReplayGroup {
        return { old: g.old, new: g.now, count: g.count, percent, samples: g.samples };
    }

    private decideOrError(bundle: LoadedBundle, event: unknown): Decision | string {
        try {
            return decide(bundle, event, this.options);
        } catch (err) {
            if (err instanceof EventError) {
                return err.message;
            }
            throw err;
        }
    }

    private verdict(before: Decision, after: Decision): PairVerdict {
        const key = `${before.rule ?? ''}\n${after.rule ?? ''}`;
        let verdict = this.verdicts.get(key);
        if (verdict === undefined) {
            verdict = this.judge(before, after);
            this.verdicts.set(key, verdict);
        }
        return verdict;
    }

    private judge(before: Decision, after: Decision): PairVerdict {
        const oldRule = before.rule === null ? NONE : this.options.renamed.get(before.rule) ?? before.rule;
        const newRule = after.rule ?? NONE;
        const oldSeverity = before.severity === null ? NONE : this.oldNames.severity(before.severity);
        const newSeverity = after.severity === null ? NONE : this.newNames.severity(after.severity);
        const oldActions = before.actions.map(a => actionText(a, this.oldNames)).join(', ') || NONE;
        const newActions = after.actions.map(a => actionText(a, this.newNames)).join(', ') || NONE;
        const oldRest = JSON.stringify([before.responsible, before.escalation.map(s => [s.afterSeconds, s.to])]);
        const newRest = JSON.stringify([after.responsible, after.escalation.map(s => [s.afterSeconds, s.to])]);
        const changed = oldRule !== newRule || oldSeverity !== newSeverity || oldActions !== newActions || oldRest !== newRest;
        return {
            changed,
            winner: group(this.byWinner, before.rule ?? NONE, newRule),
            severity: oldSeverity === newSeverity ? undefined : group(this.bySeverity, oldSeverity, newSeverity),
            actions: oldActions === newActions ? undefined : group(this.byActions, oldActions, newActions),
        };
    }
}

function group(map: Map<string, Group>, old: string, now: string): Group {
    const key = `${old}\n${now}`;
    let g = map.get(key);
    if (g === undefined) {
        g = new Group(old, now);
        map.set(key, g);
    }
    return g;
}

function compare(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}
