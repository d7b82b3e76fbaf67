/**
 * A progress line for long event streams (`govrule diff --events`): on a terminal only, once the
 * run has lasted a second, `govrule: replay: 1,234,567 events read, 345,678 events/s`, rewritten
 * in place a few times a second and erased at the end, so that the report that follows (or a
 * pipe reading stdout) never sees it.
 */
import { t } from '../l10n/index.js';

export interface ProgressOptions {
    /** Milliseconds before the first line: a short run prints nothing. */
    readonly delayMs?: number;
    /** Milliseconds between two lines at least. */
    readonly intervalMs?: number;
    /** A monotonic clock in milliseconds (tests pass their own). */
    readonly now?: () => number;
}

/** The clock is read once every this many events: reading it costs more than deciding. */
const CLOCK_EVERY = 256;

export class StreamProgress {
    private readonly delayMs: number;
    private readonly intervalMs: number;
    private readonly now: () => number;
    private readonly start: number;
    private lastShown: number | undefined;

    /** `write` gets text for a terminal; see `forStream` for when to make one. */
    constructor(private readonly write: (text: string) => void, options: ProgressOptions = {}) {
        this.delayMs = options.delayMs ?? 1000;
        this.intervalMs = options.intervalMs ?? 250;
        this.now = options.now ?? (() => performance.now());
        this.start = this.now();
    }

    /** A progress writer for the stream, or undefined when it is not a terminal. */
    static forStream(stream: { readonly isTTY?: boolean }, write: (text: string) => void, options?: ProgressOptions): StreamProgress | undefined {
        return stream.isTTY === true ? new StreamProgress(write, options) : undefined;
    }

    /** Called with the number of events read so far, after each one. */
    update(events: number): void {
        if (events % CLOCK_EVERY !== 0) {
            return;
        }
        const now = this.now();
        const elapsed = now - this.start;
        if (elapsed < this.delayMs || (this.lastShown !== undefined && now - this.lastShown < this.intervalMs)) {
            return;
        }
        this.lastShown = now;
        const rate = Math.round(events / (elapsed / 1000));
        // \r and "erase to the end of the line": the line is rewritten in place.
        this.write(`\r${t('cli.progress.replay', { events: grouped(events), rate: grouped(rate) })}\x1b[K`);
    }

    /** Erases the line, if one was shown. */
    end(): void {
        if (this.lastShown !== undefined) {
            this.write('\r\x1b[K');
            this.lastShown = undefined;
        }
    }
}

/** 1234567 as "1,234,567", whatever the locale. */
function grouped(n: number): string {
    return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}
