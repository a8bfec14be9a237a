// The project configuration file `.cilium-lint.yaml`: target version, kernel, a level per rule and which files
// to check. Pure: the text comes from io/lintConfigFile.ts (the one loader the CLI and the language server both
// use), so the command line in CI and the editor read the same file the same way. Validation is strict (an
// unknown key or rule id is a mistake the user wants to hear about) and every message names the field.

import { isMap, isScalar, parseDocument } from 'yaml';
import { z } from 'zod';
import { RULE_SUMMARIES } from './knowledge/ruleSummaries';
import { nearestWord } from './rules/nearestWord';
import { globToRegExp } from './glob';
import { stripTrailing } from './textRuns';
import { parseCiliumVersion } from './version';
import type { Finding, Severity } from './types';

export const LINT_CONFIG_NAMES = ['.cilium-lint.yaml', '.cilium-lint.yml'] as const;

export type RuleLevel = 'off' | 'info' | 'warning' | 'error';
export const RULE_LEVELS: readonly RuleLevel[] = ['off', 'info', 'warning', 'error'];

export interface LintConfig {
  /** The file it was read from (absolute), so globs are relative to its folder and messages can name it. */
  path: string;
  version?: string;
  kernel?: string;
  rules: Record<string, RuleLevel>;
  /** Globs relative to the config file's folder; empty = every *.yaml / *.yml file. */
  include: string[];
  exclude: string[];
}

const globList = z.array(z.string({ error: 'each entry must be a glob string' }).min(1, { message: 'a glob cannot be empty' }), { error: 'must be a list of globs' });

const Schema = z.strictObject(
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
    rules: z.record(z.string(), z.enum(RULE_LEVELS as [RuleLevel, ...RuleLevel[]], { error: `must be one of ${RULE_LEVELS.join(', ')}` }), { error: 'must be a map of rule id → level' }).optional(),
    include: globList.optional(),
    exclude: globList.optional(),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `unknown key ${issue.keys.map((k) => `"${k}"`).join(', ')} (the keys are version, kernel, rules, include, exclude)` : 'must be a map with the keys version, kernel, rules, include, exclude') },
);

export type LintConfigResult = { ok: true; config: LintConfig } | { ok: false; problems: string[] };

/** Reads and validates the text of a `.cilium-lint.yaml`; every problem is one line naming the file and the field. */
export function parseLintConfig(text: string, path: string): LintConfigResult {
  let raw: unknown;
  try {
    const doc = parseDocument(text);
    if (doc.errors.length > 0) throw doc.errors[0];
    raw = doc.toJS({ maxAliasCount: 50 });
    // `kernel: 5.10` is the number 5.1 to YAML; the user meant the text they wrote.
    if (isMap(doc.contents) && raw && typeof raw === 'object') {
      for (const key of ['version', 'kernel']) {
        const node = doc.contents.get(key, true);
        if (isScalar(node) && typeof node.value === 'number' && typeof node.source === 'string') (raw as Record<string, unknown>)[key] = node.source;
      }
    }
  } catch (err) {
    return { ok: false, problems: [`${path}: not valid YAML: ${(err as Error).message.split('\n')[0]}`] };
  }
  // An empty file (or only comments) is a valid configuration that changes nothing.
  if (raw === null || raw === undefined) raw = {};
  const parsed = Schema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((i) => `${path}: ${i.path.length > 0 ? `${i.path.join('.')}: ` : ''}${i.message}`) };
  }
  const problems: string[] = [];
  const known = Object.keys(RULE_SUMMARIES);
  for (const id of Object.keys(parsed.data.rules ?? {})) {
    if (id in RULE_SUMMARIES) continue;
    const near = nearestWord(id, known);
    problems.push(`${path}: rules.${id}: not a known rule id${near ? ` (did you mean "${near}"?)` : ''}; the ids are listed in docs/rules.md`);
  }
  if (problems.length > 0) return { ok: false, problems };
  const d = parsed.data;
  return { ok: true, config: { path, version: d.version, kernel: d.kernel, rules: d.rules ?? {}, include: d.include ?? [], exclude: d.exclude ?? [] } };
}

/**
 * Whether a file is checked under this configuration. `relPath` is the file's path relative to the config file's
 * folder, with `/` separators. A pattern without a slash matches the file name at any depth (like .gitignore);
 * a folder pattern covers everything below it.
 */
export function isIncluded(config: Pick<LintConfig, 'include' | 'exclude'>, relPath: string): boolean {
  const matches = (patterns: string[]) => patterns.some((p) => globMatches(p, relPath));
  if (config.include.length > 0 && !matches(config.include)) return false;
  return !matches(config.exclude);
}

function globMatches(rawPattern: string, relPath: string): boolean {
  const pattern = stripTrailing(rawPattern.trim().replace(/\\/g, '/').replace(/^\.\//, ''), '/');
  if (!pattern) return false;
  const anchored = pattern.includes('/') ? pattern.replace(/^\//, '') : `**/${pattern}`;
  const re = globToRegExp(anchored);
  const parts = relPath.split('/').filter(Boolean);
  // The path itself or one of its folders (a folder pattern excludes what is inside it).
  for (let n = parts.length; n > 0; n--) if (re.test(parts.slice(0, n).join('/'))) return true;
  return false;
}

/**
 * Findings with each rule's configured level: `off` drops the finding, another level replaces its severity.
 * `internal-error` is never hidden (it is our bug, not the user's choice).
 */
export function applyRuleLevels<T extends Finding>(findings: readonly T[], rules: Readonly<Record<string, RuleLevel | Severity>>): T[] {
  const out: T[] = [];
  for (const f of findings) {
    const level = Object.prototype.hasOwnProperty.call(rules, f.rule) && f.rule !== 'internal-error' ? rules[f.rule] : undefined;
    if (level === 'off') continue;
    out.push(level ? { ...f, severity: level } : f);
  }
  return out;
}
