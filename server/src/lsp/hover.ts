// textDocument/hover: the core's Markdown for the key under the cursor, with the user's own chart's
// description of that key when a cilium chart is in the workspace (or the Helm cache, if allowed).

import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver';
import { hoverAt } from '../core/hover';
import { openDocument, settingsReady, type ServerContext } from './context';
import { toRange } from './convert';
import { guard } from './guard';

export async function hover(ctx: ServerContext, params: HoverParams): Promise<Hover | null> {
  await settingsReady(ctx, params.textDocument?.uri);
  const { settings, analysis } = openDocument(ctx, params.textDocument?.uri);
  // Reads (once) the user's chart of the versions in this file; nothing in an untrusted workspace.
  const chartDescription = await ctx.charts.lookup(
    settings.readHelmCache,
    analysis.documents.map((d) => d.version),
  );
  // The document may have changed while the chart was read: answer for its current text.
  const { doc, analysis: current } = openDocument(ctx, params.textDocument?.uri);
  const h = hoverAt(current, doc.getText(), doc.offsetAt(params.position), { chartDescription });
  return h ? { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: toRange(doc, h.range) } : null;
}

export function registerHover(ctx: ServerContext): void {
  ctx.connection.onHover(guard(ctx.connection, 'hover', (params: HoverParams) => hover(ctx, params)));
}
