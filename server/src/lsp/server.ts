// The language server: builds the context every handler shares and registers the handlers, one file per concern
// (handlers/): document sync and validation, the language features, commands and Cilium's requests, settings and
// trust. Each feature sits in its own file and reads the one cached Analysis of a document version; all Cilium
// knowledge lives in the core.

import { TextDocuments, type Connection, type InitializeResult } from 'vscode-languageserver';
import { VERSION_TABLE } from '../core/index';
import { ChartDescriptions } from './chartDocs';
import type { ServerContext } from './context';
import { DocumentAnalyses, trackedDocuments } from './documentAnalyses';
import { commandCapabilities, registerCommandHandlers } from './handlers/commands';
import { LANGUAGE_CAPABILITIES, registerLanguageFeatures } from './handlers/language';
import { initializeFromClient, registerSettings } from './handlers/settings';
import { registerValidation, VALIDATION_CAPABILITIES } from './handlers/validation';
import { VERSIONS_CAPABILITY, type SupportedVersion } from './protocol';
import { SettingsStore } from './settingsStore';

export const SERVER_NAME = 'cilium-config';
export const SERVER_VERSION = '0.1.0';

function serverContext(connection: Connection): ServerContext {
  const log = (m: string) => connection.console.log(m);
  // Failures met after an analysis (a fixer that throws when its fixes are read) go to the log with their stack.
  const analyses = new DocumentAnalyses((m) => connection.console.error(m));
  return {
    connection,
    documents: new TextDocuments(trackedDocuments(analyses)),
    settings: new SettingsStore(connection),
    analyses,
    charts: new ChartDescriptions(log),
    client: { versionedEdits: false, handlesExplain: false, codeLensRefresh: false },
  };
}

export function startServer(connection: Connection): void {
  const ctx = serverContext(connection);
  const validator = registerValidation(ctx);
  registerSettings(ctx, validator);
  registerLanguageFeatures(ctx);
  registerCommandHandlers(ctx);

  connection.onInitialize((params): InitializeResult => {
    initializeFromClient(ctx, params);
    return {
      capabilities: {
        ...VALIDATION_CAPABILITIES,
        ...LANGUAGE_CAPABILITIES,
        ...commandCapabilities(ctx),
        // The supported minors from the one version table: the VS Code client builds its version pickers from them.
        experimental: {
          [VERSIONS_CAPABILITY]: VERSION_TABLE.map((r): SupportedVersion => ({
            minor: r.minor,
            prerelease: r.prerelease,
          })),
        },
      },
      serverInfo: { name: SERVER_NAME, version: SERVER_VERSION },
    };
  });
  ctx.documents.listen(connection);
  connection.listen();
}
