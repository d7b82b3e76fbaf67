/**
 * The areas `npm run test:mutation` mutates, each with the in-process tests that belong to it.
 * One home for both, read by the Stryker config.
 */
export const AREAS = {
    // What platforms embed: loading bundles and deciding events.
    runtime: {
        mutate: ['language/src/runtime/**/*.ts'],
        tests: ['test/runtime/**/*.test.ts'],
    },
    // The bundle's bytes: the compiler and the bundle's serializer. (Runtime tests are not among them: their fixtures keep compiled bundles.)
    compiler: {
        mutate: ['language/src/compiler/**/*.ts', 'language/src/bundle/**/*.ts', '!language/src/bundle/generated/**'],
        tests: ['test/compiler/**/*.test.ts'],
    },
    // The workspace lints (unreachable rules, conflicts, impossible conditions).
    analysis: {
        mutate: ['language/src/validation/analysis-rules.ts', 'language/src/validation/analysis-constraints.ts'],
        tests: ['test/validation/analysis*.test.ts'],
    },
};

/** The areas named by MUTATION_AREA (comma-separated), or all of them. */
export function selectedAreas(value = process.env.MUTATION_AREA) {
    const names = value ? value.split(',').map(name => name.trim()).filter(Boolean) : Object.keys(AREAS);
    const unknown = names.filter(name => !(name in AREAS));
    if (unknown.length > 0) {
        throw new Error(`MUTATION_AREA: unknown area ${unknown.join(', ')}; the areas are ${Object.keys(AREAS).join(', ')}`);
    }
    return names;
}
