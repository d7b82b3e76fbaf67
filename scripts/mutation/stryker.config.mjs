/**
 * Mutation testing of the decision path (DEVELOPERS.md, "Mutation testing"): StrykerJS with the
 * vitest runner, on the in-process tests only. Not part of CI.
 *
 *   npm run test:mutation                                  all areas
 *   MUTATION_AREA=runtime npm run test:mutation            one area (runtime, compiler, analysis)
 *   npm run test:mutation -- --mutate 'language/src/runtime/event.ts'   narrower still
 */
import { AREAS, selectedAreas } from './areas.mjs';

const areas = selectedAreas();
const name = areas.join('+');

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
    testRunner: 'vitest',
    plugins: ['@stryker-mutator/vitest-runner'],
    vitest: { configFile: 'scripts/mutation/vitest.config.ts', related: false },
    testFiles: [...new Set(areas.flatMap(area => AREAS[area].tests))],
    mutate: areas.flatMap(area => AREAS[area].mutate),
    coverageAnalysis: 'perTest',
    // Vitest does not type-check, and `// @ts-nocheck` atop the generated validator would make it differ from the schema.
    disableTypeChecks: false,
    // Shared machines: two workers by default; `-- --concurrency N` where there are more cores.
    concurrency: 2,
    timeoutMS: 10_000,
    reporters: ['html', 'json', 'clear-text', 'progress'],
    htmlReporter: { fileName: `.cache/mutation/${name}/index.html` },
    jsonReporter: { fileName: `.cache/mutation/${name}/mutation.json` },
    // `--incremental` reuses the last run's results for the mutants and tests that did not change.
    incrementalFile: `.cache/mutation/${name}/incremental.json`,
    tempDirName: '.cache/mutation/sandbox',
    ignorePatterns: ['.cache', 'out', 'dist', 'coverage', '*.vsix'],
    cleanTempDir: 'always',
};
