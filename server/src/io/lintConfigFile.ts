// Finding and reading `.cilium-lint.yaml`, for the CLI and the language server alike (one loader, so CI and the
// editor agree). The nearest file in the checked file's folder or above it applies; the search stops at a
// repository root (a folder holding .git), at `stopAt` (the language server passes the workspace folder) and at
// the file system root. Read like every other file: io/guardedRead (regular files only, small, links kept inside).

import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import {
  isIncluded,
  LINT_CONFIG_NAMES,
  parseLintConfig,
  type LintConfig,
  type LintConfigResult,
} from '../core/lintConfig';
import { decodeText } from './decodeText';
import { isInside, readGuarded } from './guardedRead';

/** A configuration file is a few hundred bytes; anything much larger is not one. */
export const MAX_LINT_CONFIG_BYTES = 256 * 1024;

/** Reads and validates one configuration file named by the user (`--config`) or found by the search. */
export function readLintConfig(path: string, confineTo?: string): LintConfigResult {
  const abs = resolve(path);
  const read = readGuarded(abs, { maxBytes: MAX_LINT_CONFIG_BYTES, confineTo });
  if (!read.ok) return { ok: false, problems: [`${path}: cannot read the configuration file: ${read.message}`] };
  const text = decodeText(read.bytes);
  if (!text.ok) return { ok: false, problems: [`${path}: cannot read the configuration file: ${text.message}`] };
  return parseLintConfig(text.text, abs);
}

/** Finds the configuration that applies to files in `dir` (absolute) and reads it; memoised per folder. */
export class LintConfigLocator {
  private readonly byDir = new Map<string, LintConfigResult | undefined>();

  constructor(private readonly stopAt?: string) {}

  /** The configuration for `file`, undefined when there is none. */
  forFile(file: string): LintConfigResult | undefined {
    return this.forDir(dirname(resolve(file)));
  }

  forget(): void {
    this.byDir.clear();
  }

  private forDir(dir: string): LintConfigResult | undefined {
    if (this.byDir.has(dir)) return this.byDir.get(dir);
    const root = this.stopAt ? resolve(this.stopAt) : undefined;
    let found: LintConfigResult | undefined;
    if (!root || isInside(root, dir)) {
      const here = LINT_CONFIG_NAMES.map((n) => join(dir, n)).find((p) => existsSync(p));
      if (here) found = readLintConfig(here, root ?? dir);
      else {
        const up = dirname(dir);
        const stop = (root && dir === root) || up === dir || existsSync(join(dir, '.git'));
        found = stop ? undefined : this.forDir(up);
      }
    }
    this.byDir.set(dir, found);
    return found;
  }
}

/** Whether the configuration checks `file`: its include/exclude globs, relative to the configuration's folder. */
export function configIncludes(config: LintConfig, file: string): boolean {
  const rel = relative(dirname(config.path), resolve(file));
  // A file outside the configuration's folder (named with --config) is matched by its path as given.
  const shown = rel.startsWith('..') ? file : rel;
  return isIncluded(config, shown.split(sep).join('/'));
}
