/** The CLI's names for a failure worded for the user (one line on stderr, exit code 2) and for paths in messages. */
export { UserError as CliError, displayPath } from '../project/user-error.js';
