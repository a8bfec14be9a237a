// Finds the wrappers that name a values file (kustomization.yaml `helmCharts[].valuesFile`, helmfile `values:`,
// Argo CD `valueFiles: [$ref/path]`), so the file is analysed at the Cilium version the wrapper deploys. Two ways:
// - files of the same CLI run that name it (any file name: Argo CD Applications are called anything);
// - kustomization / helmfile files beside or above it, by their fixed names (what a single-file run and the
//   language server see).
// Read like every other file (io/guardedRead), never above `stopAt` nor above a repository root (a folder
// holding .git). The core decides what the wrappers say (core/valuesReferences.ts).

import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { valuesReferencesIn, type UsedBy, type ValuesReference } from '../core/valuesReferences';

export type { UsedBy } from '../core/valuesReferences';
import { decodeText } from './decodeText';
import { isInside, readGuarded } from './guardedRead';

const MAX_WRAPPER_BYTES = 256 * 1024;
/** How many folders up from the values file are searched (a values file sits in a subfolder of its wrapper). */
const MAX_LEVELS = 4;
const WRAPPER_NAMES = [
  'kustomization.yaml',
  'kustomization.yml',
  'Kustomization',
  'helmfile.yaml',
  'helmfile.yml',
  'helmfile.yaml.gotmpl',
];

/** The repository root above `dir` (the folder holding .git), if any within reach. */
function repoRootOf(dir: string): string | undefined {
  for (let d = dir, i = 0; i < 32; i++) {
    if (existsSync(join(d, '.git'))) return d;
    const up = dirname(d);
    if (up === d) return undefined;
    d = up;
  }
  return undefined;
}

/** Where a reference points, or undefined when it cannot be resolved (no repository root for `$ref/…`). */
function target(ref: ValuesReference, wrapperFile: string): string | undefined {
  if (ref.base === 'file') return resolve(dirname(wrapperFile), ref.path);
  const root = repoRootOf(dirname(resolve(wrapperFile)));
  return root ? resolve(root, ref.path) : undefined;
}

/** Every values file the given wrapper text names, resolved against the wrapper's place. */
export function referencedFiles(wrapperFile: string, text: string): { file: string; usedBy: UsedBy }[] {
  const out: { file: string; usedBy: UsedBy }[] = [];
  for (const ref of valuesReferencesIn(text)) {
    const file = target(ref, wrapperFile);
    if (file)
      out.push({
        file,
        usedBy: { file: wrapperFile, wrapper: ref.wrapper, ...(ref.version ? { version: ref.version } : {}) },
      });
  }
  return out;
}

function readText(path: string, confineTo: string): string | undefined {
  const r = readGuarded(path, { maxBytes: MAX_WRAPPER_BYTES, confineTo });
  if (!r.ok) return undefined;
  const t = decodeText(r.bytes);
  return t.ok ? t.text : undefined;
}

/** kustomization / helmfile files beside or above `file` that name it. */
export function wrappersNear(file: string, stopAt?: string): UsedBy[] {
  const root = stopAt ? resolve(stopAt) : undefined;
  const wanted = resolve(file);
  let dir = dirname(wanted);
  if (root && !isInside(root, dir)) return [];
  const out: UsedBy[] = [];
  for (let level = 0; level < MAX_LEVELS; level++) {
    const names = [...WRAPPER_NAMES.map((n) => join(dir, n)), ...helmfileD(dir)];
    for (const path of names) {
      const text = readText(path, root ?? dir);
      if (text === undefined) continue;
      for (const r of referencedFiles(path, text)) if (r.file === wanted) out.push(r.usedBy);
    }
    if (out.length > 0 || (root && dir === root) || existsSync(join(dir, '.git'))) break;
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return out;
}

/** helmfile.d/*.yaml(.gotmpl): helmfile reads every file of that folder. */
function helmfileD(dir: string): string[] {
  const d = join(dir, 'helmfile.d');
  try {
    return readdirSync(d)
      .filter((n) => /\.ya?ml(\.gotmpl)?$/.test(n))
      .sort()
      .slice(0, 50)
      .map((n) => join(d, n));
  } catch {
    return [];
  }
}
