// Comment-preserving edits on the user's YAML, used by every quick-fix. We never re-serialise a document:
// each edit replaces or inserts the smallest piece of text, at the indentation the file already uses, so
// comments, key order and quoting elsewhere stay exactly as they were. All offsets are file offsets, so the
// same code edits values embedded as a block scalar (their indentation is read from the file itself).
//
// Every primitive returns undefined when it cannot edit safely (an alias or merge key in the way, a value
// spread over several lines, a folded string whose lines cannot be mapped back to the file...): no fix is
// better than a wrong one.

import { isMap, isScalar, isSeq, Scalar, type Node, type Pair } from 'yaml';
import { MapView, type TreeEntry } from '../parse/tree';
import type { TextEdit } from '../types';
import {
  column,
  fileIndentStep,
  stripMatchingQuotes,
  lineEnd,
  lineStart,
  nextLineStart,
  onlyCommentFollows,
  startsLine,
} from './text';

/** The entry's key range really holds its key in the file (quotes aside): its offsets can be edited. */
export function keyMapsToFile(entry: TreeEntry, fileText: string): boolean {
  if (entry.merged) return false;
  const raw = fileText.slice(entry.keyRange.start, entry.keyRange.end).trim();
  const unquoted = stripMatchingQuotes(raw);
  return unquoted === entry.key;
}

/** The entry written in this mapping (not merged in), with ranges that point at its text. */
function ownEntry(view: MapView, key: string, fileText: string): TreeEntry | undefined {
  const e = view.get(key);
  return e && keyMapsToFile(e, fileText) ? e : undefined;
}

function isEmptyValue(e: TreeEntry): boolean {
  return e.node === null || (isScalar(e.node) && e.node.value === null);
}

function isBlockScalar(e: TreeEntry): boolean {
  return isScalar(e.node) && (e.node.type === Scalar.BLOCK_LITERAL || e.node.type === Scalar.BLOCK_FOLDED);
}

/** The offset of the `:` after a key, on the same line, or -1. */
function colonAfter(e: TreeEntry, fileText: string): number {
  const colon = fileText.indexOf(':', e.keyRange.end);
  if (colon < 0 || fileText.slice(e.keyRange.end, colon).trim() !== '') return -1;
  return colon;
}

/** Where the entry's text ends: after its value, or after its key when it has none. */
function entryEnd(e: TreeEntry): number {
  return e.valueRange.end > e.valueRange.start ? e.valueRange.end : e.keyRange.end;
}

/** `key: value` on one line of a block mapping, nothing but an optional comment after it. */
function isOneLineBlockEntry(e: TreeEntry, fileText: string): boolean {
  const end = entryEnd(e);
  return (
    !fileText.slice(e.keyRange.start, end).includes('\n') &&
    startsLine(fileText, e.keyRange.start) &&
    onlyCommentFollows(fileText, end)
  );
}

/** The indentation step for nested mappings: learnt from the mapping itself, else from the file, else 2. */
function indentStep(view: MapView, fileText: string): number {
  for (const e of view.entries()) {
    if (e.merged || !isMap(e.node) || e.node.flow) continue;
    const child = new MapView(e.node, view.ctx).entries().find((c) => !c.merged);
    if (child) {
      const step = column(fileText, child.keyRange.start) - column(fileText, e.keyRange.start);
      if (step > 0) return step;
    }
  }
  return fileIndentStep(fileText) ?? 2;
}

/** Lines for `a: {b: {c: v}}` in block style, relative indentation 0 for the first key. */
function blockLines(path: readonly string[], valueText: string, step: number): string[] {
  return path.map((k, i) => `${' '.repeat(step * i)}${k}:${i === path.length - 1 ? ` ${valueText}` : ''}`);
}

/** `a: {b: v}` for a flow mapping. */
function flowText(path: readonly string[], valueText: string): string {
  return path.reduceRight((inner, k, i) => (i === path.length - 1 ? `${k}: ${inner}` : `${k}: {${inner}}`), valueText);
}

function nodeRange(node: unknown): [number, number, number] | undefined {
  return (node as Node | null)?.range ?? undefined;
}

/**
 * The file offset of the end of the line holding an offset of the text the mapping was parsed from (an embedded
 * string's own text), where a node range that stops after a line break counts as ending on the line before.
 * Worked out in that text and then mapped, so that it lands on the same line of the file.
 */
