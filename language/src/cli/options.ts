/** Checks on the parsed command line that node:util's parseArgs does not make. */
import { LOCALES, t, type Locale } from '../l10n/index.js';
import type { HelpLine, OptionsConfig } from './command.js';
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
            const [a, b] = [first, token].map(given => `${given.rawName} ${given.value ?? ''}`.trimEnd());
            throw new CliError(t('cli.error.repeated-option', { option: token.name, first: a!, second: b! }));
        }
        seen.set(token.name, token);
    }
}

/** The command line without `--lang`, and the language it asks for (undefined: none given). */
export interface LanguageChoice {
    readonly args: string[];
    readonly locale: Locale | undefined;
}

/**
 * Takes `--lang en|zh-CN` (or `--lang=…`) out of the arguments, wherever it stands before `--`, so
 * that it also holds for `govrule --lang zh-CN --help` and for the errors of the options before
 * it. Only the exact names of LOCALES are accepted: a script that asks for a language should get
 * that one or an error, never a guess. Given twice, it is a usage error like any option.
 */
export function takeLanguage(argv: readonly string[]): LanguageChoice {
    const args: string[] = [];
    let locale: Locale | undefined;
    let given: string | undefined;
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i]!;
        if (arg === '--') {
            args.push(...argv.slice(i));
            break;
        }
        if (arg !== '--lang' && !arg.startsWith('--lang=')) {
            args.push(arg);
            continue;
        }
        const value = arg === '--lang' ? argv[++i] : arg.slice('--lang='.length);
        const raw = arg === '--lang' ? `--lang ${value ?? ''}`.trimEnd() : arg;
        if (given !== undefined) {
            throw new CliError(t('cli.error.repeated-option', { option: 'lang', first: given, second: raw }));
        }
        given = raw;
        if (value === undefined || value === '' || value.startsWith('-')) {
            throw new CliError(t('cli.error.lang-missing'));
        }
        locale = (LOCALES as readonly string[]).includes(value) ? value as Locale : undefined;
        if (locale === undefined) {
            throw new CliError(t('cli.error.lang', { value }));
        }
    }
    return { args, locale };
}

/** The column where --help starts the description of an option (after two spaces of indent). */
const FLAGS_WIDTH = 23;

/** The lines of --help for options: the flags, then the description (continued lines aligned under it). */
export function helpLines(lines: readonly HelpLine[]): string {
    const indent = ' '.repeat(FLAGS_WIDTH + 2);
    return lines.map(([flags, key]) => {
        const [first, ...more] = t(key).split('\n');
        const head = flags.length < FLAGS_WIDTH ? `  ${flags.padEnd(FLAGS_WIDTH)}${first}` : `  ${flags}\n${indent}${first}`;
        return [head, ...more.map(line => `${indent}${line}`)].join('\n');
    }).join('\n');
}

/**
 * node:util's parseArgs errors in the run's language. Its English texts are kept as they were
 * (the first line; its hint about '--' for positionals that start with '-' only confuses here).
 */
export function commandLineError(err: unknown): string {
    const message = (err as Error).message.split('\n')[0]!.replace(/\. To specify a positional argument.*$/, '');
    const code = (err as NodeJS.ErrnoException).code;
    const option = /^(?:Unknown option|Option) '([^']*)'/.exec(message)?.[1];
    if (option !== undefined && code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && message === `Unknown option '${option}'`) {
        return t('cli.error.unknown-option', { option });
    }
    if (option !== undefined && code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
        if (message === `Option '${option}' argument missing`) {
            return t('cli.error.option-value-missing', { option });
        }
        if (message === `Option '${option}' does not take an argument`) {
            return t('cli.error.option-takes-no-value', { option });
        }
        if (message === `Option '${option}' argument is ambiguous.`) {
            return t('cli.error.option-ambiguous', { option });
        }
    }
    return t('cli.error.command-line', { detail: message });
}
