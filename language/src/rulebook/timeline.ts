/**
 * A rule's escalation as a timeline in SVG: the case opens with the responsible post, then each
 * step at its time, to its post or authority. Steps are spaced evenly (their times are written on
 * them): on a scale of time, 30 minutes and 3 days cannot both be read on one printed line.
 */
import { el, type Html } from './html.js';

export interface TimelinePoint {
    /** Above the point: when (the start's word, or "2 hours"). */
    readonly when: string;
    /** Below the point: who has the case from then on. */
    readonly who: string;
    readonly kind: 'post' | 'authority';
}

const STEP = 160;
const MARGIN = 80;
const HEIGHT = 96;
const AXIS = 44;

/** The timeline of `points` (the start first); `title` says it all in one sentence for screen readers. */
export function timelineSvg(points: readonly TimelinePoint[], title: string): Html {
    const width = MARGIN * 2 + STEP * Math.max(points.length - 1, 0);
    const last = MARGIN + STEP * (points.length - 1);
    return el('svg', {
        xmlns: 'http://www.w3.org/2000/svg', class: 'timeline', role: 'img', viewBox: `0 0 ${width} ${HEIGHT}`,
        width, height: HEIGHT, 'aria-label': title,
    },
    el('title', {}, title),
    el('line', { class: 'axis', x1: MARGIN, y1: AXIS, x2: last, y2: AXIS }),
    points.map((point, i) => {
        const x = MARGIN + STEP * i;
        return el('g', { class: `point ${i === 0 ? 'start' : point.kind}` },
            el('circle', { cx: x, cy: AXIS, r: i === 0 ? 7 : 9 }),
            el('text', { class: 'when', x, y: AXIS - 18, 'text-anchor': 'middle' }, point.when),
            el('text', { class: 'who', x, y: AXIS + 30, 'text-anchor': 'middle' }, point.who));
    }));
}