function lineEndOf(view: MapView, innerEnd: number, fileText: string): number {
  const inner = view.ctx.text;
  let pos = innerEnd > 0 && inner[innerEnd - 1] === '\n' ? innerEnd - 1 : inner.indexOf('\n', innerEnd);
  if (pos < 0) pos = inner.length;
  return lineEnd(fileText, view.ctx.toFile(pos));
}

/** The file offset of the line end of the mapping's last written line. */
function lastLineEnd(view: MapView, fileText: string): number | undefined {
  const items = view.map.items;
  const last = items[items.length - 1];
  if (!last) return undefined;
  const end = Math.max(nodeRange(last.key)?.[1] ?? 0, nodeRange(last.value)?.[1] ?? 0);
  return end > 0 ? lineEndOf(view, end, fileText) : undefined;
}

/** The pair of the mapping that an entry was read from. */
function pairOf(view: MapView, e: TreeEntry): Pair | undefined {
  return view.map.items.find((p) => nodeRange(p.key) && view.rangeOf(p.key as Node).start === e.keyRange.start);
}

/** The file column of the mapping's keys, if its first key starts a line (a block mapping we can extend). */
function keyColumn(view: MapView, fileText: string): number | undefined {
  const first = view.map.items[0];
  const r = nodeRange(first?.key);
  if (!r) return undefined;
  const at = view.ctx.toFile(r[0]);
  // `- key: v` (a mapping in a list, as helmfile values are) counts: its keys line up after the dash.
  if (!/^[ \t]*(-[ \t]+)*$/.test(fileText.slice(lineStart(fileText, at), at))) return undefined;
  const own = view.entries().find((e) => !e.merged);
  if (own && !keyMapsToFile(own, fileText)) return undefined;
  return column(fileText, at);
}

/** Inserts lines (indentation relative to the mapping's keys) after the last entry of a block mapping. */
export function insertLines(view: MapView, lines: readonly string[], fileText: string): TextEdit[] | undefined {
  if (view.map.flow || lines.length === 0) return undefined;
  const indent = keyColumn(view, fileText);
  const eol = lastLineEnd(view, fileText);
  if (indent === undefined || eol === undefined) return undefined;
  const at = nextLineStart(fileText, eol);
  const missingNewline = at === fileText.length && !fileText.endsWith('\n');
  const body = lines.map((l) => ' '.repeat(indent) + l).join('\n');
  return [{ range: { start: at, end: at }, newText: missingNewline ? `\n${body}` : `${body}\n` }];
}

