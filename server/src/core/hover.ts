// The hover for a key (or its value): what the key is, its type and default in the target version, in which
// versions it exists, the ConfigMap key it becomes, our explanation, and what it does to the datapath in this
// very file ("this line makes Host Routing Legacy because …"). Pure and cheap: it reads an existing Analysis
// (the language server caches one per document version) and the bundled knowledge tables.

import type { Analysis, DocumentAnalysis } from './analyze';
import {
  chartDescriptionOf,
  configMapKeyMarkdown,
  helmDocFor,
  helmKeyMarkdown,
  helmReferenceUrl,
  versionLabel,
  versionSpan,
} from './docs/keyInfo';
import { HOST_ROUTING_RULES } from './rules/defs/index';
import { isOpenMap, keyExistsIn } from './knowledge/catalog';
import { configMapKeyDoc, helmKeyDoc } from './knowledge/keyDocs';
import { adviceFor } from './knowledge/keyHistory';
import { locate } from './locate';
import type { Reason } from './model/datapath';
import { userOrigins } from './rules/place';
import { suggest } from './rules/keyRules';
import { hybridNote, masqueradingText, routingText } from './statusPreview';
import type { Origin, Range } from './types';
import type { CiliumVersion } from './version';
import { isMap } from 'yaml';

export { helmReferenceUrl, versionSpan } from './docs/keyInfo';

export interface HoverOptions {
  /** The user's own chart's description of a key (read at run time from their chart copy), if any. */
  chartDescription?: (version: string, keyPath: string) => string | undefined;
  /** Link to the Helm reference of the target version at the end (default: true). */
  helmDocsUrl?: boolean;
}

export interface HoverResult {
  markdown: string;
  range: Range;
}

const SILENT_HOST_ROUTING = new Set(HOST_ROUTING_RULES.filter((f) => f.silent).map((f) => f.id));
const MASQ_KEYS = new Set([
  'enable-ipv4-masquerade',
  'enable-ipv6-masquerade',
  'enable-bpf-masquerade',
  'enable-ip-masq-agent',
  'enable-ipv4',
  'enable-ipv6',
]);

function overlaps(a: Range, b: Range): boolean {
  if (a.start === a.end) return a.start >= b.start && a.start < b.end;
  return a.start < b.end && b.start < a.end;
}

function touches(origins: readonly Origin[], range: Range): boolean {
  return userOrigins(origins).some((o) => overlaps(o.range, range));
}

/**
 * ConfigMap keys whose rendered value came from this Helm key (directly or implied by it). A rendered key that
 * cannot name it (Setting.mayName) is passed over without working out its origin: after an edit that is most of
 * the hover's time on the upstream chart.
 */
export function configMapKeysFrom(doc: DocumentAnalysis, path: string): string[] {
  const out: string[] = [];
  const mentions = (o: Origin, depth: number): boolean =>
    (o.kind === 'user' && o.key === path) ||
    (o.kind === 'implied' && depth < 8 && o.by.some((b) => mentions(b, depth + 1)));
  for (const [key, setting] of doc.configMap)
    if (setting.mayName?.(path) !== false && mentions(setting.origin, 0)) out.push(key);
  return out;
}

function hostRoutingWords(r: Reason, all: readonly Reason[]): string {
  if (r.logged) return 'the reason the agent logs';
  if (SILENT_HOST_ROUTING.has(r.id)) return 'the agent does not log this one';
  const logged = all.find((x) => x.logged);
  return logged ? `the agent logs \`${logged.id}\` instead` : 'the agent does not log it';
}

function withSourceText(line: string, r: Reason, label: string): string {
  return r.sourceText ? `${line}\n  ${label}: \`${r.sourceText.replace(/`/g, "'")}\`` : line;
}

