/** Checks on the parsed command line that node:util's parseArgs does not make. */
import type { OptionsConfig } from './command.js';
import { CliError } from './files.js';

/** The token parseArgs reports for each option, with `tokens: true`. */
interface OptionToken {
    readonly kind: string;
    readonly name?: string;
    readonly rawName?: string;
    readonly value?: string;
}

/**
 * An option that takes one value, given twice (`-o a -o b`): parseArgs would keep the last one
 * silently, so the run could write or report somewhere the user did not mean. A usage error.
 */
export function rejectRepeated(tokens: readonly OptionToken[] | undefined, options: OptionsConfig): void {
    const seen = new Map<string, OptionToken>();
    for (const token of tokens ?? []) {
        if (token.kind !== 'option' || token.name === undefined) {
            continue;
        }
        const config = options[token.name];
        if (!config || config.type !== 'string' || config.multiple) {
            continue;
        }
        const first = seen.get(token.name);
        if (first) {
            const both = [first, token].map(t => `${t.rawName} ${t.value ?? ''}`.trimEnd()).join("' and '");
            throw new CliError(`--${token.name} given twice ('${both}'); give it once`);
        }
        seen.set(token.name, token);
    }
}
