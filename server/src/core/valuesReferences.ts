// Values files that a wrapper names instead of holding the values inline: kustomize `helmCharts[].valuesFile`
// (and `additionalValuesFiles`), a helmfile release's `values:` list of paths, an Argo CD source's
// `helm.valueFiles` of the `$ref/path` form (a path in a repository of the same Application). Such a values file
// is deployed with the wrapper's Cilium chart version, so it must be analysed at that version, not at the
// assumed newest one. The core reads no files: the CLI and the language server find the wrappers
// (io/valuesReferences.ts) and pass what they say about the file in as AnalyzeOptions.usedBy.

import { isMap, isScalar, isSeq, parseAllDocuments, type Node } from 'yaml';

export interface ValuesReference {
  /** The path as the wrapper writes it. */
  path: string;
  /** 'file': relative to the wrapper's folder; 'repo': relative to the repository root (Argo CD `$ref/…`). */
  base: 'file' | 'repo';
  /** The Cilium chart version the wrapper deploys, as written (may be a range). */
  version?: string;
  /** What names it, for messages: "kustomize helmCharts cilium". */
  wrapper: string;
}

/** A wrapper that names this values file, as the core is told about it. */
export interface UsedBy {
  /** The wrapper file, as the user would recognise it. */
  file: string;
  wrapper: string;
  version?: string;
}

const MAX_WRAPPER_CHARS = 256 * 1024;
/** Words one of the wrappers must contain; anything else is not parsed at all (most YAML files). */
const MENTIONS = /\bvaluesFile\b|\badditionalValuesFiles\b|\bvalueFiles\b|^[ \t]*releases[ \t]*:/m;

function str(n: unknown): string | undefined {
  if (isScalar(n) && (typeof n.value === 'string' || typeof n.value === 'number')) return String(n.value).trim();
  return undefined;
}

function get(map: unknown, key: string): unknown {
  return isMap(map) ? map.get(key, true) : undefined;
}

function items(n: unknown): unknown[] {
  return isSeq(n) ? n.items : [];
}

function isCiliumChart(name: string | undefined): boolean {
  if (!name) return false;
  // Trailing slashes cut with a loop: `/\/+$/` is quadratic on a long run of slashes.
  let end = name.length;
  while (end > 0 && name[end - 1] === '/') end--;
  return /(^|[/-])cilium$/.test(name.slice(0, end));
}

/** The values files a wrapper file names for a Cilium chart, with that chart's version. */
export function valuesReferencesIn(text: string): ValuesReference[] {
  if (text.length > MAX_WRAPPER_CHARS || !MENTIONS.test(text)) return [];
  const out: ValuesReference[] = [];
  let docs;
  try {
    docs = parseAllDocuments(text, { uniqueKeys: false, maxAliasCount: 0 } as never);
  } catch {
    return [];
  }
  for (const doc of Array.isArray(docs) ? docs : [docs]) {
    const top = doc.contents as Node | null;
    if (!isMap(top)) continue;
    const kind = str(get(top, 'kind'));
    for (const chart of items(get(top, 'helmCharts'))) {
      if (!isCiliumChart(str(get(chart, 'name')))) continue;
      const version = str(get(chart, 'version'));
      const wrapper = `kustomize helmCharts ${str(get(chart, 'releaseName')) ?? 'cilium'}`;
      const files = [str(get(chart, 'valuesFile')), ...items(get(chart, 'additionalValuesFiles')).map(str)];
      for (const path of files) if (path) out.push({ path, base: 'file', version, wrapper });
    }
    for (const release of items(get(top, 'releases'))) {
      if (!isCiliumChart(str(get(release, 'chart')))) continue;
      const version = str(get(release, 'version'));
      const wrapper = `helmfile release ${str(get(release, 'name')) ?? 'cilium'}`;
      for (const v of items(get(release, 'values'))) {
        const path = str(v);
        if (path) out.push({ path, base: 'file', version, wrapper });
      }
    }
    if (kind === 'Application' || kind === 'ApplicationSet') {
      const spec = kind === 'ApplicationSet' ? get(get(get(top, 'spec'), 'template'), 'spec') : get(top, 'spec');
      const name = str(get(get(top, 'metadata'), 'name')) ?? '?';
      const sources = [get(spec, 'source'), ...items(get(spec, 'sources'))].filter((s) => isMap(s));
      for (const source of sources) {
        if (!isCiliumChart(str(get(source, 'chart'))) && !isCiliumChart(str(get(source, 'path')))) continue;
        const version = str(get(source, 'targetRevision'));
        for (const v of items(get(get(source, 'helm'), 'valueFiles'))) {
          // Only `$ref/path` names a file we can find: a plain path is inside the chart's own repository.
          const m = /^\$[\w-]+\/(.+)$/.exec(str(v) ?? '');
          if (m) out.push({ path: m[1], base: 'repo', version, wrapper: `Argo CD ${kind} ${name}` });
        }
      }
    }
  }
  return out;
}