/** Sentences on what the key at `range` does to the verdict of this document. */
export function effectsInFile(doc: DocumentAnalysis, range: Range, path?: string, subject = 'this line'): string[] {
  const dp = doc.datapath;
  const out: string[] = [];
  const Subject = subject.charAt(0).toUpperCase() + subject.slice(1);
  for (const r of dp.hostRouting.reasons) {
    if (!touches(r.origins, range)) continue;
    out.push(
      withSourceText(
        `**${Subject} makes Host Routing Legacy** (\`${r.id}\`, ${hostRoutingWords(r, dp.hostRouting.reasons)}) because: ${r.message}`,
        r,
        'Agent log',
      ),
    );
  }
  for (const r of dp.masquerading.reasons) {
    if (touches(r.origins, range))
      out.push(withSourceText(`**Masquerading falls back here** (\`${r.id}\`): ${r.message}`, r, 'Agent log'));
  }
  for (const r of dp.agentErrors) {
    if (!touches(r.origins, range)) continue;
    const label =
      r.severity === 'error'
        ? `**The agent refuses to start because of ${subject}**`
        : `**The agent warns about ${subject}**`;
    out.push(withSourceText(`${label} (\`${r.id}\`): ${r.message}`, r, 'Agent error'));
  }
  for (const r of dp.chartErrors) {
    if (touches(r.origins, range))
      out.push(
        withSourceText(
          `**The chart refuses to install because of ${subject}** (\`${r.id}\`): ${r.message}`,
          r,
          'Helm fails with',
        ),
      );
  }
  const kprHere = touches(dp.kubeProxyReplacement.origins, range);
  if (kprHere) {
    out.push(`Decides **KubeProxyReplacement: ${dp.kubeProxyReplacement.status}** in this file.`);
    if (dp.kubeProxyReplacement.enabled && dp.hostRouting.status === 'BPF')
      out.push('Full kube-proxy replacement here is one of the things **Host Routing: BPF** needs.');
  }
  if (touches(dp.routing.origins, range)) {
    out.push(`Decides **Routing: ${routingText(dp.routing)}** in this file.`);
    if (dp.routing.hybrid) out.push(hybridNote(dp.routing));
  }
  const cmKeys = path ? (doc.source.format === 'configmap' ? [path] : configMapKeysFrom(doc, path)) : [];
  if (cmKeys.some((k) => MASQ_KEYS.has(k)) && !dp.masquerading.reasons.some((r) => touches(r.origins, range))) {
    out.push(`Feeds **Masquerading: ${masqueradingText(dp)}** in this file.`);
    if (cmKeys.includes('enable-bpf-masquerade') && dp.masquerading.mode === 'BPF' && dp.hostRouting.status === 'BPF') {
      out.push('BPF masquerading here is one of the things **Host Routing: BPF** needs.');
    }
  }
  if (cmKeys.includes('enable-host-legacy-routing') && dp.hostRouting.status === 'BPF') {
    out.push(
      "Host Routing is **BPF** in this file: pod traffic skips the host network stack, so the node's own iptables rules and host-level policies no longer see it.",
    );
  }
  return out;
}

/** The shallowest ancestor of `path` that is a free-form map in this version (`extraConfig`, `podAnnotations`…). */
function openAncestor(path: readonly string[], v: CiliumVersion): string | undefined {
  for (let i = 1; i < path.length; i++) {
    const prefix = path.slice(0, i).join('.');
    if (!keyExistsIn(prefix, v)) return undefined;
    if (isOpenMap(prefix, v)) return prefix;
  }
  return undefined;
}

function configMapLines(key: string, v: CiliumVersion, value: string | undefined): string[] {
  const out: string[] = [];
  if (value !== undefined) out.push(`Value here: \`${JSON.stringify(value)}\``);
  out.push(...configMapKeyMarkdown(key, v));
  return out;
}

