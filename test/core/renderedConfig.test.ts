// The annotated cilium-config view (core/renderedConfig.ts), shared by `cilium-lint --format configmap` and the
// editor's "Show Rendered cilium-config": every key the real chart writes, sorted as kubectl prints them, valid
// YAML with exactly the rendered data, each key's trailing comment naming the user's key and line, the chart
// default, or the chart itself; refusals at the top; one document or all of a file.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse, parseAllDocuments } from 'yaml';
import { analyze } from '../../server/src/core/analyze';
import { renderSource, sourceValues } from '../../server/src/core/chart/renderSource';
import { userHas } from '../../server/src/core/chart/helm/configMapOutput';
import { formatRenderedDocument, renderedConfigText } from '../../server/src/core/renderedConfig';

const VALUES = [
  '# cilium-version: 1.18', // line 1
  'kubeProxyReplacement: true', // line 2
  'bpf:', // line 3
  '  masquerade: true', // line 4
  'extraConfig:', // line 5
  '  my-key: "x: y # not a comment"', // line 6
  '  multi: "a\\nb"', // line 7
  '',
].join('\n');

type ConfigMapDoc = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace: string };
  data: Record<string, string>;
};

function lineOf(out: string, key: string): string {
  const line = out.split('\n').find((l) => l.startsWith(`  ${key}:`));
  assert.ok(line, `${key} not in the output`);
  return line;
}

