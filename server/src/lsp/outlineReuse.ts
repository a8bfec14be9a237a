// The Outline and the folds of a values file, built one top-level section at a time and kept across document
// versions. An edit re-parses only the sections it touches (core/parse/sections.ts) and hands back the other
// sections' parse nodes unchanged: their symbols and folds are kept too, and only moved when lines were inserted or
// removed above them. On the 4,600-line chart an edit in one key then rebuilds that key's symbols, not ~1,700.

import {
  FoldingRangeKind,
  SymbolKind,
  type DocumentSymbol,
  type FoldingRange,
  type Range,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../core/analyze';
import {
  documentSymbols,
  foldingRanges,
  outlineSections,
  type FoldRange,
  type OutlineKind,
  type OutlineSection,
  type OutlineSymbol,
} from '../core/outline';
import { toRange } from './convert';

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

/** The protocol's symbol; optional fields only when they hold something (no empty `detail` or `children`). */
function toSymbol(doc: TextDocument, s: OutlineSymbol): DocumentSymbol {
  const out: DocumentSymbol = {
    name: s.name,
    kind: KINDS[s.kind],
    range: toRange(doc, s.range),
    selectionRange: toRange(doc, s.selectionRange),
  };
  if (s.detail !== undefined) out.detail = s.detail;
  if (s.children) out.children = s.children.map((c) => toSymbol(doc, c));
  return out;
}

function toFolds(doc: TextDocument, folds: readonly FoldRange[]): FoldingRange[] {
  const out: FoldingRange[] = [];
  for (const f of folds) {
    const startLine = doc.positionAt(f.start).line;
    // A value's range ends at the start of the next line when it ends with a line break: fold to the line before.
    const end = doc.positionAt(f.end);
    const endLine = end.character === 0 && end.line > startLine ? end.line - 1 : end.line;
    if (endLine > startLine)
      out.push({ startLine, endLine, ...(f.kind === 'comment' ? { kind: FoldingRangeKind.Comment } : {}) });
  }
  return out;
}

function movedRange(r: Range, lines: number): Range {
  return {
    start: { line: r.start.line + lines, character: r.start.character },
    end: { line: r.end.line + lines, character: r.end.character },
  };
}

/** The same symbol `lines` lines further down (a section starts at column 0, so characters do not change). */
function movedSymbol(s: DocumentSymbol, lines: number): DocumentSymbol {
  const out: DocumentSymbol = {
    ...s,
    range: movedRange(s.range, lines),
    selectionRange: movedRange(s.selectionRange, lines),
  };
  if (s.children) out.children = s.children.map((c) => movedSymbol(c, lines));
  return out;
}

const movedFolds = (folds: FoldingRange[], lines: number): FoldingRange[] =>
  folds.map((f) => ({ ...f, startLine: f.startLine + lines, endLine: f.endLine + lines }));

/** What was built from a section's node, and the line the section started on then. */
interface Kept<T> {
  line: number;
  value: T;
}

const keptSymbols = new WeakMap<object, Kept<DocumentSymbol | undefined>>();
const keptFolds = new WeakMap<object, Kept<FoldingRange[]>>();

/** The section's value as kept (moved to the section's line now), else built. */
function reuse<T>(
  kept: WeakMap<object, Kept<T>>,
  doc: TextDocument,
  section: OutlineSection,
  build: () => T,
  move: (value: T, lines: number) => T,
): T {
  const line = doc.positionAt(section.start).line;
  const k = kept.get(section.node);
  if (k && k.line === line) return k.value;
  const value = k ? move(k.value, line - k.line) : build();
  kept.set(section.node, { line, value });
  return value;
}

/** The Outline built whole, nothing kept (files that are not one mapping; the benchmark's "before"). */
export function wholeOutline(doc: TextDocument, analysis: Analysis): DocumentSymbol[] {
  return documentSymbols(analysis).map((s) => toSymbol(doc, s));
}

/** The folds built whole, nothing kept. */
export function wholeFolds(doc: TextDocument, analysis: Analysis): FoldingRange[] {
  return toFolds(doc, foldingRanges(analysis));
}

/** The Outline of this version of the document. */
export function outlineSymbols(doc: TextDocument, analysis: Analysis): DocumentSymbol[] {
  const sections = outlineSections(analysis);
  if (!sections) return wholeOutline(doc, analysis);
  const out: DocumentSymbol[] = [];
  for (const section of sections) {
    const s = reuse(
      keptSymbols,
      doc,
      section,
      () => {
        const built = section.symbol();
        return built && toSymbol(doc, built);
      },
      (value, lines) => value && movedSymbol(value, lines),
    );
    if (s) out.push(s);
  }
  return out;
}

/** The folding ranges of this version of the document. */
export function outlineFolds(doc: TextDocument, analysis: Analysis): FoldingRange[] {
  const sections = outlineSections(analysis);
  if (!sections) return wholeFolds(doc, analysis);
  const out: FoldingRange[] = [];
  for (const section of sections)
    out.push(...reuse(keptFolds, doc, section, () => toFolds(doc, section.folds()), movedFolds));
  return out;
}
