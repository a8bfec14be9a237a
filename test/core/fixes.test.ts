// Every quick-fix is applied to the text and the result analysed again: the YAML still parses, the finding is
// gone, nothing new appears, every comment survives and only the intended lines changed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, type AnalyzeOptions } from '../../server/src/core/analyze';
import { applyEdits } from '../../server/src/core/edit/yamlEdit';
import { fixAllEdits } from '../../server/src/core/fixes/index';
import type { Finding } from '../../server/src/core/types';

const ids = (text: string, o: AnalyzeOptions) => {
  const a = analyze(text, o);
  return new Set([...a.fileFindings, ...a.documents.flatMap((d) => d.findings)].map((f) => `${f.rule}|${f.key ?? ''}`));
};

function comments(text: string): string[] {
  return text.split(/\r?\n/).map((l) => /#.*$/.exec(l)?.[0]).filter((c): c is string => !!c);
}

/** Lines of `before` that are not in `after` plus lines of `after` not in `before`, after trimming common ends. */
function changedLines(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  let s = 0;
  while (s < a.length && s < b.length && a[s] === b[s]) s++;
  let ea = a.length;
  let eb = b.length;
  while (ea > s && eb > s && a[ea - 1] === b[eb - 1]) {
    ea--;
    eb--;
  }
  return { removed: a.slice(s, ea), added: b.slice(s, eb) };
}

interface Expect {
  rule: string;
  key?: string;
  /** The exact lines the fix may remove and add. */
  removed: string[];
  added: string[];
  title?: RegExp;
  options?: AnalyzeOptions;
}

function checkFix(text: string, e: Expect): string {
  const o = e.options ?? {};
  const a = analyze(text, o);
  const all: Finding[] = a.documents.flatMap((d) => d.findings);
  const f = all.find((x) => x.rule === e.rule && (e.key === undefined || x.key === e.key));
  assert.ok(f, `no ${e.rule} finding; got ${all.map((x) => `${x.rule}|${x.key}`).join(', ')}`);
  assert.ok(f.fixes && f.fixes.length > 0, `${e.rule} has no fix`);
  if (e.title) assert.match(f.fixes[0].title, e.title);
  const after = applyEdits(text, f.fixes[0].edits);
  const before = ids(text, o);
  const now = ids(after, o);
  assert.ok(!now.has(`${f.rule}|${f.key ?? ''}`), `the ${e.rule} finding is still there after the fix:\n${after}`);
  const added = [...now].filter((x) => !before.has(x));
  assert.deepEqual(added, [], `the fix introduced findings:\n${after}`);
  assert.deepEqual(comments(after), comments(text), 'comments changed');
  const diff = changedLines(text, after);
  assert.deepEqual(diff, { removed: e.removed, added: e.added });
  return after;
}

describe('quick-fixes', () => {
  describe('BPF masquerading for iptables masquerading', () => {
    it('adds masquerade under an existing bpf: mapping at its indentation', () => {
      const text = '# cilium-version: 1.16\nkubeProxyReplacement: true  # full KPR\nenableIPv4Masquerade: true\nbpf:\n  # tuned for big clusters\n  preallocateMaps: true\nipam:\n  mode: kubernetes\n';
      checkFix(text, { rule: 'host-routing-iptables-masquerade', removed: [], added: ['  masquerade: true'], title: /bpf\.masquerade: true/ });
    });

    it('creates bpf: when it is absent', () => {
      const text = '# cilium-version: 1.16\nkubeProxyReplacement: true\nenableIPv4Masquerade: true # on purpose\n';
      checkFix(text, { rule: 'host-routing-iptables-masquerade', removed: [], added: ['bpf:', '  masquerade: true'] });
    });

    it('fills a flow mapping', () => {
      const text = '# cilium-version: 1.16\nkubeProxyReplacement: true\nenableIPv4Masquerade: true\nbpf: {preallocateMaps: true}\n';
      checkFix(text, { rule: 'host-routing-iptables-masquerade', removed: ['bpf: {preallocateMaps: true}'], added: ['bpf: {preallocateMaps: true, masquerade: true}'] });
    });

    it('follows a file indented by four spaces', () => {
      const text = '# cilium-version: 1.16\nkubeProxyReplacement: true\nenableIPv4Masquerade: true\nhubble:\n    enabled: true\n';
      checkFix(text, { rule: 'host-routing-iptables-masquerade', removed: [], added: ['bpf:', '    masquerade: true'] });
    });

    it('keeps Windows line endings', () => {
      const text = '# cilium-version: 1.16\r\nkubeProxyReplacement: true\r\nenableIPv4Masquerade: true\r\nbpf:\r\n  preallocateMaps: true\r\n';
      const after = checkFix(text, { rule: 'host-routing-iptables-masquerade', removed: [], added: ['  masquerade: true\r'] });
      assert.equal(after.replace(/\r\n/g, '').includes('\n'), false, 'a bare \\n was inserted');
    });

    it('writes the ConfigMap spelling in a ConfigMap', () => {
      const text = '# cilium-version: 1.17\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cilium-config\ndata:\n  kube-proxy-replacement: "true"\n  enable-ipv4-masquerade: "true" # masq\n';
      checkFix(text, { rule: 'host-routing-iptables-masquerade', removed: [], added: ['  enable-bpf-masquerade: "true"'], title: /enable-bpf-masquerade/ });
    });

    it('writes the nested spelling inside a Flux HelmRelease', () => {
      const text = 'apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: cilium\nspec:\n  chart:\n    spec:\n      chart: cilium\n      version: 1.16.5\n  values:\n    kubeProxyReplacement: true\n    enableIPv4Masquerade: true\n';
      checkFix(text, { rule: 'host-routing-iptables-masquerade', removed: [], added: ['    bpf:', '      masquerade: true'] });
    });

    it('edits inside an Argo CD helm.values block scalar at its indentation', () => {
      const text = 'apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: cilium\nspec:\n  source:\n    chart: cilium\n    targetRevision: 1.16.1\n    helm:\n      values: |\n        kubeProxyReplacement: true\n        enableIPv4Masquerade: true\n        bpf:\n          preallocateMaps: true\n  destination:\n    namespace: kube-system\n';
      const after = checkFix(text, { rule: 'host-routing-iptables-masquerade', removed: [], added: ['          masquerade: true'] });
      assert.ok(after.includes('          preallocateMaps: true\n          masquerade: true\n  destination:'));
    });

    it('edits inside an RKE2 HelmChartConfig valuesContent with the umbrella cilium: block', () => {
      const text = 'apiVersion: helm.cattle.io/v1\nkind: HelmChartConfig\nmetadata:\n  name: rke2-cilium\n  namespace: kube-system\nspec:\n  valuesContent: |-\n    cilium:\n      kubeProxyReplacement: true\n      enableIPv4Masquerade: true\n';
      checkFix(text, { rule: 'host-routing-iptables-masquerade', removed: [], added: ['      bpf:', '        masquerade: true'], options: { version: '1.16' } });
    });
  });

  it('turns kube-proxy replacement on, and says what else it needs', () => {
    const text = '# cilium-version: 1.16\nkubeProxyReplacement: false # was kube-proxy\nbpf:\n  masquerade: true\n';
    checkFix(text, { rule: 'host-routing-kpr-off', removed: ['kubeProxyReplacement: false # was kube-proxy'], added: ['kubeProxyReplacement: true # was kube-proxy'], title: /k8sServiceHost/ });
  });

  it('turns endpoint routes off where the target falls back on them (1.13)', () => {
    const text = '# cilium-version: 1.13\nkubeProxyReplacement: strict\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nbpf:\n  masquerade: true\nendpointRoutes:\n  enabled: true # for the CNI benchmark\n';
    checkFix(text, { rule: 'host-routing-endpoint-routes', removed: ['  enabled: true # for the CNI benchmark'], added: ['  enabled: false # for the CNI benchmark'] });
  });

  it('unquotes a quoted boolean and keeps the trailing comment', () => {
    const text = '# cilium-version: 1.16\nkubeProxyReplacement: true\nbpf:\n  masquerade: "false"  # keep\n';
    checkFix(text, { rule: 'quoted-boolean', removed: ['  masquerade: "false"  # keep'], added: ['  masquerade: false  # keep'] });
  });

  it('quotes a ConfigMap value', () => {
    const text = '# cilium-version: 1.17\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cilium-config\ndata:\n  kube-proxy-replacement: "true"\n  enable-bpf-masquerade: true # BPF\n  enable-ipv4-masquerade: "true"\n';
    checkFix(text, { rule: 'configmap-value-not-string', removed: ['  enable-bpf-masquerade: true # BPF'], added: ['  enable-bpf-masquerade: "true" # BPF'] });
  });

  it('renames a removed key to its successor', () => {
    const text = '# cilium-version: 1.16\nkubeProxyReplacement: true\nnativeRoutingCIDR: 10.0.0.0/8 # pods\n';
    checkFix(text, { rule: 'key-removed', key: 'nativeRoutingCIDR', removed: ['nativeRoutingCIDR: 10.0.0.0/8 # pods'], added: ['ipv4NativeRoutingCIDR: 10.0.0.0/8 # pods'] });
  });

  it('replaces tunnel: vxlan by routingMode and tunnelProtocol', () => {
    const text = '# cilium-version: 1.15\nkubeProxyReplacement: true\ntunnel: vxlan # default\nbpf:\n  masquerade: true\n';
    checkFix(text, { rule: 'key-removed', key: 'tunnel', removed: ['tunnel: vxlan # default'], added: ['routingMode: tunnel', 'tunnelProtocol: vxlan # default'] });
    checkFix(text.replace('vxlan # default', 'disabled') + 'ipv4NativeRoutingCIDR: 10.0.0.0/8\n', { rule: 'chart-tunnel-removed', removed: ['tunnel: disabled'], added: ['routingMode: native'] });
  });

  it('replaces a deprecated kube-proxy replacement value', () => {
    const text = '# cilium-version: 1.14\nkubeProxyReplacement: strict\nbpf:\n  masquerade: true\n';
    checkFix(text, { rule: 'kpr-deprecated-value', removed: ['kubeProxyReplacement: strict'], added: ['kubeProxyReplacement: true'] });
  });

  it('corrects a typo to the suggested key', () => {
    const text = '# cilium-version: 1.16\nkubeProxyReplacement: true\nbpf:\n  masqurade: true\n';
    checkFix(text, { rule: 'unknown-key', removed: ['  masqurade: true'], added: ['  masquerade: true'] });
  });

  it('offers no rename when the suggestion lives under another parent', () => {
    const a = analyze('# cilium-version: 1.16\nkubeProxyReplacement: true\nmasquerade: true\n');
    const f = a.documents[0].findings.find((x) => x.rule === 'unknown-key');
    assert.ok(f);
    assert.equal(f.fixes, undefined);
  });

  it('fix-all applies every fix, one after another', () => {
    const text = '# cilium-version: 1.16\n# cluster A\nkubeProxyReplacement: false\nenableIPv4Masquerade: true\nbpf:\n  preallocateMaps: "true" # tuned\n';
    const edits = fixAllEdits(text);
    assert.equal(edits.length, 1);
    const after = applyEdits(text, edits);
    const left = [...ids(after, {})].filter((x) => /host-routing|quoted-boolean/.test(x));
    assert.deepEqual(left, [], after);
    assert.deepEqual(comments(after), comments(text));
    assert.match(after, /kubeProxyReplacement: true/);
    assert.match(after, /bpf:\n {2}preallocateMaps: true # tuned\n {2}masquerade: true\n/);
  });

  it('fix-all on a clean file changes nothing', () => {
    assert.deepEqual(fixAllEdits('# cilium-version: 1.16\nkubeProxyReplacement: true\nbpf:\n  masquerade: true\n'), []);
  });
});

describe('quick-fixes that set one value', () => {
  const cases: { rule: string; text: string; removed: string[]; added: string[] }[] = [
    { rule: 'host-routing-explicit-legacy', text: '# cilium-version: 1.16\nkubeProxyReplacement: true\nbpf:\n  masquerade: true\n  hostLegacyRouting: true # old habit\n', removed: ['  hostLegacyRouting: true # old habit'], added: ['  hostLegacyRouting: false # old habit'] },
    { rule: 'ip-masq-agent-needs-bpf-masquerade', text: '# cilium-version: 1.16\nkubeProxyReplacement: true\nipMasqAgent:\n  enabled: true\nbpf:\n  preallocateMaps: true\n', removed: [], added: ['  masquerade: true'] },
    { rule: 'bpf-masquerade-needs-nodeport', text: '# cilium-version: 1.16\nkubeProxyReplacement: false\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nbpf:\n  masquerade: true\n', removed: ['kubeProxyReplacement: false'], added: ['kubeProxyReplacement: true'] },
    { rule: 'chart-hubble-relay-needs-hubble', text: '# cilium-version: 1.16\nhubble:\n  enabled: false\n  relay:\n    enabled: true\n', removed: ['  enabled: false'], added: ['  enabled: true'] },
    { rule: 'chart-hubble-ui-needs-relay', text: '# cilium-version: 1.16\nhubble:\n  ui:\n    enabled: true\n', removed: [], added: ['  relay:', '    enabled: true'] },
    { rule: 'chart-l7-proxy-required', text: '# cilium-version: 1.16\nkubeProxyReplacement: true\nl7Proxy: false\ningressController:\n  enabled: true\n', removed: ['l7Proxy: false'], added: ['l7Proxy: true'] },
    { rule: 'chart-node-taints', text: '# cilium-version: 1.16\noperator:\n  setNodeTaints: true\n  removeNodeTaints: false\n', removed: ['  removeNodeTaints: false'], added: ['  removeNodeTaints: true'] },
  ];
  for (const c of cases) {
    it(c.rule, () => {
      checkFix(c.text, { rule: c.rule, removed: c.removed, added: c.added });
    });
  }
});
