// Generates server/src/core/knowledge/configKeys.json: the keys cilium-agent and cilium-operator read from the
// cilium-config ConfigMap in each supported version (type, default, component, deprecation, how a value is
// decoded, source line), and the keys the chart writes there. Inputs, beside the repository in ../shared:
// - cilium-config-keys/v1.NN.tsv and its README.md (extracted from the Go sources of each release);
// - cilium-charts/v1.NN/templates/cilium-configmap.yaml (the upstream chart).
// Only the versions of server/src/core/version.ts are read, so a new v1.NN file in ../shared changes nothing
// until that version is supported. The output is deterministic; re-running gives no diff.
//
//   node --import tsx tools/gen-config-keys.ts [sharedDir] [outFile]      (npm run gen:config-keys)

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Component, ConfigKeyRun, ConfigKeysJson, Decoder } from '../server/src/core/knowledge/configKeysSchema';
import { SUPPORTED_VERSIONS } from '../server/src/core/version';
import { checkSourcesAgree, tableSources } from './versionSources';

const scriptDir = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(scriptDir, '..');
export const DEFAULT_SHARED_DIR = path.resolve(REPO_ROOT, '../shared');
export const DEFAULT_OUT_FILE = path.resolve(REPO_ROOT, 'server/src/core/knowledge/configKeys.json');

/**
 * Registrations that are plain flags read back through viper (`vp.GetBool(option.X)` in option.Config.Populate
 * and the operator's Populate), not a hive cell's config struct. Every other source file registers the key in a
 * cell's `Flags(flags *pflag.FlagSet)` method. Checked for 1.12–1.19 against the Go source of each release tag
 * (the function around each source line): the only cell methods in these files are the operator's
 * `operatorPprofConfig` and `operatorClientParams` in operator/cmd/flags.go (1.14+ and 1.17+), matched by
 * CELL_KEYS_IN_LEGACY_FILES. pkg/hive/hive.go's RegisterFlags (1.19 hive-*-timeout) are read with vp.GetDuration.
 */
const VIPER_FILES =
  /^(daemon\/cmd\/daemon_main\.go|operator\/(cmd\/)?flags\.go|operator\/(cmd\/)?provider_\w+_flags\.go|pkg\/option\/config\.go|operator\/option\/config\.go|pkg\/command\/map_string\.go|pkg\/hive\/hive\.go)$/;
const CELL_KEYS_IN_LEGACY_FILES = /^operator-(pprof|k8s-client-)/;

export interface TsvRow {
  key: string;
  component: 'agent' | 'operator' | 'both';
  type: string;
  default: string;
  deprecated: string;
  source: string;
}

export function parseTsv(text: string, file: string): TsvRow[] {
  const rows: TsvRow[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    const cols = line.split('\t');
    if (cols.length !== 6) throw new Error(`${file}:${i + 1}: expected 6 tab-separated columns, got ${cols.length}`);
    const [key, component, type, def, deprecated, source] = cols;
    if (component !== 'agent' && component !== 'operator' && component !== 'both')
      throw new Error(`${file}:${i + 1}: component "${component}"`);
    rows.push({ key, component, type, default: def, deprecated, source });
  });
  return rows;
}

/** `agent: X; operator: Y` → both parts; anything else applies to every component. */
function perComponent(cell: string): { agent?: string; operator?: string; all?: string } {
  const m = /^(agent|operator): (.*?); (agent|operator): (.*)$/.exec(cell);
  if (!m) return { all: cell };
  return { [m[1]]: m[2], [m[3]]: m[4] };
}

function componentsOf(c: TsvRow['component']): Component[] {
  return c === 'both' ? ['agent', 'operator'] : [c];
}

/** A single value when every component agrees, else one per component. */
function collapse<T extends string>(
  values: Partial<Record<Component, T>>,
  comps: Component[],
): T | Partial<Record<Component, T>> {
  const distinct = new Set(comps.map((c) => values[c]));
  if (distinct.size === 1) return values[comps[0]]!;
  const out: Partial<Record<Component, T>> = {};
  for (const c of comps) out[c] = values[c];
  return out;
}

