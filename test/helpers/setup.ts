/** Runs in every test file: its temporary folders go when it ends. */
import fc from 'fast-check';
import { afterAll } from 'vitest';
import { removeTempFolders } from './temp.js';

// FAST_CHECK_SEED fixes the seed of every property (.ci/run sets one, so a commit passes or fails
// the same way on every run); without it each run draws new inputs and keeps exploring.
const seed = process.env.FAST_CHECK_SEED;
if (seed !== undefined && seed !== '') {
    if (!/^-?\d+$/.test(seed)) throw new Error(`FAST_CHECK_SEED must be an integer, not '${seed}'`);
    fc.configureGlobal({ seed: Number(seed) });
}

afterAll(removeTempFolders);
