// Turns the derived datapath (fallback reasons, agent exits, chart failures) into findings. The rule ids are
// the ids of the knowledge entries in ../knowledge, so a diagnostic's code leads straight to its data.

import type { Datapath, Reason } from '../model/datapath';
import type { Finding, Range } from '../types';
import { findingFromHit } from './place';

/**
 * Our advice is written with Helm keys; in a ConfigMap the user writes agent options, so the advice names those
 * (the agent's own quoted log and error texts are left as they are).
 */
const CONFIGMAP_SPELLING: [RegExp, string][] = [
  [/bpf\.masquerade: true/g, 'enable-bpf-masquerade: "true"'],
  [/kubeProxyReplacement: (true|strict)/g, 'kube-proxy-replacement: "$1"'],
  [/bpf\.hostLegacyRouting/g, 'enable-host-legacy-routing'],
  [/endpointRoutes\.enabled/g, 'enable-endpoint-routes'],
  [/ipv4NativeRoutingCIDR/g, 'ipv4-native-routing-cidr'],
  [/ipv6NativeRoutingCIDR/g, 'ipv6-native-routing-cidr'],
];

function inConfigMapWords(f: Finding): Finding {
  const quote = f.message.search(/ (Agent log|Agent log if it were first|The agent exits with|helm fails with|Cilium says): "/);
  const ours = quote < 0 ? f.message : f.message.slice(0, quote);
  const rest = quote < 0 ? '' : f.message.slice(quote);
  let text = ours;
  for (const [re, to] of CONFIGMAP_SPELLING) text = text.replace(re, to);
  return { ...f, message: text + rest };
}

export function datapathFindings(dp: Datapath, anchor: Range, format: 'helm' | 'configmap' = 'helm'): Finding[] {
  const out = datapathFindingsIn(dp, anchor);
  return format === 'configmap' ? out.map(inConfigMapWords) : out;
}

function datapathFindingsIn(dp: Datapath, anchor: Range): Finding[] {
  const out: Finding[] = [];
  const logged = dp.hostRouting.reasons.find((r) => r.logged);
  for (const r of dp.hostRouting.reasons) {
    let extra = '';
    if (r.logged) extra = ' This is the reason the agent logs.';
    else if (logged && r.sourceText) extra = ` (The agent logs only its first reason, ${logged.id}; fixing that one will reveal this one.)`;
    out.push(findingFromHit(r.id, r.severity, r, anchor, extra, r.logged ? 'Agent log' : 'Agent log if it were first'));
  }
  for (const r of dp.masquerading.reasons) out.push(findingFromHit(r.id, r.severity, r, anchor, '', 'Agent log'));
  for (const r of dp.agentErrors) out.push(findingFromHit(r.id, r.severity, r, anchor, '', labelFor(r)));
  for (const r of dp.chartErrors) out.push(findingFromHit(r.id, r.severity, r, anchor, '', 'helm fails with'));
  return out;
}

function labelFor(r: Reason): string {
  return r.severity === 'error' ? 'The agent exits with' : 'Agent log';
}
