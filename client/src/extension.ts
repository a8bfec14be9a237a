// The VS Code extension: starts the language server (dist/server.js) over IPC and adds what only an editor can
// show — a status bar verdict, the explanation beside the editor, the rendered cilium-config, a version picker.
// Everything Cilium-specific is computed by the server. A server that does not start says why in the output,
// which is brought into view; a failed request is a message, never an exception out of a command
// (failures.ts); when the user grants workspace trust the server hears it, or starts again if it is down.

import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  LanguageClient,
  State,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import {
  SETTINGS_SECTION,
  VERDICT_NOTIFICATION,
  WORKSPACE_TRUST_NOTIFICATION,
  type VerdictParams,
} from '../../server/src/lsp/protocol';
import { registerCommands } from './commands';
import { serverDebugExecArgv } from './debugPort';
import { FailureReporter } from './failures';
import { registerServerDocuments } from './serverDocuments';
import { followTrust, patchConfigurationAnswer, trustedSettings, type ServerState } from './trust';
import { StatusBar } from './statusBar';

let client: LanguageClient | undefined;

/** Returned from activate(): lets the integration tests read what the UI shows. */
export interface CiliumConfigApi {
  statusText(): string | undefined;
  client(): LanguageClient | undefined;
  /** The last failure message shown to the user. */
  lastFailure(): string | undefined;
}

function clientSettings(): Record<string, unknown> {
  const c = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  // In an untrusted workspace nothing outside it is read (the Helm cache lives in the home directory); the server
  // enforces the same from the trust state it is sent.
  return trustedSettings(
    {
      version: c.get('version'),
      kernelVersion: c.get('kernelVersion'),
      rules: c.get('rules'),
      readHelmCache: c.get('readHelmCache', true),
    },
    vscode.workspace.isTrusted,
  );
}

function createClient(
  context: vscode.ExtensionContext,
  output: vscode.OutputChannel,
  failures: FailureReporter,
  status: StatusBar,
): LanguageClient {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  // stdio rather than node-ipc: over a byte stream the server splices the JSON it keeps for big answers (the
  // Outline of a long values file, server/src/lsp/preSerialized.ts) instead of serialising them on every request,
  // as Node's IPC channel would. The server never prints anything else on stdout.
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.stdio },
    debug: { module: serverModule, transport: TransportKind.stdio, options: { execArgv: serverDebugExecArgv() } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'yaml', scheme: 'file' },
      { language: 'yaml', scheme: 'untitled' },
      { language: 'yaml', scheme: 'vscode-vfs' },
    ],
    synchronize: { configurationSection: SETTINGS_SECTION },
    // One channel for every server this window starts, so a restart keeps the history of the one before.
    outputChannel: output,
    // Asked at each start: a server started again after trust was granted is told it is trusted.
    initializationOptions: () => ({
      settings: clientSettings(),
      clientHandlesExplain: true,
      workspaceTrusted: vscode.workspace.isTrusted,
    }),
    initializationFailedHandler: (err) => {
      failures.startFailed(err);
      return false;
    },
    middleware: {
      workspace: {
        // The trust decision is the client's to make: patch it into what the server reads.
        configuration: async (params, token, next) => {
          const result: unknown = await next(params, token);
          return patchConfigurationAnswer(result, params.items, vscode.workspace.isTrusted) as unknown[];
        },
      },
    },
  };
  const c = new LanguageClient('cilium', 'Cilium Config', serverOptions, clientOptions);
  c.onNotification(VERDICT_NOTIFICATION, (p: VerdictParams) => status.update(p));
  return c;
}

function serverState(c: LanguageClient | undefined): ServerState {
  if (c?.state === State.Running) return 'running';
  if (c?.state === State.Starting) return 'starting';
  return 'down';
}

/** Stops and disposes a client in whatever state it is (a client that never started cannot be stopped). */
async function retire(c: LanguageClient, failures: FailureReporter): Promise<void> {
  try {
    if (c.needsStop()) await c.stop();
  } catch (err) {
    failures.requestFailed('Stopping the language server', err);
  }
  // dispose() stops again, which throws for a client that never ran; it is going anyway.
  await c.dispose().catch(() => undefined);
}

export async function activate(context: vscode.ExtensionContext): Promise<CiliumConfigApi> {
  const output = vscode.window.createOutputChannel('Cilium Config');
  const failures = new FailureReporter({
    showError: (message, ...actions) => vscode.window.showErrorMessage(message, ...actions),
    log: (line) => output.appendLine(`[client] ${line}`),
    revealOutput: () => output.show(true),
  });
  const status = new StatusBar();
  context.subscriptions.push(output, status);
  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(() =>
      status.show(vscode.window.activeTextEditor?.document.uri.toString()),
    ),
  );
  context.subscriptions.push(vscode.workspace.onDidCloseTextDocument((d) => status.forget(d.uri.toString())));
  registerCommands(context, () => client, failures);
  registerServerDocuments(context, () => client, failures);

  /** Starts the server, replacing one that failed or stopped; a failure is reported, not thrown. */
  const start = async (): Promise<void> => {
    const old = client;
    client = createClient(context, output, failures, status);
    if (old) await retire(old, failures);
    try {
      await client.start();
    } catch (err) {
      failures.startFailed(err);
    }
  };
  await start();
  // The server hears the trust state now and when the user grants trust (it then reads settings and charts
  // again); a server that is down by then is started again, trusted.
  context.subscriptions.push(
    followTrust(
      vscode.workspace,
      {
        state: () => serverState(client),
        ready: () => client?.start() ?? Promise.resolve(),
        notify: (params) => client?.sendNotification(WORKSPACE_TRUST_NOTIFICATION, params) ?? Promise.resolve(),
        restart: start,
      },
      (what, err) => failures.requestFailed(what, err),
    ),
  );
  return { statusText: () => status.text(), client: () => client, lastFailure: () => failures.lastMessage() };
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  if (c?.needsStop()) await c.stop().catch(() => undefined);
}
