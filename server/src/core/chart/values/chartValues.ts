// The upstream values.yaml of each packed chart version (tools/gen-chart-values.ts), as written: the text served
// as the read-only `cilium-chart:/1.NN/values.yaml` document, and the index of its keys (line, description,
// documented default) that hover, completion and go-to-definition read. Everything is decompressed once, on the
// first question, and kept.

import { brotliDecompressSync } from 'node:zlib';
import { parseChartKeys, type ChartKey } from '../../chartDescriptions';
import { PACKED_VALUES_YAML } from './packed';

let texts: Record<string, string> | undefined;
const indexes = new Map<string, ChartValuesIndex>();

function allTexts(): Record<string, string> {
  texts ??= JSON.parse(brotliDecompressSync(Buffer.from(PACKED_VALUES_YAML, 'base64')).toString('utf8')) as Record<
    string,
    string
  >;
  return texts;
}

/** Minor versions whose values.yaml is shipped ("1.12" … "1.21"). */
export function chartValuesVersions(): string[] {
  return Object.keys(allTexts());
}

/** The chart's values.yaml of a minor version, as upstream wrote it; undefined for a version we do not ship. */
export function chartValuesText(minor: string): string | undefined {
  const all = allTexts();
  return Object.prototype.hasOwnProperty.call(all, minor) ? all[minor] : undefined;
}

export interface ChartValuesIndex {
  keys: ReadonlyMap<string, ChartKey>;
  /** Dotted path → the keys written directly below it, in file order (`bpf` → masquerade, hostLegacyRouting…). */
  children: ReadonlyMap<string, readonly string[]>;
}

/** Every key of a version's values.yaml with its line and documentation; undefined for a version we do not ship. */
export function chartValuesIndex(minor: string): ChartValuesIndex | undefined {
  const hit = indexes.get(minor);
  if (hit) return hit;
  const text = chartValuesText(minor);
  if (text === undefined) return undefined;
  const keys = parseChartKeys(text);
  const children = new Map<string, string[]>();
  for (const path of keys.keys()) {
    const dot = path.lastIndexOf('.');
    const parent = dot < 0 ? '' : path.slice(0, dot);
    let list = children.get(parent);
    if (!list) children.set(parent, (list = []));
    list.push(path.slice(dot + 1));
  }
  const index = { keys, children };
  indexes.set(minor, index);
  return index;
}

/** The chart's own documentation of one key in a version, if the chart has the key. */
export function chartKeyIn(minor: string, path: string): ChartKey | undefined {
  return chartValuesIndex(minor)?.keys.get(path);
}
