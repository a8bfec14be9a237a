// The analysis of Helm values runs the real chart (model/chartModel.ts over chart/helm/render.ts): the agent
// model reads the cilium-config the chart renders, install verdicts and chart findings come from its own
// `fail`/`required` and schema, and every rendered key points at the user's line or says "chart default".
// Each test here fails if the analysis stops using the renderer (a hand model knows none of these answers).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { renderCacheStats } from '../../server/src/core/chart/renderCache';
import { hoverAt } from '../../server/src/core/hover';
import { explainMarkdown } from '../../server/src/core/explain';
import { renderedConfigText } from '../../server/src/core/renderedConfig';
import { doc, finding, lineOf, noFinding } from '../helpers';

describe('the rendered chart feeds the agent model', () => {
  it('a key only the real chart writes reaches the agent: extraConfig is copied into cilium-config', () => {
    // templates/cilium-configmap.yaml@v1.16.19 ends with the extraConfig entries (toYaml .Values.extraConfig).
    const text = '# cilium-version: 1.16\nkubeProxyReplacement: true\nextraConfig:\n  enable-bpf-masquerade: "true"\n';
    const d = doc(text);
    assert.equal(d.configMap.get('enable-bpf-masquerade')?.value, 'true');
    assert.equal(d.datapath.masquerading.mode, 'BPF');
    const o = d.configMap.get('enable-bpf-masquerade')!.origin;
    assert.equal(o.kind === 'user' && o.key, 'extraConfig.enable-bpf-masquerade');
    assert.equal(o.kind === 'user' && text.slice(o.range.start, o.range.end), 'enable-bpf-masquerade');
  });

  it('the whole ConfigMap is there, each key with the origin the chart gives it', () => {
    const text = '# cilium-version: 1.18\ncluster:\n  name: prod-eu\nbpf:\n  masquerade: true\n';
    const d = doc(text);
    assert.ok(d.configMap.size > 100, `only ${d.configMap.size} keys`);
    const name = d.configMap.get('cluster-name')!;
    assert.equal(name.value, 'prod-eu');
    assert.equal(name.origin.kind === 'user' && name.origin.key, 'cluster.name');
    const masq = d.configMap.get('enable-bpf-masquerade')!.origin;
    assert.equal(masq.kind === 'user' && masq.key, 'bpf.masquerade');
    // A value from values.yaml: chart default, named by its Helm key.
    const mode = d.configMap.get('routing-mode')!.origin;
    assert.deepEqual(mode.kind === 'chart-default' ? mode.key : mode.kind, 'routingMode');
  });

  it('a value the chart computes from several user keys is implied by them (eni on 1.19: native routing)', () => {
    const d = doc('# cilium-version: 1.19\neni:\n  enabled: true\nipam:\n  mode: eni\n');
    const r = d.configMap.get('routing-mode')!;
    assert.equal(r.value, 'native');
    assert.equal(d.datapath.routing.mode, 'native');
    assert.equal(r.origin.kind, 'implied');
    assert.ok(
      r.origin.kind === 'implied' && r.origin.by.some((b) => b.key === 'eni.enabled'),
      JSON.stringify(r.origin),
    );
  });

  it('re-analysing the same values renders nothing again (memoised per version and values)', () => {
    const text =
      '# cilium-version: 1.17\nkubeProxyReplacement: true\nbpf:\n  masquerade: true\nhubble:\n  enabled: true\n';
    analyze(text);
    const before = renderCacheStats.renders;
    analyze(text);
    analyze(
      text.replace('# cilium-version: 1.17\n', '# cilium-version: 1.17\n# a comment changes nothing the chart sees\n'),
    );
    assert.equal(renderCacheStats.renders, before);
  });
});

