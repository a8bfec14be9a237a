// Settings that are accepted but do nothing because another setting switches off what they belong to. Only
// where Cilium's source shows the setting is never read in that configuration; information level.

import { isScalar } from 'yaml';
import type { State } from '../model/state';
import type { MapView } from '../parse/tree';
import type { Finding } from '../types';

export function noEffectFindings(root: MapView, s: State, format: 'helm' | 'configmap'): Finding[] {
  const out: Finding[] = [];
  const key = format === 'helm' ? 'loadBalancer.mode' : 'bpf-lb-mode';
  const entry = format === 'helm' ? root.lookup(key) : root.get(key);
  const mode =
    entry && isScalar(entry.node) && typeof entry.node.value === 'string' ? entry.node.value.trim() : undefined;
  // An invalid kube-proxy replacement value is its own finding (the chart or agent refuses it): not this one.
  if (entry && (mode === 'dsr' || mode === 'hybrid') && !s.nodePort && s.agent.kpr.mode !== 'invalid') {
    const kpr = format === 'helm' ? 'kubeProxyReplacement' : 'kube-proxy-replacement';
    out.push({
      rule: 'lb-mode-without-kpr',
      severity: 'info',
      message: `${key}: ${mode} has no effect here: direct server return is part of the BPF NodePort datapath, which is off because kube-proxy replacement is not enabled (${kpr}: "${s.agent.kpr.raw}"). Enable kube-proxy replacement for DSR, or drop this setting.`,
      range: entry.valueRange,
      key,
    });
  }
  return out;
}
