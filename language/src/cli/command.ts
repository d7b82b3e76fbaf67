/** What a CLI command is: its options and how it runs. main.ts dispatches to one of these. */
import type { ParseArgsConfig } from 'node:util';

export interface Io {
    readonly cwd: string;
    stdout(text: string): void;
    stderr(text: string): void;
}

export type OptionsConfig = NonNullable<ParseArgsConfig['options']>;
export type OptionValues = Record<string, string | boolean | string[] | boolean[] | undefined>;

export interface Command {
    readonly name: string;
    readonly summary: string;
    /** Usage lines for this command's own options, shown by --help. */
    readonly help: string;
    readonly options: OptionsConfig;
    run(paths: string[], values: OptionValues, io: Io): Promise<number>;
}
