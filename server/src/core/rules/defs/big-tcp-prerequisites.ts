import { inRange } from '../../version';
import { defineRule, type AgentExitRule } from '../rule';
import { say } from '../wording';

export default defineRule<AgentExitRule>({
  id: 'big-tcp-prerequisites',
  group: 'agent-exit',
  since: '1.14',
  severity: 'error',
  cite: 'pkg/datapath/linux/bigtcp/bigtcp.go@v1.14.19 l.206-215, @v1.16.19 l.207-216, @v1.19.1 l.238-260',
  summary: 'BIG TCP needs kube-proxy replacement, BPF masquerading (IPv4) and a recent kernel.',
  examples: [{ version: '1.16', bad: 'enableIPv4BIGTCP: true\n', good: 'enableIPv4BIGTCP: false\n' }],
  check: (s) => {
    if (!s.agent.bigTcp4.on && !s.agent.bigTcp6.on) return undefined;
    const origin = s.agent.bigTcp4.on ? s.agent.bigTcp4.origin : s.agent.bigTcp6.origin;
    const tunnelAllowed = inRange(s.version, '1.19') && s.agent.settings.get('enable-tunnel-big-tcp')?.value === 'true';
    if (s.tunnel && !tunnelAllowed) {
      return {
        origins: [origin, s.agent.routingMode.origin],
        ...(inRange(s.version, '1.19')
          ? say(
              'BIG TCP in tunnel mode must be enabled separately ({key:enableTunnelBIGTCP}); without it the agent refuses to start.',
            )
          : {
              message: `BIG TCP does not work in tunnel mode on Cilium ${s.version}: the agent refuses to start. Use native routing.`,
            }),
        sourceText: inRange(s.version, '1.19')
          ? 'BIG TCP in tunneling mode requires pending kernel support and needs to be enabled by enable-tunnel-big-tcp'
          : 'BIG TCP is not supported in tunneling mode',
      };
    }
    if (s.legacy) {
      return {
        origins: [origin],
        message: 'BIG TCP needs BPF host routing, but host routing here is Legacy: the agent refuses to start.',
        sourceText: 'BIG TCP is not supported with legacy host routing',
      };
    }
    const enc = inRange(s.version, '1.19') ? s.agent.ipsec.on : s.agent.ipsec.on || s.agent.wireguard.on;
    if (enc) {
      return {
        origins: [origin, (s.agent.ipsec.on ? s.agent.ipsec : s.agent.wireguard).origin],
        message: 'BIG TCP cannot be combined with transparent encryption here: the agent refuses to start.',
        sourceText: 'BIG TCP is not supported with encryption enabled',
      };
    }
    return undefined;
  },
});
