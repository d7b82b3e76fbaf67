// Synthetic decision events for the benchmarks (bench/eval.mjs, bench/diff.mjs): every category
// of a bundle, attributes of the right types, some left to their defaults, dates over 2025–2026.
import { createWriteStream } from 'node:fs';

// mulberry32: the same stream for the same N.
export function rng(seed) {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

export function randomEvent(bundle, next, i) {
    const pick = (xs) => xs[Math.floor(next() * xs.length)];
    const attributes = {};
    for (const attr of bundle.attributes) {
        if (attr.default !== null && next() < 0.4) continue;
        switch (attr.type) {
            case 'enum': attributes[attr.name] = pick(attr.values); break;
            case 'number': attributes[attr.name] = pick([0, 1, 3, 5, 10, 20, 50, 100, 10000, 200000]); break;
            case 'boolean': attributes[attr.name] = next() < 0.5; break;
            default: attributes[attr.name] = pick(['', '两江新区', '渝北区', '渝中区']);
        }
    }
    const month = String(1 + Math.floor(next() * 12)).padStart(2, '0');
    return { id: i, category: pick(bundle.categories).id, attributes, date: `${pick(['2025', '2026'])}-${month}-15` };
}

export async function writeEvents(file, bundle, count) {
    const out = createWriteStream(file);
    const next = rng(42);
    let batch = [];
    for (let i = 0; i < count; i++) {
        batch.push(JSON.stringify(randomEvent(bundle, next, i)));
        if (batch.length === 10_000 || i === count - 1) {
            if (!out.write(`${batch.join('\n')}\n`)) await new Promise(resolve => out.once('drain', resolve));
            batch = [];
        }
    }
    await new Promise(resolve => out.end(resolve));
}

/** The options both event benchmarks take: `--events N` (default a million) and `--keep`. */
export function parseEventArgs(argv, script) {
    const opts = { events: 1_000_000, keep: false };
    for (let k = 0; k < argv.length; k++) {
        if (argv[k] === '--keep') opts.keep = true;
        else if (argv[k] === '--events' && Number.isInteger(Number(argv[k + 1])) && Number(argv[k + 1]) > 0) opts.events = Number(argv[++k]);
        else {
            console.error(`unknown argument ${argv[k]}\nusage: node ${script} [--events N] [--keep]`);
            process.exit(2);
        }
    }
    return opts;
}
