// The full reasoning for one file as Markdown (the "Explain Datapath" view and `cilium/explain`), the
// cilium-config these values render to, and the one-line verdict shown in code lenses and status bars.
// Every decision is traced back to the keys (with 1-based line numbers) or defaults that made it.

import type { DocumentVerdict } from './documentVerdict';
import type { Analysis, DocumentAnalysis, VersionSource } from './analyze';
import { deciderText, lineHref, packetPath, packetPathSvg } from './datapathDiagram';
import { HOST_ROUTING_RULES } from './rules/defs/index';
import type { Flag } from './model/agentConfig';
import type { Reason } from './model/datapath';
import { kernelAtLeast } from './model/state';
import { LineIndex } from './positions';
import { dependsOnLines, hybridNote, routingText, statusLines, statusSummary, verdictHeadline } from './statusPreview';
import type { Origin } from './types';
import { inRange, PRERELEASE_VERSIONS, versionLabel, versionRow } from './version';
import { versionBadge, versionText } from './versionHints';

export interface ExplainOptions {
  /** The file's text, for line numbers. Without it, lines are read from the analysis where possible. */
  text?: string;
  /** Draw the packet path as an inline SVG above its description (for viewers that render HTML). */
  picture?: boolean;
  /** The picture's line references link to `#L<line>` (explainHtml.ts: the webview jumps to the line). */
  lineLinks?: boolean;
}

const SILENT = new Set(HOST_ROUTING_RULES.filter((f) => f.silent).map((f) => f.id));

const VERSION_FROM: Record<VersionSource, string> = {
  option: 'from your setting',
  wrapper: "from the wrapper's chart version",
  'used-by': 'from the wrapper (kustomize helmCharts, helmfile release, Argo CD source) that names this values file',
  'chart-yaml': 'from the `cilium` dependency of the Chart.yaml beside or above this file',
  'chart-lock': 'from the `cilium` dependency of the Chart.lock beside or above this file',
  image: 'from the Cilium image tag in this file',
  label: 'from the `helm.sh/chart` label in this file',
  comment: 'from the `# cilium-version:` comment',
  default:
    '**assumed**: no version was found in or near the file, so the newest release is used. Set it with the `cilium.version` setting (Cilium: Select Target Cilium Version) or a `# cilium-version: 1.NN` comment',
};

/** Positions for messages: exact lines when the text is known, else offsets. */
interface Where {
  line(offset: number): string;
}

function whereFor(analysis: Analysis, text: string | undefined): Where {
  // Without the text, a top-level document's parse text has the file's line structure (templates are masked
  // with same-length filler), so it gives the same line numbers.
  const fallback = analysis.documents
    .map((d) => d.source.root.ctx)
    .find((c) => c.toFile(0) === 0 && c.toFile(7) === 7)?.text;
  const source = text ?? fallback;
  if (source === undefined) return { line: (o) => `offset ${o}` };
  const index = new LineIndex(source);
  return { line: (o) => `line ${index.position(o).line}` };
}

function quote(s: string): string {
  return s.replace(/`/g, "'");
}

function describe(o: Origin, where: Where, depth = 0): string {
  switch (o.kind) {
    case 'user':
      return `\`${o.key}: ${quote(o.valueText || '(empty)')}\` (${where.line(o.range.start)})`;
    case 'chart-default':
      return `\`${o.key}\` (chart default of ${o.version})`;
    case 'agent-default':
      return `\`${o.key}\` (agent default)`;
    case 'chart-fixed':
      return o.when?.length
        ? `\`${o.key}\` (a value the ${o.version} chart writes itself, because of the chart defaults of ${o.when.map((w) => `\`${w}\``).join(', ')})`
        : `\`${o.key}\` (written by the ${o.version} chart whatever the values)`;
    case 'implied': {
      const by = depth < 6 ? o.by.map((b) => describe(b, where, depth + 1)) : [];
      return `\`${o.key}\` (${o.note})${by.length ? ` ← ${by.join(', ')}` : ''}`;
    }
  }
}

function chain(
  origins: readonly Origin[],
  where: Where,
  environment = 'nothing in the file (defaults and the environment)',
): string {
  const parts = [...new Set(origins.map((o) => describe(o, where)))];
  return parts.length ? parts.join('; ') : environment;
}

function loggedWords(r: Reason, all: readonly Reason[]): string {
  if (r.logged) return '**(the agent logs this one)**';
  if (SILENT.has(r.id)) return '(set without a log line)';
  const first = all.find((x) => x.logged);
  return first ? `(also true, but the agent logs \`${first.id}\`)` : '(not logged)';
}

