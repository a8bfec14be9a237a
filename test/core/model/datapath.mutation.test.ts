// What model/datapath.ts decides beyond the rules it runs, pinned where StrykerJS found nothing watching it
// (docs/mutation.md): which reason the agent logs, the fallback that BPF masquerading drags host routing into,
// the verdict lines a templated value leaves open, the KPR status word, routing and ip-masq-agent, and what
// stops the agent or the chart. Cilium ConfigMaps keep most cases fast (no chart render).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deriveDatapath, type DatapathRules, type MasqueradeCheck } from '../../../server/src/core/model/datapath';
import { buildState, type State } from '../../../server/src/core/model/state';
import bpfMasqInterfaces from '../../../server/src/core/rules/defs/bpf-masquerade-interfaces';
import hostRoutingIpsec from '../../../server/src/core/rules/defs/host-routing-ipsec';
import ipMasqAgentNeedsBpfMasquerade from '../../../server/src/core/rules/defs/ip-masq-agent-needs-bpf-masquerade';
import { configMapText, doc } from '../../helpers';

const cm = (version: string, data: Record<string, string>) => doc(configMapText(version, data));

const SAME_FALLBACK = ' The same fallback makes host routing Legacy.';

describe('BPF masquerading that falls back drags host routing along (daemon/cmd/daemon.go@v1.14.19 l.932-961)', () => {
  // 1.14 with full KPR: nothing else chooses legacy routing, so the masquerade block's own line is the one logged.
  const interfaces = cm('1.14', {
    'kube-proxy-replacement': 'strict',
    'enable-bpf-masquerade': 'true',
    'egress-masquerade-interfaces': 'eth0',
  });

  it('a prerequisite that fails on 1.14 means iptables masquerading and a logged legacy-routing line', () => {
    const dp = interfaces.datapath;
    assert.equal(dp.masquerading.mode, 'IPTables');
    assert.deepEqual(
      dp.masquerading.reasons.map((r) => [r.id, r.severity, r.logged, r.cite === bpfMasqInterfaces.cite]),
      [['bpf-masquerade-interfaces', 'warning', true, true]],
    );
    assert.equal(dp.hostRouting.status, 'Legacy');
    assert.equal(dp.hostRouting.reasons.length, 1);
    const [fallback] = dp.hostRouting.reasons;
    assert.equal(fallback.id, 'host-routing-bpf-masquerade-fallback');
    assert.equal(
      fallback.logged,
      true,
      'EnableHostLegacyRouting was still false, so the Infof line (l.957-959) is printed',
    );
    assert.ok(fallback.message.startsWith(dp.masquerading.reasons[0].message), fallback.message);
    assert.ok(fallback.message.endsWith(SAME_FALLBACK), fallback.message);
    assert.equal(
      fallback.sourceText,
      'BPF masquerade could not be enabled. Falling back to legacy host routing (--enable-host-legacy-routing="true").',
    );
    assert.equal(dp.agentStarts, true, 'a fallback is not an exit on 1.14');
  });

  it('when legacy routing was chosen before, the fallback is still a reason but not the logged line', () => {
    const both = cm('1.14', {
      'kube-proxy-replacement': 'strict',
      'enable-bpf-masquerade': 'true',
      'egress-masquerade-interfaces': 'eth0',
      'enable-host-legacy-routing': 'true',
    }).datapath;
    const ids = both.hostRouting.reasons.map((r) => [r.id, r.logged]);
    assert.deepEqual(ids, [
      ['host-routing-explicit-legacy', false],
      ['host-routing-bpf-masquerade-fallback', false],
    ]);
  });

  it('switching BPF masquerading off because nothing masquerades (1.14) leaves host routing alone (l.991-995)', () => {
    const dp = cm('1.14', {
      'kube-proxy-replacement': 'strict',
      'enable-bpf-masquerade': 'true',
      'enable-ipv4-masquerade': 'false',
      'enable-ipv6-masquerade': 'false',
    }).datapath;
    assert.equal(dp.masquerading.mode, 'Disabled');
    assert.deepEqual(
      dp.masquerading.reasons.map((r) => r.id),
      ['bpf-masquerade-without-masquerading'],
    );
    assert.deepEqual(
      dp.hostRouting.reasons.map((r) => r.id),
      [],
    );
    assert.equal(dp.hostRouting.status, 'BPF');
  });
});