/** Adds `path: value` to a flow mapping (`{a: 1}` → `{a: 1, path: value}`), nested as `{k: {…}}`. */
function insertIntoFlow(view: MapView, path: readonly string[], valueText: string): TextEdit[] | undefined {
  if (/[\n#]/.test(valueText)) return undefined;
  const text = flowText(path, valueText);
  const items = view.map.items;
  if (items.length === 0) {
    const r = nodeRange(view.map);
    if (!r || view.ctx.text[r[0]] !== '{') return undefined;
    const at = view.ctx.toFile(r[0] + 1);
    return [{ range: { start: at, end: at }, newText: text }];
  }
  const last = items[items.length - 1];
  const end = Math.max(nodeRange(last.key)?.[1] ?? 0, nodeRange(last.value)?.[1] ?? 0);
  if (end <= 0) return undefined;
  const at = view.ctx.toFile(end);
  return [{ range: { start: at, end: at }, newText: `, ${text}` }];
}

/** Adds `path` (missing from `view`) with its value at the end of the mapping, block or flow. */
export function insertPath(
  view: MapView,
  path: readonly string[],
  valueText: string,
  fileText: string,
): TextEdit[] | undefined {
  if (path.length === 0) return undefined;
  if (view.map.flow) return insertIntoFlow(view, path, valueText);
  return insertLines(view, blockLines(path, valueText, indentStep(view, fileText)), fileText);
}

/** Replaces the scalar value of an existing key (one line), or fills in `key:` that has no value. */
export function replaceValue(view: MapView, key: string, valueText: string, fileText: string): TextEdit[] | undefined {
  const e = ownEntry(view, key, fileText);
  if (!e || e.aliased || (e.node && !isScalar(e.node)) || isBlockScalar(e)) return undefined;
  if (e.valueRange.end > e.valueRange.start) {
    if (fileText.slice(e.valueRange.start, e.valueRange.end).includes('\n')) return undefined;
    if (fileText.slice(e.valueRange.start, e.valueRange.end) === valueText) return undefined;
    return [{ range: e.valueRange, newText: valueText }];
  }
  const colon = colonAfter(e, fileText);
  if (colon < 0) return undefined;
  return [{ range: { start: colon + 1, end: colon + 1 }, newText: ` ${valueText}` }];
}

/** Renames a key in place, keeping its quoting, value, comments and position. */
export function renameKey(view: MapView, key: string, newKey: string, fileText: string): TextEdit[] | undefined {
  const e = ownEntry(view, key, fileText);
  if (!e || view.get(newKey)) return undefined;
  const raw = fileText.slice(e.keyRange.start, e.keyRange.end);
  const quote = raw[0] === '"' || raw[0] === "'" ? raw[0] : '';
  return [{ range: e.keyRange, newText: `${quote}${newKey}${quote}` }];
}

/**
 * Replaces a one-line `key: value` by other `key: value` text: one line anywhere, several lines (at the
 * entry's indentation) only in a block mapping. A trailing comment stays at the end of the last line.
 */
export function replaceEntry(
  view: MapView,
  key: string,
  lines: readonly string[],
  fileText: string,
): TextEdit[] | undefined {
  const e = ownEntry(view, key, fileText);
  if (!e || lines.length === 0) return undefined;
  const end = entryEnd(e);
  if (fileText.slice(e.keyRange.start, end).includes('\n')) return undefined;
  if (lines.length > 1 && (view.map.flow || !isOneLineBlockEntry(e, fileText))) return undefined;
  const indent = ' '.repeat(column(fileText, e.keyRange.start));
  return [{ range: { start: e.keyRange.start, end }, newText: lines.join(`\n${indent}`) }];
}

/**
 * Removes an entry of a block mapping: its lines, from the key to the end of its value, trailing comment
 * included. A value over several lines (a nested block) is removed only when no comment sits in it, so that
 * no comment is ever lost with it. Refuses to empty the mapping unless `allowEmpty` (the caller adds
 * something to it in the same fix).
 */
export function removeEntry(view: MapView, key: string, fileText: string, allowEmpty = false): TextEdit[] | undefined {
  const e = ownEntry(view, key, fileText);
  if (!e || view.map.flow || !startsLine(fileText, e.keyRange.start)) return undefined;
  // An anchor defined here may be used further down: removing it would break those aliases.
  if (!e.aliased && (e.node as { anchor?: string } | null)?.anchor) return undefined;
  if (!allowEmpty && view.map.items.length <= 1) return undefined;
  let stop: number;
  if ((isMap(e.node) || isSeq(e.node)) && !e.node.flow) {
    // A nested block: removed with all its lines, provided none of them holds a comment.
    const valueEnd = nodeRange(pairOf(view, e)?.value)?.[1];
    if (valueEnd === undefined) return undefined;
    const eol = lineEndOf(view, valueEnd, fileText);
    if (/#|(^|\s)&\S/.test(fileText.slice(e.keyRange.start, eol))) return undefined;
    stop = nextLineStart(fileText, eol);
  } else {
    const end = entryEnd(e);
    if (fileText.slice(e.keyRange.start, end).includes('\n') || !onlyCommentFollows(fileText, end)) return undefined;
    stop = nextLineStart(fileText, end);
  }
  return [{ range: { start: lineStart(fileText, e.keyRange.start), end: stop }, newText: '' }];
}

/** The mapping at a key path below `view` (the view itself for an empty path). */
export function mapAt(view: MapView, path: readonly string[]): MapView | undefined {
  let current: MapView | undefined = view;
  for (const k of path) current = current?.child(k);
  return current;
}

/**
 * Sets `path` (relative to `view`) to a scalar written as `valueText`. An existing key gets its value
 * replaced; a missing key is added at the end of its parent mapping; missing parents are created; `key:`
 * without a value gets a nested block. A key that comes from a `<<` merge is overridden only when it is the
 * last segment (a mapping written over a merged one would hide the merged keys).
 */
export function setPath(
  view: MapView,
  path: readonly string[],
  valueText: string,
  fileText: string,
): TextEdit[] | undefined {
  const [head, ...rest] = path;
  if (head === undefined) return undefined;
  const entry = view.get(head);
  if (!entry || entry.merged) {
    if (entry && rest.length > 0) return undefined;
    return insertPath(view, path, valueText, fileText);
  }
  if (!keyMapsToFile(entry, fileText)) return undefined;
  if (rest.length === 0) return replaceValue(view, head, valueText, fileText);
  if (entry.aliased) return undefined;
  const child = view.child(head);
  if (child) return setPath(child, rest, valueText, fileText);
  if (!isEmptyValue(entry) || view.map.flow) return undefined;
  return fillEmpty(view, entry, rest, valueText, fileText);
}

/** `bpf:` or `bpf: ~` becomes `bpf:` with a nested block below it; a comment stays on the key's line. */
function fillEmpty(
  view: MapView,
  entry: TreeEntry,
  path: readonly string[],
  valueText: string,
  fileText: string,
): TextEdit[] | undefined {
  const colon = colonAfter(entry, fileText);
  if (colon < 0) return undefined;
  const valueEnd = entry.valueRange.end > entry.valueRange.start ? entry.valueRange.end : colon + 1;
  if (!onlyCommentFollows(fileText, valueEnd)) return undefined;
  const eol = lineEnd(fileText, colon);
  const step = indentStep(view, fileText);
  const indent = ' '.repeat(column(fileText, entry.keyRange.start) + step);
  const body = `\n${blockLines(path, valueText, step)
    .map((l) => indent + l)
    .join('\n')}`;
  if (fileText.slice(valueEnd, eol).trim() === '') return [{ range: { start: colon + 1, end: eol }, newText: body }];
  const edits: TextEdit[] = [{ range: { start: eol, end: eol }, newText: body }];
  if (valueEnd > colon + 1) edits.unshift({ range: { start: colon + 1, end: valueEnd }, newText: '' });
  return edits;
}

/**
 * Moves a one-line `key: value` (with its trailing comment) to another path below `root`, creating missing
 * parents there. Refuses when the target exists or either end cannot be edited safely.
 */
export function moveEntry(
  root: MapView,
  from: readonly string[],
  to: readonly string[],
  fileText: string,
): TextEdit[] | undefined {
  const parentPath = from.slice(0, -1);
  const parent = mapAt(root, parentPath);
  const name = from[from.length - 1];
  const e = parent && ownEntry(parent, name, fileText);
  if (!parent || !e || e.aliased || !isScalar(e.node) || isBlockScalar(e) || e.valueRange.end <= e.valueRange.start)
    return undefined;
  if (root.lookup(to)) return undefined;
  const value = fileText.slice(e.valueRange.start, lineEnd(fileText, e.valueRange.end)).trimEnd();
  const intoSameMapping = parentPath.every((k, i) => to[i] === k) && to.length > parentPath.length;
  const removal = removeEntry(parent, name, fileText, intoSameMapping);
  const insertion = setPath(root, to, value, fileText);
  if (!removal || !insertion) return undefined;
  const [cut] = removal;
  if (insertion.some((i) => i.range.start > cut.range.start && i.range.start < cut.range.end)) return undefined;
  // Text inserted where the removed line starts takes its place: one edit, so the order cannot matter.
  const same = insertion.find((i) => i.range.start === cut.range.start && i.range.end === i.range.start);
  if (same)
    return [...insertion.filter((i) => i !== same), { range: cut.range, newText: same.newText }].sort(
      (a, b) => a.range.start - b.range.start,
    );
  return [...insertion, cut].sort((a, b) => a.range.start - b.range.start);
}

/** Two edits conflict when their ranges overlap or they start at the same offset (their order would matter). */
export function editsConflict(a: TextEdit, b: TextEdit): boolean {
  if (a.range.start === b.range.start) return true;
  return a.range.start < b.range.end && b.range.start < a.range.end;
}

/** Applies non-overlapping edits to a text (used by tests, fix-all and the CLI's --fix preview). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.range.start - a.range.start || b.range.end - a.range.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.range.start) + e.newText + out.slice(e.range.end);
  return out;
}
