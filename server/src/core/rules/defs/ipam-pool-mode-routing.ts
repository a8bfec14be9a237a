import { inRange } from '../../version';
import { configMap, defineRule, type AgentExitRule } from '../rule';

export default defineRule<AgentExitRule>({
  id: 'ipam-pool-mode-routing',
  group: 'agent-exit',
  until: '1.18',
  severity: 'error',
  // cluster-pool-v2beta (1.12-1.15) and multi-pool (1.14-1.18): up to 1.17 neither tunnelling nor IPsec is
  // allowed; 1.18 turned it round (IPsec only in tunnel mode); 1.19 has no check.
  cite: 'daemon/cmd/daemon_main.go@v1.12.19 l.1543-1549, @v1.14.19 l.1517-1523, @v1.17.13 l.1452-1458, @v1.18.7 l.1286-1288; absent @v1.19.1',
  summary:
    'Pool-based IPAM (multi-pool, cluster-pool-v2beta) and its limits on tunnelling and IPsec, which changed in 1.18 and went away in 1.19.',
  examples: [
    {
      version: '1.16',
      bad: configMap('ipam: multi-pool\nrouting-mode: tunnel'),
      good: configMap('ipam: cluster-pool\nrouting-mode: tunnel'),
    },
  ],
  check: (s) => {
    const mode = s.agent.ipam.value;
    const pool =
      mode === 'multi-pool'
        ? inRange(s.version, '1.14')
        : mode === 'cluster-pool-v2beta'
          ? inRange(s.version, undefined, '1.15')
          : false;
    if (!pool) return undefined;
    const ipsec = s.agent.ipsec.on;
    if (s.version === '1.18') {
      return ipsec && !s.tunnel
        ? {
            origins: [s.agent.ipam.origin, s.agent.ipsec.origin, s.agent.routingMode.origin],
            message: `IPAM ${mode} with IPsec works only in tunnel mode on Cilium 1.18: the agent refuses to start.`,
            sourceText: `IPAM mode ${mode} with enable-ipsec is supported only in tunnel mode.`,
          }
        : undefined;
    }
    if (s.tunnel)
      return {
        origins: [s.agent.ipam.origin, s.agent.routingMode.origin],
        message: `IPAM ${mode} needs native routing on Cilium ${s.version}: the agent refuses to start in tunnel mode.`,
        sourceText: `Cannot specify IPAM mode ${mode} in tunnel mode.`,
      };
    if (ipsec)
      return {
        origins: [s.agent.ipam.origin, s.agent.ipsec.origin],
        message: `IPAM ${mode} cannot be combined with IPsec on Cilium ${s.version}: the agent refuses to start.`,
        sourceText: `Cannot specify IPAM mode ${mode} with enable-ipsec.`,
      };
    return undefined;
  },
});
