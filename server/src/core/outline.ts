// The file's structure as an editor shows it: document symbols (Outline, breadcrumbs), folding ranges and
// selection ranges, all read from the YAML the analysis already parsed (no second parse, so they stay cheap on
// the 4,600-line upstream values.yaml). Shown only for files that hold Cilium configuration: other YAML is left to
// the user's YAML extension, so the Outline does not list every file twice.

import { isAlias, isMap, isScalar, isSeq, Scalar, type Document, type Node, type Pair } from 'yaml';
import type { Analysis } from './analyze';
import type { Range } from './types';

export type OutlineKind = 'document' | 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null' | 'alias';

export interface OutlineSymbol {
  name: string;
  /** The value as written, for scalars (shown greyed beside the key). */
  detail?: string;
  kind: OutlineKind;
  /** The key and its value. */
  range: Range;
  /** The key alone (what the editor selects and reveals). */
  selectionRange: Range;
  children?: OutlineSymbol[];
}

export interface FoldRange {
  /** Offsets: the fold starts on the line of `start` and ends on the line of `end`. */
  start: number;
  end: number;
  kind?: 'comment';
}

/** A file of tens of thousands of keys still gets an outline, just not all of it. */
const MAX_SYMBOLS = 50_000;
const MAX_DEPTH = 64;
const MAX_DETAIL = 80;

interface Walk {
  source: string;
  left: number;
}

function span(node: { range?: [number, number, number] | null } | null | undefined): Range | undefined {
  const r = node?.range;
  return r ? { start: r[0], end: Math.max(r[0], r[1]) } : undefined;
}

function kindOf(node: unknown): OutlineKind {
  if (isMap(node)) return 'object';
  if (isSeq(node)) return 'array';
  if (isAlias(node)) return 'alias';
  if (isScalar(node)) {
    const v = node.value;
    if (v === null || v === undefined) return 'null';
    if (typeof v === 'boolean') return 'boolean';
    if (typeof v === 'number' || typeof v === 'bigint') return 'number';
  }
  return node === null || node === undefined ? 'null' : 'string';
}

/** A scalar as the user wrote it (templates shown as written), on one line and not too long; none when empty. */
function detailOf(node: unknown, w: Walk): string | undefined {
  if (!isScalar(node) && !isAlias(node)) return undefined;
  const r = span(node);
  if (!r) return undefined;
  const oneLine = w.source
    .slice(r.start, Math.min(r.end, r.start + MAX_DETAIL * 2))
    .replace(/\s+/g, ' ')
    .trim();
  // A key with nothing after it (`name:`) has no value to show: an empty detail would only cost bytes.
  if (oneLine === '') return undefined;
  return oneLine.length > MAX_DETAIL ? `${oneLine.slice(0, MAX_DETAIL - 1)}…` : oneLine;
}

function keyName(key: unknown, w: Walk): string {
  if (isScalar(key)) {
    if (key.type === Scalar.PLAIN && key.range) return w.source.slice(key.range[0], key.range[1]).trim() || '""';
    const v = key.value;
    return v === null || v === undefined || v === '' ? '""' : String(v);
  }
  const r = span(key as Node);
  return r ? w.source.slice(r.start, r.end).replace(/\s+/g, ' ').slice(0, MAX_DETAIL) || '?' : '?';
}

/** The symbol of a mapping's entry: the key (selected), the key and its value (range), what is below it. */
function pairSymbol(pair: Pair, w: Walk, depth: number): OutlineSymbol | undefined {
  const keyRange = span(pair.key as Node);
  if (!keyRange) return undefined;
  const valueRange = span(pair.value as Node);
  const range = { start: keyRange.start, end: Math.max(keyRange.end, valueRange?.end ?? keyRange.end) };
  return symbol(keyName(pair.key, w), pair.value, range, keyRange, w, depth);
}

function childrenOf(node: unknown, w: Walk, depth: number): OutlineSymbol[] | undefined {
  if (depth > MAX_DEPTH || w.left <= 0) return undefined;
  if (isMap(node)) {
    const out: OutlineSymbol[] = [];
    for (const pair of node.items) {
      if (--w.left < 0) break;
      const s = pairSymbol(pair, w, depth);
      if (s) out.push(s);
    }
    return out;
  }
  if (isSeq(node)) {
    const out: OutlineSymbol[] = [];
    node.items.forEach((item, i) => {
      if (--w.left < 0) return;
      const r = span(item as Node);
      if (r) out.push(symbol(String(i), item, r, r, w, depth));
    });
    return out;
  }
  return undefined;
}