function reasonBlock(r: Reason, where: Where, lead: string, sourceLabel: string, kernel?: string): string[] {
  const env = kernel ? `your kernel setting (Linux ${kernel})` : undefined;
  const out = [`- \`${r.id}\` ${lead}: ${r.message}`, `  - Decided by: ${chain(r.origins, where, env)}`];
  if (r.sourceText) out.push(`  - ${sourceLabel}: \`${quote(r.sourceText)}\``);
  return out;
}

function flagLine(name: string, f: Flag, where: Where): string {
  return `${name} ${f.on ? 'on' : 'off'} (${describe(f.origin, where)})`;
}

function masqueradingSection(d: DocumentAnalysis, where: Where): string[] {
  const dp = d.datapath;
  const a = d.agent;
  const out = [`### Masquerading: ${dp.masquerading.mode}`, ''];
  const family = (fam: 'IPv4' | 'IPv6', ip: Flag, masq: Flag, effective: boolean) => {
    if (effective)
      return `- ${fam}: **masqueraded** — ${flagLine(`${fam} masquerading`, masq, where)}, ${flagLine(fam, ip, where)}.`;
    if (!ip.on)
      return `- ${fam}: not masqueraded — ${fam} itself is off (${describe(ip.origin, where)}), so its masquerade setting does not count.`;
    return `- ${fam}: not masqueraded — ${flagLine(`${fam} masquerading`, masq, where)}.`;
  };
  out.push(family('IPv4', a.ipv4, a.ipv4Masquerade, dp.masquerading.ipv4));
  out.push(family('IPv6', a.ipv6, a.ipv6Masquerade, dp.masquerading.ipv6));
  if (dp.masquerading.mode === 'Disabled')
    out.push('- Neither family masquerades, so `cilium status` prints `Masquerading: Disabled`.');
  else if (dp.masquerading.mode === 'BPF')
    out.push(
      `- Done in eBPF: ${flagLine('BPF masquerading', a.bpfMasquerade, where)}${dp.masquerading.ipMasqAgent ? ', with the eBPF ip-masq-agent' : ''}.`,
    );
  else {
    const fellBack = dp.masquerading.reasons.length > 0;
    out.push(
      `- Done by iptables: ${fellBack ? 'BPF masquerading was asked for but fell back (below)' : flagLine('BPF masquerading', a.bpfMasquerade, where)}.`,
    );
  }
  if (dp.masquerading.reasons.length > 0) {
    out.push('', 'Why BPF masquerading is not used:', '');
    for (const r of dp.masquerading.reasons)
      out.push(...reasonBlock(r, where, '(the agent falls back to iptables masquerading)', 'Agent log'));
  }
  return out;
}

function kernelSection(d: DocumentAnalysis): string[] {
  const v = d.version;
  const { major: maj, minor: min, text: minText } = versionRow(v).minKernel;
  const dp = d.datapath;
  const a = d.agent;
  const k = d.kernel;
  const needs: [string, number, number, boolean][] = [
    [`Cilium ${v} itself: Linux ${minText} or newer`, maj, min, true],
    [
      inRange(v, undefined, '1.17')
        ? 'BPF host routing: Linux 5.10 (older kernels fall back to Legacy host routing)'
        : `BPF host routing: Linux 5.10 (from 1.18 an older kernel is not a fallback but unsupported)`,
      5,
      10,
      true,
    ],
  ];
  if (a.bandwidthManager.on) needs.push(['Bandwidth manager: Linux 5.1', 5, 1, true]);
  if (a.bbr.on && a.bandwidthManager.on) needs.push(['BBR for pods: Linux 5.18', 5, 18, true]);
  if (a.bigTcp4.on) needs.push(['IPv4 BIG TCP: Linux 6.3', 6, 3, true]);
  if (a.bigTcp6.on) needs.push(['IPv6 BIG TCP: Linux 5.19', 5, 19, true]);
  if (/^netkit/.test(a.datapathMode.value)) needs.push(['netkit devices: Linux 6.7 with CONFIG_NETKIT', 6, 7, true]);
  const out = ['### Kernel', ''];
  if (k) out.push(`Nodes run Linux ${k.text} (from your setting).`, '');
  else
    out.push(
      'No kernel version given, so every kernel requirement below is assumed met. Set one to have it checked.',
      '',
    );
  for (const [text, ma, mi] of needs) {
    const ok = kernelAtLeast(k, ma, mi);
    out.push(`- ${text}${ok === undefined ? '' : ok ? ' — met' : ' — **not met**'}`);
  }
  if (dp.hostRouting.status === 'BPF' && k && !kernelAtLeast(k, 5, 10) && inRange(v, '1.18')) {
    out.push(
      '',
      `Cilium ${v} does not support Linux ${k.text}: expect the agent to fail loading its programs rather than fall back.`,
    );
  }
  return out;
}

