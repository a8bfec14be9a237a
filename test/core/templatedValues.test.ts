// Templated values (Flux/envsubst `${VAR}`, Helm `{{ }}`) are unknown: no crash, no finding that rests on their
// value, the verdict names what depends on them, and quotes still fix a template's type.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { explainMarkdown, verdictOf } from '../../server/src/core/explain';
import { doc, finding, noFinding, rules, yaml } from '../helpers';

describe('templated values are unknown', () => {
  it('a flow mapping with ${CLUSTER_ID} and kube-proxy replacement neither crashes nor reads as broken YAML', () => {
    const text = yaml`
      # cilium-version: 1.16
      kubeProxyReplacement: true
      k8sServiceHost: 10.0.0.1
      k8sServicePort: 6443
      cluster: {name: prod, id: ${'${CLUSTER_ID}'}}
    `;
    const a = analyze(text);
    assert.deepEqual(a.internalErrors, []);
    assert.deepEqual(
      a.fileFindings.map((f) => f.rule),
      ['template-syntax'],
    );
    assert.equal(a.documents.length, 1);
    assert.equal(a.documents[0].datapath.kubeProxyReplacement.status, 'True');
  });

  it('cluster.name: ${CLUSTER_NAME} is not an invalid cluster name; a real bad name still is', () => {
    const templated = doc('# cilium-version: 1.16\ncluster:\n  name: ${CLUSTER_NAME}\n  id: 3\n');
    noFinding(templated, 'chart-cluster-name-invalid');
    assert.equal(templated.datapath.installSucceeds, true);
    assert.ok(
      verdictOf(templated, '').dependsOn?.some((l) =>
        /^Chart installs depends on `\$\{CLUSTER_NAME\}` \(cluster\.name\)/.test(l),
      ),
      JSON.stringify(verdictOf(templated, '').dependsOn),
    );
    // The same check without a template still fires, and a templated id does not hide a bad name.
    finding(doc('# cilium-version: 1.16\ncluster:\n  name: Prod_1\n  id: 3\n'), 'chart-cluster-name-invalid');
    finding(doc('# cilium-version: 1.16\ncluster:\n  name: Prod_1\n  id: ${ID}\n'), 'chart-cluster-name-invalid');
  });

  it('the same holds in Helm values embedded as a string ({{ }} inside valuesContent)', () => {
    const text = yaml`
      apiVersion: helm.cattle.io/v1
      kind: HelmChartConfig
      metadata:
        name: rke2-cilium
        namespace: kube-system
      spec:
        valuesContent: |-
          cluster:
            name: {{ .Values.clusterName }}
          kubeProxyReplacement: true
    `;
    const d = doc(text, { version: '1.16' });
    noFinding(d, 'chart-cluster-name-invalid');
    assert.equal(d.datapath.installSucceeds, true);
  });

  for (const version of ['1.12', '1.16', '1.18']) {
    it(`a templated ipv4NativeRoutingCIDR with native routing is not a missing CIDR (${version})`, () => {
      const routing = version === '1.12' ? 'tunnel: disabled' : 'routingMode: native';
      const templated = doc(`${routing}\nautoDirectNodeRoutes: true\nipv4NativeRoutingCIDR: "\${K8S_POD_CIDR}"\n`, {
        version,
      });
      assert.deepEqual(
        rules(templated).filter((r) => /native-routing-cidr/.test(r)),
        [],
      );
      assert.equal(templated.datapath.agentStarts, true);
      assert.equal(templated.datapath.installSucceeds, true);
      // Without the key at all, the same file is refused (the check itself is alive).
      const missing = doc(`${routing}\nautoDirectNodeRoutes: true\n`, { version });
      assert.ok(
        rules(missing).some((r) => /native-routing-cidr/.test(r)),
        rules(missing).join(),
      );
    });
  }

  it('a verdict that rests on a templated value says so in the CLI summary, the code lens and the explanation', () => {
    const text =
      '# cilium-version: 1.16\nkubeProxyReplacement: ${KPR}\nbpf:\n  masquerade: true\nroutingMode: "${ROUTING}"\n';
    const d = doc(text);
    // KPR unknown: neither "KPR is off, so Legacy" nor anything else that needs its value.
    noFinding(d, 'host-routing-kpr-off');
    noFinding(d, 'host-routing-needs-kpr');
    const v = verdictOf(d, text);
    assert.ok(
      v.dependsOn?.some((l) => l.startsWith('Host Routing depends on `${KPR}` (kubeProxyReplacement)')),
      JSON.stringify(v.dependsOn),
    );
    assert.ok(
      v.dependsOn?.some((l) => l.startsWith('Routing depends on `"${ROUTING}"` (routingMode)')),
      JSON.stringify(v.dependsOn),
    );
    assert.match(v.summary, /templated, undecided: .*Host Routing/);
    const md = explainMarkdown(analyze(text), text);
    assert.match(md, /### Depends on templated values/);
    assert.match(md, /KubeProxyReplacement depends on `\$\{KPR\}`/);
    // A file without templates has no such note.
    assert.equal(verdictOf(doc('# cilium-version: 1.16\nkubeProxyReplacement: true\n'), '').dependsOn?.length ?? 0, 0);
  });

  it('a quoted template is a string: from 1.16 the schema refuses it for an integer key (error), unquoted it is unknown', () => {
    const quoted = doc('# cilium-version: 1.16\ncluster:\n  name: prod\n  id: "${CLUSTER_ID}"\n');
    const f = finding(quoted, 'templated-wrong-type');
    assert.equal(f.severity, 'error');
    assert.equal(f.key, 'cluster.id');
    assert.match(f.message, /"\$\{CLUSTER_ID\}" is quoted.*integer/);
    assert.equal(quoted.datapath.installSucceeds, false, 'the verdict agrees with the finding');
    noFinding(doc('# cilium-version: 1.15\ncluster:\n  name: prod\n  id: "${CLUSTER_ID}"\n'), 'templated-wrong-type');
    noFinding(doc('# cilium-version: 1.16\ncluster:\n  name: prod\n  id: ${CLUSTER_ID}\n'), 'templated-wrong-type');
    noFinding(
      doc(
        "# cilium-version: 1.16\ncluster:\n  name: prod\n  id: '{{ .Values.id }}'\n".replace(
          "'{{ .Values.id }}'",
          '{{ .Values.id }}',
        ),
      ),
      'templated-wrong-type',
    );
    // A string key in quotes is fine.
    noFinding(doc('# cilium-version: 1.16\ncluster:\n  name: "${CLUSTER_NAME}"\n'), 'templated-wrong-type');
  });

  it('template syntax inside a block scalar that is not a Cilium value (a script, a config blob) is not a finding', () => {
    const text = yaml`
      # cilium-version: 1.16
      kubeProxyReplacement: true
      k8sServiceHost: 10.0.0.1
      k8sServicePort: 6443
      extraConfig:
        custom-script: |
          #!/bin/sh
          echo "\${HOME}" {{ not a template }}
      nodeinit:
        startup:
          preScript: |
            mount --make-shared "\${BIN_PATH}"
    `;
    const a = analyze(text);
    assert.deepEqual(
      a.fileFindings.map((f) => f.rule),
      [],
    );
    assert.deepEqual(a.documents[0].datapath.unknowns, []);
    // And a templated value in the same file is noted.
    const b = analyze(text + 'cluster:\n  name: ${NAME}\n');
    assert.deepEqual(
      b.fileFindings.map((f) => f.rule),
      ['template-syntax'],
    );
  });

  it('a templated key name is unknown, not an unknown-key warning', () => {
    const d = doc(
      '# cilium-version: 1.16\nkubeProxyReplacement: true\n${EXTRA_KEY}: 1\nbpf:\n  {{ .Values.k }}: true\n',
    );
    noFinding(d, 'unknown-key');
  });
});

describe('a Helm template that Go cannot parse (corpus 037)', () => {
  const cm = (line: string) =>
    `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cilium-config\n  namespace: d8-{{ .Chart.Name }}\ndata:\n  kube-proxy-replacement: "true"\n  {{- if .Values.labels }}\n  labels: {{ .Values.labels | quote }}\n  ${line}\n`;
  it('`{{-end }}` is an action starting with "-en", not a trim marker: Helm renders nothing, and we say where', () => {
    const text = cm('{{-end }}');
    const a = analyze(text);
    const f = a.fileFindings.find((x) => x.rule === 'helm-template-parse-error');
    assert.ok(f, 'the parse error is reported');
    assert.equal(f.severity, 'error');
    assert.match(f.message, /bad number syntax: "-en" \(line 10\)/);
    assert.equal(text.slice(f.range.start, f.range.end), '  {{-end }}');
  });
  it("a template that parses, and templates that are not Helm's (no .Values, .Chart…), are left alone", () => {
    assert.ok(!analyze(cm('{{- end }}')).fileFindings.some((x) => x.rule === 'helm-template-parse-error'));
    const jinja = "kubeProxyReplacement: true\nk8sServiceHost: {{ api_host | default('10.0.0.1') }}\n";
    assert.ok(!analyze(jinja).fileFindings.some((x) => x.rule === 'helm-template-parse-error'));
    // A values file with a placeholder filled by another tool is never parsed by Helm: no claim about it.
    const placeholder = 'kubeProxyReplacement: true\nipam:\n  mode: {{ .Values.x }} # {{ not a template }}\n';
    assert.ok(!analyze(placeholder).fileFindings.some((x) => x.rule === 'helm-template-parse-error'));
  });
});