function decoderOf(key: string, sourcePart: string, viperOnly: boolean): Decoder {
  if (viperOnly) return 'viper';
  const file = sourcePart.trim().split(':')[0];
  if (VIPER_FILES.test(file) && !(/^operator\/cmd\/flags\.go$/.test(file) && CELL_KEYS_IN_LEGACY_FILES.test(key)))
    return 'viper';
  return 'hive';
}

type Entry = Omit<ConfigKeyRun, 'from' | 'to' | 'src'> & { src: string };

export function entryOf(row: TsvRow): Entry {
  const comps = componentsOf(row.component);
  const typeParts = perComponent(row.type);
  const types: Partial<Record<Component, string>> = {};
  const viperOnlyBy: Partial<Record<Component, boolean>> = {};
  for (const c of comps) {
    const raw = typeParts.all ?? typeParts[c];
    if (raw === undefined) throw new Error(`${row.key}: no type for ${c} in "${row.type}"`);
    viperOnlyBy[c] = /\(viper-only, no flag\)/.test(raw);
    types[c] = raw.replace(/\s*\(viper-only, no flag\)/, '').trim();
  }
  // Sources are listed agent first when both components register the key; one source may serve both.
  const srcParts = row.source.split(/;\s*/);
  const decoders: Partial<Record<Component, Decoder>> = {};
  comps.forEach(
    (c, i) => (decoders[c] = decoderOf(row.key, srcParts[Math.min(i, srcParts.length - 1)], !!viperOnlyBy[c])),
  );

  const depParts = perComponent(row.deprecated);
  let x: string | undefined;
  let xBy: Component | undefined;
  let hidden = false;
  for (const c of comps) {
    const raw = depParts.all ?? depParts[c] ?? 'no';
    if (/\[hidden\]\s*$/.test(raw)) hidden = true;
    const m = /^yes: (.*?)(?:\s*\[hidden\])?$/.exec(raw);
    if (m && !x) {
      x = m[1].trim();
      xBy = depParts.all ? undefined : c;
    }
  }
  const entry: Entry = {
    c: row.component,
    t: collapse(types, comps),
    dec: collapse(decoders, comps),
    d: row.default,
    src: row.source,
  };
  if (comps.every((c) => viperOnlyBy[c])) entry.viperOnly = true;
  else if (comps.some((c) => viperOnlyBy[c])) entry.viperOnlyIn = comps.find((c) => viperOnlyBy[c]);
  if (x) entry.x = x;
  if (xBy) entry.xBy = xBy;
  if (hidden) entry.h = true;
  return entry;
}

/** The keys at the start of a line under `data:` of the cilium-config ConfigMap in the chart's template. */
export function chartConfigMapKeys(template: string): string[] {
  const keys = new Set<string>();
  const docs = template.split(/^---\s*$/m);
  for (const doc of docs) {
    if (!/^kind:\s*ConfigMap\s*$/m.test(doc) || !/^\s+name:\s*cilium-config\s*$/m.test(doc)) continue;
    const data = /^data:\s*$/m.exec(doc);
    if (!data) continue;
    for (const m of doc.slice(data.index).matchAll(/^ {2}([a-z0-9][a-z0-9._-]*):(?:\s|$)/gm)) keys.add(m[1]);
  }
  return [...keys].sort();
}

/** The release tag/commit table of the tsv README. */
export function readSources(readme: string): ConfigKeysJson['sources'] {
  const out: ConfigKeysJson['sources'] = {};
  for (const m of readme.matchAll(/^\| v(1\.\d+)\.tsv \| ([^|]+?) \|[^\n]*\| ([0-9a-f]{40}) \|$/gm)) {
    const release = m[2].replace(/\s*\(PRE-RELEASE\)/, '').trim();
    out[m[1]] = { release, commit: m[3], ...(/PRE-RELEASE/.test(m[2]) ? { prerelease: true as const } : {}) };
  }
  return out;
}

function sameButSource(a: Entry, b: Entry): boolean {
  const strip = ({ src: _s, ...rest }: Entry) => JSON.stringify(rest);
  return strip(a) === strip(b);
}

