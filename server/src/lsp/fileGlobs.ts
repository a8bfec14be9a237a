// The `cilium.files` setting: folders or globs (relative to a workspace folder, or absolute) whose YAML files the
// user says are Cilium configuration. A plain folder name covers everything below it; `*` matches within one path
// segment, `**` across segments, `?` one character. A file matches when the pattern matches its path or one of
// its parent folders.

import { isAbsolute, relative, sep } from 'node:path';
import { globToRegExp } from '../core/glob';
import { stripTrailing } from '../core/textRuns';

/** The path and each of its parent folders, as `a/b/c`, `a/b`, `a`. */
function withParents(path: string): string[] {
  const parts = path.split('/').filter(Boolean);
  const out: string[] = [];
  for (let n = parts.length; n > 0; n--) out.push(parts.slice(0, n).join('/'));
  return out;
}

const slashes = (p: string) => p.split(sep).join('/');

export function matchesCiliumFiles(fsPath: string, roots: readonly string[], patterns: readonly string[]): boolean {
  if (patterns.length === 0) return false;
  const candidates: string[] = [slashes(fsPath)];
  for (const root of roots) {
    const rel = relative(root, fsPath);
    if (rel && !rel.startsWith('..') && !isAbsolute(rel)) candidates.push(slashes(rel));
  }
  for (const raw of patterns) {
    const trimmed = raw.trim().replace(/\\/g, '/').replace(/^\.\//, '');
    const pattern = stripTrailing(trimmed, '/');
    if (!pattern) continue;
    const re = globToRegExp(pattern);
    const absolute = pattern.startsWith('/') || /^[A-Za-z]:\//.test(pattern);
    for (const c of candidates) {
      if (absolute !== (c.startsWith('/') || /^[A-Za-z]:\//.test(c))) continue;
      if (withParents(c.replace(/^\//, '')).some((p) => re.test(absolute && c.startsWith('/') ? `/${p}` : p)))
        return true;
    }
  }
  return false;
}
