// Finds the cilium-config ConfigMap in the rendered cilium-configmap.yaml and attributes to each of its keys
// the chart values read while that key was written (provenance): a read at an output offset inside a key's
// text belongs to that key; a read between two keys (an `if` deciding whether the next key is written)
// belongs to the next key.
import { isMap, isPair, isScalar, parseAllDocuments, type Node, type Pair } from 'yaml';
import type { GoValue } from '../template/index';

export type KeyOrigin = 'user' | 'default' | 'fixed';

export interface RenderedKey {
  /** The value as the ConfigMap holds it (a string). */
  value: string;
  /** Values paths ("bpf.masquerade") read while this key was written, in read order, without repeats. */
  reads: string[];
  /**
   * `user`: at least one read value is set in the user's file; `default`: only chart defaults were read;
   * `fixed`: the chart writes this key without reading any value.
   */
  origin: KeyOrigin;
  /** Offsets of the key line in the rendered text: [start of key, end of value). */
  range: [number, number];
}

/** True when the user's values contain `path` (a dotted path; a map on the way counts only if it has the key). */
export function userHas(user: Map<string, GoValue>, path: string): boolean {
  let cur: GoValue = user;
  for (const k of path.split('.')) {
    if (!(cur instanceof Map) || !cur.has(k)) return false;
    cur = cur.get(k);
  }
  return true;
}

/** The text of a scalar as the ConfigMap stores it: quoted or plain, a ConfigMap value is its string. */
function scalarString(node: Node | null): string | undefined {
  if (node === null) return '';
  if (!isScalar(node)) return undefined;
  return node.value === null || node.value === undefined ? '' : String(node.value);
}

type ConfigMapData = Map<string, { value: string; range: [number, number] }> & { dataStart?: number };

/** The cilium-config data of one rendered text: key → string value, in order. Throws on a YAML error. */
export function configMapData(text: string): ConfigMapData | undefined {
  // Duplicate keys are accepted, the last one winning, as Helm and kubectl accept them.
  const docs = parseAllDocuments(text, { version: '1.1', schema: 'failsafe', uniqueKeys: false });
  if (!Array.isArray(docs)) throw new Error('rendered cilium-configmap.yaml is not YAML');
  for (const doc of docs) {
    if (doc.errors.length > 0) throw new Error(doc.errors[0]!.message.split('\n')[0]!);
    const c = doc.contents;
    if (!isMap(c)) continue;
    const get = (m: { items: Pair<unknown, unknown>[] }, k: string) =>
      m.items.find((p) => isScalar(p.key) && p.key.value === k)?.value as Node | null | undefined;
    const kind = get(c, 'kind');
    const meta = get(c, 'metadata');
    if (!isScalar(kind) || kind.value !== 'ConfigMap' || !isMap(meta)) continue;
    const name = get(meta, 'name');
    if (!isScalar(name) || name.value !== 'cilium-config') continue;
    const data = get(c, 'data');
    const out: ConfigMapData = new Map();
    out.dataStart = data?.range?.[0] ?? 0;
    if (!isMap(data)) return out;
    for (const pair of data.items as Pair<Node, Node | null>[]) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const value = scalarString(pair.value);
      if (value === undefined) continue;
      const start = pair.key.range?.[0] ?? 0;
      const end = pair.value?.range?.[1] ?? pair.key.range?.[1] ?? start;
      out.set(String(pair.key.value), { value, range: [start, end] });
    }
    return out;
  }
  return undefined;
}

export function extractConfigMap(
  text: string,
  reads: readonly { path: string; offset: number }[],
  user: Map<string, GoValue>,
): Map<string, RenderedKey> | undefined {
  const data = configMapData(text);
  if (!data) return undefined;
  const entries = [...data.entries()].sort((a, b) => a[1].range[0] - b[1].range[0]);
  const readsOf = new Map<string, string[]>();
  const sorted = [...reads].sort((a, b) => a.offset - b.offset);
  // Reads before `data:` (the template's preamble of variables) are not attributed to the first key.
  let ri = 0;
  while (ri < sorted.length && sorted[ri]!.offset < (data.dataStart ?? 0)) ri++;
  for (const [key, { range }] of entries) {
    const mine: string[] = [];
    // Everything read before this key's end: reads inside its text, and reads since the previous key ended.
    while (ri < sorted.length && sorted[ri]!.offset < range[1]) {
      mine.push(sorted[ri]!.path);
      ri++;
    }
    readsOf.set(key, [...new Set(mine)]);
  }
  const out = new Map<string, RenderedKey>();
  for (const [key, { value, range }] of entries) {
    const r = readsOf.get(key) ?? [];
    const origin: KeyOrigin = r.length === 0 ? 'fixed' : r.some((p) => userHas(user, p)) ? 'user' : 'default';
    out.set(key, { value, reads: r, origin, range });
  }
  return out;
}
