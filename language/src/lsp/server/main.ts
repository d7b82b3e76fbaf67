/**
 * The GovRule language server: `govrule-language-server --stdio` (the extension runs
 * `node out/server.cjs --stdio`). `--node-ipc`, `--socket=PORT` and `--pipe=NAME` work too, as
 * vscode-languageserver reads them.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { VERSION } from '../../version.js';
import { GovRuleFileSystem } from './file-system.js';
import { createGovRuleServices } from './lsp-module.js';
import { guardParams } from './param-guard.js';
import { startGovRuleServer } from './start-server.js';
import { localeFromEnv, setLocale, t } from '../../l10n/index.js';

const args = process.argv.slice(2);
if (args.includes('--version') || args.includes('-v')) {
    process.stdout.write(`${VERSION}\n`);
} else if (args.includes('--help') || args.includes('-h') || !args.some(a => /^--(stdio|node-ipc|socket=|pipe=)/.test(a))) {
    // Run from a shell: the shell's language (an editor's server takes the client's, at initialize).
    setLocale(localeFromEnv());
    process.stderr.write(t('editor.server.usage'));
    process.exitCode = args.includes('--help') || args.includes('-h') ? 0 : 2;
} else {
    // One bad request or file must not take the editor's server down: log and carry on.
    process.on('uncaughtException', err => console.error('GovRule language server: uncaught exception:', err));
    process.on('unhandledRejection', err => console.error('GovRule language server: unhandled rejection:', err));
    const connection = createConnection(ProposedFeatures.all);
    guardParams(connection);
    const { shared } = createGovRuleServices({ connection, ...GovRuleFileSystem });
    startGovRuleServer(shared);
}
