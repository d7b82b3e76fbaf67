/**
 * The progress line of long event streams, in process with a fake terminal and clock: nothing
 * before a second or off a terminal, then events read and events per second, rewritten in place
 * a few times a second, and erased at the end only if it was shown.
 */
import { describe, expect, test } from 'vitest';
import { StreamProgress } from '../../language/src/cli/progress.js';

function fake(isTTY: boolean) {
    const written: string[] = [];
    let clock = 0;
    const progress = StreamProgress.forStream({ isTTY }, text => written.push(text), { now: () => clock });
    return { written, progress, advance: (ms: number) => { clock += ms; } };
}

describe('StreamProgress', () => {
    test('off a terminal there is no progress at all', () => {
        expect(fake(false).progress).toBeUndefined();
        expect(StreamProgress.forStream({}, () => undefined)).toBeUndefined();
    });

    test('nothing within the first second; a short run ends without writing', () => {
        const { written, progress, advance } = fake(true);
        advance(999);
        progress!.update(512);
        progress!.end();
        expect(written).toEqual([]);
    });

    test('after a second: events read and the average rate, in place, then erased', () => {
        const { written, progress, advance } = fake(true);
        advance(2000);
        progress!.update(1_234_432);
        expect(written).toEqual(['\rgovrule: replay: 1,234,432 events read, 617,216 events/s\x1b[K']);
        progress!.end();
        expect(written.at(-1)).toBe('\r\x1b[K');
        progress!.end();
        expect(written).toHaveLength(2);
    });

    test('at most one line a quarter second, and the clock is read every 256 events only', () => {
        const { written, progress, advance } = fake(true);
        advance(1000);
        progress!.update(256);
        advance(100);
        progress!.update(512);
        progress!.update(513);
        advance(150);
        progress!.update(700);
        progress!.update(768);
        expect(written).toEqual([
            '\rgovrule: replay: 256 events read, 256 events/s\x1b[K',
            '\rgovrule: replay: 768 events read, 614 events/s\x1b[K',
        ]);
    });
});
