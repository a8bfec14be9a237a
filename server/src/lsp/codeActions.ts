// textDocument/codeAction: one `quickfix` per fix of each finding in the requested range (the first one
// preferred), and `source.fixAll.cilium`, which applies the preferred fix of every finding, again and again
// until nothing is left to fix. Edits are versioned `documentChanges` when the client supports them.

import { CodeActionKind, type CodeAction, type CodeActionParams, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fixAllEdits } from '../core/index';
import type { Finding, TextEdit } from '../core/types';
import { openDocument, settingsReady, type ServerContext } from './context';
import { toTextEdit } from './convert';
import { isOff, shownFindings, toDiagnostic } from './diagnostics';
import { optionsFor } from './documentAnalyses';
import { guard } from './guard';
import { FIX_ALL_KIND } from './protocol';

export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND];
export const FIX_ALL_TITLE = 'Fix all Cilium problems in this file';

export function workspaceEdit(ctx: ServerContext, doc: TextDocument, edits: TextEdit[]): WorkspaceEdit {
  const lsp = edits.map((e) => toTextEdit(doc, e));
  return ctx.client.versionedEdits
    ? { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits: lsp }] }
    : { changes: { [doc.uri]: lsp } };
}

export function codeActions(ctx: ServerContext, params: CodeActionParams): CodeAction[] {
  const { doc, settings, analysis } = openDocument(ctx, params.textDocument?.uri);
  const only = params.context?.only;
  const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
  const enabled = (f: Finding) => !isOff(f, settings);
  const actions: CodeAction[] = [];

  if (wants(CodeActionKind.QuickFix)) {
    const start = doc.offsetAt(params.range.start);
    const end = doc.offsetAt(params.range.end);
    for (const f of shownFindings(analysis)) {
      if (!f.fixes?.length || !enabled(f) || f.range.start > end || f.range.end < start) continue;
      const diagnostic = toDiagnostic(doc, f, settings);
      f.fixes.forEach((fix, i) =>
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: diagnostic ? [diagnostic] : undefined,
          isPreferred: i === 0,
          edit: workspaceEdit(ctx, doc, fix.edits),
        }),
      );
    }
  }

  // Asked for explicitly (fix on save, "Fix All"), or offered beside the quick-fixes of the light bulb.
  if (wants(FIX_ALL_KIND) && (only || actions.length > 0)) {
    const text = doc.getText();
    // The cached analysis tells cheaply whether there is anything to fix; the rounds re-analyse only then.
    if (fixAllEdits(analysis, text, enabled).length > 0) {
      const edits = fixAllEdits(
        text,
        { ...optionsFor(doc, settings), onInternalError: ctx.analyses.reporterFor(doc.uri) },
        enabled,
      );
      if (edits.length > 0)
        actions.push({ title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, edit: workspaceEdit(ctx, doc, edits) });
    }
  }
  return actions;
}

export function registerCodeActions(ctx: ServerContext): void {
  ctx.connection.onCodeAction(
    guard(ctx.connection, 'codeAction', async (params: CodeActionParams) => {
      await settingsReady(ctx, params.textDocument?.uri);
      return codeActions(ctx, params);
    }),
  );
}
