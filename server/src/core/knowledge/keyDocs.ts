// Our own explanation of the keys that matter for the datapath, for hovers, completion and the explanation view.
// The text is ours (never upstream's comments); every entry names in `source` the file and tag its facts were
// checked against (templates/… = install/kubernetes/cilium/templates/…, values.yaml = the chart's values.yaml,
// other paths are Cilium's Go / BPF source). Validated with zod on first use and in test/core/keyDocs.test.ts.
//
// Three tables: `helm` (chart values, every key exists in the catalog for at least one of 1.12–1.20), `configMap`
// (agent options as written in cilium-config), and `removedHelm` (keys no supported chart has any more, which
// users still copy from old guides).

import { z } from 'zod';
import { inRange, SUPPORTED_VERSIONS, type CiliumVersion } from '../version';
import raw from './keyDocs.json';

const VersionSchema = z.enum(SUPPORTED_VERSIONS);

/** A note that holds only for some target versions ("until 1.13 this forces Legacy host routing"). */
export const KeyNoteSchema = z
  .object({ since: VersionSchema.optional(), until: VersionSchema.optional(), text: z.string().min(10) })
  .strict();

/** What the key does to each part of the verdict `cilium status` prints. */
export const KeyEffectsSchema = z
  .object({
    hostRouting: z.string().min(10),
    masquerading: z.string().min(10),
    kpr: z.string().min(10),
    routing: z.string().min(10),
    other: z.string().min(10),
  })
  .partial()
  .strict();

export const KeyDocSchema = z
  .object({
    summary: z.string().min(10),
    effects: KeyEffectsSchema.optional(),
    /** General version history beyond what the catalog shows (renames, what the chart does with it). */
    versions: z.string().min(5).optional(),
    notes: z.array(KeyNoteSchema).optional(),
    /** Helm keys: the cilium-config keys the chart writes from it. */
    configMap: z.array(z.string().regex(/^[a-z0-9-]+$/)).optional(),
    /** ConfigMap keys: the Helm values that write it. */
    helm: z.array(z.string()).optional(),
    /** ConfigMap keys: the versions whose agent reads the option. */
    since: VersionSchema.optional(),
    until: VersionSchema.optional(),
    /** ConfigMap keys: no supported agent (1.12–1.20) reads it any more. */
    ignored: z.literal(true).optional(),
    /** Where the facts were checked: file@tag, line numbers where useful, commits. */
    source: z.string().min(10),
  })
  .strict();

export const KeyDocsSchema = z
  .object({
    helm: z.record(z.string(), KeyDocSchema),
    configMap: z.record(z.string(), KeyDocSchema),
    removedHelm: z.record(z.string(), KeyDocSchema),
  })
  .strict();

export type KeyNote = z.infer<typeof KeyNoteSchema>;
export type KeyEffects = z.infer<typeof KeyEffectsSchema>;
export type KeyDoc = z.infer<typeof KeyDocSchema>;
export type KeyDocs = z.infer<typeof KeyDocsSchema>;

let docs: KeyDocs | undefined;
let helmByConfigMap: Map<string, string[]> | undefined;

export function keyDocs(): KeyDocs {
  docs ??= KeyDocsSchema.parse(raw);
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

/** The agent reads this ConfigMap key in that version (unknown keys: assumed yes). */
export function configMapKeyIn(key: string, version: CiliumVersion): boolean {
  const d = configMapKeyDoc(key);
  return !d || (!d.ignored && inRange(version, d.since, d.until));
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
