// textDocument/hover: the core's Markdown for the key under the cursor, with the user's own chart's
// description of that key when a cilium chart is in the workspace (or the Helm cache, if allowed).

import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver';
import { hoverAt } from '../core/hover';
import { openDocument, type ServerContext } from './context';
import { toRange } from './convert';
import { guard } from './guard';

export function hover(ctx: ServerContext, params: HoverParams): Hover | null {
  const { doc, settings, analysis } = openDocument(ctx, params.textDocument?.uri);
  const h = hoverAt(analysis, doc.getText(), doc.offsetAt(params.position), { chartDescription: ctx.charts.lookup(settings.readHelmCache) });
  return h ? { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: toRange(doc, h.range) } : null;
}

export function registerHover(ctx: ServerContext): void {
  ctx.connection.onHover(guard(ctx.connection, 'hover', (params: HoverParams) => hover(ctx, params)));
}