function cliChecks(): string[] {
  return [
    '### Check it on a live cluster',
    '',
    '```sh',
    "kubectl -n kube-system exec ds/cilium -- cilium status | grep -E 'KubeProxyReplacement:|Routing:|Masquerading:'",
    "kubectl -n kube-system logs ds/cilium | grep -i 'falling back'",
    '```',
  ];
}

/** The packet path as a picture, then the same in words (for readers without the picture and for search). */
function packetPathSection(
  d: DocumentAnalysis,
  text: string | undefined,
  picture: boolean,
  lineLinks = false,
): string[] {
  const path = packetPath(d, text);
  const words = [...path.inNode, ...path.exits].map(
    (b) =>
      `- **${b.title}** (${b.detail})${b.decidedBy.length ? `: ${b.decidedBy.map((k) => `\`${deciderText(k)}\``).join(', ')}` : ''}`,
  );
  if (!picture) return ['### Packet path', '', ...words, ''];
  // Links only for a viewer that handles them (the Explain webview): a Markdown preview opens no file: link.
  const svg = packetPathSvg(path, { title: `Packet path of ${d.label}`, lineHref: lineLinks ? lineHref : undefined });
  // Markdown ends an HTML block at a blank line: the SVG is written without any.
  return ['### Packet path', '', svg.replace(/\n\s*\n/g, '\n'), '', ...words, ''];
}

export function explainDocument(d: DocumentAnalysis, where: Where, options: ExplainOptions = {}): string {
  const dp = d.datapath;
  const out: string[] = [];
  out.push(`## ${d.label} — Cilium ${versionLabel(d.version)}`, '');
  out.push(`Target version ${d.version}: ${VERSION_FROM[d.versionSource]}.`, '');
  out.push(
    'What `cilium status` should print:',
    '',
    '```text',
    ...statusLines(dp, d.version).map(([k, v]) => `${(k + ':').padEnd(22)}${v}`),
    '```',
    '',
  );
  out.push(...packetPathSection(d, options.text, options.picture === true, options.lineLinks === true));
  out.push(`- Agent starts: ${dp.agentStarts ? 'yes' : '**no** (see below)'}`);
  out.push(
    `- Chart installs: ${d.source.format === 'helm' ? (dp.installSucceeds ? 'yes' : '**no** (see below)') : 'not applicable (a ConfigMap)'}`,
  );
  out.push('');
  const open = dependsOnLines(dp);
  if (open.length > 0) {
    // Templated values are unknown: the verdicts above assume nothing about them, and these may change.
    out.push(
      '### Depends on templated values',
      '',
      'These values are filled in by a template, so they are unknown here; no check that rests on them is reported, and these verdicts may change once they are substituted:',
      '',
    );
    for (const line of open) out.push(`- ${line}`);
    out.push('');
  }

  out.push(`### Host Routing: ${dp.hostRouting.status}`, '');
  if (dp.hostRouting.reasons.length === 0) {
    out.push(
      'Nothing forces the legacy path: traffic between pods and the node is redirected in eBPF (bpf_redirect_peer / bpf_redirect_neigh).',
      '',
      "The other side of the speed-up: pod traffic skips the host network stack, so the node's own iptables rules and host-level policies no longer see it.",
    );
  } else {
    out.push(
      'Every reason, in the order the agent checks them; of its fallback switch the agent logs only the first match:',
      '',
    );
    for (const r of dp.hostRouting.reasons)
      out.push(...reasonBlock(r, where, loggedWords(r, dp.hostRouting.reasons), 'Agent log', d.kernel?.text));
  }
  out.push('', ...masqueradingSection(d, where), '');
  out.push(`### Routing: ${routingText(dp.routing)}`, '', `Decided by: ${chain(dp.routing.origins, where)}.`, '');
  if (dp.routing.hybrid) out.push(hybridNote(dp.routing), '');
  out.push(
    `### KubeProxyReplacement: ${dp.kubeProxyReplacement.status}`,
    '',
    `Decided by: ${chain(dp.kubeProxyReplacement.origins, where)}.`,
  );
  if (!dp.kubeProxyReplacement.enabled)
    out.push(
      '',
      'Not full replacement, so BPF host routing is not available (and, up to 1.18, BPF masquerading needs BPF NodePort from elsewhere).',
    );

  const exits = dp.agentErrors.filter((r) => r.severity === 'error');
  const warnings = dp.agentErrors.filter((r) => r.severity !== 'error');
  if (exits.length > 0) {
    out.push('', '### The agent refuses to start', '');
    for (const r of exits) out.push(...reasonBlock(r, where, '(the agent exits)', 'Agent error', d.kernel?.text));
  }
  if (warnings.length > 0) {
    out.push('', '### The agent warns', '');
    for (const r of warnings) out.push(...reasonBlock(r, where, '(a warning)', 'Agent log'));
  }
  const refusals = dp.chartErrors.filter((r) => r.severity === 'error');
  // A stop on a check of the cluster (lookup, .Capabilities): helm install decides it against the real cluster.
  const clusterChecks = dp.chartErrors.filter((r) => r.severity !== 'error');
  if (refusals.length > 0) {
    out.push('', '### The chart refuses to install', '');
    for (const r of refusals) out.push(...reasonBlock(r, where, '(helm install fails)', 'Helm fails with'));
  }
  if (clusterChecks.length > 0) {
    out.push('', '### The chart depends on the cluster', '');
    for (const r of clusterChecks)
      out.push(...reasonBlock(r, where, '(decided by the cluster at install time)', 'Helm fails with'));
  }
  out.push('', ...kernelSection(d));
  const findings = [...d.findings].sort((a, b) => a.range.start - b.range.start);
  if (findings.length > 0) {
    out.push('', '### Findings', '');
    for (const f of findings)
      out.push(`- ${where.line(f.range.start)}: **${f.severity}** \`${f.rule}\` — ${f.message}`);
  }
  out.push('', ...cliChecks());
  return out.join('\n');
}

