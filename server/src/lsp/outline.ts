// textDocument/documentSymbol, foldingRange and selectionRange: the core's view of the file's structure
// (core/outline.ts), converted to positions. Empty for YAML that is not Cilium configuration.

import {
  FoldingRangeKind,
  SymbolKind,
  type DocumentSymbol,
  type DocumentSymbolParams,
  type FoldingRange,
  type FoldingRangeParams,
  type SelectionRange,
  type SelectionRangeParams,
} from 'vscode-languageserver';
import { documentSymbols, foldingRanges, selectionRanges, type OutlineKind, type OutlineSymbol } from '../core/outline';
import { openDocument, settingsReady, type ServerContext } from './context';
import { toRange } from './convert';
import { guard } from './guard';
import type { TextDocument } from 'vscode-languageserver-textdocument';

const KINDS: Record<OutlineKind, SymbolKind> = {
  document: SymbolKind.File,
  object: SymbolKind.Module,
  array: SymbolKind.Array,
  string: SymbolKind.String,
  number: SymbolKind.Number,
  boolean: SymbolKind.Boolean,
  null: SymbolKind.Null,
  alias: SymbolKind.Key,
};

function toSymbol(doc: TextDocument, s: OutlineSymbol): DocumentSymbol {
  return {
    name: s.name,
    detail: s.detail,
    kind: KINDS[s.kind],
    range: toRange(doc, s.range),
    selectionRange: toRange(doc, s.selectionRange),
    children: s.children?.map((c) => toSymbol(doc, c)),
  };
}

/**
 * The Outline of each analysis (one per document version): editors ask again on every focus, scroll and
 * breadcrumb update, and on the 4,600-line chart building ~1,700 symbols costs more than sending them.
 */
const symbolCache = new WeakMap<object, DocumentSymbol[]>();

export function symbolsOf(ctx: ServerContext, uri: unknown): DocumentSymbol[] {
  const { doc, analysis } = openDocument(ctx, uri);
  let symbols = symbolCache.get(analysis);
  if (!symbols) symbolCache.set(analysis, (symbols = documentSymbols(analysis).map((s) => toSymbol(doc, s))));
  return symbols;
}

/** Folding ranges of each analysis, for the same reason (the editor asks again whenever it redraws folds). */
const foldCache = new WeakMap<object, FoldingRange[]>();

export function foldsOf(ctx: ServerContext, uri: unknown): FoldingRange[] {
  const { doc, analysis } = openDocument(ctx, uri);
  const hit = foldCache.get(analysis);
  if (hit) return hit;
  const out: FoldingRange[] = [];
  for (const f of foldingRanges(analysis)) {
    const startLine = doc.positionAt(f.start).line;
    // A value's range ends at the start of the next line when it ends with a line break: fold to the line before.
    const end = doc.positionAt(f.end);
    const endLine = end.character === 0 && end.line > startLine ? end.line - 1 : end.line;
    if (endLine > startLine)
      out.push({ startLine, endLine, ...(f.kind === 'comment' ? { kind: FoldingRangeKind.Comment } : {}) });
  }
  foldCache.set(analysis, out);
  return out;
}

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
      return symbolsOf(ctx, p.textDocument?.uri);
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
