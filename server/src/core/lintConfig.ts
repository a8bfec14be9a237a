// The project configuration file `.cilium-lint.yaml`: target version, kernel, a level per rule and which files
// to check. Pure: the text comes from io/lintConfigFile.ts (the one loader the CLI and the language server both
// use), so the command line in CI and the editor read the same file the same way. Validation is strict (an
// unknown key or rule id is a mistake the user wants to hear about) and every message names the field.

import { isMap, isScalar, parseDocument } from 'yaml';
import { allRules, isRuleId } from './knowledge/ruleCatalog';
import { nearestWord } from './rules/nearestWord';
import { globToRegExp } from './glob';
import { stripTrailing } from './textRuns';
import type { Finding, Severity } from './types';

export const LINT_CONFIG_NAMES = ['.cilium-lint.yaml', '.cilium-lint.yml'] as const;

import type { RuleLevel } from './lintConfigLevels';
export { RULE_LEVELS, type RuleLevel } from './lintConfigLevels';

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

/** The zod schema, loaded on first use: most runs (the CLI without a .cilium-lint.yaml) never need zod. */
let schema: typeof import('./lintConfigSchema').LINT_CONFIG_SCHEMA | undefined;
function lintConfigSchema(): typeof import('./lintConfigSchema').LINT_CONFIG_SCHEMA {
  // A lazy load: esbuild bundles the module but evaluates it (and zod) only on this first call.
  return (schema ??= (require('./lintConfigSchema') as typeof import('./lintConfigSchema')).LINT_CONFIG_SCHEMA);
}

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
        if (isScalar(node) && typeof node.value === 'number' && typeof node.source === 'string')
          (raw as Record<string, unknown>)[key] = node.source;
      }
    }
  } catch (err) {
    return { ok: false, problems: [`${path}: not valid YAML: ${(err as Error).message.split('\n')[0]}`] };
  }
  // An empty file (or only comments) is a valid configuration that changes nothing.
  if (raw === null || raw === undefined) raw = {};
  const parsed = lintConfigSchema().safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map(
        (i) => `${path}: ${i.path.length > 0 ? `${i.path.join('.')}: ` : ''}${i.message}`,
      ),
    };
  }
  const problems: string[] = [];
  const known = allRules().map((r) => r.id);
  for (const id of Object.keys(parsed.data.rules ?? {})) {
    if (isRuleId(id)) continue;
    const near = nearestWord(id, known);
    problems.push(
      `${path}: rules.${id}: not a known rule id${near ? ` (did you mean "${near}"?)` : ''}; the ids are listed in docs/rules.md`,
    );
  }
  if (problems.length > 0) return { ok: false, problems };
  const d = parsed.data;
  return {
    ok: true,
    config: {
      path,
      version: d.version,
      kernel: d.kernel,
      rules: d.rules ?? {},
      include: d.include ?? [],
      exclude: d.exclude ?? [],
    },
  };
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
export function applyRuleLevels<T extends Finding>(
  findings: readonly T[],
  rules: Readonly<Record<string, RuleLevel | Severity>>,
): T[] {
  const out: T[] = [];
  for (const f of findings) {
    const level =
      Object.prototype.hasOwnProperty.call(rules, f.rule) && f.rule !== 'internal-error' ? rules[f.rule] : undefined;
    if (level === 'off') continue;
    out.push(level ? { ...f, severity: level } : f);
  }
  return out;
}