export function generateConfigKeys(
  sharedDir: string,
  versions: readonly string[] = SUPPORTED_VERSIONS,
): ConfigKeysJson {
  const keysDir = path.join(sharedDir, 'cilium-config-keys');
  const chartsDir = path.join(sharedDir, 'cilium-charts');
  // The release of each minor is the version table's; the key lists' README must describe the same releases.
  const allSources = readSources(readFileSync(path.join(keysDir, 'README.md'), 'utf8'));
  checkSourcesAgree(path.join(keysDir, 'README.md'), allSources);
  const sources: ConfigKeysJson['sources'] = {};
  const perKey = new Map<string, { version: string; entry: Entry }[]>();
  const chart = new Map<string, string[]>();
  for (const v of versions) {
    const file = path.join(keysDir, `v${v}.tsv`);
    if (!existsSync(file)) throw new Error(`${file} is missing: every supported version needs its key list`);
    const row = tableSources()[v];
    if (!row) throw new Error(`v${v} is not in the version table (knowledge/versions.ts)`);
    sources[v] = { release: row.release, commit: row.commit, ...(row.prerelease ? { prerelease: true as const } : {}) };
    const seen = new Set<string>();
    for (const row of parseTsv(readFileSync(file, 'utf8'), file)) {
      if (seen.has(row.key)) throw new Error(`${file}: ${row.key} twice`);
      seen.add(row.key);
      let list = perKey.get(row.key);
      if (!list) perKey.set(row.key, (list = []));
      list.push({ version: v, entry: entryOf(row) });
    }
    const template = path.join(chartsDir, `v${v}`, 'templates', 'cilium-configmap.yaml');
    if (!existsSync(template)) throw new Error(`${template} is missing`);
    for (const key of chartConfigMapKeys(readFileSync(template, 'utf8'))) {
      let list = chart.get(key);
      if (!list) chart.set(key, (list = []));
      list.push(v);
    }
  }
  const next = (v: string) => versions[versions.indexOf(v) + 1];
  const keys: ConfigKeysJson['keys'] = {};
  for (const key of [...perKey.keys()].sort()) {
    const runs: ConfigKeyRun[] = [];
    let prevVersion: string | undefined;
    let prev: Entry | undefined;
    for (const { version, entry } of perKey.get(key)!) {
      const last = runs[runs.length - 1];
      if (last && prev && prevVersion && next(prevVersion) === version && sameButSource(prev, entry)) {
        last.to = version;
        last.src.push(entry.src);
      } else {
        const { src, ...rest } = entry;
        runs.push({ from: version, to: version, ...rest, src: [src] });
      }
      prev = entry;
      prevVersion = version;
    }
    keys[key] = runs;
  }
  const chartOut: ConfigKeysJson['chart'] = {};
  for (const key of [...chart.keys()].sort()) chartOut[key] = chart.get(key)!;
  return { versions: [...versions], sources, keys, chart: chartOut };
}

/** Stable JSON with sorted object keys (arrays keep their order). */
function stable(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

/** One key per line, for readable diffs. */
export function serializeConfigKeys(data: ConfigKeysJson): string {
  const section = (obj: Record<string, unknown>) =>
    Object.keys(obj)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable(obj[k])}`)
      .join(',\n');
  return (
    `{"versions":${stable(data.versions)},\n"sources":${stable(data.sources)},\n` +
    `"chart":{\n${section(data.chart)}\n},\n"keys":{\n${section(data.keys)}\n}}\n`
  );
}

function main(argv: string[]): void {
  const sharedDir = path.resolve(argv[0] ?? DEFAULT_SHARED_DIR);
  const outFile = path.resolve(argv[1] ?? DEFAULT_OUT_FILE);
  const data = generateConfigKeys(sharedDir);
  const text = serializeConfigKeys(data);
  writeFileSync(outFile, text);
  const counts = data.versions.map((v) => {
    const n = Object.values(data.keys).filter((runs) =>
      runs.some((r) => minor(r.from) <= minor(v) && minor(v) <= minor(r.to)),
    ).length;
    const chartOnly = Object.entries(data.chart).filter(
      ([k, vs]) => vs.includes(v) && !data.keys[k]?.some((r) => minor(r.from) <= minor(v) && minor(v) <= minor(r.to)),
    );
    return `${v}: ${n} keys; chart writes ${chartOnly.length} keys no agent/operator reads: ${chartOnly.map(([k]) => k).join(' ')}`;
  });
  process.stderr.write(`wrote ${outFile} (${text.length} bytes)\n${counts.join('\n')}\n`);
}

function minor(v: string): number {
  return Number(v.split('.')[1]);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
