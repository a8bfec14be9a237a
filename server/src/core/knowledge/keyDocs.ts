// Our own explanation of the keys that matter for the datapath, for hovers, completion and the explanation view.
// The text is ours (never upstream's comments); every entry names in `source` the file and tag its facts were
// checked against (templates/… = install/kubernetes/cilium/templates/…, values.yaml = the chart's values.yaml,
// other paths are Cilium's Go / BPF source). Validated against keyDocsSchema.ts in test/core/keyDocs.test.ts
// (not at run time: it would load zod on every start).
//
// Three tables: `helm` (chart values, every key exists in the catalog for at least one supported version), `configMap`
// (agent options as written in cilium-config), and `removedHelm` (keys no supported chart has any more, which
// users still copy from old guides).

import { inRange, type CiliumVersion } from '../version';
import type { KeyDoc, KeyDocs, KeyEffects } from './keyDocsSchema';
import raw from './keyDocs.json';

export type { KeyDoc, KeyDocs, KeyEffects, KeyNote } from './keyDocsSchema';

let docs: KeyDocs | undefined;
let helmByConfigMap: Map<string, string[]> | undefined;

export function keyDocs(): KeyDocs {
  docs ??= raw as unknown as KeyDocs;
  return docs;
}

function own<T>(table: Record<string, T>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

/** Our explanation of a Helm key (current or removed), by dotted path. */
export function helmKeyDoc(path: string): KeyDoc | undefined {
  const d = keyDocs();
  return own(d.helm, path) ?? own(d.removedHelm, path);
}

export function configMapKeyDoc(key: string): KeyDoc | undefined {
  return own(keyDocs().configMap, key);
}

/** The notes that hold for this target version. */
export function notesFor(doc: KeyDoc, version: CiliumVersion): string[] {
  return (doc.notes ?? []).filter((n) => inRange(version, n.since, n.until)).map((n) => n.text);
}

/** The Helm keys whose chart rendering writes this ConfigMap key (from both tables). */
export function helmKeysFor(configMapKey: string): string[] {
  if (!helmByConfigMap) {
    helmByConfigMap = new Map();
    const add = (cm: string, helm: string) => {
      const list = helmByConfigMap!.get(cm) ?? [];
      if (!list.includes(helm)) list.push(helm);
      helmByConfigMap!.set(cm, list);
    };
    for (const [cm, d] of Object.entries(keyDocs().configMap)) for (const h of d.helm ?? []) add(cm, h);
    for (const [h, d] of Object.entries(keyDocs().helm)) for (const cm of d.configMap ?? []) add(cm, h);
  }
  return helmByConfigMap.get(configMapKey) ?? [];
}

const EFFECT_LABELS: [keyof KeyEffects, string][] = [
  ['hostRouting', 'Host Routing'],
  ['masquerading', 'Masquerading'],
  ['kpr', 'KubeProxyReplacement'],
  ['routing', 'Routing'],
  ['other', 'Also'],
];

/** `[label, text]` pairs in a fixed order, for rendering. */
export function effectLines(doc: KeyDoc): [string, string][] {
  const e = doc.effects;
  if (!e) return [];
  return EFFECT_LABELS.filter(([k]) => e[k]).map(([k, label]) => [label, e[k]!]);
}
