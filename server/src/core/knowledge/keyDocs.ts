// Our own explanation of the keys that matter for the datapath, for hovers and completion. The text is ours;
// facts it states are cited in the entry's `source` field. Validated with zod when first used (and in tests).

import { z } from 'zod';
import raw from './keyDocs.json';

export const KeyDocSchema = z
  .object({
    summary: z.string().min(10),
    datapath: z.string().optional(),
    versions: z.string().optional(),
    source: z.string().optional(),
  })
  .strict();

export const KeyDocsSchema = z.object({ helm: z.record(z.string(), KeyDocSchema), configMap: z.record(z.string(), KeyDocSchema) }).strict();

export type KeyDoc = z.infer<typeof KeyDocSchema>;
export type KeyDocs = z.infer<typeof KeyDocsSchema>;

let docs: KeyDocs | undefined;

export function keyDocs(): KeyDocs {
  docs ??= KeyDocsSchema.parse(raw);
  return docs;
}

export function helmKeyDoc(path: string): KeyDoc | undefined {
  return keyDocs().helm[path];
}

export function configMapKeyDoc(key: string): KeyDoc | undefined {
  return keyDocs().configMap[key];
}
