import { configMap, defineRule, type AgentExitRule } from '../rule';
import { say } from '../wording';
import { spell } from '../headlineText';

export default defineRule<AgentExitRule>({
  id: 'netkit-tproxy',
  group: 'agent-exit',
  since: '1.19',
  severity: 'error',
  cite: 'daemon/cmd/daemon_main.go@v1.19.1 l.1068-1080 (cilium/cilium#39892)',
  summary: 'bpf.tproxy cannot be combined with netkit devices; the agent refuses to start.',
  headline: (f) =>
    spell(f, '{key:bpf.tproxy} does not work with netkit devices: the agent will not start. Turn it off or use veth.'),
  examples: [
    {
      version: '1.19',
      bad: configMap('datapath-mode: netkit\nenable-bpf-tproxy: "true"'),
      good: configMap('datapath-mode: netkit\nenable-bpf-tproxy: "false"'),
    },
  ],
  check: (s) =>
    s.agent.bpfTproxy.on && s.agent.datapathMode.value.startsWith('netkit')
      ? {
          origins: [s.agent.bpfTproxy.origin, s.agent.datapathMode.origin],
          ...say(
            'eBPF transparent proxying ({key:bpf.tproxy}) cannot work with netkit devices: its helper only runs at TC ingress, netkit programs run at egress. The agent refuses to start.',
          ),
          sourceText: `--enable-bpf-tproxy=true cannot be used with --datapath-mode=${s.agent.datapathMode.value}`,
        }
      : undefined,
});
