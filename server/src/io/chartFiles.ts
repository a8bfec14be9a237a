// Finds the Chart.yaml and Chart.lock beside or above a values file, for the version hint of an umbrella chart
// that depends on cilium. Read like every other file (io/guardedRead: regular files only, small, links kept
// inside `stopAt`); never above `stopAt` (the language server passes the workspace folder) nor above a
// repository root (a folder holding .git). The core gets their text and decides what they say.

import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ciliumDependencyVersion, type ChartFileHint } from '../core/versionHints';
import { decodeText } from './decodeText';
import { isInside, readGuarded } from './guardedRead';

/** Chart.yaml files are a few KiB; anything much larger is not one. */
export const MAX_CHART_FILE_BYTES = 256 * 1024;
/** How many folders up from the values file are searched. */
const MAX_LEVELS = 8;

const NAMES: [string, ChartFileHint['kind']][] = [
  ['Chart.yaml', 'chart-yaml'],
  ['Chart.lock', 'chart-lock'],
];

export function chartFilesNear(file: string, stopAt?: string): ChartFileHint[] {
  const root = stopAt ? resolve(stopAt) : undefined;
  let dir = dirname(resolve(file));
  if (root && !isInside(root, dir)) return [];
  for (let level = 0; level < MAX_LEVELS; level++) {
    const here: ChartFileHint[] = [];
    for (const [name, kind] of NAMES) {
      const path = join(dir, name);
      const r = readGuarded(path, { maxBytes: MAX_CHART_FILE_BYTES, confineTo: root ?? dir });
      if (!r.ok) continue;
      const t = decodeText(r.bytes);
      if (t.ok) here.push({ kind, path, text: t.text });
    }
    // The nearest chart that depends on cilium decides; a chart of something else is passed over.
    if (here.some((h) => ciliumDependencyVersion(h.text) !== undefined)) return here;
    if ((root && dir === root) || existsSync(join(dir, '.git'))) break;
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return [];
}
