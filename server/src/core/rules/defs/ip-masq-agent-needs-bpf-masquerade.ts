import { bpfMasquerade } from '../../fixes/datapathFixers';
import { masqOn } from '../../knowledge/agentExits';
import { inRange } from '../../version';
import { configMap, defineRule, type AgentExitRule } from '../rule';
import { say } from '../wording';

export default defineRule<AgentExitRule>({
  id: 'ip-masq-agent-needs-bpf-masquerade',
  group: 'agent-exit',
  severity: 'error',
  cite: 'daemon/cmd/daemon.go@v1.12.19 l.991, @v1.14.19 l.986, @v1.19.1 l.130',
  summary: 'The BPF ip-masq-agent only works with BPF masquerading.',
  examples: [
    {
      version: '1.16',
      bad: configMap('kube-proxy-replacement: "true"\nenable-ip-masq-agent: "true"'),
      good: configMap('kube-proxy-replacement: "true"\nenable-ip-masq-agent: "true"\nenable-bpf-masquerade: "true"'),
    },
  ],
  check: (s) =>
    s.agent.ipMasqAgent.on && !(masqOn(s) && s.agent.bpfMasquerade.on)
      ? {
          origins: [s.agent.ipMasqAgent.origin, s.agent.bpfMasquerade.origin],
          ...say(
            "Cilium's ip-masq-agent is part of BPF masquerading: it needs masquerading on and {set:bpf.masquerade=true}, otherwise the agent refuses to start.",
          ),
          sourceText: inRange(s.version, '1.14')
            ? 'BPF ip-masq-agent requires (--enable-ipv4-masquerade="true" or --enable-ipv6-masquerade="true") and --enable-bpf-masquerade="true"'
            : 'BPF ip-masq-agent requires --enable-ipv4-masquerade="true" and --enable-bpf-masquerade="true"',
        }
      : undefined,
  fix: bpfMasquerade,
});
