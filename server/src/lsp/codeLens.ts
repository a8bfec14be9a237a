// textDocument/codeLens on the first key of each Cilium document: the verdict, worst outcome first ("Agent will
// not start — …", "Host Routing Legacy — …"), which runs `cilium.explain` with the document URI; and the target
// version with where it came from ("Cilium 1.19 · assumed — set the version"), which runs Select Target Version.

import type { CodeLens, CodeLensParams } from 'vscode-languageserver';
import { verdictOf } from '../core/explain';
import { openDocument, settingsReady, type ServerContext } from './context';
import { guard } from './guard';
import { EXPLAIN_COMMAND, SELECT_VERSION_COMMAND } from './protocol';

export function codeLenses(ctx: ServerContext, params: CodeLensParams): CodeLens[] {
  const { doc, analysis } = openDocument(ctx, params.textDocument?.uri);
  const text = doc.getText();
  return analysis.documents.flatMap((d): CodeLens[] => {
    const v = verdictOf(d, text, (offset) => doc.positionAt(offset).line);
    const at = { line: v.line, character: 0 };
    const range = { start: at, end: at };
    // The version is always said where the verdict is, with the one click that sets it; a guess asks for it.
    const version = `Cilium ${v.versionBadge}${d.versionSource === 'default' ? ' — set the version' : ''}`;
    return [
      { range, command: { title: `${v.headline} — ${v.details}`, command: EXPLAIN_COMMAND, arguments: [doc.uri] } },
      { range, command: { title: version, command: SELECT_VERSION_COMMAND, arguments: [] } },
    ];
  });
}

export function registerCodeLens(ctx: ServerContext): void {
  ctx.connection.onCodeLens(
    guard(ctx.connection, 'codeLens', async (params: CodeLensParams) => {
      await settingsReady(ctx, params.textDocument?.uri);
      return codeLenses(ctx, params);
    }),
  );
}