function helmLines(doc: DocumentAnalysis, path: string[], options: HoverOptions): string[] {
  const v = doc.version;
  const dotted = path.join('.');
  const lines: string[] = [];
  const open = openAncestor(path, v);
  if (open === 'extraConfig' && path.length === 2) {
    const key = path[1];
    lines.push(`**${dotted}** — extra cilium-config key · cilium chart ${versionLabel(v)}`, '');
    lines.push('The chart copies `extraConfig` entries into cilium-config unchanged, so this is an agent option.');
    lines.push(...configMapLines(key, v, doc.configMap.get(key)?.value));
    return lines;
  }
  if (open) {
    lines.push(`**${dotted}** — free-form entry under \`${open}\` · cilium chart ${versionLabel(v)}`, '');
    lines.push(`\`${open}\` takes any keys; the chart passes them on without checking, and so do we.`);
    return lines;
  }
  lines.push(`**${dotted}** — Helm value · cilium chart ${versionLabel(v)}`, '');
  const known = keyExistsIn(dotted, v);
  if (!known && !versionSpan(dotted) && !adviceFor(dotted) && !helmKeyDoc(dotted)) {
    const parent = path.slice(0, -1).join('.');
    const s = !parent || keyExistsIn(parent, v) ? suggest(path[path.length - 1], parent, v) : undefined;
    if (s) lines.push(`Not a value of the cilium ${v} chart; Helm ignores it. Did you mean \`${s}\`?`, '');
  }
  lines.push(...helmKeyMarkdown(dotted, v));
  const cm = configMapKeysFrom(doc, dotted);
  if (cm.length > 0)
    lines.push(
      '',
      `Becomes in cilium-config here: ${cm.map((k) => `\`${k}: "${doc.configMap.get(k)?.value}"\``).join(', ')}`,
    );
  // The user's own chart copy only adds something when it says more than the upstream chart we ship.
  const chart = options.chartDescription?.(v, dotted);
  if (chart && chart !== chartDescriptionOf(dotted, v)) lines.push('', `From your chart: ${chart}`);
  return lines;
}

// `_text`: the analysis holds every range; the text stays in the signature for callers that need it later.
export function hoverAt(
  analysis: Analysis,
  _text: string,
  offset: number,
  options: HoverOptions = {},
): HoverResult | undefined {
  const at = locate(analysis, offset);
  if (!at) return undefined;
  const { doc, entry } = at;
  const range = at.onValue ? entry.valueRange : entry.keyRange;
  // A scalar's line is its key and its value; a mapping covers the keys below it, and says so.
  const mapping = isMap(entry.node);
  const ownRange = { start: entry.keyRange.start, end: Math.max(entry.valueRange.end, entry.keyRange.end) };
  let lines: string[];
  let dotted: string;
  if (doc.source.format === 'configmap') {
    const key = at.path[at.path.length - 1];
    dotted = key;
    lines = [
      `**${key}** — cilium-config key · Cilium ${versionLabel(doc.version)}`,
      '',
      ...configMapLines(key, doc.version, undefined),
    ];
  } else {
    dotted = at.path.join('.');
    lines = helmLines(doc, at.path, options);
  }
  const effects = effectsInFile(doc, ownRange, dotted, mapping ? 'a key below this one' : 'this line');
  const ourDoc = doc.source.format === 'configmap' ? configMapKeyDoc(dotted) : helmDocFor(dotted);
  const hr = doc.datapath.hostRouting;
  if (!mapping && ourDoc?.effects?.hostRouting && !hr.reasons.some((r) => touches(r.origins, ownRange))) {
    const others = hr.reasons.map((r) => `\`${r.id}\``).join(', ');
    effects.push(
      `Not a reason for Legacy host routing in this file on Cilium ${doc.version} (Host Routing here: **${hr.status}**${others ? `, because of ${others}` : ''}).`,
    );
  }
  // What this line decides here comes first, right under the title: it is why the user hovered.
  if (effects.length > 0) lines.splice(1, 0, '', '**In this file**', '', ...effects.map((e) => `- ${e}`));
  if (doc.source.format === 'helm' && options.helmDocsUrl !== false)
    lines.push('', `[Helm reference for Cilium ${doc.version}](${helmReferenceUrl(doc.version)})`);
  return { markdown: lines.join('\n'), range };
}
