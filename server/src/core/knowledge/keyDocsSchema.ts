// Shape of keyDocs.json (our explanations of keys, see keyDocs.ts). test/core/keyDocs.test.ts validates the
// shipped file against it; the run time does not, so the language server and the CLI load no zod for it.

import { z } from 'zod';
import { SUPPORTED_VERSIONS } from '../version';

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
    /** ConfigMap keys: no supported agent reads it any more. */
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
