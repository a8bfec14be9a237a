// Small helpers shared by the fixers: writing a value in the style the file already uses, and keeping the
// file's line endings.

import { isScalar, Scalar } from 'yaml';
import type { TreeEntry } from '../parse/tree';
import type { TextEdit } from '../types';

/** A value as text: quoted like the value it replaces, and always double-quoted in a ConfigMap. */
export function valueText(raw: string, existing: TreeEntry | undefined, configMap: boolean): string {
  const type = existing && isScalar(existing.node) ? existing.node.type : undefined;
  if (type === Scalar.QUOTE_SINGLE) return `'${raw.replace(/'/g, "''")}'`;
  if (type === Scalar.QUOTE_DOUBLE || configMap) return `"${raw.replace(/["\\]/g, (c) => `\\${c}`)}"`;
  return raw;
}

/** Edits are built with "\n"; a file with Windows line endings gets "\r\n" in what we insert. */
export function withLineEndings(edits: TextEdit[], text: string): TextEdit[] {
  if (!text.includes('\r\n')) return edits;
  return edits.map((e) => ({ ...e, newText: e.newText.replace(/\r?\n/g, '\r\n') }));
}

/**
 * True when the entry's ranges really point at its text in the file. Values embedded in a folded or quoted
 * string cannot be mapped line by line; there we offer no edit rather than a wrong one.
 */
export function mapsToFile(entry: TreeEntry, key: string, text: string): boolean {
  return text.slice(entry.keyRange.start, entry.keyRange.end).trim().replace(/^["']|["']$/g, '') === key;
}
