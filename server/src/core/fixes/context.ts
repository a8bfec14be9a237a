// What every fixer gets (the document, its values root, the file text) and the small helpers they share:
// writing a value in the style the file already uses and setting a key in the document's own spelling.

import type { DocumentAnalysis } from '../analysisTypes';
import { readValuesYaml, YamlReadError } from '../chart/helm/goYaml';
import type { GoValue } from '../chart/template/index';
import { stripMatchingQuotes } from '../edit/text';
import { keyMapsToFile, mapAt, setPath } from '../edit/yamlEdit';
import type { MapView, TreeEntry } from '../parse/tree';
import { isScalar, Scalar } from 'yaml';
import type { Finding, Fix, TextEdit } from '../types';

/** What a fix writes, in both spellings (`changeOf` below builds it from the fix's own text). */
export interface SettingChange {
  /** Dotted Helm values paths and the values Helm will read there after the edit (undefined: the key is removed). */
  helm?: readonly { path: string; value: GoValue }[];
  /** The cilium-config key and its new string value (for a ConfigMap document). */
  configMap?: { key: string; value: string };
}

/**
 * The document analysed again with a change (fixes/predict.ts, handed in by attach.ts so that fixers, and the
 * rules that name them, do not import the model that runs the rules).
 */
export interface Prediction {
  /** No new problem appears and (when `rule` is given) that problem is gone; false when it cannot be predicted. */
  cures(change: SettingChange, rule?: string): boolean;
  /** The problems that would appear with this change (that the document has not now). */
  revealedBy(change: SettingChange): string[];
}

export interface FixContext {
  doc: DocumentAnalysis;
  text: string;
  /** The values mapping (Helm values) or the ConfigMap's `data`. */
  root: MapView;
  configMap: boolean;
  predict: Prediction;
}

/** Computes the fixes for one finding; the first one is the preferred fix. */
export type Fixer = (f: Finding, c: FixContext) => Fix[];

/** A note for a fix title naming the problems the change brings to light, or ''. */
export function revealNote(ids: readonly string[]): string {
  return ids.length > 0 ? ` — then: ${ids.join(', ')}` : '';
}

export function one(title: string, edits: TextEdit[] | undefined): Fix[] {
  return edits && edits.length > 0 ? [{ title, edits }] : [];
}

function quoteDouble(raw: string): string {
  return `"${raw.replace(/["\\]/g, (ch) => `\\${ch}`)}"`;
}

/**
 * A value as text. A ConfigMap value is always a double-quoted string. In Helm values a boolean is written
 * bare (a quoted "true" is a string to the chart); anything else keeps the quotes of the value it replaces.
 */
export function valueText(raw: string, existing: TreeEntry | undefined, configMap: boolean): string {
  if (configMap) return quoteDouble(raw);
  if (raw === 'true' || raw === 'false') return raw;
  const type = existing && isScalar(existing.node) ? existing.node.type : undefined;
  if (type === Scalar.QUOTE_SINGLE) return `'${raw.replace(/'/g, "''")}'`;
  if (type === Scalar.QUOTE_DOUBLE) return quoteDouble(raw);
  return raw;
}

/** The entry at a dotted path, if its ranges point at its text in the file. */
export function writtenEntry(c: FixContext, path: string): TreeEntry | undefined {
  const e = c.configMap ? c.root.get(path) : c.root.lookup(path);
  return e && keyMapsToFile(e, c.text) ? e : undefined;
}

/** A scalar value as written, without its quotes. */
export function writtenValue(c: FixContext, entry: TreeEntry): string {
  return stripMatchingQuotes(c.text.slice(entry.valueRange.start, entry.valueRange.end));
}

/** Sets a Helm path (nested) or a ConfigMap key (flat), whichever this document uses. */
export function setKey(c: FixContext, helmPath: string, configMapKey: string, raw: string): TextEdit[] | undefined {
  if (c.configMap) return setPath(c.root, [configMapKey], valueText(raw, c.root.get(configMapKey), true), c.text);
  const parts = helmPath.split('.');
  const existing = mapAt(c.root, parts.slice(0, -1))?.get(parts[parts.length - 1]);
  return setPath(c.root, parts, valueText(raw, existing, false), c.text);
}

/** The value Helm reads from a scalar written as `text` (`true` a boolean, `'true'` a string, `8` a number). */
export function helmReads(text: string): GoValue {
  try {
    return readValuesYaml(`v: ${text}`).get('v');
  } catch (e) {
    if (e instanceof YamlReadError) return text;
    throw e;
  }
}

/**
 * What setting `raw` at `helmPath` (Helm values, written as setKey writes it) or at `configMapKey` (a
 * ConfigMap) changes, for predict.ts.
 */
export function changeOf(
  c: FixContext,
  helmPath: string,
  configMapKey: string | undefined,
  raw: string,
): SettingChange {
  if (c.configMap) return configMapKey ? { configMap: { key: configMapKey, value: raw } } : {};
  const parts = helmPath.split('.');
  const existing = mapAt(c.root, parts.slice(0, -1))?.get(parts[parts.length - 1]);
  return { helm: [{ path: helmPath, value: helmReads(valueText(raw, existing, false)) }] };
}
