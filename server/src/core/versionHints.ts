// Where the target Cilium version can come from besides the user's setting, in the order we trust them: a
// `# cilium-version:` comment (the user's own statement about the file), then the clues: the wrapper's chart
// version (HelmRelease, Argo CD...), a Chart.yaml beside or above the values file that depends on cilium (an
// umbrella chart), its Chart.lock, an image tag of Cilium's own images, a `helm.sh/chart: cilium-X` label. The core reads no files: the CLI and the language server read
// Chart.yaml / Chart.lock and pass their text in as hints.

import { isMap, isSeq, parseDocument } from 'yaml';

export type VersionSource =
  'option' | 'wrapper' | 'used-by' | 'chart-yaml' | 'chart-lock' | 'image' | 'label' | 'comment' | 'default';

/** A chart file found near the analysed file, as read by the caller. */
export interface ChartFileHint {
  kind: 'chart-yaml' | 'chart-lock';
  /** Its path as the user would recognise it (for messages). */
  path: string;
  text: string;
}

/** How each source is named in a verdict: "Cilium 1.16, from Chart.yaml dependency". */
export const VERSION_SOURCE_WORDS: Record<VersionSource, string> = {
  option: 'from your setting',
  wrapper: "from the wrapper's chart version",
  'used-by': 'from the wrapper that names this values file',
  'chart-yaml': 'from Chart.yaml dependency',
  'chart-lock': 'from Chart.lock',
  image: 'from the Cilium image tag',
  label: 'from the helm.sh/chart label',
  comment: 'from the # cilium-version comment',
  default: 'assumed: no version found',
};

const MAX_CHART_FILE_CHARS = 256 * 1024;

/**
 * The version of the `cilium` dependency in a Chart.yaml or Chart.lock (`dependencies: [{name: cilium, version:
 * 1.16.3}]`), or the chart's own version when the file is the cilium chart itself. Undefined for anything else.
 */
export function ciliumDependencyVersion(text: string): string | undefined {
  if (text.length > MAX_CHART_FILE_CHARS) return undefined;
  let doc;
  try {
    doc = parseDocument(text, { uniqueKeys: false });
  } catch {
    return undefined;
  }
  if (doc.errors.length > 0 || !isMap(doc.contents)) return undefined;
  const deps = doc.get('dependencies');
  if (isSeq(deps)) {
    for (const item of deps.items) {
      if (!isMap(item)) continue;
      const name = item.get('name');
      const alias = item.get('alias');
      const version = item.get('version');
      if ((name === 'cilium' || alias === 'cilium') && (typeof version === 'string' || typeof version === 'number'))
        return String(version);
    }
  }
  const own = doc.get('name');
  const version = doc.get('version');
  if (own === 'cilium' && typeof version === 'string') return version;
  return undefined;
}

export interface FoundVersion {
  source: VersionSource;
  raw: string;
  /** Where the version was found in the analysed file, when it was found there. */
  at?: { start: number; end: number };
  /** The chart file it came from, for Chart.yaml / Chart.lock. */
  path?: string;
}

/** `quay.io/cilium/cilium:v1.18.2`, `cilium/operator-generic:v1.18.2@sha256:...`: Cilium's own images. */
const IMAGE_TAG = /\bcilium\/(?:cilium|operator(?:-[a-z]+)?)(?:-ci)?:v?(1\.\d{1,2}\.\d+(?:-[0-9A-Za-z.]+)?)/g;
const CHART_LABEL = /\bhelm\.sh\/chart["']?\s*:\s*["']?cilium-(1\.\d{1,2}\.\d+(?:-[0-9A-Za-z.]+)?)/g;

/**
 * The first match, or undefined. `needle` is text every match contains: most files have none, which a plain
 * search tells several times faster than the regular expression trying every position (the analysis asks on
 * every keystroke).
 */
function firstMatch(re: RegExp, text: string, needle: string): FoundVersion | undefined {
  if (!text.includes(needle)) return undefined;
  re.lastIndex = 0;
  const m = re.exec(text);
  if (!m) return undefined;
  const start = m.index + m[0].lastIndexOf(m[1]);
  return { source: re === IMAGE_TAG ? 'image' : 'label', raw: m[1], at: { start, end: start + m[1].length } };
}

export function imageTagIn(text: string): FoundVersion | undefined {
  return firstMatch(IMAGE_TAG, text, 'cilium/');
}

export function chartLabelIn(text: string): FoundVersion | undefined {
  return firstMatch(CHART_LABEL, text, 'helm.sh/chart');
}

/** Where a version came from, in a word or two, for "1.19 · assumed" in a status bar or code lens. */
const VERSION_SOURCE_SHORT: Record<VersionSource, string> = {
  option: 'your setting',
  wrapper: 'wrapper',
  'used-by': 'wrapper file',
  'chart-yaml': 'Chart.yaml',
  'chart-lock': 'Chart.lock',
  image: 'image tag',
  label: 'chart label',
  comment: 'comment',
  default: 'assumed',
};

/** "1.19 · assumed", "1.16 · Chart.yaml", "1.20 (pre-release) · comment". */
export function versionBadge(version: string, source: VersionSource, prerelease: boolean): string {
  return `${version}${prerelease ? ' (pre-release)' : ''} · ${VERSION_SOURCE_SHORT[source]}`;
}

/** The target version as every verdict says it: "Cilium 1.16, from Chart.yaml dependency" / "assumed 1.19 — set the version". */
export function versionText(version: string, source: VersionSource, prerelease: boolean): string {
  if (source === 'default') return `assumed ${version} — set the version`;
  return `Cilium ${version}${prerelease ? ' (pre-release)' : ''}, ${VERSION_SOURCE_WORDS[source]}`;
}
