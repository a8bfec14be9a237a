// What model/unknown.ts decides, pinned where StrykerJS found nothing watching it (docs/mutation.md): a value
// Flux or envsubst fills in later (`${VAR}`) is unknown, so the verdict it decides is named as open instead of
// guessed; each templated setting is named once per verdict and check, however many cilium-config keys it reaches;
// the schema's undecided refusals of one file are one entry; the sentence quotes the template as written.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dependencySentences } from '../../../server/src/core/model/unknown';
import { configMapText, doc, noFinding } from '../../helpers';

const cm = (version: string, data: Record<string, string>) => doc(configMapText(version, data));

/** The open verdicts as [verdict, check, templated keys]. */
const openOf = (d: ReturnType<typeof doc>) =>
  d.datapath.unknowns.map((u) => [u.verdict, u.check, u.templates.map((t) => t.key)]);

describe('a templated ConfigMap value is unknown, not refused', () => {
  it('kube-proxy-replacement: "${KPR}" (1.16) leaves KPR open instead of "invalid value, agent exits"', () => {
    // Written literally, "${KPR}" is neither "true" nor "false" and the 1.16 agent exits
    // (daemon/cmd/kube_proxy_replacement.go@v1.16.19 l.44-47); Flux substitutes it before the agent reads it.
    const d = cm('1.16', { 'kube-proxy-replacement': '${KPR}' });
    noFinding(d, 'kpr-invalid-value');
    assert.equal(d.datapath.agentStarts, true);
    assert.deepEqual(openOf(d), [
      ['Host Routing', 'host-routing-kpr-off', ['kube-proxy-replacement']],
      ['KubeProxyReplacement', undefined, ['kube-proxy-replacement']],
      ['Host Routing', undefined, ['kube-proxy-replacement']],
    ]);
    // Both Host Routing entries (the check and the setting itself) make one sentence.
    assert.deepEqual(
      dependencySentences(d.datapath.unknowns).map((s) => s.text),
      [
        'Host Routing depends on `"${KPR}"` (kube-proxy-replacement)',
        'KubeProxyReplacement depends on `"${KPR}"` (kube-proxy-replacement)',
      ],
    );
  });

  it('the Routing line names both templated keys it reads, routing-mode and tunnel-protocol (1.16)', () => {
    // `cilium status` prints "Network: Tunnel [vxlan]" from routing-mode (pkg/option/config.go@v1.16.19 l.506)
    // and tunnel-protocol (pkg/datapath/tunnel/tunnel.go@v1.16.19 l.219).
    const d = cm('1.16', { 'routing-mode': '${MODE}', 'tunnel-protocol': '${PROTO}' });
    assert.deepEqual(openOf(d), [['Routing', undefined, ['routing-mode', 'tunnel-protocol']]]);
    assert.deepEqual(dependencySentences(d.datapath.unknowns), [
      { verdict: 'Routing', text: 'Routing depends on `"${MODE}"` (routing-mode), `"${PROTO}"` (tunnel-protocol)' },
    ]);
  });

  it('a template in a block scalar is quoted without its line break', () => {
    const text =
      '# cilium-version: 1.16\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cilium-config\ndata:\n' +
      '  kube-proxy-replacement: |\n    ${KPR}\n';
    const sentences = dependencySentences(doc(text).datapath.unknowns).map((s) => s.text);
    assert.ok(
      sentences.includes('KubeProxyReplacement depends on `|\n    ${KPR}` (kube-proxy-replacement)'),
      sentences.join('\n'),
    );
  });

  it('a 1.13 ConfigMap without `tunnel` is plain vxlan tunnelling, nothing open', () => {
    // The 1.13 agent's --tunnel defaults to "" and becomes vxlan in the veth datapath
    // (daemon/cmd/daemon_main.go@v1.13.18 l.752, l.1350-1351).
    const d = cm('1.13', { 'kube-proxy-replacement': 'disabled' });
    assert.deepEqual(d.datapath.routing.mode, 'tunnel');
    assert.deepEqual(d.datapath.routing.protocol, 'vxlan');
    assert.deepEqual(d.datapath.unknowns, []);
  });
});

describe('a templated Helm value is named once per verdict and check', () => {
  it('routingMode: ${MODE} (1.16) also decides tunnel-protocol, and is named once', () => {
    // The 1.16 chart writes `tunnel-protocol: "vxlan"` only when routingMode is empty
    // (install/kubernetes/cilium/templates/cilium-configmap.yaml@v1.16.19 l.472-478), so both keys rest on the one
    // template.
    const d = doc('# cilium-version: 1.16\nroutingMode: ${MODE}\n');
    const routing = d.datapath.unknowns.filter((u) => u.verdict === 'Routing');
    assert.deepEqual(routing, [
      { verdict: 'Routing', check: undefined, templates: [{ key: 'routingMode', text: '${MODE}' }] },
    ]);
  });

  it('1.13 `tunnel: ${T}` decides both routing and protocol from one key, named once', () => {
    const d = doc('# cilium-version: 1.13\ntunnel: ${T}\n');
    const routing = d.datapath.unknowns.filter((u) => u.verdict === 'Routing');
    assert.deepEqual(routing, [{ verdict: 'Routing', check: undefined, templates: [{ key: 'tunnel', text: '${T}' }] }]);
  });

  it("the schema's undecided refusals are one entry; a chart check on the same key stays its own", () => {
    // install/kubernetes/cilium/values.schema.json@v1.16.19 types cluster.id, clustermesh.maxConnectedClusters and
    // operator.replicas as integer: an unquoted `${X}` may become one, so Helm's verdict is open. The chart also
    // checks maxConnectedClusters' value (255 or 511, templates/validate.yaml@v1.16.19 l.179): a separate check.
    const d = doc(
      '# cilium-version: 1.16\ncluster:\n  name: prod\n  id: ${ID}\nclustermesh:\n  maxConnectedClusters: ${MAX}\n' +
        'operator:\n  replicas: ${R}\n',
    );
    assert.equal(d.datapath.installSucceeds, true);
    assert.deepEqual(
      openOf(d).filter(([verdict]) => verdict === 'Chart installs'),
      [
        ['Chart installs', 'chart-max-connected-clusters', ['clustermesh.maxConnectedClusters']],
        [
          'Chart installs',
          'values.schema.json',
          ['cluster.id', 'clustermesh.maxConnectedClusters', 'operator.replicas'],
        ],
      ],
    );
    assert.deepEqual(dependencySentences(d.datapath.unknowns), [
      {
        verdict: 'Chart installs',
        text:
          'Chart installs depends on `${MAX}` (clustermesh.maxConnectedClusters), `${ID}` (cluster.id), ' +
          '`${R}` (operator.replicas)',
      },
    ]);
  });
});
