// How model/agentConfig.ts reads cilium-config the way the agent does, pinned where StrykerJS found nothing
// watching it (docs/mutation.md): the agent trims every value it reads from the ConfigMap directory, an empty or
// blank kube-proxy-replacement is refused, where defaults come from, which key decides the routing and the
// egress gateway in each version, and templated values.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AGENT_DEFAULTS, type AgentDefaultKey } from '../../../server/src/core/knowledge/agentDefaults';
import { configKeyInfo } from '../../../server/src/core/knowledge/configKeys';
import { SUPPORTED_VERSIONS } from '../../../server/src/core/version';
import { configMapText, doc } from '../../helpers';

const agentOf = (version: string, data: Record<string, string>) =>
  doc(configMapText(version, { 'cluster-name': 'a', ...data }));

describe('values as the agent reads them from its ConfigMap directory', () => {
  // ReadDirConfig keeps each file's content with bytes.TrimSpace (pkg/option/config.go@v1.16.19 l.2939,
  // @v1.19.1 l.2287), so spaces around a value never reach the option.
  it('surrounding spaces are trimmed from words, CIDRs and routing keys', () => {
    const d = agentOf('1.16', {
      'kube-proxy-replacement': ' true ',
      'routing-mode': ' native ',
      'tunnel-protocol': ' geneve ',
      'ipv4-native-routing-cidr': ' 10.0.0.0/8 ',
      ipam: ' kubernetes ',
    });
    assert.equal(d.agent.kpr.mode, 'true');
    assert.equal(d.agent.routingMode.value, 'native');
    assert.equal(d.agent.tunnelProtocol.value, 'geneve');
    assert.equal(d.agent.ipv4NativeRoutingCIDR?.value, '10.0.0.0/8');
    assert.equal(d.agent.ipam.value, 'kubernetes');
    assert.equal(agentOf('1.13', { tunnel: ' disabled ' }).agent.routingMode.value, 'native');
    assert.equal(agentOf('1.13', { tunnel: ' geneve ' }).agent.tunnelProtocol.value, 'geneve');
  });

  it('a blank optional value is no value: native routing without a CIDR still stops the agent', () => {
    const d = agentOf('1.16', { 'routing-mode': 'native', 'ipv4-native-routing-cidr': '  ' });
    assert.equal(d.agent.ipv4NativeRoutingCIDR, undefined);
    assert.ok(
      d.datapath.agentErrors.some((r) => r.id === 'native-routing-cidr-ipv4'),
      d.datapath.agentErrors.map((r) => r.id).join(),
    );
    const v6 = agentOf('1.16', { 'routing-mode': 'native', 'ipv6-native-routing-cidr': 'fd00::/100' });
    assert.equal(v6.agent.ipv6NativeRoutingCIDR?.value, 'fd00::/100');
    assert.equal(agentOf('1.16', { 'cni-chaining-mode': 'aws-cni' }).agent.chainingMode?.value, 'aws-cni');
  });

  // Up to 1.18 the option is a string compared with the words (daemon/cmd/kube_proxy_replacement.go@v1.16.19
  // l.44-47, pkg/kpr/kpr.go@v1.18.7 l.73-75): "" is no word. From 1.19 it is a bool flag, and the ConfigMap's
  // bool values go through cast.ToBoolE (strconv.ParseBool) before anything else (validateConfigMapFlag,
  // pkg/option/config.go@v1.19.1 l.3405-3409, called from InitConfig l.3496): "" does not parse, and the agent
  // exits.
  for (const version of ['1.13', '1.16', '1.18', '1.19']) {
    it(`an empty or blank kube-proxy-replacement is refused, not read as the default (${version})`, () => {
      for (const value of ['', '  ']) {
        const d = agentOf(version, { 'kube-proxy-replacement': value });
        assert.equal(d.agent.kpr.mode, 'invalid', JSON.stringify(value));
        assert.equal(d.datapath.kubeProxyReplacement.status, 'Invalid');
        assert.equal(d.datapath.agentStarts, false);
      }
    });
  }

  it('from 1.19 any text strconv.ParseBool takes is a kube-proxy-replacement value (pkg/kpr/kpr.go@v1.19.1 l.30)', () => {
    assert.equal(agentOf('1.19', { 'kube-proxy-replacement': '0' }).agent.kpr.mode, 'false');
    assert.equal(agentOf('1.19', { 'kube-proxy-replacement': 'T' }).agent.kpr.mode, 'true');
  });

  // Every bool the model reads is a registered agent flag, so the start-up check of the ConfigMap
  // (validateConfigMapFlag, pkg/option/config.go@v1.16.19 l.4169-4172, fatal l.4261) refuses "yes" before viper
  // could read it as false: the agent does not start, and the model keeps the default.
  it('a bool that does not parse stops the agent; the model keeps the default and the user origin', () => {
    const d = agentOf('1.16', { 'enable-ipv4-masquerade': 'yes' });
    assert.equal(d.agent.ipv4Masquerade.on, true);
    assert.equal(d.agent.ipv4Masquerade.origin.kind, 'user');
    assert.equal(d.datapath.agentStarts, false);
    const off = agentOf('1.16', { 'enable-ipv4-masquerade': 'off' });
    assert.equal(off.agent.ipv4Masquerade.on, true);
  });

  it('every bool key the model reads is a flag of the agent wherever the agent reads it', () => {
    for (const key of Object.keys(AGENT_DEFAULTS) as AgentDefaultKey[]) {
      for (const v of SUPPORTED_VERSIONS) {
        const info = configKeyInfo(key, v);
        if (info?.components.includes('agent')) assert.ok(info.flagged.includes('agent'), `${key} ${v}`);
      }
    }
  });
});

