// textDocument/documentSymbol, foldingRange and selectionRange: the core's view of the file's structure
// (core/outline.ts), converted to positions. Empty for YAML that is not Cilium configuration.

import type {
  DocumentSymbol,
  DocumentSymbolParams,
  FoldingRange,
  FoldingRangeParams,
  SelectionRange,
  SelectionRangeParams,
} from 'vscode-languageserver';
import { selectionRanges } from '../core/outline';
import { openDocument, settingsReady, type ServerContext } from './context';
import { toRange } from './convert';
import { guard } from './guard';
import { outlineAnswer, outlineFolds } from './outlineReuse';
import { perAnalysis } from './perAnalysis';
import { asAnswer, type PreSerialized } from './preSerialized';

/**
 * The Outline and the folds, once per analysis (perAnalysis.ts). A new version rebuilds only the sections its edit
 * touched (outlineReuse.ts). The Outline is kept as JSON too (preSerialized.ts): asked again, it is only written.
 */
export const outlineOf: (ctx: ServerContext, uri: unknown) => PreSerialized<DocumentSymbol[]> =
  perAnalysis(outlineAnswer);
export const symbolsOf = (ctx: ServerContext, uri: unknown): DocumentSymbol[] => outlineOf(ctx, uri).value;
export const foldsOf: (ctx: ServerContext, uri: unknown) => FoldingRange[] = perAnalysis(outlineFolds);

export function selectionsOf(ctx: ServerContext, params: SelectionRangeParams): SelectionRange[] {
  const { doc, analysis } = openDocument(ctx, params.textDocument?.uri);
  const chains = selectionRanges(
    analysis,
    (params.positions ?? []).map((p) => doc.offsetAt(p)),
  );
  return chains.map((chain) => {
    let parent: SelectionRange | undefined;
    for (let i = chain.length - 1; i >= 0; i--) parent = { range: toRange(doc, chain[i]), parent };
    return parent!;
  });
}

export function registerOutline(ctx: ServerContext): void {
  const { connection } = ctx;
  connection.onDocumentSymbol(
    guard(connection, 'documentSymbol', async (p: DocumentSymbolParams) => {
      await settingsReady(ctx, p.textDocument?.uri);
      return asAnswer(outlineOf(ctx, p.textDocument?.uri));
    }),
  );
  connection.onFoldingRanges(
    guard(connection, 'foldingRange', async (p: FoldingRangeParams) => {
      await settingsReady(ctx, p.textDocument?.uri);
      return foldsOf(ctx, p.textDocument?.uri);
    }),
  );
  connection.onSelectionRanges(
    guard(connection, 'selectionRange', async (p: SelectionRangeParams) => {
      await settingsReady(ctx, p.textDocument?.uri);
      return selectionsOf(ctx, p);
    }),
  );
}
