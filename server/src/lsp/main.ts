// Entry point of dist/server.js. The transport comes from the command line, as every LSP client expects:
// `--stdio` (Neovim, Emacs, Helix), `--node-ipc` (VS Code), `--socket=PORT` or `--pipe=NAME`.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { SERVER_NAME, SERVER_VERSION, startServer } from './server';

const USAGE = `${SERVER_NAME} ${SERVER_VERSION}: the Cilium Config language server.
Usage: node server.js --stdio | --node-ipc | --socket=PORT | --pipe=NAME
Settings go in initializationOptions.settings or the "cilium" section of workspace/configuration (docs/editors.md).
`;

const args = process.argv.slice(2);
if (args.includes('--version')) {
  process.stdout.write(`${SERVER_VERSION}\n`);
  process.exit(0);
}
if (!args.some((a) => /^--(stdio|node-ipc|socket|pipe)(=|$)/.test(a))) {
  process.stderr.write(USAGE);
  process.exit(args.includes('--help') ? 0 : 2);
}

process.on('uncaughtException', (err) => {
  // Keep serving: one bad request must not end the session. The error goes to stderr, which clients log.
  process.stderr.write(`${SERVER_NAME}: uncaught exception: ${err.stack ?? err.message}\n`);
});
process.on('unhandledRejection', (reason) => {
  process.stderr.write(`${SERVER_NAME}: unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}\n`);
});

startServer(createConnection(ProposedFeatures.all));
