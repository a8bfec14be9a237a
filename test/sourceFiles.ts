// The TypeScript files under a folder, in a stable order: the source scans (import graph, regex safety) walk the
// same tree.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export function tsFilesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...tsFilesUnder(full));
    else if (name.endsWith('.ts')) out.push(full);
  }
  return out;
}
