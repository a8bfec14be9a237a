// The read-only documents the language server serves: each chart version's values.yaml (`cilium-chart:`, where
// Go to Definition lands) and each rule's page (`cilium-docs:`, where a rule id in a comment leads). VS Code asks
// this provider for their text; the provider asks the server.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  CHART_SCHEME,
  DOCS_SCHEME,
  VIRTUAL_DOCUMENT_REQUEST,
  type VirtualDocumentResult,
} from '../../server/src/lsp/protocol';
import { describeError, type FailureReporter } from './failures';

class ServerDocuments implements vscode.TextDocumentContentProvider {
  constructor(
    private readonly client: () => LanguageClient | undefined,
    private readonly failures: FailureReporter,
  ) {}

  /** The server's text; when there is none, why, as the document's text (never an empty page). */
  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const c = this.client();
    if (!c) return 'Cilium Config: the language server is not running, so this document cannot be shown.';
    try {
      const r = await c.sendRequest<VirtualDocumentResult>(VIRTUAL_DOCUMENT_REQUEST, { uri: uri.toString() });
      return r?.text ?? `Cilium Config has no document at ${uri.toString()}.`;
    } catch (err) {
      this.failures.requestFailed(`Opening ${uri.toString()}`, err);
      return `Cilium Config could not open ${uri.toString()}: ${describeError(err)}`;
    }
  }
}

export function registerServerDocuments(
  context: vscode.ExtensionContext,
  client: () => LanguageClient | undefined,
  failures: FailureReporter,
): void {
  const provider = new ServerDocuments(client, failures);
  for (const scheme of [CHART_SCHEME, DOCS_SCHEME])
    context.subscriptions.push(vscode.workspace.registerTextDocumentContentProvider(scheme, provider));
}