/** The explanation of every Cilium document in the file. `options` may be the file text itself. */
export function explainMarkdown(analysis: Analysis, options: string | ExplainOptions = {}): string {
  const opts: ExplainOptions = typeof options === 'string' ? { text: options } : options;
  const text = opts.text;
  if (analysis.documents.length === 0) {
    return '# Cilium datapath\n\nThis file is not Cilium configuration (no Cilium Helm values or cilium-config ConfigMap was found).';
  }
  const where = whereFor(analysis, text);
  const parts = ['# Cilium datapath', ...analysis.documents.map((d) => explainDocument(d, where, opts))];
  if (analysis.fileFindings.length > 0) {
    parts.push(
      [
        '## Problems in the file',
        '',
        ...analysis.fileFindings.map(
          (f) => `- ${where.line(f.range.start)}: **${f.severity}** \`${f.rule}\` — ${f.message}`,
        ),
      ].join('\n'),
    );
  }
  return parts.join('\n\n');
}

/**
 * The verdict of one document. `lineAt` (0-based line of a file offset) is for a caller that already knows the
 * text's lines, as the language server's document does: indexing a 4,000-line file again on every keystroke for
 * one line number costs more than the rest of the verdict.
 */
export function verdictOf(d: DocumentAnalysis, text: string, lineAt?: (offset: number) => number): DocumentVerdict {
  const dp = d.datapath;
  // One line index per text, shared by every document of it (counting newlines per document was quadratic in
  // files with thousands of documents). 0-based line, as LSP positions are.
  const line = lineAt ? lineAt(d.source.anchor.start) : LineIndex.of(text).position(d.source.anchor.start).line - 1;
  const headline = verdictHeadline(dp);
  return {
    index: d.index,
    kind: d.kind,
    ciliumVersion: d.version,
    versionSource: d.versionSource,
    versionText: versionText(d.version, d.versionSource, PRERELEASE_VERSIONS.has(d.version)),
    versionBadge: versionBadge(d.version, d.versionSource, PRERELEASE_VERSIONS.has(d.version)),
    label: d.label,
    headline: headline.text,
    level: headline.level,
    line,
    kubeProxyReplacement: dp.kubeProxyReplacement.status,
    hostRouting: dp.hostRouting.status,
    masquerading: dp.masquerading.mode,
    routing: routingText(dp.routing),
    agentStarts: dp.agentStarts,
    installSucceeds: dp.installSucceeds,
    fellBack: dp.hostRouting.status === 'Legacy' || dp.masquerading.mode === 'IPTables',
    summary: statusSummary(dp),
    details: statusSummary(dp, headline.level !== 'error'),
    dependsOn: dependsOnLines(dp),
  };
}
