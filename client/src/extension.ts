// The VS Code extension: starts the language server (dist/server.js) over IPC and adds what only an editor can
// show — a status bar verdict, the explanation beside the editor, the rendered cilium-config, a version picker.
// Everything Cilium-specific is computed by the server.

import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { SETTINGS_SECTION, VERDICT_NOTIFICATION, type VerdictParams } from '../../server/src/lsp/protocol';
import { registerCommands } from './commands';
import { registerServerDocuments } from './serverDocuments';
import { followTrust, patchConfigurationAnswer, trustedSettings } from './trust';
import { StatusBar } from './statusBar';

let client: LanguageClient | undefined;

/** Returned from activate(): lets the integration tests read what the UI shows. */
export interface CiliumConfigApi {
  statusText(): string | undefined;
  client(): LanguageClient | undefined;
}

function clientSettings(): Record<string, unknown> {
  const c = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  // In an untrusted workspace nothing outside it is read (the Helm cache lives in the home directory); the server
  // enforces the same from the trust state it is sent.
  return trustedSettings({ version: c.get('version'), kernelVersion: c.get('kernelVersion'), rules: c.get('rules'), readHelmCache: c.get('readHelmCache', true) }, vscode.workspace.isTrusted);
}

export async function activate(context: vscode.ExtensionContext): Promise<CiliumConfigApi> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'yaml', scheme: 'file' },
      { language: 'yaml', scheme: 'untitled' },
      { language: 'yaml', scheme: 'vscode-vfs' },
    ],
    synchronize: { configurationSection: SETTINGS_SECTION },
    initializationOptions: { settings: clientSettings(), clientHandlesExplain: true, workspaceTrusted: vscode.workspace.isTrusted },
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
  client = new LanguageClient('cilium', 'Cilium Config', serverOptions, clientOptions);
  const status = new StatusBar();
  context.subscriptions.push(status);
  context.subscriptions.push(client.onNotification(VERDICT_NOTIFICATION, (p: VerdictParams) => status.update(p)));
  context.subscriptions.push(vscode.window.onDidChangeActiveTextEditor(() => status.show(vscode.window.activeTextEditor?.document.uri.toString())));
  context.subscriptions.push(vscode.workspace.onDidCloseTextDocument((d) => status.forget(d.uri.toString())));
  registerCommands(context, () => client);
  registerServerDocuments(context, () => client);
  await client.start();
  // The server hears the trust state now and when the user grants trust (it then reads settings and charts again).
  const running = client;
  context.subscriptions.push(followTrust(vscode.workspace, (method, params) => running.sendNotification(method, params)));
  return { statusText: () => status.text(), client: () => client };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
