import { inRange } from '../../version';
import { configMap, defineRule, type AgentExitRule } from '../rule';
import { say } from '../wording';

export default defineRule<AgentExitRule>({
  id: 'no-conntrack-rules-prerequisites',
  group: 'agent-exit',
  severity: 'error',
  cite: 'daemon/cmd/kube_proxy_replacement.go@v1.14.19 l.270-276; daemon/cmd/daemon_main.go@v1.12.19 l.1557, @v1.19.1 l.1153-1160; pkg/kpr/initializer/kube_proxy_replacement.go@v1.19.1 l.163-175',
  summary: 'installNoConntrackIptablesRules needs kube-proxy replacement, BPF masquerading and native routing.',
  examples: [
    {
      version: '1.16',
      bad: configMap('install-no-conntrack-iptables-rules: "true"'),
      good: configMap('install-no-conntrack-iptables-rules: "false"'),
    },
  ],
  check: (s) => {
    if (!s.agent.noConntrackRules.on) return undefined;
    const missing: string[] = [];
    if (!s.kprFull) missing.push('full kube-proxy replacement');
    if (!s.agent.bpfMasquerade.on) missing.push('BPF masquerading');
    if (s.tunnel) missing.push('native routing');
    if (!s.agent.ipv4.on) missing.push('IPv4');
    if (missing.length === 0) return undefined;
    const text = !s.kprFull
      ? `install-no-conntrack-iptables-rules requires the agent to run with kube-proxy-replacement${inRange(s.version, '1.19') ? '' : '=true'}.`
      : !s.agent.bpfMasquerade.on
        ? 'install-no-conntrack-iptables-rules requires the agent to run with enable-bpf-masquerade.'
        : s.tunnel
          ? 'install-no-conntrack-iptables-rules requires the agent to run in direct routing mode.'
          : 'install-no-conntrack-iptables-rules requires IPv4 support.';
    return {
      origins: [
        s.agent.noConntrackRules.origin,
        ...(s.kprFull ? [] : [s.agent.kpr.origin]),
        ...(s.agent.bpfMasquerade.on ? [] : [s.agent.bpfMasquerade.origin]),
        ...(s.tunnel ? [s.agent.routingMode.origin] : []),
      ],
      ...say('{key:installNoConntrackIptablesRules} needs {missing}: the agent refuses to start.', {
        missing: missing.join(', '),
      }),
      sourceText: text,
    };
  },
});
