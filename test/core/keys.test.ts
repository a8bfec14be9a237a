import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { doc, finding, lineOf, noFinding, yaml } from '../helpers';

describe('key rules', () => {
  it('an unknown key gets a did-you-mean from the target version', () => {
    const text = yaml`
      # cilium-version: 1.16
      kubeProxyReplacment: true
    `;
    const f = finding(doc(text), 'unknown-key');
    assert.match(f.message, /Did you mean kubeProxyReplacement\?/);
    assert.match(lineOf(text, f).text, /kubeProxyReplacment/);
  });

  it('a nested typo is found', () => {
    const f = finding(doc('# cilium-version: 1.16\nbpf:\n  masqurade: true\n'), 'unknown-key');
    assert.match(f.message, /bpf\.masquerade/);
  });

  it('a key at the wrong level is suggested at its right place', () => {
    const f = finding(doc('# cilium-version: 1.16\nkubeProxyReplacement: true\nmasquerade: true\n'), 'unknown-key');
    assert.match(f.message, /bpf\.masquerade/);
  });

  it('free-form maps are not checked', () => {
    const d = doc(
      '# cilium-version: 1.16\nkubeProxyReplacement: true\npodAnnotations:\n  anything.example.com/x: "1"\nextraConfig:\n  whatever-key: "x"\n',
    );
    noFinding(d, 'unknown-key');
  });

  it('a key removed in the target version names its successor', () => {
    const f = finding(
      doc('# cilium-version: 1.19\nkubeProxyReplacement: true\nnodePort:\n  enabled: true\n'),
      'key-removed',
    );
    assert.match(f.message, /kubeProxyReplacement: true/);
  });

  it('a key newer than the target version', () => {
    finding(
      doc('# cilium-version: 1.13\nkubeProxyReplacement: strict\nroutingMode: native\n'),
      'key-not-yet-available',
    );
  });

  it('a quoted boolean is flagged where templates treat "false" as true', () => {
    const text = '# cilium-version: 1.15\nkubeProxyReplacement: strict\nhubble:\n  relay:\n    enabled: "false"\n';
    const f = finding(doc(text), 'quoted-boolean');
    assert.match(f.message, /counts as true there, "false" included/);
    assert.match(lineOf(text, f).text, /enabled/);
  });

  it('a value of the wrong type', () => {
    const f = finding(
      doc('# cilium-version: 1.16\nkubeProxyReplacement: true\nendpointRoutes:\n  enabled: [true]\n'),
      'wrong-type',
    );
    assert.match(f.message, /boolean/);
  });

  it('a string where a number is expected but digits are fine', () => {
    noFinding(doc('# cilium-version: 1.16\nkubeProxyReplacement: true\nk8sServicePort: "6443"\n'), 'wrong-type');
  });
});

describe('ConfigMap rules', () => {
  const cm = (data: string) =>
    `# cilium-version: 1.17\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cilium-config\n  namespace: kube-system\ndata:\n${data}`;

  it('non-string values are errors with a quoted suggestion', () => {
    const text = cm('  enable-bpf-masquerade: true\n  kube-proxy-replacement: "true"\n');
    const d = doc(text);
    const f = finding(d, 'configmap-value-not-string');
    assert.equal(f.severity, 'error');
    assert.match(f.message, /enable-bpf-masquerade: "true"/);
    assert.equal(lineOf(text, f).line, 8);
  });

  it('derives the datapath from agent keys', () => {
    const d = doc(
      cm('  kube-proxy-replacement: "true"\n  enable-bpf-masquerade: "true"\n  enable-ipv4-masquerade: "true"\n'),
    );
    assert.equal(d.kind, 'configmap');
    assert.equal(d.datapath.hostRouting.status, 'BPF');
    assert.equal(d.datapath.masquerading.mode, 'BPF');
    const legacy = doc(cm('  kube-proxy-replacement: "true"\n  enable-ipv4-masquerade: "true"\n'));
    const f = finding(legacy, 'host-routing-iptables-masquerade');
    assert.equal(f.key, 'enable-ipv4-masquerade');
  });

  it('an invalid kube-proxy-replacement value stops the agent', () => {
    const d = doc(cm('  kube-proxy-replacement: "strict"\n'));
    finding(d, 'kpr-invalid-value');
    assert.equal(d.datapath.agentStarts, false);
  });

  it('1.13 ConfigMap: tunnel disabled means native routing and endpoint routes fall back', () => {
    const text = `# cilium-version: 1.13\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cilium-config\ndata:\n  kube-proxy-replacement: strict\n  tunnel: disabled\n  enable-endpoint-routes: "true"\n  enable-bpf-masquerade: "true"\n  ipv4-native-routing-cidr: 10.0.0.0/8\n`;
    const d = doc(text);
    assert.equal(d.datapath.routing.mode, 'native');
    finding(d, 'host-routing-endpoint-routes');
  });
});

describe('ConfigMap wording', () => {
  it('advice names the agent options a ConfigMap uses, not the Helm keys', () => {
    const text =
      '# cilium-version: 1.17\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cilium-config\ndata:\n  kube-proxy-replacement: "true"\n  enable-ipv4-masquerade: "true"\n';
    const f = finding(doc(text), 'host-routing-iptables-masquerade');
    assert.match(f.message, /enable-bpf-masquerade: "true"/);
    assert.doesNotMatch(f.message.split('Agent log')[0], /bpf\.masquerade/);
  });
});

describe('helm get values output', () => {
  it('the USER-SUPPLIED VALUES header is not an unknown key', () => {
    const d = doc(
      '# cilium-version: 1.16\nUSER-SUPPLIED VALUES:\nkubeProxyReplacement: true\nbpf:\n  masquerade: true\n',
    );
    noFinding(d, 'unknown-key');
  });
});
