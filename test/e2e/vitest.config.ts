import { defineConfig } from 'vitest/config';

/** End-to-end tests: the packaged extension in a real VS Code workbench (code-server) driven by Chromium. */
export default defineConfig({
    test: {
        include: ['test/e2e/**/*.e2e.ts'],
        // Steps share one workbench and run in order.
        fileParallelism: false,
        sequence: { concurrent: false },
        testTimeout: 180_000,
        hookTimeout: 600_000,
    },
});
