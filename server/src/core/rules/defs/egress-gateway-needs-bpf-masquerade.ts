import { bpfMasquerade } from '../../fixes/datapathFixers';
import { configMap, defineRule, type AgentExitRule } from '../rule';
import { say } from '../wording';

export default defineRule<AgentExitRule>({
  id: 'egress-gateway-needs-bpf-masquerade',
  group: 'agent-exit',
  // 1.12 and 1.13 have it too, for enable-ipv4-egress-gateway (docs/cilium-rules-corrections.md item 11).
  severity: 'error',
  cite: 'daemon/cmd/daemon.go@v1.12.19 l.993-995, @v1.13.18 l.1041-1043, @v1.14.19 l.989; pkg/egressgateway/manager.go@v1.16.19 l.190, @v1.19.1 l.205-209',
  summary: 'The egress gateway needs BPF masquerading for IPv4.',
  examples: [
    {
      version: '1.16',
      bad: configMap('kube-proxy-replacement: "true"\nenable-ipv4-egress-gateway: "true"'),
      good: configMap(
        'kube-proxy-replacement: "true"\nenable-ipv4-egress-gateway: "true"\nenable-bpf-masquerade: "true"',
      ),
    },
  ],
  check: (s) =>
    s.agent.egressGateway.on && !(s.ipv4Masq && s.agent.bpfMasquerade.on)
      ? {
          origins: [s.agent.egressGateway.origin, s.agent.bpfMasquerade.origin, s.agent.ipv4Masquerade.origin],
          ...say(
            'The egress gateway needs IPv4 masquerading done in BPF ({key:enableIPv4Masquerade} and {key:bpf.masquerade} both true): otherwise the agent refuses to start.',
          ),
          sourceText: 'egress gateway requires --enable-ipv4-masquerade="true" and --enable-bpf-masquerade="true"',
        }
      : undefined,
  fix: bpfMasquerade,
});
