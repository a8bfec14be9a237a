import { defineRule, type MasqueradeRule } from '../rule';

export default defineRule<MasqueradeRule>({
  id: 'bpf-masquerade-route-source',
  group: 'masquerade',
  since: '1.15',
  severity: 'error',
  cite: 'daemon/cmd/daemon.go@v1.15.19 l.778; @v1.19.1 l.127',
  effect: () => 'exit',
  summary: "Masquerading to the route's source address only works with iptables masquerading.",
  examples: [
    {
      version: '1.16',
      bad: 'kubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nbpf:\n  masquerade: true\nenableMasqueradeRouteSource: true\n',
      good: 'kubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nbpf:\n  masquerade: true\n',
    },
  ],
  check: (s) =>
    s.agent.bpfMasquerade.on && s.agent.masqueradeRouteSource.on
      ? {
          origins: [s.agent.masqueradeRouteSource.origin, s.agent.bpfMasquerade.origin],
          message:
            'Masquerading to the route source address works only with iptables masquerading: with BPF masquerading the agent refuses to start.',
          sourceText:
            'BPF masquerading to route source (--enable-masquerade-to-route-source="true") currently not supported with BPF-based masquerading (--enable-bpf-masquerade="true")',
        }
      : undefined,
});
