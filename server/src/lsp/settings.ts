// Settings from `workspace/configuration` (section "cilium") or `initializationOptions.settings`, validated
// with zod. A bad value is reported once and replaced by its default; it never stops the server.

import { z } from 'zod';
import { parseCiliumVersion } from '../core/version';
import type { CiliumSettings } from './protocol';

const severity = z.enum(['off', 'error', 'warning', 'info', 'hint']);

export interface EffectiveSettings {
  /** undefined = detect from the file. */
  version?: string;
  kernelVersion?: string;
  rules: Record<string, z.infer<typeof severity>>;
  readHelmCache: boolean;
}

export const DEFAULT_SETTINGS: EffectiveSettings = { rules: {}, readHelmCache: true };

const fields = {
  version: z
    .string()
    .nullish()
    .refine((v) => !v || v === 'auto' || parseCiliumVersion(v).ok, { message: 'must be "auto" or a supported Cilium version such as "1.16"' }),
  kernelVersion: z
    .string()
    .nullish()
    .refine((v) => !v || /^\d+\.\d+/.test(v), { message: 'must be a kernel version such as "5.10"' }),
  rules: z.record(z.string(), severity).nullish(),
  readHelmCache: z.boolean().nullish(),
};

/** Validates each field on its own, so one bad setting does not discard the good ones. */
export function readSettings(input: unknown): { settings: EffectiveSettings; problems: string[] } {
  const problems: string[] = [];
  const settings: EffectiveSettings = { ...DEFAULT_SETTINGS, rules: {} };
  if (input === undefined || input === null) return { settings, problems };
  if (typeof input !== 'object' || Array.isArray(input)) {
    return { settings, problems: ['Cilium settings must be an object; using the defaults.'] };
  }
  const obj = input as Record<string, unknown>;
  for (const [name, schema] of Object.entries(fields)) {
    if (!(name in obj)) continue;
    const parsed = schema.safeParse(obj[name]);
    if (!parsed.success) {
      problems.push(`Setting cilium.${name} ${parsed.error.issues[0]?.message ?? 'is invalid'} (got ${JSON.stringify(obj[name])}); using the default.`);
      continue;
    }
    const value = parsed.data;
    if (value === null || value === undefined) continue;
    if (name === 'version') settings.version = value === 'auto' ? undefined : (value as string);
    if (name === 'kernelVersion') settings.kernelVersion = (value as string) || undefined;
    if (name === 'rules') settings.rules = value as EffectiveSettings['rules'];
    if (name === 'readHelmCache') settings.readHelmCache = value as boolean;
  }
  return { settings, problems };
}

export type { CiliumSettings };
