// textDocument/documentLink: rule ids in comments open the rule's page (served by the server, see
// definition.ts), the version comment opens the Helm reference of that version.

import type { DocumentLink, DocumentLinkParams } from 'vscode-languageserver';
import { documentLinks } from '../core/links';
import { settingsReady, type ServerContext } from './context';
import { perAnalysis } from './perAnalysis';
import { toRange } from './convert';
import { guard } from './guard';
import { rulePageUri } from './protocol';

/** The links, once per analysis (perAnalysis.ts): VS Code asks again when the editor regains focus. */
export const linksOf: (ctx: ServerContext, uri: unknown) => DocumentLink[] = perAnalysis((doc, analysis) =>
  documentLinks(analysis, doc.getText()).map((l) => ({
    range: toRange(doc, l.range),
    target: l.target.kind === 'rule' ? rulePageUri(l.target.rule) : l.target.url,
    tooltip: l.tooltip,
  })),
);

export function registerLinks(ctx: ServerContext): void {
  ctx.connection.onDocumentLinks(
    guard(ctx.connection, 'documentLink', async (p: DocumentLinkParams) => {
      await settingsReady(ctx, p.textDocument?.uri);
      return linksOf(ctx, p.textDocument?.uri);
    }),
  );
}