describe('where a value comes from', () => {
  it('an absent flag, routing key or tunnel is the agent default, named as such', () => {
    const d = agentOf('1.16', {});
    assert.deepEqual(d.agent.ipv4.origin, { kind: 'agent-default', key: 'enable-ipv4' });
    assert.deepEqual(d.agent.routingMode.origin, { kind: 'agent-default', key: 'routing-mode' });
    assert.deepEqual(d.agent.tunnelProtocol.origin, { kind: 'agent-default', key: 'tunnel-protocol' });
    const old = agentOf('1.13', {});
    assert.equal(old.agent.routingMode.value, 'tunnel');
    assert.deepEqual(old.agent.routingMode.origin, { kind: 'agent-default', key: 'tunnel' });
    const native = agentOf('1.13', { tunnel: 'disabled' });
    assert.equal(native.agent.tunnelProtocol.value, '', 'no tunnel, no protocol');
    assert.equal(native.agent.tunnelProtocol.origin.kind, 'user');
  });

  it('enable-node-port is gone from 1.19: writing it turns nothing on (AGENT_DEFAULTS until 1.18)', () => {
    const d = agentOf('1.19', { 'kube-proxy-replacement': 'false', 'enable-node-port': 'true' });
    assert.equal(d.agent.nodePortFlag.on, false);
    assert.deepEqual(d.agent.nodePortFlag.origin, { kind: 'agent-default', key: 'enable-node-port' });
    assert.equal(agentOf('1.18', { 'enable-node-port': 'true' }).agent.nodePortFlag.on, true);
  });

  it('bpf-lb-sock is read only when written (the chart default leaves it out)', () => {
    assert.equal(agentOf('1.16', {}).agent.socketLB, undefined);
    assert.equal(agentOf('1.16', { 'bpf-lb-sock': 'true' }).agent.socketLB?.on, true);
  });

  it('a templated value keeps its template mark and reads as the default, or as present for an optional key', () => {
    const d = agentOf('1.16', {
      'enable-ipv4-masquerade': '${MASQ}',
      'routing-mode': '${MODE}',
      'ipv4-native-routing-cidr': '${CIDR}',
    });
    const masq = d.configMap.get('enable-ipv4-masquerade');
    assert.equal(masq?.value, '');
    assert.equal(masq?.origin.kind === 'user' && masq.origin.templated, true);
    assert.equal(d.agent.ipv4Masquerade.on, true, 'the default of enable-ipv4-masquerade');
    assert.equal(d.agent.ipv4Masquerade.origin.kind, 'user');
    assert.equal(d.agent.routingMode.value, 'tunnel');
    assert.equal(d.agent.routingMode.origin.kind, 'user');
    assert.deepEqual(d.agent.ipv4NativeRoutingCIDR?.value, '');
  });
});

describe('the egress gateway switch per version', () => {
  const egw = (version: string, data: Record<string, string>) => agentOf(version, data).agent.egressGateway.on;
  it('1.17 reads only enable-ipv4-egress-gateway (pkg/option/config.go@v1.17.13 l.2954)', () => {
    assert.equal(egw('1.17', { 'enable-ipv4-egress-gateway': 'true' }), true);
    assert.equal(egw('1.17', { 'enable-egress-gateway': 'true' }), false);
  });
  it('1.18 turns it on when either switch is on (pkg/option/config.go@v1.18.7 l.2676)', () => {
    assert.equal(egw('1.18', { 'enable-egress-gateway': 'true' }), true);
    assert.equal(egw('1.18', { 'enable-ipv4-egress-gateway': 'true' }), true);
    assert.equal(egw('1.18', { 'enable-egress-gateway': 'false', 'enable-ipv4-egress-gateway': 'true' }), true);
    assert.equal(egw('1.18', { 'enable-egress-gateway': 'true', 'enable-ipv4-egress-gateway': 'false' }), true);
    assert.equal(egw('1.18', { 'enable-egress-gateway': 'false' }), false);
  });
  it('1.19 reads only enable-egress-gateway (pkg/option/config.go@v1.19.1 l.2445)', () => {
    assert.equal(egw('1.19', { 'enable-egress-gateway': 'true' }), true);
    assert.equal(egw('1.19', { 'enable-ipv4-egress-gateway': 'true' }), false);
  });
});
