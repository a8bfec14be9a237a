// What every entry of the rule catalog (ruleCatalog.ts) must have, checked by test/core/ruleCatalog.test.ts.
// Apart from ruleCatalog.ts so that the language server, which lists rules, loads no zod for it.

import { z } from 'zod';
import { SUPPORTED_VERSIONS } from '../version';

const VERSION = z.enum(SUPPORTED_VERSIONS);

/** Every rule, validated: a Cilium fact without a citation, or a rule without words, does not pass the tests. */
export const RuleInfoSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:[-.][a-z0-9]+)*$/),
    group: z.enum(['host-routing', 'masquerade', 'agent-exit', 'chart', 'values', 'keys', 'configmap', 'file']),
    severity: z.enum(['error', 'warning', 'info', 'hint']),
    since: VERSION.optional(),
    until: VERSION.optional(),
    cite: z.string().min(8).optional(),
    summary: z.string().min(10),
  })
  .refine(
    (r) =>
      !['host-routing', 'masquerade', 'agent-exit', 'chart', 'values'].includes(r.group) ||
      r.id === 'host-routing-bpf-masquerade-fallback' ||
      !!r.cite,
    {
      message: 'a rule about what Cilium does must cite the source file and tag it was checked against',
    },
  );