describe('chart stops come from the chart', () => {
  it('a fail we have no words for is still reported, quoting the chart verbatim, on the user key, naming the template', () => {
    const text = '# cilium-version: 1.20\nipam:\n  mode: eni\n';
    const d = doc(text);
    const f = finding(d, 'chart-fail');
    assert.ok(f.message.includes('"ipam.mode=eni requires eni.enabled=true"'), f.message);
    assert.match(f.message, /templates\/validate\.yaml/);
    assert.equal(lineOf(text, f).text, '  mode: eni');
    assert.equal(d.datapath.installSucceeds, false);
    noFinding(doc('# cilium-version: 1.20\neni:\n  enabled: true\nipam:\n  mode: eni\n'), 'chart-fail');
  });

  it('every stop of a template is found, not only the first one Helm prints', () => {
    // validate.yaml@v1.16.19 checks remoteNodeIdentity, then the Hubble Relay; Helm stops at the first.
    const d = doc(
      '# cilium-version: 1.16\nremoteNodeIdentity: true\nhubble:\n  enabled: false\n  relay:\n    enabled: true\n',
    );
    finding(d, 'chart-remote-node-identity-removed');
    finding(d, 'chart-hubble-relay-needs-hubble');
  });

  it('a stop inside the configmap template still leaves the agent model the chart’s other keys', () => {
    const d = doc('# cilium-version: 1.18\nkubeProxyReplacement: strict\nbpf:\n  masquerade: true\n');
    finding(d, 'chart-kpr-invalid');
    assert.equal(d.datapath.installSucceeds, false);
    assert.equal(d.configMap.get('enable-bpf-masquerade')?.value, 'true');
    assert.equal(d.agent.kpr.raw, 'strict');
  });

  it('the schema refusal (1.16+) is an install verdict and one finding on the key', () => {
    const text = '# cilium-version: 1.18\ncluster:\n  id: many\n';
    const d = doc(text);
    assert.equal(d.datapath.installSucceeds, false);
    const onKey = d.findings.filter((f) => f.key === 'cluster.id' && f.severity === 'error');
    assert.equal(onKey.length, 1, onKey.map((f) => f.rule).join(', '));
    assert.match(onKey[0].message, /values\.schema\.json/);
  });

  it('a stop that rests on a templated value is not certain: the verdict says what it depends on', () => {
    // validate.yaml@v1.20 checks the cluster name; with a template the name is unknown.
    const text = '# cilium-version: 1.20\ncluster:\n  name: ${CLUSTER_NAME}\n  id: 5\n';
    const d = doc(text);
    noFinding(d, 'chart-cluster-name-invalid');
    assert.equal(d.datapath.installSucceeds, true);
    assert.ok(
      d.datapath.unknowns.some(
        (u) => u.verdict === 'Chart installs' && u.templates.some((t) => t.key === 'cluster.name'),
      ),
      JSON.stringify(d.datapath.unknowns),
    );
    finding(doc(text.replace('${CLUSTER_NAME}', 'Bad_Name')), 'chart-cluster-name-invalid');
  });

  it('a rendered key that read a templated value is unknown (never decides a check)', () => {
    const d = doc('# cilium-version: 1.16\nkubeProxyReplacement: ${KPR}\nbpf:\n  masquerade: true\n');
    noFinding(d, 'chart-kpr-invalid');
    noFinding(d, 'host-routing-kpr-off');
    assert.ok(d.datapath.unknowns.some((u) => u.verdict === 'KubeProxyReplacement'));
  });
});

describe('provenance in the views', () => {
  const text = '# cilium-version: 1.18\nkubeProxyReplacement: true\nbpf:\n  masquerade: true\n';

  it('the hover says what the line becomes in cilium-config', () => {
    const a = analyze(text);
    const h = hoverAt(a, text, text.indexOf('masquerade'))!;
    assert.match(h.markdown, /`enable-bpf-masquerade: "true"`/);
  });

  it('the explanation names the user line behind a verdict, and Show Rendered says where each key came from', () => {
    const a = analyze(text);
    assert.match(explainMarkdown(a, text), /`kubeProxyReplacement: true` \(line 2\)/);
    const shown = renderedConfigText(a.documents, text)!;
    assert.match(shown, /\n {2}enable-bpf-masquerade: "true" +# your value: bpf\.masquerade \(line 4\)/);
    assert.match(shown, /\n {2}routing-mode: "?tunnel"? +# chart default: [^\n]*routingMode/);
  });
});
