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

/** A top-level symbol's JSON text and its UTF-8 bytes, kept with the symbol (and moved with it). */
interface SectionJson {
  text: string;
  bytes: Buffer;
}

const keptJson = new WeakMap<DocumentSymbol, SectionJson>();

/** Top-level symbols written as JSON whole, and moved by shifting their text: tests count them. */
export const outlineJsonSteps = { written: 0, shifted: 0 };

const sectionJson = (text: string): SectionJson => ({ text, bytes: Buffer.from(text, 'utf8') });

const LINE_KEY = '{"line":';

/**
 * The JSON of a symbol tree with every position `lines` lines further down: each `{"line":N` becomes
 * `{"line":N+lines`. The text is JSON.stringify's, so the pattern is always a position's own `line` (inside a JSON
 * string a quote is escaped, and a string's closing quote is followed by `,`, `:`, `}` or `]`, never `line`), and
 * symbols have no other `line` member. The same text JSON.stringify gives for the moved tree, at a third of its cost.
 */
export function shiftLines(json: string, lines: number): string {
  let out = '';
  let from = 0;
  for (let at = json.indexOf(LINE_KEY); at >= 0; at = json.indexOf(LINE_KEY, from)) {
    const digits = at + LINE_KEY.length;
    let end = digits;
    while (end < json.length && json.charCodeAt(end) >= 48 && json.charCodeAt(end) <= 57) end++;
    out += json.slice(from, digits) + String(Number(json.slice(digits, end)) + lines);
    from = end;
  }
  return out + json.slice(from);
}

/** The symbol moved `lines` lines down, and its JSON too when it had some (so it is not written again). */
function movedSection(s: DocumentSymbol, lines: number): DocumentSymbol {
  const moved = movedSymbol(s, lines);
  const json = keptJson.get(s);
  if (json) {
    outlineJsonSteps.shifted++;
    keptJson.set(moved, sectionJson(shiftLines(json.text, lines)));
  }
  return moved;
}

const COMMA = Buffer.from(',');
const OPEN = Buffer.from('[');
const CLOSE = Buffer.from(']');

/**
 * JSON.stringify(symbols) as UTF-8 bytes, reusing the text of each top-level symbol an earlier version already
 * wrote: a section the edit did not touch is not written again, a moved one only has its line numbers shifted.
 */
export function outlineJson(symbols: readonly DocumentSymbol[]): Buffer {
  const parts: Buffer[] = [OPEN];
  symbols.forEach((s, i) => {
    let json = keptJson.get(s);
    if (!json) {
      outlineJsonSteps.written++;
      keptJson.set(s, (json = sectionJson(JSON.stringify(s))));
    }
    if (i > 0) parts.push(COMMA);
    parts.push(json.bytes);
  });
  parts.push(CLOSE);
  return Buffer.concat(parts);
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
      (value, lines) => value && movedSection(value, lines),
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
