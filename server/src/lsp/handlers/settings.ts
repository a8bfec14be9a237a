// What the client tells the server and what changes the rules every open document is checked by: initialize
// (client capabilities, initial settings, workspace folders, trust), `workspace/didChangeConfiguration`, a change
// of workspace trust, and a `.cilium-lint.yaml` saved in the editor. Each change re-checks every open document.

import type { InitializeParams } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { LINT_CONFIG_NAMES } from '../../core/lintConfig';
import type { ServerContext } from '../context';
import { guardNotification } from '../guard';
import { WORKSPACE_TRUST_NOTIFICATION, type InitializationOptions, type WorkspaceTrustParams } from '../protocol';
import type { Validator } from '../validation';

function workspaceRoots(params: InitializeParams): string[] {
  const uris = [...(params.workspaceFolders ?? []).map((f) => f.uri), ...(params.rootUri ? [params.rootUri] : [])];
  const roots = uris.filter((u) => u.startsWith('file:')).map((u) => URI.parse(u).fsPath);
  if (roots.length === 0 && params.rootPath) roots.push(params.rootPath);
  return [...new Set(roots)];
}

function isLintConfigUri(uri: string): boolean {
  return (LINT_CONFIG_NAMES as readonly string[]).includes(uri.slice(uri.lastIndexOf('/') + 1));
}

/** Records what `initialize` says: what the client supports, its settings, its folders and whether they are trusted. */
export function initializeFromClient(ctx: ServerContext, params: InitializeParams): void {
  const caps = params.capabilities ?? {};
  const opts = (params.initializationOptions ?? {}) as InitializationOptions;
  ctx.client.versionedEdits = !!caps.workspace?.workspaceEdit?.documentChanges;
  ctx.client.handlesExplain = opts.clientHandlesExplain === true;
  ctx.client.codeLensRefresh = caps.workspace?.codeLens?.refreshSupport === true;
  ctx.settings.initialize(opts.settings, !!caps.workspace?.configuration);
  const roots = workspaceRoots(params);
  ctx.charts.setRoots(roots);
  ctx.analyses.setRoots(roots);
  ctx.settings.setRoots(roots);
  ctx.charts.setTrusted(opts.workspaceTrusted !== false);
}

export function registerSettings(ctx: ServerContext, validator: Validator): void {
  const { connection } = ctx;
  connection.onInitialized(guardNotification(connection, 'initialized', () => ctx.settings.initialized()));
  connection.onDidChangeConfiguration(
    guardNotification(connection, 'didChangeConfiguration', (change) => {
      ctx.settings.changed(change?.settings);
      ctx.analyses.clear();
      ctx.charts.reset();
      validator.revalidateAll();
    }),
  );
  connection.onNotification(
    WORKSPACE_TRUST_NOTIFICATION,
    guardNotification(connection, WORKSPACE_TRUST_NOTIFICATION, (p: WorkspaceTrustParams) => {
      // Charts found or read so far are dropped (ChartDescriptions.setTrusted) and settings read again.
      if (!ctx.charts.setTrusted(p?.trusted === true)) return;
      ctx.settings.changed(undefined);
      validator.revalidateAll();
    }),
  );
  // A .cilium-lint.yaml saved in the editor changes the rules of every document below it.
  ctx.documents.onDidSave(
    guardNotification(connection, 'didSave', (e) => {
      if (!isLintConfigUri(e.document.uri)) return;
      ctx.settings.lintConfigChanged();
      ctx.analyses.clear();
      validator.revalidateAll();
    }),
  );
}