function symbol(
  name: string,
  value: unknown,
  range: Range,
  selectionRange: Range,
  w: Walk,
  depth: number,
): OutlineSymbol {
  const s: OutlineSymbol = { name, kind: kindOf(value), range, selectionRange };
  const detail = detailOf(value, w);
  if (detail !== undefined) s.detail = detail;
  const children = childrenOf(value, w, depth + 1);
  if (children && children.length > 0) s.children = children;
  // A list of objects reads better with each item's first entry: `- name: FOO` shows as "0  name: FOO".
  if (isSeq(value)) for (const c of s.children ?? []) c.detail ??= firstEntry(c);
  return s;
}

function firstEntry(item: OutlineSymbol): string | undefined {
  const first = item.children?.[0];
  if (!first) return undefined;
  return first.detail !== undefined ? `${first.name}: ${first.detail}` : first.name;
}

/** "ConfigMap kube-system/cilium-config" for a Kubernetes object, else "Document 2". */
function documentName(doc: Document.Parsed, index: number, analysis: Analysis): string {
  const ours = analysis.documents.find((d) => d.index === index);
  if (ours) return ours.label;
  const c = doc.contents;
  if (isMap(c)) {
    // A parsed map's get() returns the scalar's value at run time, whatever yaml's types say.
    const kind: unknown = c.get('kind');
    const meta = c.get('metadata');
    const name: unknown = isMap(meta) ? meta.get('name') : undefined;
    if (typeof kind === 'string') return typeof name === 'string' ? `${kind} ${name}` : kind;
  }
  return `Document ${index + 1}`;
}

/** True when the file holds Cilium configuration: only then do we describe its structure. */
function ours(analysis: Analysis): boolean {
  return !!analysis.yaml && analysis.documents.length > 0;
}

export function documentSymbols(analysis: Analysis): OutlineSymbol[] {
  if (!ours(analysis)) return [];
  const yaml = analysis.yaml!;
  const w: Walk = { source: yaml.source, left: MAX_SYMBOLS };
  const docs = yaml.documents.map((doc, index) => ({ doc, index, children: childrenOf(doc.contents, w, 0) ?? [] }));
  if (docs.length === 1) return docs[0].children;
  return docs
    .filter((d) => d.children.length > 0)
    .map(({ doc, index, children }) => {
      const r = span(doc.contents)!;
      const first = children[0].selectionRange;
      return {
        name: documentName(doc, index, analysis),
        kind: 'document' as const,
        range: r,
        selectionRange: first,
        children,
      };
    });
}

/** Where the folds of a walk go, and how many more entries it may visit. */
interface FoldWalk {
  out: FoldRange[];
  left: number;
}

/** A mapping's entry folds from its key to the end of its value; then the folds below it. */
function foldPair(pair: Pair, depth: number, f: FoldWalk): void {
  const k = span(pair.key as Node);
  const v = span(pair.value as Node);
  if (k && v && (isMap(pair.value) || isSeq(pair.value) || isScalar(pair.value)))
    f.out.push({ start: k.start, end: v.end });
  foldsBelow(pair.value, depth + 1, f);
}

function foldsBelow(node: unknown, depth: number, f: FoldWalk): void {
  if (depth > MAX_DEPTH || f.left <= 0) return;
  if (isMap(node)) {
    for (const pair of node.items) {
      if (--f.left < 0) return;
      foldPair(pair, depth, f);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) {
      if (--f.left < 0) return;
      const r = span(item as Node);
      if (r && (isMap(item) || isSeq(item))) f.out.push({ start: r.start, end: r.end });
      foldsBelow(item, depth + 1, f);
    }
  }
}

/** Mappings, lists and block scalars that span lines, and runs of two or more comment lines. */
export function foldingRanges(analysis: Analysis): FoldRange[] {
  if (!ours(analysis)) return [];
  const yaml = analysis.yaml!;
  const f: FoldWalk = { out: [], left: MAX_SYMBOLS };
  for (const doc of yaml.documents) foldsBelow(doc.contents, 0, f);
  f.out.push(...commentRuns(yaml.text, 0, yaml.text.length));
  return f.out;
}

/**
 * Runs of two or more lines that hold only a comment (the chart's long `# --` descriptions among them), among the
 * lines that start in [from, to).
 */
function commentRuns(text: string, from: number, to: number): FoldRange[] {
  const out: FoldRange[] = [];
  let runStart = -1;
  let runEnd = -1;
  let lines = 0;
  const close = () => {
    if (lines >= 2) out.push({ start: runStart, end: runEnd, kind: 'comment' });
    lines = 0;
    runStart = -1;
  };
  for (let at = from; at < to;) {
    let eol = text.indexOf('\n', at);
    if (eol < 0) eol = text.length;
    let i = at;
    while (i < eol && (text[i] === ' ' || text[i] === '\t')) i++;
    if (i < eol && text[i] === '#') {
      if (runStart < 0) runStart = i;
      runEnd = eol;
      lines++;
    } else close();
    at = eol + 1;
  }
  close();
  return out;
}

