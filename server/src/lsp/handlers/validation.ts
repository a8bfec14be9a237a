// Document sync: open documents are analysed as they change (Validator), their diagnostics, verdicts and code
// lenses kept current, and everything kept about a document dropped when it closes.

import { TextDocumentSyncKind, type ServerCapabilities } from 'vscode-languageserver';
import type { ServerContext } from '../context';
import { guardNotification } from '../guard';
import { LensRefresher } from '../lensRefresh';
import { Validator } from '../validation';

export const VALIDATION_CAPABILITIES: ServerCapabilities = {
  textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
};

/** Registers the document events; the Validator it returns is what the settings handler re-runs. */
export function registerValidation(ctx: ServerContext): Validator {
  const { connection } = ctx;
  const lenses = new LensRefresher(connection, () => ctx.client.codeLensRefresh);
  const validator = new Validator(ctx, (p) => lenses.published(p));

  ctx.documents.onDidChangeContent(guardNotification(connection, 'didChange', (e) => validator.changed(e.document)));
  ctx.documents.onDidClose(
    guardNotification(connection, 'didClose', (e) => {
      ctx.analyses.forget(e.document.uri);
      lenses.forget(e.document.uri);
      ctx.settings.forget(e.document.uri);
      validator.closed(e.document.uri);
    }),
  );
  connection.onShutdown(() => validator.dispose());
  return validator;
}
