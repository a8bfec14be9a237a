// The agent's own defaults (knowledge/agentDefaults.ts), every cell compared with the flag's default that the key
// lists extracted from each release's Go source (configKeys.json), in every supported version, and the versions
// a cell covers with the versions that register the flag. Then the model: a ConfigMap without the key runs with
// the table's value.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  AGENT_DEFAULTS,
  agentDefault,
  type AgentDefault,
  type AgentDefaultKey,
} from '../../server/src/core/knowledge/agentDefaults';
import { configKeyInfo } from '../../server/src/core/knowledge/configKeys';
import { inRange, SUPPORTED_VERSIONS } from '../../server/src/core/version';
import { doc } from '../helpers';

/** The agent's part of an extracted default ("agent: X; operator: Y"), with "" for an empty string. */
function extractedAgentDefault(d: string): string {
  const own = /^agent: ([^;]+)/.exec(d)?.[1] ?? d;
  return own === '""' ? '' : own;
}

const entries = Object.entries(AGENT_DEFAULTS) as [AgentDefaultKey, AgentDefault][];

describe("the agent's defaults", () => {
  it('every cell is the default the agent registers, in every version that has the flag, and only there', () => {
    for (const [key, d] of entries) {
      for (const v of SUPPORTED_VERSIONS) {
        const info = configKeyInfo(key, v);
        assert.equal(
          info !== undefined && info.components.includes('agent'),
          inRange(v, d.since, d.until),
          `${key}@${v}: the agent has the flag`,
        );
        if (info) assert.equal(d.value, extractedAgentDefault(info.default), `${key}@${v} (${info.source})`);
      }
    }
  });

  it('every cell cites a Go source file at a release tag (and so does every effective value)', () => {
    const citation = /^[\w/.-]+\.go@v1\.\d+\.\d+(?:-pre\.\d+)? l\.\d+/;
    for (const [key, d] of entries) {
      assert.match(d.cite, citation, key);
      if (d.effective) assert.match(d.effective.cite, citation, `${key} (effective)`);
    }
  });

  it('a ConfigMap without the key runs with the table value', () => {
    const empty = (v: string) =>
      `# cilium-version: ${v}\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cilium-config\n  namespace: kube-system\ndata:\n  cluster-name: a\n`;
    for (const v of ['1.13', '1.19'] as const) {
      const a = doc(empty(v)).agent;
      const flags: [AgentDefaultKey, { on: boolean }][] = [
        ['enable-ipv4', a.ipv4],
        ['enable-ipv6', a.ipv6],
        ['enable-ipv4-masquerade', a.ipv4Masquerade],
        ['enable-ipv6-masquerade', a.ipv6Masquerade],
        ['enable-bpf-masquerade', a.bpfMasquerade],
        ['enable-ip-masq-agent', a.ipMasqAgent],
        ['enable-host-legacy-routing', a.hostLegacyRouting],
        ['enable-endpoint-routes', a.endpointRoutes],
        ['enable-ipsec', a.ipsec],
        ['enable-envoy-config', a.envoyConfig],
        ['enable-wireguard', a.wireguard],
        ['auto-direct-node-routes', a.autoDirectNodeRoutes],
        ['install-no-conntrack-iptables-rules', a.noConntrackRules],
        ['enable-bandwidth-manager', a.bandwidthManager],
        ['enable-bbr', a.bbr],
        ['enable-ipv6-big-tcp', a.bigTcp6],
        ['enable-bpf-tproxy', a.bpfTproxy],
        ['enable-l7-proxy', a.l7Proxy],
        ['install-iptables-rules', a.installIptablesRules],
      ];
      for (const [key, flag] of flags) assert.equal(String(flag.on), agentDefault(key), `${key}@${v}`);
      assert.equal(a.ipam.value, agentDefault('ipam'));
      assert.equal(a.datapathMode.value, agentDefault('datapath-mode'));
    }
    assert.equal(doc(empty('1.13')).agent.tunnelProtocol.value, agentDefault('tunnel'));
    assert.equal(doc(empty('1.13')).agent.nodePortFlag.on, agentDefault('enable-node-port') === 'true');
    assert.equal(doc(empty('1.19')).agent.routingMode.value, agentDefault('routing-mode'));
    assert.equal(doc(empty('1.19')).agent.tunnelProtocol.value, agentDefault('tunnel-protocol'));
    assert.equal(
      doc(empty('1.16')).agent.masqueradeRouteSource.on,
      agentDefault('enable-masquerade-to-route-source') === 'true',
    );
    assert.equal(doc(empty('1.16')).agent.bigTcp4.on, agentDefault('enable-ipv4-big-tcp') === 'true');
    assert.equal(doc(empty('1.19')).agent.egressGateway.on, agentDefault('enable-egress-gateway') === 'true');
    assert.equal(doc(empty('1.17')).agent.egressGateway.on, agentDefault('enable-ipv4-egress-gateway') === 'true');
  });

  it('the tunnel of 1.12-1.13 is the effective vxlan, not the empty flag default', () => {
    assert.equal(AGENT_DEFAULTS.tunnel.value, '');
    assert.equal(agentDefault('tunnel'), 'vxlan');
  });
});
