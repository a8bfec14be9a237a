// textDocument/documentLink: rule ids in comments open the rule's page (served by the server, see
// definition.ts), the version comment opens the Helm reference of that version.

import type { DocumentLink, DocumentLinkParams } from 'vscode-languageserver';
import { documentLinks } from '../core/links';
import { openDocument, settingsReady, type ServerContext } from './context';
import { toRange } from './convert';
import { guard } from './guard';
import { rulePageUri } from './protocol';

/** The links of each analysis (one per document version): VS Code asks again when the editor regains focus. */
const linkCache = new WeakMap<object, DocumentLink[]>();

export function linksOf(ctx: ServerContext, uri: unknown): DocumentLink[] {
  const { doc, analysis } = openDocument(ctx, uri);
  let links = linkCache.get(analysis);
  if (!links)
    linkCache.set(
      analysis,
      (links = documentLinks(analysis, doc.getText()).map((l) => ({
        range: toRange(doc, l.range),
        target: l.target.kind === 'rule' ? rulePageUri(l.target.rule) : l.target.url,
        tooltip: l.tooltip,
      }))),
    );
  return links;
}

export function registerLinks(ctx: ServerContext): void {
  ctx.connection.onDocumentLinks(
    guard(ctx.connection, 'documentLink', async (p: DocumentLinkParams) => {
      await settingsReady(ctx, p.textDocument?.uri);
      return linksOf(ctx, p.textDocument?.uri);
    }),
  );
}
