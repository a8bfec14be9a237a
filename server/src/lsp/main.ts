// Entry point of dist/server.js. The transport comes from the command line, as every LSP client expects:
// `--stdio` (Neovim, Emacs, Helix), `--node-ipc` (VS Code), `--socket=PORT` or `--pipe=NAME`.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { LifecycleGate } from './lifecycle';
import { SERVER_NAME, SERVER_VERSION, startServer } from './server';
import { openTransport } from './transport';

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
  process.stderr.write(
    `${SERVER_NAME}: unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}\n`,
  );
});

/** A stream the server can no longer follow: say why on stderr and exit 1, so the client notices and restarts it. */
function fatal(what: string, err: unknown): never {
  process.stderr.write(`${SERVER_NAME}: ${what}: ${err instanceof Error ? err.message : String(err)}; exiting\n`);
  process.exit(1);
}

const transport = openTransport(args);
const gate = new LifecycleGate(transport.reader, transport.writer);
transport.frames?.on('error', (err) => fatal('malformed message from the client', err));
gate.onError((err) => fatal('unreadable message from the client', err));
// The client went away: exit 0 after a `shutdown` request, 1 otherwise (as the LSP specification asks).
gate.onClose(() => process.exit(gate.state === 'shutdown' ? 0 : 1));
transport.writer.onError(([err]) => fatal('cannot write to the client', err));

const connection = createConnection(ProposedFeatures.all, gate, transport.writer);
if (transport.stdio) {
  // stdout is the protocol stream: anything printed with console goes to the client's log instead.
  console.log = (...a: unknown[]) => connection.console.log(a.map(String).join(' '));
  console.info = (...a: unknown[]) => connection.console.info(a.map(String).join(' '));
  console.warn = (...a: unknown[]) => connection.console.warn(a.map(String).join(' '));
  console.error = (...a: unknown[]) => connection.console.error(a.map(String).join(' '));
  console.debug = (...a: unknown[]) => connection.console.log(a.map(String).join(' '));
}
startServer(connection);
