// The explanation of a file: `cilium/explain` and `cilium/renderedConfig` (custom requests), and
// `workspace/executeCommand` `cilium.explain` for editors that have no UI of their own for it.

import { ErrorCodes, ResponseError, type ExecuteCommandParams } from 'vscode-languageserver';
import { explainMarkdown, verdictOf } from '../core/explain';
import { explainHtml } from '../core/index';
import { renderedDocuments } from '../core/renderedConfig';
import { openDocument, settingsReady, type ServerContext } from './context';
import { guard } from './guard';
import {
  EXPLAIN_COMMAND,
  EXPLAIN_REQUEST,
  RENDERED_CONFIG_REQUEST,
  type ExplainParams,
  type ExplainResult,
  type RenderedConfigParams,
  type RenderedConfigResult,
} from './protocol';

export function explain(ctx: ServerContext, uri: unknown, picture = false, html = false): ExplainResult {
  const { doc, analysis } = openDocument(ctx, uri);
  const text = doc.getText();
  return {
    markdown: explainMarkdown(analysis, { text, picture }),
    ...(html ? { html: explainHtml(analysis, text) } : {}),
    documents: analysis.documents.map((d) => verdictOf(d, text)),
  };
}

export function renderedConfig(
  ctx: ServerContext,
  params: RenderedConfigParams | null | undefined,
): RenderedConfigResult {
  const index = params?.documentIndex;
  if (index !== undefined && !(Number.isInteger(index) && index >= 0)) {
    throw new ResponseError(
      ErrorCodes.InvalidParams,
      `Cilium Config: ${RENDERED_CONFIG_REQUEST}: documentIndex must be a whole number from 0, not ${JSON.stringify(index)}`,
    );
  }
  const { doc, analysis } = openDocument(ctx, params?.uri);
  const rendered = renderedDocuments(analysis.documents, doc.getText(), index);
  if (rendered.length === 0) return { yaml: null, documents: [] };
  return {
    yaml: rendered.map((r) => r.text).join('---\n'),
    documents: rendered.map((r) => ({ documentIndex: r.docIndex, rendered: r.rendered })),
  };
}

export function executeCommand(ctx: ServerContext, params: ExecuteCommandParams): string {
  if (params.command !== EXPLAIN_COMMAND) throw new Error(`unknown command ${params.command}`);
  const uri: unknown = params.arguments?.[0];
  if (typeof uri !== 'string') throw new Error(`${EXPLAIN_COMMAND} needs the document URI as its argument`);
  return explain(ctx, uri).markdown;
}

/** Commands the server runs itself (none when the client handles `cilium.explain`). */
export function serverCommands(ctx: ServerContext): string[] {
  return ctx.client.handlesExplain ? [] : [EXPLAIN_COMMAND];
}

export function registerCommands(ctx: ServerContext): void {
  const c = ctx.connection;
  c.onExecuteCommand(guard(c, 'executeCommand', (params: ExecuteCommandParams) => executeCommand(ctx, params)));
  c.onRequest(
    EXPLAIN_REQUEST,
    guard(
      c,
      EXPLAIN_REQUEST,
      async (params: ExplainParams) => (
        await settingsReady(ctx, params?.uri),
        explain(ctx, params?.uri, params?.picture === true, params?.html === true)
      ),
    ),
  );
  c.onRequest(
    RENDERED_CONFIG_REQUEST,
    guard(
      c,
      RENDERED_CONFIG_REQUEST,
      async (params: RenderedConfigParams) => (await settingsReady(ctx, params?.uri), renderedConfig(ctx, params)),
    ),
  );
}
