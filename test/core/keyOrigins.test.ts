// Where each rendered cilium-config key comes from (model/chartModel.ts keyOrigin): the user's line, a chart
// default its value is computed from, or a value the chart writes itself (`chart-fixed`), with the chart
// defaults whose conditions made it write the key. Conditions that wrap the whole template (`if .Values.agent`)
// decide no key; checked on real keys of the real charts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { explainMarkdown } from '../../server/src/core/explain';
import { doc } from '../helpers';

describe('origins of rendered keys: value dependencies apart from the guards around them', () => {
  it('a literal under conditions on chart defaults is chart-fixed (templates/cilium-configmap.yaml@v1.18.7 procfs, enable-metrics)', () => {
    const d = doc('# cilium-version: 1.18\nkubeProxyReplacement: true\n');
    assert.deepEqual(d.configMap.get('procfs')?.origin, {
      kind: 'chart-fixed',
      key: 'procfs',
      version: '1.18',
      when: ['securityContext.privileged'],
    });
    assert.deepEqual(d.configMap.get('enable-metrics')?.origin, {
      kind: 'chart-fixed',
      key: 'enable-metrics',
      version: '1.18',
      when: ['operator.prometheus.enabled'],
    });
    // A value computed from a chart default names that default.
    assert.deepEqual(d.configMap.get('enable-ipv6-masquerade')?.origin, {
      kind: 'chart-default',
      key: 'enableIPv6Masquerade',
      version: '1.18',
    });
    assert.deepEqual(d.configMap.get('routing-mode')?.origin, {
      kind: 'chart-default',
      key: 'routingMode',
      version: '1.18',
    });
    // No key names the template's outer guard.
    for (const [key, s] of d.configMap) {
      if (s.origin.kind === 'chart-fixed')
        assert.ok(!(s.origin.when ?? []).some((w) => w === 'agent' || w === 'preflight.enabled'), key);
    }
  });

  it("the user's guard makes the key the user's doing, and a user guard that stops it removes it", () => {
    const on = doc('# cilium-version: 1.18\nkubeProxyReplacement: true\noperator:\n  prometheus:\n    enabled: true\n');
    const o = on.configMap.get('enable-metrics')?.origin;
    assert.equal(o?.kind, 'implied');
    assert.equal(o?.kind === 'implied' ? o.key : '', 'operator.prometheus.enabled');
    const privileged = doc(
      '# cilium-version: 1.18\nkubeProxyReplacement: true\nsecurityContext:\n  privileged: true\n',
    );
    assert.equal(privileged.configMap.get('procfs'), undefined);
  });

  it('routing-mode written as a literal by the 1.16 chart is chart-fixed, and the explanation says so', () => {
    // templates/cilium-configmap.yaml@v1.16.19 l.460-478: without gke, aksbyocni or routingMode the chart writes
    // routing-mode: "tunnel" itself (the "Default case").
    const text = '# cilium-version: 1.16\nkubeProxyReplacement: true\n';
    const d = doc(text);
    assert.deepEqual(d.configMap.get('routing-mode')?.origin, {
      kind: 'chart-fixed',
      key: 'routing-mode',
      version: '1.16',
      when: ['gke.enabled', 'aksbyocni.enabled', 'routingMode'],
    });
    assert.match(
      explainMarkdown(analyze(text), text),
      /### Routing: Tunnel \[vxlan\]\n\nDecided by: `routing-mode` \(a value the 1\.16 chart writes itself, because of the chart defaults of `gke\.enabled`, `aksbyocni\.enabled`, `routingMode`\)/,
    );
    // The user's routingMode is the user's line.
    const mine = doc('# cilium-version: 1.16\nkubeProxyReplacement: true\nroutingMode: tunnel\n');
    assert.equal(mine.configMap.get('routing-mode')?.origin.kind, 'user');
  });
});
