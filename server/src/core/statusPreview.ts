// Renders the derived datapath the way `cilium status` prints it for the target version, so users can
// compare our preview with the real output (pkg/client/client.go: "Host Routing:" up to 1.15, "Routing:"
// with Network and Host from 1.16).

import type { Datapath } from './model/datapath';
import { dependencySentences } from './model/unknown';
import { inRange, type CiliumVersion } from './version';

/**
 * The network side of the routing as `cilium status` prints it: Native, or Tunnel [protocol]. The agent says Native
 * only for routing-mode native, so hybrid routing (1.20+) reads Tunnel there (pkg/status/status_collector.go
 * @v1.20.0-pre.4 (7527a668) l.216-229 and pkg/client/client.go l.486-493, same @v1.21.0-pre.0 (e8649862)).
 */
export function routingText(routing: Datapath['routing']): string {
  return routing.mode === 'native' ? 'Native' : `Tunnel [${routing.protocol}]`;
}

/** What hybrid routing does beyond the tunnel `cilium status` reports (empty for the other modes). */
export function hybridNote(routing: Datapath['routing']): string {
  return routing.hybrid
    ? 'routing-mode is hybrid: the agent sets the tunnel up and `cilium status` reports Tunnel, but traffic between addresses in one subnet of its subnet-topology skips the tunnel and is routed natively.'
    : '';
}

export function statusLines(dp: Datapath, version: CiliumVersion): [string, string][] {
  const lines: [string, string][] = [['KubeProxyReplacement', dp.kubeProxyReplacement.status]];
  const network = routingText(dp.routing);
  if (inRange(version, '1.16')) {
    lines.push(['Routing', `Network: ${network}   Host: ${dp.hostRouting.status}`]);
  } else {
    lines.push(['Host Routing', dp.hostRouting.status]);
    lines.push(['Routing (mode)', network]);
  }
  lines.push(['Masquerading', masqueradingText(dp)]);
  return lines;
}

export function masqueradingText(dp: Datapath): string {
  const m = dp.masquerading;
  if (m.mode === 'Disabled') return 'Disabled';
  const fam = `[IPv4: ${m.ipv4 ? 'Enabled' : 'Disabled'}, IPv6: ${m.ipv6 ? 'Enabled' : 'Disabled'}]`;
  if (m.mode === 'BPF') return `BPF${m.ipMasqAgent ? ' (ip-masq-agent)' : ''} ${fam}`;
  return `IPTables ${fam}`;
}

/** "Host Routing depends on `${ROUTING}` (routingMode)", one per verdict a templated value leaves open. */
export function dependsOnLines(dp: Datapath): string[] {
  return dependencySentences(dp.unknowns).map((d) => d.text);
}

/** One line for a code lens or a status bar. */
export function statusSummary(dp: Datapath, omitHostRouting = false): string {
  const network = routingText(dp.routing);
  const open = dependencySentences(dp.unknowns).map((d) => d.verdict);
  const unknown = open.length > 0 ? ` · templated, undecided: ${open.join(', ')}` : '';
  const hostRouting = omitHostRouting ? '' : ` · Host Routing: ${dp.hostRouting.status}`;
  return `KubeProxyReplacement: ${dp.kubeProxyReplacement.status}${hostRouting} · Masquerading: ${dp.masquerading.mode} · Routing: ${network}${unknown}`;
}

export type VerdictLevel = 'error' | 'warning' | 'ok';

/**
 * The verdict in a few words, worst outcome first: the agent will not start, the chart will not install, else
 * the host routing (Legacy is a warning, BPF fine) and iptables masquerading when it fell back to that.
 */
export function verdictHeadline(dp: Datapath): { text: string; level: VerdictLevel } {
  const broken: string[] = [];
  if (!dp.agentStarts) broken.push('Agent will not start');
  if (!dp.installSucceeds) broken.push(broken.length > 0 ? 'chart will not install' : 'Chart will not install');
  if (broken.length > 0) return { text: broken.join(' · '), level: 'error' };
  const masq = dp.masquerading.mode === 'IPTables' ? ' · Masq IPTables' : '';
  const legacy = dp.hostRouting.status === 'Legacy' || dp.masquerading.mode === 'IPTables';
  return { text: `Host Routing ${dp.hostRouting.status}${masq}`, level: legacy ? 'warning' : 'ok' };
}
