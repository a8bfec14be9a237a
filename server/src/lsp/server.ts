// The language server: wires the protocol to the features. Each feature sits in its own file and reads the one
// cached Analysis of a document version; all Cilium knowledge lives in the core.

import { TextDocumentSyncKind, TextDocuments, type Connection, type InitializeParams, type InitializeResult } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { LINT_CONFIG_NAMES } from '../core/lintConfig';
import { ChartDescriptions } from './chartDocs';
import { CODE_ACTION_KINDS, registerCodeActions } from './codeActions';
import { registerCodeLens } from './codeLens';
import { LensRefresher } from './lensRefresh';
import { registerCommands, serverCommands } from './commands';
import { registerCompletion, TRIGGER_CHARACTERS } from './completion';
import { registerDefinition } from './definition';
import { registerLinks } from './links';
import { registerOutline } from './outline';
import type { ServerContext } from './context';
import { DocumentAnalyses, trackedDocuments } from './documentAnalyses';
import { guardNotification } from './guard';
import { registerHover } from './hover';
import { WORKSPACE_TRUST_NOTIFICATION, type InitializationOptions, type WorkspaceTrustParams } from './protocol';
import { SettingsStore } from './settingsStore';
import { registerUpgradePlan } from './upgradePlan';
import { Validator } from './validation';

export const SERVER_NAME = 'cilium-config';
export const SERVER_VERSION = '0.1.0';

function workspaceRoots(params: InitializeParams): string[] {
  const uris = [...(params.workspaceFolders ?? []).map((f) => f.uri), ...(params.rootUri ? [params.rootUri] : [])];
  const roots = uris.filter((u) => u.startsWith('file:')).map((u) => URI.parse(u).fsPath);
  if (roots.length === 0 && params.rootPath) roots.push(params.rootPath);
  return [...new Set(roots)];
}

function isLintConfigUri(uri: string): boolean {
  return (LINT_CONFIG_NAMES as readonly string[]).includes(uri.slice(uri.lastIndexOf('/') + 1));
}

export function startServer(connection: Connection): void {
  const analyses = new DocumentAnalyses();
  const ctx: ServerContext = {
    connection,
    documents: new TextDocuments(trackedDocuments(analyses)),
    settings: new SettingsStore(connection),
    analyses,
    charts: new ChartDescriptions((m) => connection.console.log(m)),
    client: { versionedEdits: false, handlesExplain: false, codeLensRefresh: false },
  };
  const lenses = new LensRefresher(connection, () => ctx.client.codeLensRefresh);
  const validator = new Validator(ctx, (p) => lenses.published(p));

  connection.onInitialize((params): InitializeResult => {
    const caps = params.capabilities ?? {};
    const opts = (params.initializationOptions ?? {}) as InitializationOptions;
    ctx.client.versionedEdits = !!caps.workspace?.workspaceEdit?.documentChanges;
    ctx.client.handlesExplain = opts.clientHandlesExplain === true;
    ctx.client.codeLensRefresh = caps.workspace?.codeLens?.refreshSupport === true;
    ctx.settings.initialize(opts.settings, !!caps.workspace?.configuration);
    ctx.charts.setRoots(workspaceRoots(params));
    ctx.analyses.setRoots(workspaceRoots(params));
    ctx.settings.setRoots(workspaceRoots(params));
    ctx.charts.setTrusted(opts.workspaceTrusted !== false);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        completionProvider: { triggerCharacters: TRIGGER_CHARACTERS, resolveProvider: false },
        codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS },
        codeLensProvider: { resolveProvider: false },
        executeCommandProvider: { commands: serverCommands(ctx) },
        documentSymbolProvider: { label: 'Cilium' },
        foldingRangeProvider: true,
        selectionRangeProvider: true,
        definitionProvider: true,
        documentLinkProvider: { resolveProvider: false },
      },
      serverInfo: { name: SERVER_NAME, version: SERVER_VERSION },
    };
  });
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

  ctx.documents.onDidChangeContent(guardNotification(connection, 'didChange', (e) => validator.changed(e.document)));
  // A .cilium-lint.yaml saved in the editor changes the rules of every document below it.
  ctx.documents.onDidSave(
    guardNotification(connection, 'didSave', (e) => {
      if (!isLintConfigUri(e.document.uri)) return;
      ctx.settings.lintConfigChanged();
      ctx.analyses.clear();
      validator.revalidateAll();
    }),
  );
  ctx.documents.onDidClose(
    guardNotification(connection, 'didClose', (e) => {
      ctx.analyses.forget(e.document.uri);
      lenses.forget(e.document.uri);
      ctx.settings.forget(e.document.uri);
      validator.closed(e.document.uri);
    }),
  );

  registerHover(ctx);
  registerCompletion(ctx);
  registerCodeActions(ctx);
  registerCodeLens(ctx);
  registerCommands(ctx);
  registerUpgradePlan(ctx);
  registerOutline(ctx);
  registerDefinition(ctx);
  registerLinks(ctx);

  connection.onShutdown(() => validator.dispose());
  ctx.documents.listen(connection);
  connection.listen();
}