describe('which host-routing reason the agent logs', () => {
  it('only the first case of the switch is logged (daemon/cmd/kube_proxy_replacement.go@v1.16.19 l.368-389)', () => {
    const dp = cm('1.16', { 'kube-proxy-replacement': 'true', 'enable-ipsec': 'true' }).datapath;
    assert.deepEqual(
      dp.hostRouting.reasons.map((r) => [r.id, r.logged]),
      [
        ['host-routing-ipsec', true],
        ['host-routing-iptables-masquerade', false],
      ],
    );
    assert.equal(dp.hostRouting.reasons[0].cite, hostRoutingIpsec.cite, "a reason carries its rule's citation");
  });

  it('KPR false on 1.19 settles legacy routing without a line, so no later reason is logged (pkg/kpr/initializer/kube_proxy_replacement.go@v1.19.1 l.46-62)', () => {
    const dp = cm('1.19', { 'kube-proxy-replacement': 'false' }).datapath;
    assert.deepEqual(
      dp.hostRouting.reasons.map((r) => [r.id, r.logged]),
      [
        ['host-routing-kpr-off', false],
        ['host-routing-iptables-masquerade', false],
      ],
    );
  });
});

describe('verdicts left open by templated values', () => {
  const open = (d: ReturnType<typeof cm>) =>
    d.datapath.unknowns.map((u) => `${u.verdict}|${u.check ?? ''}|${u.templates.map((t) => t.key).join(',')}`);

  it('a templated setting the verdict reads directly names it under that verdict', () => {
    const d = cm('1.16', {
      'kube-proxy-replacement': 'true',
      'enable-bpf-masquerade': 'true',
      'enable-host-legacy-routing': '${LEGACY}',
      'enable-ipv6': '${V6}',
    });
    const list = open(d);
    assert.ok(list.includes('Host Routing||enable-host-legacy-routing'), list.join('\n'));
    assert.ok(list.includes('Masquerading||enable-ipv6'), list.join('\n'));
  });

  it('an undecided BPF-masquerade prerequisite leaves masquerading and host routing open where it falls back (1.14)', () => {
    const list = open(cm('1.14', { 'kube-proxy-replacement': '${KPR}', 'enable-bpf-masquerade': 'true' }));
    assert.ok(list.includes('Masquerading|bpf-masquerade-needs-nodeport|kube-proxy-replacement'), list.join('\n'));
    assert.ok(list.includes('Host Routing|bpf-masquerade-needs-nodeport|kube-proxy-replacement'), list.join('\n'));
    assert.ok(!list.some((l) => l.startsWith('Agent starts|bpf-masquerade')), list.join('\n'));
  });

  it('and whether the agent starts where it is an exit (1.16)', () => {
    const list = open(cm('1.16', { 'kube-proxy-replacement': '${KPR}', 'enable-bpf-masquerade': 'true' }));
    assert.ok(list.includes('Agent starts|bpf-masquerade-needs-nodeport|kube-proxy-replacement'), list.join('\n'));
    assert.ok(!list.some((l) => l.startsWith('Masquerading|bpf-masquerade')), list.join('\n'));
  });

  it('an undecided host-routing reason and an undecided agent exit are recorded under their verdicts', () => {
    const list = open(
      cm('1.16', {
        'kube-proxy-replacement': 'true',
        'enable-ipv4-masquerade': '${MASQ}',
        'routing-mode': 'native',
      }),
    );
    assert.ok(list.includes('Host Routing|host-routing-iptables-masquerade|enable-ipv4-masquerade'), list.join('\n'));
    assert.ok(
      list.some((l) => l.startsWith('Agent starts|native-routing-cidr') && l.endsWith('enable-ipv4-masquerade')),
      list.join('\n'),
    );
  });
});

