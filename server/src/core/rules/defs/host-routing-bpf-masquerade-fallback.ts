// No check of its own: model/datapath.ts derives it from a BPF-masquerade prerequisite that falls back (up to
// 1.14), which also makes host routing Legacy. The prerequisite's rule carries the citation.
import { kprOn } from '../../fixes/datapathFixers';
import { defineRule, type Rule } from '../rule';

export default defineRule<Rule>({
  id: 'host-routing-bpf-masquerade-fallback',
  group: 'host-routing',
  severity: 'warning',
  summary:
    'BPF masquerading was requested but a prerequisite is missing, so iptables masquerades and host routing is Legacy.',
  examples: [
    {
      version: '1.14',
      bad: 'kubeProxyReplacement: disabled\nbpf:\n  masquerade: true\n',
      good: 'kubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nbpf:\n  masquerade: true\n',
      fixed: 'kubeProxyReplacement: true\nbpf:\n  masquerade: true\n',
    },
  ],
  // Up to 1.14 a failed BPF-masquerade prerequisite falls back; kube-proxy replacement cures the NodePort one
  // (for any other cause the agent model says no, and no fix is offered).
  fix: kprOn,
});
