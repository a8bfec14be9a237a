// The hover for a key (or its value): what the key is, its type and default in the target version, in which
// versions it exists, the ConfigMap key it becomes, our explanation, and what it does to the datapath in this
// very file. Pure: it reads an existing Analysis.

import type { Analysis, DocumentAnalysis } from './analyze';
import { defaultIn, getKey, keyExistsIn } from './knowledge/catalog';
import { adviceFor } from './knowledge/keyHistory';
import { configMapKeyDoc, helmKeyDoc, type KeyDoc } from './knowledge/keyDocs';
import { locate } from './locate';
import { userOrigins } from './rules/place';
import { suggest } from './rules/keyRules';
import type { Origin, Range } from './types';
import { SUPPORTED_VERSIONS, type CiliumVersion } from './version';

export interface HoverOptions {
  /** The user's own chart's description of a key (read at run time from their chart copy), if any. */
  chartDescription?: (version: string, keyPath: string) => string | undefined;
}

export function helmReferenceUrl(version: CiliumVersion): string {
  return version === '1.20' ? 'https://docs.cilium.io/en/latest/helm-reference/' : `https://docs.cilium.io/en/v${version}/helm-reference/`;
}

function overlaps(a: Range, b: Range): boolean {
  if (a.start === a.end) return a.start >= b.start && a.start < b.end;
  return a.start < b.end && b.start < a.end;
}

function touches(origins: readonly Origin[], range: Range): boolean {
  return userOrigins(origins).some((o) => overlaps(o.range, range));
}

/** "1.12–1.17", "1.14+" or a list when the key comes and goes. */
export function versionSpan(path: string): string | undefined {
  const have = SUPPORTED_VERSIONS.filter((v) => keyExistsIn(path, v));
  if (have.length === 0) return undefined;
  const first = have[0];
  const last = have[have.length - 1];
  const contiguous = SUPPORTED_VERSIONS.indexOf(last) - SUPPORTED_VERSIONS.indexOf(first) + 1 === have.length;
  if (!contiguous) return have.join(', ');
  if (last === SUPPORTED_VERSIONS[SUPPORTED_VERSIONS.length - 1]) return first === SUPPORTED_VERSIONS[0] ? `every supported version (${first}–${last})` : `${first} and later`;
  return `${first}–${last}`;
}

function showDefault(v: unknown): string {
  if (v === undefined) return 'none (commented out in the chart)';
  return '`' + (typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v)) + '`';
}

/** ConfigMap keys whose rendered value came from this Helm key (directly or implied by it). */
export function configMapKeysFrom(doc: DocumentAnalysis, path: string): string[] {
  const out: string[] = [];
  for (const [key, setting] of doc.configMap) {
    const o = setting.origin;
    if ((o.kind === 'user' && o.key === path) || (o.kind === 'implied' && o.by.some((b) => b.key === path))) out.push(key);
  }
  return out;
}

/** Sentences on what this key does to the verdict of this file. */
export function effectsInFile(doc: DocumentAnalysis, range: Range): string[] {
  const dp = doc.datapath;
  const out: string[] = [];
  for (const r of dp.hostRouting.reasons) {
    if (touches(r.origins, range)) out.push(`**This line makes Host Routing Legacy** (\`${r.id}\`${r.logged ? ', the reason the agent logs' : ''}): ${r.message}`);
  }
  for (const r of dp.masquerading.reasons) if (touches(r.origins, range)) out.push(`**Masquerading** (\`${r.id}\`): ${r.message}`);
  for (const r of dp.agentErrors) if (touches(r.origins, range)) out.push(`**The agent refuses to start** (\`${r.id}\`): ${r.message}`);
  for (const r of dp.chartErrors) if (touches(r.origins, range)) out.push(`**The chart refuses to install** (\`${r.id}\`): ${r.message}`);
  if (touches(dp.kubeProxyReplacement.origins, range)) out.push(`Decides **KubeProxyReplacement: ${dp.kubeProxyReplacement.status}** here.`);
  if (touches(dp.routing.origins, range)) out.push(`Decides **Routing: ${dp.routing.mode === 'native' ? 'Native' : `Tunnel [${dp.routing.protocol}]`}** here.`);
  return out;
}

function docLines(d: KeyDoc | undefined): string[] {
  if (!d) return [];
  const out = [d.summary];
  if (d.datapath) out.push('', `Datapath: ${d.datapath}`);
  if (d.versions) out.push('', `Versions: ${d.versions}`);
  return out;
}

export function hoverAt(analysis: Analysis, text: string, offset: number, options: HoverOptions = {}): { markdown: string; range: Range } | undefined {
  void text;
  const at = locate(analysis, offset);
  if (!at) return undefined;
  const { doc, entry } = at;
  const range = at.onValue ? entry.valueRange : entry.keyRange;
  const keyRange = { start: entry.keyRange.start, end: Math.max(entry.valueRange.end, entry.keyRange.end) };
  const lines: string[] = [];
  if (doc.source.format === 'configmap') {
    const key = at.path[at.path.length - 1];
    lines.push(`**${key}** — cilium-config key · Cilium ${doc.version}`, '');
    const d = configMapKeyDoc(key);
    lines.push(...(d ? docLines(d) : ['An agent option; the agent reads it as a string.']));
  } else {
    const path = at.path.join('.');
    const v = doc.version;
    lines.push(`**${path}** — Helm value · cilium chart ${v}`, '');
    const known = keyExistsIn(path, v);
    const info = getKey(path);
    if (known) {
      const types = info?.types.length ? info.types.join(' | ') : 'any';
      lines.push(`Type: \`${types}\` · Default in ${v}: ${showDefault(defaultIn(path, v))}`);
    } else {
      const advice = adviceFor(path);
      const span = versionSpan(path);
      if (span) lines.push(`Not in the ${v} chart. It exists in ${span}.${advice ? ` Use ${advice.replacement} instead.` : ''}`);
      else if (advice) lines.push(`No longer a chart value. Use ${advice.replacement} instead.`);
      else {
        const s = suggest(at.path[at.path.length - 1], at.path.slice(0, -1).join('.'), v);
        lines.push(`Not a value of the cilium ${v} chart; Helm ignores it.${s ? ` Did you mean \`${s}\`?` : ''}`);
      }
    }
    const span = known ? versionSpan(path) : undefined;
    if (span) lines.push(`In the chart: ${span}.`);
    const cm = configMapKeysFrom(doc, path);
    if (cm.length > 0) lines.push(`Becomes in cilium-config: ${cm.map((k) => `\`${k}: "${doc.configMap.get(k)?.value}"\``).join(', ')}`);
    // A parent such as `endpointRoutes` is explained by its switch (`endpointRoutes.enabled`).
    const own = helmKeyDoc(path) ?? helmKeyDoc(`${path}.enabled`);
    if (own) lines.push('', ...docLines(own));
    const chart = options.chartDescription?.(v, path);
    if (chart) lines.push('', `From your chart: ${chart}`);
  }
  const effects = effectsInFile(doc, keyRange);
  if (effects.length > 0) lines.push('', '**In this file**', '', ...effects.map((e) => `- ${e}`));
  if (doc.source.format === 'helm') lines.push('', `[Helm reference for Cilium ${doc.version}](${helmReferenceUrl(doc.version)})`);
  return { markdown: lines.join('\n'), range };
}
