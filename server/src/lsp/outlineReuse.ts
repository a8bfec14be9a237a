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
import { preSerialize, PreSerialized } from './preSerialized';

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

/** A top-level symbol's JSON text and its UTF-8 bytes. */
interface SectionJson {
  text: string;
  bytes: Buffer;
}

/** Top-level symbols written as JSON whole, moved by shifting their text, and moved as trees: tests count them. */
export const outlineJsonSteps = { written: 0, shifted: 0, treesMoved: 0 };

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

/**
 * One top-level section's symbol at the line the section starts on now. A section that only moved keeps the tree
 * built where it was first built, and neither the moved tree nor its JSON is made until asked for: over a byte
 * stream only the JSON is sent (its text shifted from the last one made), over node-ipc only the tree, and the
 * ~1,700 symbols below an inserted line are not copied on every edit.
 */
export class SectionSymbol {
  #tree: DocumentSymbol | undefined;
  #json: SectionJson | undefined;

  constructor(
    /** The line the section starts on now. */
    readonly line: number,
    /** The tree as built, at `baseLine`; undefined when the section has no symbol. */
    private readonly base: DocumentSymbol | undefined,
    private readonly baseLine: number,
    /** The JSON made for an earlier line of the same section, if any: moved by shifting its text. */
    private readonly earlier?: { json: SectionJson; line: number },
  ) {
    if (line === baseLine) this.#tree = base;
  }

  get symbol(): DocumentSymbol | undefined {
    if (!this.#tree && this.base) {
      outlineJsonSteps.treesMoved++;
      this.#tree = movedSymbol(this.base, this.line - this.baseLine);
    }
    return this.#tree;
  }

  /** JSON.stringify(symbol); undefined when the section has no symbol. */
  get json(): SectionJson | undefined {
    if (!this.#json && this.base) {
      if (this.earlier) {
        outlineJsonSteps.shifted++;
        this.#json = sectionJson(shiftLines(this.earlier.json.text, this.line - this.earlier.line));
      } else {
        outlineJsonSteps.written++;
        this.#json = sectionJson(JSON.stringify(this.symbol));
      }
    }
    return this.#json;
  }

  /** The same section starting on `line`. */
  movedTo(line: number): SectionSymbol {
    const json = this.#json ?? this.earlier?.json;
    const at = this.#json ? this.line : this.earlier?.line;
    return new SectionSymbol(line, this.base, this.baseLine, json && at !== undefined ? { json, line: at } : undefined);
  }
}

const keptSections = new WeakMap<object, SectionSymbol>();

/** The Outline's sections for this version of the document, or undefined for a file the sections do not cover. */
function sectionSymbols(doc: TextDocument, analysis: Analysis): SectionSymbol[] | undefined {
  const sections = outlineSections(analysis);
  if (!sections) return undefined;
  return sections.map((section) => {
    const line = doc.positionAt(section.start).line;
    const k = keptSections.get(section.node);
    if (k && k.line === line) return k;
    const next = k
      ? k.movedTo(line)
      : (() => {
          const built = section.symbol();
          return new SectionSymbol(line, built && toSymbol(doc, built), line);
        })();
    keptSections.set(section.node, next);
    return next;
  });
}

const COMMA = Buffer.from(',');
const OPEN = Buffer.from('[');
const CLOSE = Buffer.from(']');

/** JSON.stringify of the sections' symbols as UTF-8, from each section's kept (or shifted) text. */
function joinedJson(parts: readonly SectionSymbol[]): Buffer {
  const out: Buffer[] = [OPEN];
  for (const p of parts) {
    const json = p.json;
    if (!json) continue;
    if (out.length > 1) out.push(COMMA);
    out.push(json.bytes);
  }
  out.push(CLOSE);
  return Buffer.concat(out);
}

/**
 * The Outline of this version of the document, as the server answers it: the symbols and their JSON, each made when
 * first asked for (preSerialized.ts).
 */
export function outlineAnswer(doc: TextDocument, analysis: Analysis): PreSerialized<DocumentSymbol[]> {
  const parts = sectionSymbols(doc, analysis);
  if (!parts) return preSerialize(wholeOutline(doc, analysis));
  return new PreSerialized(
    () => parts.flatMap((p) => (p.symbol ? [p.symbol] : [])),
    () => joinedJson(parts),
  );
}

/** The Outline of this version of the document. */
export function outlineSymbols(doc: TextDocument, analysis: Analysis): DocumentSymbol[] {
  return outlineAnswer(doc, analysis).value;
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