/**
 * One top-level key of a file that is one block mapping, from its line to the next top-level key's (the first
 * section also holds what comes before its key). The incremental parse (parse/sections.ts) hands back the very
 * same `node` while a section's text is unchanged, moved or not: whatever was built from a section can be kept
 * for as long as its node is the same object, and moved by the lines inserted or removed above it.
 */
export interface OutlineSection {
  /** The parse's pair of the key: the identity to keep built results by. */
  node: object;
  /** Offsets of the section in this text. */
  start: number;
  end: number;
  /** The key's symbol with everything below it (undefined past the symbol limit). */
  symbol(): OutlineSymbol | undefined;
  /** Its folds: the key's value, what is below, and the comment blocks of the section. */
  folds(): FoldRange[];
}

/** Sections built, for tests that check an edit rebuilds only the section it touched. */
export const outlineSteps = { symbols: 0, folds: 0 };

/**
 * The file's Outline and folds by top-level section, or undefined when the file is not one block mapping with
 * every top-level key at column 0 (then documentSymbols and foldingRanges describe it whole). Together the
 * sections give exactly what documentSymbols and foldingRanges give.
 */
export function outlineSections(analysis: Analysis): OutlineSection[] | undefined {
  if (!ours(analysis)) return [];
  const yaml = analysis.yaml!;
  const map = yaml.documents.length === 1 ? yaml.documents[0].contents : undefined;
  if (!isMap(map) || map.flow) return undefined;
  const text = yaml.text;
  const pairs = map.items as Pair[];
  const starts: number[] = [];
  for (const [i, pair] of pairs.entries()) {
    const key = span(pair.key as Node);
    if (!key || (key.start > 0 && text.charCodeAt(key.start - 1) !== 10)) return undefined;
    starts.push(i === 0 ? 0 : key.start);
  }
  // One budget for the file, as documentSymbols has: only sections built now spend from it.
  const w: Walk = { source: yaml.source, left: MAX_SYMBOLS };
  const f: FoldWalk = { out: [], left: MAX_SYMBOLS };
  return pairs.map((pair, i) => {
    const start = starts[i];
    const end = i + 1 < pairs.length ? starts[i + 1] : text.length;
    return {
      node: pair,
      start,
      end,
      symbol: () => {
        outlineSteps.symbols++;
        return w.left > 0 && --w.left >= 0 ? pairSymbol(pair, w, 0) : undefined;
      },
      folds: () => {
        outlineSteps.folds++;
        f.out = [];
        if (f.left > 0 && --f.left >= 0) foldPair(pair, 0, f);
        return [...f.out, ...commentRuns(text, start, end)];
      },
    };
  });
}

/**
 * For each offset, the ranges that contain it from the innermost out: the key or the value under the cursor, the
 * whole `key: value`, the mapping that holds it, the entry of that mapping's key, and so on to the document.
 */
export function selectionRanges(analysis: Analysis, offsets: readonly number[]): Range[][] {
  const yaml = analysis.yaml;
  return offsets.map((offset) => {
    if (!yaml || !ours(analysis)) return [{ start: offset, end: offset }];
    const chain: Range[] = [];
    const push = (r: Range | undefined) => {
      if (!r) return;
      const last = chain[chain.length - 1];
      if (!last || last.start !== r.start || last.end !== r.end) chain.push(r);
    };
    const doc = yaml.documents.find((d) => d.range[0] <= offset && offset <= d.range[2]);
    let node: unknown = doc?.contents;
    for (let depth = 0; node && depth <= MAX_DEPTH; depth++) {
      push(span(node));
      let next: unknown;
      if (isMap(node)) {
        for (const pair of node.items) {
          const k = span(pair.key as Node);
          const v = span(pair.value as Node);
          if (!k) continue;
          const whole = { start: k.start, end: Math.max(k.end, v?.end ?? k.end) };
          if (offset < whole.start || offset > whole.end) continue;
          push(whole);
          if (offset <= k.end) push(k);
          else next = pair.value;
          break;
        }
      } else if (isSeq(node)) {
        next = node.items.find((item) => {
          const r = span(item as Node);
          return r && r.start <= offset && offset <= r.end;
        });
      }
      node = next;
    }
    if (chain.length === 0) return [{ start: offset, end: offset }];
    return chain.reverse();
  });
}
