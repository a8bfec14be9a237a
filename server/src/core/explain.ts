// The full reasoning for one file as Markdown (the "Explain Datapath" view and `cilium/explain`), the
// cilium-config these values render to, and the one-line verdict shown in code lenses and status bars.

import type { DocumentVerdict } from '../lsp/protocol';
import type { Analysis, DocumentAnalysis } from './analyze';
import type { Reason } from './model/datapath';
import { LineIndex } from './positions';
import { describeOrigin } from './rules/place';
import { statusLines, statusSummary } from './statusPreview';
import type { Origin } from './types';

const MIN_KERNEL: Record<string, string> = {
  '1.12': '4.9.17', '1.13': '4.19.57', '1.14': '4.19.57', '1.15': '4.19.57', '1.16': '5.4', '1.17': '5.4', '1.18': '5.10', '1.19': '5.10', '1.20': '5.10',
};

function where(o: Origin, index: LineIndex): string {
  if (o.kind === 'user') return `\`${o.key}: ${o.valueText}\` (line ${index.position(o.range.start).line})`;
  if (o.kind === 'implied') return `${describeOrigin(o)}${o.by.length ? ` ← ${o.by.map((b) => where(b, index)).join(', ')}` : ''}`;
  return describeOrigin(o);
}

function reasonLines(reasons: readonly Reason[], index: LineIndex): string[] {
  return reasons.map((r) => {
    const chain = r.origins.map((o) => where(o, index)).join('; ');
    const logged = r.logged ? ' **(the agent logs this one)**' : '';
    const quote = r.sourceText ? `\n  > ${r.sourceText}` : '';
    return `- \`${r.id}\`${logged}: ${r.message}\n  Decided by: ${chain || 'defaults'}${quote}`;
  });
}

export function explainDocument(d: DocumentAnalysis, text: string): string {
  const index = new LineIndex(text);
  const dp = d.datapath;
  const out: string[] = [];
  out.push(`## ${d.label} — Cilium ${d.version}`, '');
  out.push('What `cilium status` will print:', '', '```', ...statusLines(dp, d.version).map(([k, v]) => `${(k + ':').padEnd(22)}${v}`), '```', '');
  out.push(`- Agent starts: **${dp.agentStarts ? 'yes' : 'no'}**`);
  out.push(`- Chart installs: **${d.source.format === 'helm' ? (dp.installSucceeds ? 'yes' : 'no') : 'n/a (a ConfigMap)'}**`);
  out.push(`- KubeProxyReplacement ${dp.kubeProxyReplacement.status}, decided by ${dp.kubeProxyReplacement.origins.map((o) => where(o, index)).join('; ') || 'defaults'}`);
  out.push(`- Routing ${dp.routing.mode === 'native' ? 'native' : `tunnel (${dp.routing.protocol})`}, decided by ${dp.routing.origins.map((o) => where(o, index)).join('; ') || 'defaults'}`, '');
  out.push('### Host Routing: ' + dp.hostRouting.status, '');
  if (dp.hostRouting.reasons.length === 0) out.push('Nothing forces the legacy path: packets are redirected between devices in eBPF.');
  else {
    out.push('Every reason, in the order the agent checks them (it logs only the first of its switch):', '');
    out.push(...reasonLines(dp.hostRouting.reasons, index));
  }
  out.push('', '### Masquerading: ' + dp.masquerading.mode, '');
  out.push(`IPv4 ${dp.masquerading.ipv4 ? 'on' : 'off'}, IPv6 ${dp.masquerading.ipv6 ? 'on' : 'off'}${dp.masquerading.ipMasqAgent ? ', with the BPF ip-masq-agent' : ''}.`);
  if (dp.masquerading.reasons.length > 0) out.push('', ...reasonLines(dp.masquerading.reasons, index));
  if (dp.agentErrors.length > 0) out.push('', '### The agent refuses to start', '', ...reasonLines(dp.agentErrors, index));
  if (dp.chartErrors.length > 0) out.push('', '### The chart refuses to install', '', ...reasonLines(dp.chartErrors, index));
  out.push('', '### Kernel', '');
  out.push(d.kernel
    ? `Nodes run Linux ${d.kernel.text}. Cilium ${d.version} needs at least ${MIN_KERNEL[d.version]}; BPF host routing needs 5.10.`
    : `No kernel version given, so every kernel requirement is assumed met. Cilium ${d.version} needs at least Linux ${MIN_KERNEL[d.version]}; BPF host routing needs 5.10 (bpf_redirect_neigh and bpf_redirect_peer).`);
  const findings = [...d.findings].sort((a, b) => a.range.start - b.range.start);
  if (findings.length > 0) {
    out.push('', '### Findings', '');
    for (const f of findings) out.push(`- line ${index.position(f.range.start).line}: **${f.severity}** \`${f.rule}\` — ${f.message}`);
  }
  return out.join('\n');
}

export function explainMarkdown(analysis: Analysis, text: string): string {
  if (analysis.documents.length === 0) return '# Cilium datapath\n\nThis file is not Cilium configuration (no Cilium Helm values or cilium-config ConfigMap was found).';
  return ['# Cilium datapath', '', ...analysis.documents.map((d) => explainDocument(d, text))].join('\n\n');
}

/** The cilium-config ConfigMap these values render to, one YAML document per Cilium document. */
export function renderedConfigYaml(analysis: Analysis): string | null {
  if (analysis.documents.length === 0) return null;
  return analysis.documents
    .map((d) => {
      const keys = [...d.configMap.keys()].sort();
      const lines = [
        `# Derived by Cilium Config from ${d.label} for Cilium ${d.version}: the datapath keys the chart writes.`,
        'apiVersion: v1',
        'kind: ConfigMap',
        'metadata:',
        '  name: cilium-config',
        '  namespace: kube-system',
        'data:',
        ...keys.map((k) => `  ${k}: ${JSON.stringify(d.configMap.get(k)!.value)}`),
      ];
      return lines.join('\n');
    })
    .join('\n---\n') + '\n';
}

export function verdictOf(d: DocumentAnalysis, text: string): DocumentVerdict {
  const dp = d.datapath;
  const index = new LineIndex(text);
  return {
    index: d.index,
    kind: d.kind,
    ciliumVersion: d.version,
    line: index.position(d.source.anchor.start).line - 1,
    kubeProxyReplacement: dp.kubeProxyReplacement.status,
    hostRouting: dp.hostRouting.status,
    masquerading: dp.masquerading.mode,
    routing: dp.routing.mode === 'native' ? 'Native' : `Tunnel [${dp.routing.protocol}]`,
    agentStarts: dp.agentStarts,
    installSucceeds: dp.installSucceeds,
    fellBack: dp.hostRouting.status === 'Legacy' || dp.masquerading.mode === 'IPTables',
    summary: statusSummary(dp),
  };
}
