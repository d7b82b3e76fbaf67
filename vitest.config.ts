import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['test/**/*.test.ts'],
        // Builds out/ once: CLI and server tests spawn the bundled programs, as users run them.
        globalSetup: ['test/helpers/global-setup.ts'],
        setupFiles: ['test/helpers/setup.ts'],
        testTimeout: 60_000,
        hookTimeout: 120_000,
        // Spawned processes share two cores; a few files at a time keeps timings sane.
        maxWorkers: 2,
    },
});
