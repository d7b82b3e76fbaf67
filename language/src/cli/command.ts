/** What a CLI command is: its options and how it runs. main.ts dispatches to one of these. */
import type { ParseArgsConfig } from 'node:util';
import type { MessageArgs, MessageKey } from '../l10n/index.js';

export interface Io {
    readonly cwd: string;
    stdout(text: string): void;
    stderr(text: string): void;
}

export type OptionsConfig = NonNullable<ParseArgsConfig['options']>;
export type OptionValues = Record<string, string | boolean | string[] | boolean[] | undefined>;

/** A key of the catalogue whose text has no placeholders. */
export type PlainKey = { [K in MessageKey]: MessageArgs<K> extends [] ? K : never }[MessageKey];

/** A line of --help: the option as typed, and the catalogue's words for what it does. */
export type HelpLine = readonly [flags: string, description: PlainKey];

export interface Command {
    readonly name: string;
    readonly summary: PlainKey;
    /** Usage lines for this command's own options, shown by --help. */
    readonly help: readonly HelpLine[];
    readonly options: OptionsConfig;
    run(paths: string[], values: OptionValues, io: Io): Promise<number>;
}
