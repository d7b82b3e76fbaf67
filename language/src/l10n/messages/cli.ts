/** The CLI: usage, summaries, errors, progress and test reports. Keys start with `cli.`. */
import type { Catalogue } from '../catalogue.js';

export const cliMessages = {
} as const satisfies Catalogue;