describe('the verdict lines', () => {
  it('a KPR word the agent refuses shows as Invalid (daemon/cmd/kube_proxy_replacement.go@v1.16.19)', () => {
    const dp = cm('1.16', { 'kube-proxy-replacement': 'maybe' }).datapath;
    assert.equal(dp.kubeProxyReplacement.status, 'Invalid');
    assert.equal(dp.kubeProxyReplacement.enabled, false);
    assert.equal(dp.agentStarts, false);
  });

  it('tunnel routing names its protocol and both settings; native routing names only its mode (pkg/option/config.go@v1.16.19 l.2563-2569, pkg/datapath/tunnel/tunnel.go@v1.16.19 l.26)', () => {
    const geneve = cm('1.16', { 'tunnel-protocol': 'geneve' }).datapath.routing;
    assert.equal(geneve.mode, 'tunnel');
    assert.equal(geneve.protocol, 'geneve');
    assert.deepEqual(
      geneve.origins.map((o) => `${o.kind}:${'key' in o ? o.key : ''}`),
      ['agent-default:routing-mode', 'user:tunnel-protocol'],
    );
    const vxlan = cm('1.16', { 'cluster-name': 'a' }).datapath.routing;
    assert.equal(vxlan.protocol, 'vxlan');
    const native = cm('1.16', { 'routing-mode': 'native', 'tunnel-protocol': 'geneve' }).datapath.routing;
    assert.equal(native.mode, 'native');
    assert.equal(native.protocol, null);
    assert.deepEqual(
      native.origins.map((o) => `${o.kind}:${'key' in o ? o.key : ''}`),
      ['user:routing-mode'],
    );
  });

  it('ip-masq-agent works only through BPF masquerading (daemon/cmd/daemon.go@v1.14.19 l.979-986)', () => {
    const base = { 'kube-proxy-replacement': 'true', 'enable-bpf-masquerade': 'true' };
    assert.equal(cm('1.16', { ...base, 'enable-ip-masq-agent': 'true' }).datapath.masquerading.ipMasqAgent, true);
    assert.equal(cm('1.16', base).datapath.masquerading.ipMasqAgent, false);
    const iptables = cm('1.16', { ...base, 'enable-bpf-masquerade': 'false', 'enable-ip-masq-agent': 'true' }).datapath;
    assert.equal(iptables.masquerading.ipMasqAgent, false);
    assert.equal(iptables.agentStarts, false, 'and the agent refuses that combination');
    const exit = iptables.agentErrors.find((r) => r.id === 'ip-masq-agent-needs-bpf-masquerade');
    assert.equal(exit?.logged, true, 'the agent prints the error it exits with');
    assert.equal(exit?.cite, ipMasqAgentNeedsBpfMasquerade.cite);
  });

  it('a chart stop is what helm prints, with its citation', () => {
    const stops = doc('# cilium-version: 1.16\ncluster:\n  name: Prod_1\n').datapath.chartErrors;
    assert.deepEqual(
      stops.map((r) => [r.id, r.severity, r.logged, r.cite !== '']),
      [['chart-cluster-name-invalid', 'error', true, true]],
    );
  });

  it('a templated value the schema may refuse leaves "Chart installs" open, naming the schema', () => {
    const d = doc('# cilium-version: 1.16\ndebug:\n  enabled: ${DEBUG}\n');
    assert.deepEqual(d.datapath.unknowns, [
      {
        verdict: 'Chart installs',
        check: 'values.schema.json',
        templates: [{ key: 'debug.enabled', text: '${DEBUG}' }],
      },
    ]);
    assert.equal(d.datapath.installSucceeds, true);
  });

  it('a value the chart schema refuses fails the install even with no chart stop', () => {
    // values.schema.json@v1.16.19 types debug.enabled as a boolean; a number is refused by no rule of ours.
    const d = doc('# cilium-version: 1.16\ndebug:\n  enabled: 5\n');
    assert.ok((d.chart?.schema.length ?? 0) > 0, 'the schema refuses it');
    assert.deepEqual(
      d.datapath.chartErrors.filter((r) => r.severity === 'error'),
      [],
    );
    assert.equal(d.datapath.installSucceeds, false);
  });
});

describe('the derivation itself, with rules handed in', () => {
  // An ordinary 1.14 state with BPF masquerading and full KPR: only the handed-in rules decide.
  const state: State = (() => {
    const d = cm('1.14', { 'kube-proxy-replacement': 'strict', 'enable-bpf-masquerade': 'true' });
    return buildState(d.agent, undefined, undefined);
  })();
  const hit = { origins: [state.agent.bpfMasquerade.origin], message: 'BPF masquerading cannot run here.' };

  it('a rule without a cite gives an empty cite, not undefined, wherever its reason lands', () => {
    const masq: MasqueradeCheck = { id: 'm', effect: () => 'fallback', check: () => hit };
    const rules: DatapathRules = {
      masquerade: [masq],
      hostRouting: [{ id: 'h', severity: 'warning', silent: false, check: () => hit }],
      agentExits: [{ id: 'a', severity: 'error', check: () => hit }],
    };
    const dp = deriveDatapath(state, rules);
    assert.deepEqual(
      [...dp.masquerading.reasons, ...dp.hostRouting.reasons, ...dp.agentErrors].map((r) => r.cite),
      ['', '', '', ''],
    );
  });

  it('the fallback keeps a reason’s wording template with the same sentence, so a ConfigMap finding says it too', () => {
    const worded = { ...hit, wording: { template: 'Set {key:bpf.masquerade} off.', params: {} } };
    const dp = deriveDatapath(state, {
      masquerade: [{ id: 'm', effect: () => 'fallback', check: () => worded }],
      hostRouting: [],
      agentExits: [],
    });
    const fallback = dp.hostRouting.reasons.find((r) => r.id === 'host-routing-bpf-masquerade-fallback');
    assert.deepEqual(fallback?.wording, { template: `Set {key:bpf.masquerade} off.${SAME_FALLBACK}`, params: {} });
  });

  it('only an error stops the agent: an agent check of warning severity is a log line', () => {
    const dp = deriveDatapath(state, {
      masquerade: [],
      hostRouting: [],
      agentExits: [{ id: 'w', severity: 'warning', check: () => hit }],
    });
    assert.deepEqual(
      dp.agentErrors.map((r) => r.id),
      ['w'],
    );
    assert.equal(dp.agentStarts, true);
  });
});
