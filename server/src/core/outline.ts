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

/** A scalar as the user wrote it (templates shown as written), on one line and not too long. */
function detailOf(node: unknown, w: Walk): string | undefined {
  if (!isScalar(node) && !isAlias(node)) return undefined;
  const r = span(node as Node);
  if (!r) return undefined;
  const oneLine = w.source
    .slice(r.start, Math.min(r.end, r.start + MAX_DETAIL * 2))
    .replace(/\s+/g, ' ')
    .trim();
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

function childrenOf(node: unknown, w: Walk, depth: number): OutlineSymbol[] | undefined {
  if (depth > MAX_DEPTH || w.left <= 0) return undefined;
  if (isMap(node)) {
    const out: OutlineSymbol[] = [];
    for (const pair of node.items as Pair[]) {
      if (--w.left < 0) break;
      const keyRange = span(pair.key as Node);
      if (!keyRange) continue;
      const valueRange = span(pair.value as Node);
      const range = { start: keyRange.start, end: Math.max(keyRange.end, valueRange?.end ?? keyRange.end) };
      out.push(symbol(keyName(pair.key, w), pair.value, range, keyRange, w, depth));
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
      const r = span(doc.contents as Node)!;
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

/** Mappings, lists and block scalars that span lines, and runs of two or more comment lines. */
export function foldingRanges(analysis: Analysis): FoldRange[] {
  if (!ours(analysis)) return [];
  const yaml = analysis.yaml!;
  const out: FoldRange[] = [];
  let left = MAX_SYMBOLS;
  const visit = (node: unknown, depth: number): void => {
    if (depth > MAX_DEPTH || left <= 0) return;
    if (isMap(node)) {
      for (const pair of node.items as Pair[]) {
        if (--left < 0) return;
        const k = span(pair.key as Node);
        const v = span(pair.value as Node);
        if (k && v && (isMap(pair.value) || isSeq(pair.value) || isScalar(pair.value)))
          out.push({ start: k.start, end: v.end });
        visit(pair.value, depth + 1);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) {
        if (--left < 0) return;
        const r = span(item as Node);
        if (r && (isMap(item) || isSeq(item))) out.push({ start: r.start, end: r.end });
        visit(item, depth + 1);
      }
    }
  };
  for (const doc of yaml.documents) visit(doc.contents, 0);
  out.push(...commentRuns(yaml.text));
  return out;
}

/** Runs of two or more lines that hold only a comment (the chart's long `# --` descriptions among them). */
function commentRuns(text: string): FoldRange[] {
  const out: FoldRange[] = [];
  let runStart = -1;
  let runEnd = -1;
  let lines = 0;
  const close = () => {
    if (lines >= 2) out.push({ start: runStart, end: runEnd, kind: 'comment' });
    lines = 0;
    runStart = -1;
  };
  for (let at = 0; at <= text.length;) {
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
      push(span(node as Node));
      let next: unknown;
      if (isMap(node)) {
        for (const pair of node.items as Pair[]) {
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
