// The zod schema of .cilium-lint.yaml, in a module of its own so that core/lintConfig.ts loads it (and zod) only
// when a configuration file is read: cilium-lint on a file without one starts without zod.
import { z } from 'zod';
import { RULE_LEVELS, type RuleLevel } from './lintConfigLevels';
import { parseCiliumVersion } from './version';

const globList = z.array(
  z.string({ error: 'each entry must be a glob string' }).min(1, { message: 'a glob cannot be empty' }),
  { error: 'must be a list of globs' },
);

export const LINT_CONFIG_SCHEMA = z.strictObject(
  {
    version: z
      .union([z.string(), z.number()], { error: 'must be a Cilium version such as "1.16"' })
      .transform((v) => String(v).trim())
      .refine((v) => parseCiliumVersion(v).ok, { message: 'must be a supported Cilium version such as "1.16"' })
      .optional(),
    kernel: z
      .union([z.string(), z.number()], { error: 'must be a kernel version such as "5.10"' })
      .transform((v) => String(v).trim())
      .refine((v) => /^\d+\.\d+/.test(v), { message: 'must be a kernel version such as "5.10"' })
      .optional(),
    rules: z
      .record(
        z.string(),
        z.enum(RULE_LEVELS as [RuleLevel, ...RuleLevel[]], { error: `must be one of ${RULE_LEVELS.join(', ')}` }),
        { error: 'must be a map of rule id → level' },
      )
      .optional(),
    include: globList.optional(),
    exclude: globList.optional(),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown key ${issue.keys.map((k) => `"${k}"`).join(', ')} (the keys are version, kernel, rules, include, exclude)`
        : 'must be a map with the keys version, kernel, rules, include, exclude',
  },
);
