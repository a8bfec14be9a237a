// Where the repository (and ../shared beside it) is, whatever directory a test or benchmark is started from.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export function findRepoRoot(from = process.cwd()): string {
  let dir = from;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: unknown }).name === 'cilium-config')
      return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`cannot find the repository root (package.json of cilium-config) above ${from}`);
    dir = up;
  }
}