describe('the rendered cilium-config view', () => {
  const a = analyze(VALUES);
  const out = renderedConfigText(a.documents, VALUES)!;

  it('is valid YAML holding exactly the data the chart renders, keys sorted as kubectl prints them', () => {
    const doc = parse(out) as ConfigMapDoc;
    assert.equal(doc.kind, 'ConfigMap');
    assert.equal(doc.metadata.name, 'cilium-config');
    assert.equal(doc.metadata.namespace, 'kube-system');
    const rendered = renderSource(a.documents[0].source, '1.18')!.configMap!;
    assert.ok(rendered.size > 100, 'the whole ConfigMap, not only the datapath keys');
    assert.deepEqual(Object.keys(doc.data), [...rendered.keys()].sort());
    for (const [k, v] of rendered) assert.equal(doc.data[k], v.value, k);
    assert.equal(doc.data['my-key'], 'x: y # not a comment');
    assert.equal(doc.data['multi'], 'a\nb');
  });

  it("names the user's key and its line for a value from the file", () => {
    assert.equal(
      lineOf(out, 'enable-bpf-masquerade'),
      '  enable-bpf-masquerade: "true"  # your value: bpf.masquerade (line 4)',
    );
    assert.match(lineOf(out, 'kube-proxy-replacement'), /"true" {2}# your value: kubeProxyReplacement \(line 2\)$/);
    assert.match(lineOf(out, 'my-key'), /# your value: extraConfig\.my-key \(line 6\)$/);
    assert.match(lineOf(out, 'multi'), /^ {2}multi: \|-? {2}# your value: extraConfig\.multi \(line 7\)$/);
  });

  it('says chart default for a value the file leaves to the chart, and fixed for what the chart always writes', () => {
    assert.match(
      lineOf(out, 'enable-ipv6-masquerade'),
      /^ {2}enable-ipv6-masquerade: "true" {2}# chart default: .*enableIPv6Masquerade$/,
    );
    assert.match(lineOf(out, 'cluster-name'), /# chart default: .*cluster\.name$/);
    const render = renderSource(a.documents[0].source, '1.18')!;
    // A value the chart writes as a literal is fixed by the chart, with the chart defaults whose conditions made
    // it write the key (templates/cilium-configmap.yaml@v1.18.7: `procfs: "/host/proc"` under `if not
    // .Values.securityContext.privileged`, `enable-metrics: "true"` under `if .Values.operator.prometheus.enabled`);
    // the template's outer guard (`if .Values.agent`…) is named for no key.
    assert.equal(
      lineOf(out, 'procfs'),
      '  procfs: /host/proc  # fixed by the chart, written because of chart defaults: securityContext.privileged',
    );
    assert.equal(
      lineOf(out, 'enable-metrics'),
      '  enable-metrics: "true"  # fixed by the chart, written because of chart defaults: operator.prometheus.enabled',
    );
    const fixed = [...render.configMap!]
      .filter(([name, k]) => k.origin === 'fixed' && !['my-key', 'multi'].includes(name))
      .map(([name]) => name);
    assert.ok(fixed.length >= 10, fixed.join(', '));
    for (const name of fixed)
      assert.match(lineOf(out, name), /# fixed by the chart, written because of chart defaults: (?!.*\bagent\b)/, name);
    // A key whose own value is read from the file names it; a key only written because of a user value (under
    // `if kubeProxyReplacement`) keeps the chart's default value and says so.
    const user = sourceValues(a.documents[0].source);
    const fromUser = [...render.configMap!]
      .filter(([, k]) => k.origin === 'user' && (k.valueDeps ?? []).some((p) => userHas(user, p)))
      .map(([name]) => name);
    assert.ok(fromUser.length > 0);
    for (const name of fromUser) assert.match(lineOf(out, name), /# your value: /, name);
  });

  it('counts lines in the file for values inside a wrapper (Flux HelmRelease)', () => {
    const text =
      'apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: cilium\nspec:\n  chart:\n    spec:\n      chart: cilium\n      version: 1.17.2\n  values:\n    routingMode: native\n    ipv4NativeRoutingCIDR: 10.0.0.0/8\n';
    const view = renderedConfigText(analyze(text).documents, text)!;
    assert.match(lineOf(view, 'routing-mode'), /native {2}# your value: routingMode \(line 11\)$/);
    assert.match(lineOf(view, 'ipv4-native-routing-cidr'), /# your value: ipv4NativeRoutingCIDR \(line 12\)$/);
  });

  it("puts the chart's refusal at the top instead of an empty view", () => {
    const text = '# cilium-version: 1.16\nkubeProxyReplacement: strict\n';
    const r = formatRenderedDocument(analyze(text).documents[0], text);
    assert.equal(r.rendered, false);
    const first = r.text.split('\n').slice(0, 4).join('\n');
    assert.match(first, /Helm stops the install in cilium\/templates\/cilium-configmap\.yaml/);
    assert.match(r.text, /kubeProxyReplacement must be explicitly set to a valid value \(true or false\)/);
    assert.doesNotThrow(() => parse(r.text));
  });

  it("puts the schema's refusal at the top (1.16+ charts check values.schema.json)", () => {
    const text = '# cilium-version: 1.18\nbpf:\n  masquerade: 5\n';
    const r = formatRenderedDocument(analyze(text).documents[0], text);
    assert.equal(r.rendered, false);
    assert.match(r.text, /^# .*\n# Helm refuses these values \(the chart's values\.schema\.json\)/);
    assert.match(r.text, /bpf\.masquerade/);
  });

  it('renders one document of a multi-document file by index, or all of them separated by ---', () => {
    const text = `${VALUES}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cilium-config\ndata:\n  routing-mode: native\n  enable-bpf-masquerade: "false"\n`;
    const docs = analyze(text).documents;
    const all = renderedConfigText(docs, text)!;
    const parsed = parseAllDocuments(all).map((d) => d.toJS() as ConfigMapDoc);
    assert.equal(parsed.length, 2);
    assert.equal(parsed[0].data['enable-bpf-masquerade'], 'true');
    assert.deepEqual(parsed[1].data, { 'enable-bpf-masquerade': 'false', 'routing-mode': 'native' });
    const second = renderedConfigText(docs, text, 1)!;
    assert.match(second, /already a cilium-config ConfigMap/);
    assert.match(
      second,
      /\n {2}enable-bpf-masquerade: "false" {2}# as written \(line 15\); bool, default false, cilium-agent\n {2}routing-mode: native {2}# as written \(line 14\); [^\n]*\n/,
    );
    assert.equal(renderedConfigText(docs, text, 7), null);
    assert.equal(renderedConfigText(analyze('kind: Deployment\n').documents, 'kind: Deployment\n'), null);
  });
});
