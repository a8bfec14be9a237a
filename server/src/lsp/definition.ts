// textDocument/definition from a Helm key to its line in the target version's upstream values.yaml, and the
// `cilium/virtualDocument` request that serves that file (and each rule's page) read-only to any client.

import type { DefinitionParams, Location } from 'vscode-languageserver';
import { definitionAt } from '../core/definition';
import { chartValuesText, ruleDocMarkdown } from '../core/index';
import { openDocument, settingsReady, type ServerContext } from './context';
import { guard } from './guard';
import {
  CHART_SCHEME,
  chartValuesUri,
  DOCS_SCHEME,
  VIRTUAL_DOCUMENT_REQUEST,
  type VirtualDocumentParams,
  type VirtualDocumentResult,
} from './protocol';

export function definition(ctx: ServerContext, params: DefinitionParams): Location | null {
  const { doc, analysis } = openDocument(ctx, params.textDocument?.uri);
  const d = definitionAt(analysis, doc.offsetAt(params.position));
  if (!d) return null;
  const start = { line: d.line, character: d.column };
  return { uri: chartValuesUri(d.version), range: { start, end: { line: d.line, character: d.column + d.length } } };
}

/** `cilium-chart:/1.18/values.yaml` or `cilium-docs:/rules/<id>.md` (any percent-encoding undone). */
export function virtualDocument(uri: unknown): string | null {
  if (typeof uri !== 'string') return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(uri);
  } catch {
    return null;
  }
  const chart = new RegExp(`^${CHART_SCHEME}:/*(1\\.\\d{1,2})/values\\.yaml$`).exec(decoded);
  if (chart) return chartValuesText(chart[1]) ?? null;
  const rule = new RegExp(`^${DOCS_SCHEME}:/*rules/([a-z0-9-]{1,80})\\.md$`).exec(decoded);
  if (rule) return ruleDocMarkdown(rule[1]) ?? null;
  return null;
}

export function registerDefinition(ctx: ServerContext): void {
  const { connection } = ctx;
  connection.onDefinition(
    guard(connection, 'definition', async (p: DefinitionParams) => {
      await settingsReady(ctx, p.textDocument?.uri);
      return definition(ctx, p);
    }),
  );
  connection.onRequest(
    VIRTUAL_DOCUMENT_REQUEST,
    guard(connection, VIRTUAL_DOCUMENT_REQUEST, (p: VirtualDocumentParams): VirtualDocumentResult => ({
      text: virtualDocument(p?.uri),
    })),
  );
}
