// Comment-preserving edits on the user's YAML, used by every quick-fix. We never re-serialise a document:
// each edit replaces or inserts the smallest piece of text, at the indentation the file already uses, so
// comments, key order and quoting elsewhere stay exactly as they were. All offsets are file offsets, so the
// same code edits values embedded as a block scalar (their indentation is read from the file itself).

import { isMap, isScalar } from 'yaml';
import { MapView, type TreeEntry } from '../parse/tree';
import type { TextEdit } from '../types';

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function nextLineStart(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl + 1;
}

function column(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

/** The indentation step the file uses for nested mappings (2 unless the file shows otherwise). */
function indentStep(view: MapView, fileText: string): number {
  for (const e of view.entries()) {
    if (e.merged || !isMap(e.node) || e.node.flow) continue;
    const child = new MapView(e.node, view.ctx).entries().find((c) => !c.merged);
    if (child) {
      const step = column(fileText, child.keyRange.start) - column(fileText, e.keyRange.start);
      if (step > 0) return step;
    }
  }
  return 2;
}

function ownEntry(view: MapView, key: string): TreeEntry | undefined {
  const e = view.get(key);
  return e && !e.merged ? e : undefined;
}

function isEmptyValue(e: TreeEntry): boolean {
  return e.node === null || (isScalar(e.node) && e.node.value === null);
}

/** Lines for `a: {b: {c: v}}` in block style, relative indentation 0 for the first key. */
function blockLines(path: string[], valueText: string, step: number): string[] {
  return path.map((k, i) => `${' '.repeat(step * i)}${k}:${i === path.length - 1 ? ` ${valueText}` : ''}`);
}

/** Replaces the scalar value of an existing key, or fills in `key:` that has no value. */
export function replaceValue(view: MapView, key: string, valueText: string, fileText: string): TextEdit[] | undefined {
  const e = ownEntry(view, key);
  if (!e || e.aliased || (e.node && !isScalar(e.node))) return undefined;
  if (e.valueRange.end > e.valueRange.start) return [{ range: e.valueRange, newText: valueText }];
  const colon = fileText.indexOf(':', e.keyRange.end);
  if (colon < 0) return undefined;
  return [{ range: { start: colon + 1, end: colon + 1 }, newText: ` ${valueText}` }];
}

/** Renames a key in place, keeping its value, comments and position. */
export function renameKey(view: MapView, key: string, newKey: string): TextEdit[] | undefined {
  const e = ownEntry(view, key);
  return e ? [{ range: e.keyRange, newText: newKey }] : undefined;
}

/**
 * Sets `path` (relative to `view`) to a scalar written as `valueText`. An existing key gets its value
 * replaced; a missing key is added at the end of its parent mapping; missing parents are created.
 * Returns undefined when there is no safe edit (the parent is a list, an alias, a template...).
 */
export function setPath(view: MapView, path: string[], valueText: string, fileText: string): TextEdit[] | undefined {
  const [head, ...rest] = path;
  const entry = ownEntry(view, head);
  if (rest.length === 0) {
    return entry ? replaceValue(view, head, valueText, fileText) : insertLines(view, blockLines([head], valueText, 2), fileText);
  }
  const step = indentStep(view, fileText);
  if (!entry) return insertLines(view, blockLines(path, valueText, step), fileText);
  const child = view.child(head);
  if (child && !entry.aliased) return setPath(child, rest, valueText, fileText);
  if (!isEmptyValue(entry)) return undefined;
  // `bpf:` or `bpf: ~`: replace the empty value by a nested block below the key.
  const colon = fileText.indexOf(':', entry.keyRange.end);
  if (colon < 0) return undefined;
  const indent = ' '.repeat(column(fileText, entry.keyRange.start) + step);
  const lines = blockLines(rest, valueText, step).map((l) => indent + l);
  const end = entry.valueRange.end > entry.valueRange.start ? entry.valueRange.end : colon + 1;
  return [{ range: { start: colon + 1, end }, newText: `\n${lines.join('\n')}` }];
}

/** Inserts lines (indentation relative to the mapping's keys) as the last entries of `view`. */
function insertLines(view: MapView, lines: string[], fileText: string): TextEdit[] | undefined {
  const entries = view.entries().filter((e) => !e.merged);
  if (view.map.flow) {
    if (lines.length !== 1) return undefined;
    const close = fileText.lastIndexOf('}', view.range.end);
    const open = fileText.lastIndexOf('{', close);
    if (close < 0 || open < 0) return undefined;
    const inner = fileText.slice(open + 1, close);
    return [{ range: { start: close, end: close }, newText: inner.trim() ? `, ${lines[0]}` : lines[0] }];
  }
  if (entries.length === 0) return undefined;
  const indent = ' '.repeat(column(fileText, entries[0].keyRange.start));
  const last = entries[entries.length - 1];
  const lastEnd = Math.max(last.valueRange.end, last.keyRange.end);
  const at = nextLineStart(fileText, Math.max(lastEnd - 1, last.keyRange.start));
  const missingNewline = at === fileText.length && fileText.length > 0 && !fileText.endsWith('\n');
  const body = lines.map((l) => indent + l).join('\n');
  return [{ range: { start: at, end: at }, newText: `${missingNewline ? '\n' : ''}${body}\n` }];
}

/** Applies non-overlapping edits to a text (used by tests and the CLI's --fix preview). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.range.start - a.range.start);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.range.start) + e.newText + out.slice(e.range.end);
  return out;
}
