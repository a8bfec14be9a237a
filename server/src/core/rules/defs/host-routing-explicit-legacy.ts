import { setTo } from '../../fixes/datapathFixers';
import { defineRule, type HostRoutingRule } from '../rule';

export default defineRule<HostRoutingRule>({
  id: 'host-routing-explicit-legacy',
  group: 'host-routing',
  severity: 'info',
  silent: true,
  cite: 'pkg/option/config.go (enable-host-legacy-routing) @v1.12.19..v1.19.1',
  summary: 'Legacy host routing was chosen explicitly (bpf.hostLegacyRouting or the ConfigMap key).',
  examples: [{ version: '1.16', bad: 'bpf:\n  hostLegacyRouting: true\n', good: 'bpf:\n  hostLegacyRouting: false\n' }],
  check: (s) => {
    const o = s.agent.hostLegacyRouting;
    if (!o.on || o.origin.kind === 'implied' || o.origin.kind === 'agent-default') return undefined;
    return {
      origins: [o.origin],
      message:
        'Legacy host routing is chosen explicitly here: packets go through the host network stack (iptables, routing tables) instead of being redirected in eBPF.',
    };
  },
  fix: setTo('bpf.hostLegacyRouting', 'false', 'let the agent use BPF host routing', {
    agent: 'enable-host-legacy-routing',
  }),
});
