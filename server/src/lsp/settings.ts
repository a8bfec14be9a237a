// Settings from `workspace/configuration` (section "cilium") or `initializationOptions.settings`, validated
// with zod, field by field. A bad value is reported (the message names the setting) and left out, so its
// default or the value from the other source applies; it never stops the server. Pure: no protocol code.

import { z } from 'zod';
import { ruleInfo } from '../core/index';
import type { LintConfig } from '../core/lintConfig';
import { parseCiliumVersion } from '../core/version';
import { SETTINGS_SECTION, type CiliumSettings, type RuleSeverityOverride } from './protocol';

export interface EffectiveSettings {
  /** undefined = detect from the file (wrapper chart version, `# cilium-version:` comment, else the newest). */
  version?: string;
  /** undefined = every kernel requirement is assumed met. */
  kernelVersion?: string;
  rules: Record<string, RuleSeverityOverride>;
  readHelmCache: boolean;
  /** `cilium.files`: folders or globs whose YAML files are treated as Cilium configuration. */
  files: string[];
  /** The `.cilium-lint.yaml` that applies excludes this file: no diagnostics, as `cilium-lint` skips it. */
  excluded?: boolean;
}

export const DEFAULT_SETTINGS: EffectiveSettings = Object.freeze({
  rules: {},
  readHelmCache: true,
  files: [],
});

/** The fields a source set explicitly. A present key with value undefined means "explicitly auto / empty". */
export type SettingsValues = Partial<EffectiveSettings>;

const severity = z.enum(['off', 'error', 'warning', 'info', 'hint']);

const fields = {
  version: z
    .string({ error: 'must be a string' })
    .nullish()
    .refine((v) => !v || v === 'auto' || parseCiliumVersion(v).ok, {
      message: 'must be "auto" or a supported Cilium version such as "1.16"',
    }),
  kernelVersion: z
    .string({ error: 'must be a string' })
    .nullish()
    .refine((v) => !v || /^\d+\.\d+/.test(v.trim()), { message: 'must be a kernel version such as "5.10"' }),
  rules: z.record(z.string(), z.unknown(), { error: 'must be an object of rule id → severity' }).nullish(),
  readHelmCache: z.boolean({ error: 'must be true or false' }).nullish(),
  files: z
    .array(z.string({ error: 'must be a list of folders or globs' }), { error: 'must be a list of folders or globs' })
    .max(200, { message: 'must have at most 200 entries' })
    .nullish(),
} satisfies Record<keyof CiliumSettings, z.ZodType>;

const name = (field: string) => `${SETTINGS_SECTION}.${field}`;
const shown = (v: unknown) => {
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 60 ? `${s.slice(0, 57)}...` : s;
};

/** Validates each field on its own, so one bad setting does not discard the good ones. */
export function parseSettings(input: unknown): { values: SettingsValues; problems: string[] } {
  const problems: string[] = [];
  const values: SettingsValues = {};
  if (input === undefined || input === null) return { values, problems };
  if (typeof input !== 'object' || Array.isArray(input)) {
    return {
      values,
      problems: [`Setting ${SETTINGS_SECTION} must be an object (got ${shown(input)}); using the defaults.`],
    };
  }
  const obj = input as Record<string, unknown>;
  for (const [field, schema] of Object.entries(fields)) {
    if (!(field in obj)) continue;
    const parsed = schema.safeParse(obj[field]);
    if (!parsed.success) {
      problems.push(
        `Setting ${name(field)} ${parsed.error.issues[0]?.message ?? 'is invalid'} (got ${shown(obj[field])}); using the default.`,
      );
      continue;
    }
    const value = parsed.data;
    if (field === 'version') values.version = !value || value === 'auto' ? undefined : (value as string).trim();
    if (field === 'kernelVersion') values.kernelVersion = (value as string | null | undefined)?.trim() || undefined;
    if (field === 'readHelmCache' && typeof value === 'boolean') values.readHelmCache = value;
    if (field === 'files')
      values.files = ((value as string[] | null | undefined) ?? []).map((f) => f.trim()).filter(Boolean);
    if (field === 'rules' && value) values.rules = parseRules(value as Record<string, unknown>, problems);
  }
  return { values, problems };
}

function parseRules(raw: Record<string, unknown>, problems: string[]): Record<string, RuleSeverityOverride> {
  const rules: Record<string, RuleSeverityOverride> = {};
  for (const [id, level] of Object.entries(raw)) {
    const parsed = severity.safeParse(typeof level === 'string' ? level.toLowerCase() : level);
    if (!parsed.success) {
      problems.push(
        `Setting ${name('rules')}["${id}"] must be one of off, error, warning, info, hint (got ${shown(level)}); the rule keeps its own severity.`,
      );
      continue;
    }
    if (!ruleInfo(id))
      problems.push(`Setting ${name('rules')}: "${id}" is not a known rule id (see docs/rules.md); it has no effect.`);
    rules[id] = parsed.data;
  }
  return rules;
}

/** `base` with the fields `values` sets; rule overrides are merged (the later source wins per rule). */
export function mergeSettings(base: EffectiveSettings, values: SettingsValues): EffectiveSettings {
  return { ...base, ...values, rules: { ...base.rules, ...values.rules } };
}

/**
 * Settings over the project's `.cilium-lint.yaml`: a version or kernel the editor sets wins ("auto" and empty
 * leave the file's), and per rule the editor's level wins over the file's.
 */
export function withLintConfig(settings: EffectiveSettings, config: LintConfig, excluded: boolean): EffectiveSettings {
  return {
    ...settings,
    version: settings.version ?? config.version,
    kernelVersion: settings.kernelVersion ?? config.kernel,
    rules: { ...config.rules, ...settings.rules },
    excluded,
  };
}

/** Validated settings from one source, on top of the defaults. */
export function readSettings(input: unknown): { settings: EffectiveSettings; problems: string[] } {
  const { values, problems } = parseSettings(input);
  return { settings: mergeSettings(DEFAULT_SETTINGS, values), problems };
}

export type { CiliumSettings };
