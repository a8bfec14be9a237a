// Entry point of dist/server.js. The transport comes from the command line, as every LSP client expects:
// `--stdio` (Neovim, Emacs, Helix), `--node-ipc` (VS Code), or `--socket=PORT`.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

process.on('uncaughtException', (err) => {
  // Keep serving: one bad request must not end the session. The error goes to stderr, which clients log.
  process.stderr.write(`cilium-config: uncaught exception: ${err.stack ?? err.message}\n`);
});

startServer(createConnection(ProposedFeatures.all));
