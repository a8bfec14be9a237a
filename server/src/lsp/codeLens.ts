// textDocument/codeLens: the `cilium status` preview on the first key of each Cilium document; clicking it
// runs `cilium.explain` with the document URI.

import type { CodeLens, CodeLensParams } from 'vscode-languageserver';
import { verdictOf } from '../core/explain';
import { openDocument, settingsReady, type ServerContext } from './context';
import { guard } from './guard';
import { EXPLAIN_COMMAND, SELECT_VERSION_COMMAND } from './protocol';

export function codeLenses(ctx: ServerContext, params: CodeLensParams): CodeLens[] {
  const { doc, analysis } = openDocument(ctx, params.textDocument?.uri);
  const text = doc.getText();
  return analysis.documents.flatMap((d): CodeLens[] => {
    const v = verdictOf(d, text);
    const at = { line: v.line, character: 0 };
    const range = { start: at, end: at };
    const lenses: CodeLens[] = [{ range, command: { title: v.summary, command: EXPLAIN_COMMAND, arguments: [doc.uri] } }];
    // A guessed version is said where the verdict is, with the one click that sets it.
    if (d.versionSource === 'default') lenses.push({ range, command: { title: v.versionText, command: SELECT_VERSION_COMMAND, arguments: [] } });
    return lenses;
  });
}

export function registerCodeLens(ctx: ServerContext): void {
  ctx.connection.onCodeLens(guard(ctx.connection, 'codeLens', async (params: CodeLensParams) => {
      await settingsReady(ctx, params.textDocument?.uri);
      return codeLenses(ctx, params);
    }));
}
