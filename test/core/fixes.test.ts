// Every quick-fix is applied to the text and the result analysed again: the YAML still parses and is still
// recognised, the finding is gone, nothing new appears, every comment survives and only the intended lines
// changed (checked with a line diff). The last test checks that every rule with a fixer was exercised here,
// so removing a fix (or a rule id changing under it) fails this file.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { analyze, type AnalyzeOptions } from '../../server/src/core/analyze';
import { applyEdits } from '../../server/src/core/edit/yamlEdit';
import { fixAllEdits } from '../../server/src/core/fixes/index';
import { FIXERS } from '../../server/src/core/fixes/registry';
import { ruleInfo } from '../../server/src/core/knowledge/ruleCatalog';
import { causeOf } from '../../server/src/core/rules/rootCause';
import type { Finding } from '../../server/src/core/types';
import { findRepoRoot } from '../../tools/repoRoot';

const exercised = new Set<string>();

function allFindings(text: string, o: AnalyzeOptions = {}): Finding[] {
  const a = analyze(text, o);
  return [...a.fileFindings, ...a.documents.flatMap((d) => d.findings)];
}

/**
 * Findings as `rule|key`, with a count so that a second syntax error is a new finding too. The rule is named by its
 * cause (rules/rootCause.ts causeOf), as the prediction compares them: Legacy host routing for want of full
 * kube-proxy replacement is no new finding when the agent starts logging it.
 */
function findingIds(text: string, o: AnalyzeOptions): string[] {
  const counts = new Map<string, number>();
  return allFindings(text, o).map((f) => {
    const id = `${causeOf(f.rule)}|${f.key ?? ''}`;
    counts.set(id, (counts.get(id) ?? 0) + 1);
    return `${id}#${counts.get(id)}`;
  });
}

function comments(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => /(?:^|\s)(#.*)$/.exec(l)?.[1])
    .filter((c): c is string => !!c)
    .sort();
}

/** Lines removed from `before` and lines added in `after`, from a longest-common-subsequence line diff. */
function lineDiff(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const removed: string[] = [];
  const added: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) removed.push(a[i++]);
    else added.push(b[j++]);
  }
  return { removed: [...removed, ...a.slice(i)], added: [...added, ...b.slice(j)] };
}

function shape(text: string, o: AnalyzeOptions): string[] {
  return analyze(text, o).documents.map((d) => `${d.kind}@${d.version}`);
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

function findingWithFix(text: string, rule: string, key: string | undefined, o: AnalyzeOptions): Finding {
  const all = allFindings(text, o);
  const f = all.find((x) => x.rule === rule && (key === undefined || x.key === key));
  assert.ok(f, `no ${rule} finding; got ${all.map((x) => `${x.rule}|${x.key}`).join(', ')}`);
  assert.ok(f.fixes && f.fixes.length > 0, `${rule} has no fix`);
  return f;
}

/**
 * A finding the fix's title announces: its rule id is in the title, or, for turning kube-proxy replacement on,
 * the title says that k8sServiceHost is then needed (which kpr-api-server-via-service reports while it is empty).
 */
function namedByTitle(id: string, title: string): boolean {
  const rule = id.split('|')[0];
  return (
    title.includes(rule.replace(/^chart-/, '')) ||
    (rule === 'kpr-api-server-via-service' && title.includes('k8sServiceHost'))
  );
}

/** What is left after fixing everything: the API-server note stays until the user writes an address. */
const leftAfterFixAll = (rules: string[]) => rules.filter((r) => r !== 'kpr-api-server-via-service');

/** Applies the preferred fix of the finding and checks everything the fix promises. Returns the new text. */
function checkFix(text: string, e: Expect): string {
  const o = e.options ?? {};
  const f = findingWithFix(text, e.rule, e.key, o);
  exercised.add(e.rule);
  if (e.title) assert.match(f.fixes![0].title, e.title);
  const after = applyEdits(text, f.fixes![0].edits);
  assert.deepEqual(shape(after, o), shape(text, o), `the document is no longer recognised the same way:\n${after}`);
  const now = findingIds(after, o);
  assert.ok(
    !allFindings(after, o).some((x) => x.rule === f.rule && x.key === f.key),
    `the ${e.rule} finding is still there after the fix:\n${after}`,
  );
  const before = new Set(findingIds(text, o));
  assert.deepEqual(
    now.filter((x) => !before.has(x) && !namedByTitle(x, f.fixes![0].title)),
    [],
    `the fix introduced findings:\n${after}`,
  );
  assert.deepEqual(comments(after), comments(text), 'comments changed');
  assert.deepEqual(lineDiff(text, after), { removed: e.removed, added: e.added });
  if (text.includes('\r\n')) assert.equal(after.replace(/\r\n/g, '').includes('\n'), false, 'a bare \\n was inserted');
  return after;
}

function noFix(text: string, rule: string, o: AnalyzeOptions = {}): void {
  const f = allFindings(text, o).find((x) => x.rule === rule);
  assert.ok(f, `no ${rule} finding`);
  assert.equal(f.fixes, undefined, `did not expect a fix for ${rule}: ${f.fixes?.[0]?.title}`);
}

const CM = (data: string, version = '1.17') =>
  `# cilium-version: ${version}\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cilium-config\ndata:\n${data}`;

describe('quick-fixes', () => {
  describe('BPF masquerading instead of iptables masquerading (host-routing-iptables-masquerade)', () => {
    const rule = 'host-routing-iptables-masquerade';

    it('adds masquerade under an existing bpf: mapping at its indentation', () => {
      const text =
        '# cilium-version: 1.16\nkubeProxyReplacement: true  # full KPR\nenableIPv4Masquerade: true\nbpf:\n  # tuned for big clusters\n  preallocateMaps: true\nipam:\n  mode: kubernetes\n';
      const after = checkFix(text, {
        rule,
        removed: [],
        added: ['  masquerade: true'],
        title: /bpf\.masquerade: true/,
      });
      assert.match(after, /preallocateMaps: true\n {2}masquerade: true\nipam:/);
    });

    it('creates bpf: when it is absent', () => {
      const text = '# cilium-version: 1.16\nkubeProxyReplacement: true\nenableIPv4Masquerade: true # on purpose\n';
      checkFix(text, { rule, removed: [], added: ['bpf:', '  masquerade: true'] });
    });

    it('adds a last line to a file without a final newline', () => {
      const text = '# cilium-version: 1.16\nkubeProxyReplacement: true\nbpf:\n  preallocateMaps: true';
      const after = checkFix(text, { rule, removed: [], added: ['  masquerade: true'] });
      assert.ok(after.endsWith('  preallocateMaps: true\n  masquerade: true'));
    });

    it('fills a flow mapping', () => {
      const text =
        '# cilium-version: 1.16\nkubeProxyReplacement: true\nenableIPv4Masquerade: true\nbpf: {preallocateMaps: true}  # flow\n';
      checkFix(text, {
        rule,
        removed: ['bpf: {preallocateMaps: true}  # flow'],
        added: ['bpf: {preallocateMaps: true, masquerade: true}  # flow'],
      });
    });

    it('fills an empty flow mapping', () => {
      const text = '# cilium-version: 1.16\nkubeProxyReplacement: true\nbpf: {}\n';
      checkFix(text, { rule, removed: ['bpf: {}'], added: ['bpf: {masquerade: true}'] });
    });

    it('gives bpf: without a value a nested block, keeping its comment on the line', () => {
      const text =
        '# cilium-version: 1.16\nkubeProxyReplacement: true\nbpf: # tuning later\nipam:\n  mode: kubernetes\n';
      checkFix(text, { rule, removed: [], added: ['  masquerade: true'] });
      const tilde = '# cilium-version: 1.16\nkubeProxyReplacement: true\nbpf: ~\nhubble:\n  enabled: false\n';
      checkFix(tilde, { rule, removed: ['bpf: ~'], added: ['bpf:', '  masquerade: true'] });
    });

    it('follows a file indented by four spaces', () => {
      const text =
        '# cilium-version: 1.16\nkubeProxyReplacement: true\nenableIPv4Masquerade: true\nhubble:\n    enabled: true\n';
      checkFix(text, { rule, removed: [], added: ['bpf:', '    masquerade: true'] });
      const nested = '# cilium-version: 1.16\nkubeProxyReplacement: true\nbpf:\n    preallocateMaps: true\n';
      checkFix(nested, { rule, removed: [], added: ['    masquerade: true'] });
    });

    it('keeps Windows line endings', () => {
      const text =
        '# cilium-version: 1.16\r\nkubeProxyReplacement: true\r\nenableIPv4Masquerade: true\r\nbpf:\r\n  preallocateMaps: true\r\n';
      checkFix(text, { rule, removed: [], added: ['  masquerade: true\r'] });
      const missing = '# cilium-version: 1.16\r\nkubeProxyReplacement: true # KPR\r\n';
      checkFix(missing, { rule, removed: [], added: ['bpf:\r', '  masquerade: true\r'] });
    });

    it('writes the ConfigMap spelling in a ConfigMap', () => {
      const text = CM('  kube-proxy-replacement: "true"\n  enable-ipv4-masquerade: "true" # masq\n');
      checkFix(text, {
        rule,
        removed: [],
        added: ['  enable-bpf-masquerade: "true"'],
        title: /enable-bpf-masquerade: "true"/,
      });
      const off = CM('  kube-proxy-replacement: "true"\n  enable-bpf-masquerade: "false" # was off\n');
      checkFix(off, {
        rule,
        removed: ['  enable-bpf-masquerade: "false" # was off'],
        added: ['  enable-bpf-masquerade: "true" # was off'],
      });
    });

    it('writes the nested spelling inside a Flux HelmRelease', () => {
      const text =
        'apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: cilium\nspec:\n  chart:\n    spec:\n      chart: cilium\n      version: 1.16.5\n  values:\n    kubeProxyReplacement: true\n    enableIPv4Masquerade: true\n  install:\n    crds: Create\n';
      checkFix(text, { rule, removed: [], added: ['    bpf:', '      masquerade: true'] });
    });

    it('writes inside an Argo CD valuesObject', () => {
      const text =
        'apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: cilium\nspec:\n  source:\n    chart: cilium\n    targetRevision: 1.16.1\n    helm:\n      valuesObject:\n        kubeProxyReplacement: true\n        bpf:\n          preallocateMaps: true # big\n  destination:\n    namespace: kube-system\n';
      checkFix(text, { rule, removed: [], added: ['          masquerade: true'] });
    });

    it('edits inside an Argo CD helm.values block scalar at its content indentation', () => {
      const text =
        'apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: cilium\nspec:\n  source:\n    chart: cilium\n    targetRevision: 1.16.1\n    helm:\n      values: |\n        kubeProxyReplacement: true\n        enableIPv4Masquerade: true\n        bpf:\n          preallocateMaps: true\n  destination:\n    namespace: kube-system\n';
      const after = checkFix(text, { rule, removed: [], added: ['          masquerade: true'] });
      assert.ok(after.includes('          preallocateMaps: true\n          masquerade: true\n  destination:'));
      const noBpf = text.replace('        bpf:\n          preallocateMaps: true\n', '        # values for prod\n');
      checkFix(noBpf, { rule, removed: [], added: ['        bpf:', '          masquerade: true'] });
    });

    it('edits inside an RKE2 HelmChartConfig valuesContent: |- with the umbrella cilium: block', () => {
      const text =
        'apiVersion: helm.cattle.io/v1\nkind: HelmChartConfig\nmetadata:\n  name: rke2-cilium\n  namespace: kube-system\nspec:\n  valuesContent: |-\n    cilium:\n      kubeProxyReplacement: true\n      enableIPv4Masquerade: true\n';
      checkFix(text, {
        rule,
        removed: [],
        added: ['      bpf:', '        masquerade: true'],
        options: { version: '1.16' },
      });
      const atEnd =
        'apiVersion: helm.cattle.io/v1\nkind: HelmChartConfig\nmetadata:\n  name: rke2-cilium\n  namespace: kube-system\nspec:\n  valuesContent: |-\n    kubeProxyReplacement: true\n    bpf:\n      preallocateMaps: true';
      const after = checkFix(atEnd, {
        rule,
        removed: [],
        added: ['      masquerade: true'],
        options: { version: '1.16' },
      });
      assert.ok(after.endsWith('    bpf:\n      preallocateMaps: true\n      masquerade: true'));
    });

    it('writes inside a helmfile release and a kustomize valuesInline', () => {
      const helmfile =
        'releases:\n  - name: cilium\n    chart: cilium/cilium\n    version: 1.16.3\n    values:\n      - kubeProxyReplacement: true\n        bpf:\n          preallocateMaps: true\n';
      checkFix(helmfile, { rule, removed: [], added: ['          masquerade: true'] });
      const kustomize =
        'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nhelmCharts:\n  - name: cilium\n    version: 1.16.3\n    valuesInline:\n      kubeProxyReplacement: true\n      enableIPv4Masquerade: true\n';
      checkFix(kustomize, { rule, removed: [], added: ['      bpf:', '        masquerade: true'] });
    });

    it('is not offered where BPF masquerading would stop the agent (no kube-proxy replacement up to 1.18)', () => {
      noFix('# cilium-version: 1.16\nkubeProxyReplacement: false\nenableIPv4Masquerade: true\n', rule);
      // 1.19 dropped that prerequisite.
      checkFix('# cilium-version: 1.19\nkubeProxyReplacement: false\nenableIPv4Masquerade: true\n', {
        rule,
        removed: [],
        added: ['bpf:', '  masquerade: true'],
      });
    });

    it('is not offered where it cannot be written safely', () => {
      // bpf comes from an anchor shared with other keys, or from a merge key that a new bpf: would hide.
      noFix(
        '# cilium-version: 1.16\ndefaults: &d\n  preallocateMaps: true\nkubeProxyReplacement: true\nbpf: *d\n',
        rule,
      );
      noFix(
        '# cilium-version: 1.16\nbase: &b\n  bpf:\n    preallocateMaps: true\nvalues:\n  <<: *b\n  kubeProxyReplacement: true\n',
        rule,
        {},
      );
      // Values in a double-quoted string cannot be mapped back to lines of the file.
      noFix(
        'apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: cilium\nspec:\n  source:\n    chart: cilium\n    targetRevision: 1.16.1\n    helm:\n      values: "kubeProxyReplacement: true\\nenableIPv4Masquerade: true\\n"\n',
        rule,
      );
    });

    it('also fixes ip-masq-agent and egress gateway', () => {
      checkFix(
        '# cilium-version: 1.16\nkubeProxyReplacement: true\nipMasqAgent:\n  enabled: true\nbpf:\n  preallocateMaps: true\n',
        { rule: 'ip-masq-agent-needs-bpf-masquerade', removed: [], added: ['  masquerade: true'] },
      );
      checkFix('# cilium-version: 1.16\nkubeProxyReplacement: true\negressGateway:\n  enabled: true # egress\n', {
        rule: 'egress-gateway-needs-bpf-masquerade',
        removed: [],
        added: ['bpf:', '  masquerade: true'],
      });
    });
  });

  describe('kube-proxy replacement', () => {
    it('turns it on and says what else it needs', () => {
      const text = '# cilium-version: 1.16\nkubeProxyReplacement: false # was kube-proxy\nbpf:\n  masquerade: true\n';
      checkFix(text, {
        rule: 'host-routing-kpr-off',
        removed: ['kubeProxyReplacement: false # was kube-proxy'],
        added: ['kubeProxyReplacement: true # was kube-proxy'],
        title: /k8sServiceHost and k8sServicePort/,
      });
      const withApi =
        '# cilium-version: 1.16\nkubeProxyReplacement: false\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nbpf:\n  masquerade: true\n';
      const f = findingWithFix(withApi, 'host-routing-kpr-off', undefined, {});
      assert.doesNotMatch(f.fixes![0].title, /k8sServiceHost/);
    });

    it('adds the key when the default leaves it off, and writes strict up to 1.13', () => {
      checkFix('# cilium-version: 1.16\nbpf:\n  masquerade: true\n', {
        rule: 'host-routing-kpr-off',
        removed: [],
        added: ['kubeProxyReplacement: true'],
      });
      checkFix('# cilium-version: 1.13\nkubeProxyReplacement: disabled\nbpf:\n  masquerade: true\n', {
        rule: 'host-routing-kpr-off',
        removed: ['kubeProxyReplacement: disabled'],
        added: ['kubeProxyReplacement: strict'],
        title: /strict/,
      });
      const partial =
        '# cilium-version: 1.13\nkubeProxyReplacement: "partial"\nnodePort:\n  enabled: true\nsocketLB:\n  enabled: true\nbpf:\n  masquerade: true\n';
      checkFix(partial, {
        rule: 'host-routing-needs-kpr',
        removed: ['kubeProxyReplacement: "partial"'],
        added: ['kubeProxyReplacement: "strict"'],
      });
    });

    it('writes the ConfigMap key', () => {
      const text = CM('  kube-proxy-replacement: "false"\n  enable-bpf-masquerade: "true"\n');
      checkFix(text, {
        rule: 'host-routing-kpr-off',
        removed: ['  kube-proxy-replacement: "false"'],
        added: ['  kube-proxy-replacement: "true"'],
        title: /kube-proxy-replacement: "true"/,
      });
    });

    it('is offered for BPF masquerading that needs NodePort', () => {
      checkFix(
        '# cilium-version: 1.16\nkubeProxyReplacement: false\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nbpf:\n  masquerade: true\n',
        {
          rule: 'bpf-masquerade-needs-nodeport',
          removed: ['kubeProxyReplacement: false'],
          added: ['kubeProxyReplacement: true'],
        },
      );
    });

    it('is not offered where it would stop the agent (IPsec with NodePort up to 1.15)', () => {
      noFix(
        '# cilium-version: 1.15\nkubeProxyReplacement: false\nencryption:\n  enabled: true\n  type: ipsec\nbpf:\n  masquerade: true\n',
        'host-routing-kpr-off',
      );
    });
  });

  it('turns endpoint routes off where the target falls back on them (1.12, 1.13)', () => {
    const text =
      '# cilium-version: 1.13\nkubeProxyReplacement: strict\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nbpf:\n  masquerade: true\nendpointRoutes:\n  enabled: true # for the CNI benchmark\n';
    checkFix(text, {
      rule: 'host-routing-endpoint-routes',
      removed: ['  enabled: true # for the CNI benchmark'],
      added: ['  enabled: false # for the CNI benchmark'],
    });
    const cm = CM(
      '  kube-proxy-replacement: "strict"\n  enable-bpf-masquerade: "true"\n  enable-endpoint-routes: "true"\n',
      '1.12',
    );
    checkFix(cm, {
      rule: 'host-routing-endpoint-routes',
      removed: ['  enable-endpoint-routes: "true"'],
      added: ['  enable-endpoint-routes: "false"'],
    });
  });

  describe('values', () => {
    it('unquotes a quoted boolean and keeps the trailing comment', () => {
      const text = '# cilium-version: 1.16\nkubeProxyReplacement: true\nbpf:\n  masquerade: "false"  # keep\n';
      checkFix(text, {
        rule: 'quoted-boolean',
        removed: ['  masquerade: "false"  # keep'],
        added: ['  masquerade: false  # keep'],
      });
      const argo =
        "apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: cilium\nspec:\n  source:\n    chart: cilium\n    targetRevision: 1.16.1\n    helm:\n      values: |\n        kubeProxyReplacement: true\n        bpf:\n          masquerade: 'true' # BPF\n";
      checkFix(argo, {
        rule: 'quoted-boolean',
        removed: ["          masquerade: 'true' # BPF"],
        added: ['          masquerade: true # BPF'],
      });
    });

    it('quotes a ConfigMap value, keeping the rest of the line', () => {
      const text = CM(
        '  kube-proxy-replacement: "true"\n  enable-bpf-masquerade: true # BPF\n  enable-ipv4-masquerade: "true"\n',
      );
      checkFix(text, {
        rule: 'configmap-value-not-string',
        removed: ['  enable-bpf-masquerade: true # BPF'],
        added: ['  enable-bpf-masquerade: "true" # BPF'],
        title: /"true"/,
      });
      const number = CM(
        '  kube-proxy-replacement: "true"\n  enable-bpf-masquerade: "true"\n  bpf-map-dynamic-size-ratio: 0.0025\n',
      );
      checkFix(number, {
        rule: 'configmap-value-not-string',
        removed: ['  bpf-map-dynamic-size-ratio: 0.0025'],
        added: ['  bpf-map-dynamic-size-ratio: "0.0025"'],
      });
      const empty = CM(
        '  kube-proxy-replacement: "true"\n  enable-bpf-masquerade: "true"\n  cluster-name: ~ # unset\n',
      );
      checkFix(empty, {
        rule: 'configmap-value-not-string',
        removed: ['  cluster-name: ~ # unset'],
        added: ['  cluster-name: "" # unset'],
      });
    });

    it('writes kube-proxy replacement modes in the spelling of the target version', () => {
      checkFix('# cilium-version: 1.14\nkubeProxyReplacement: strict\nbpf:\n  masquerade: true\n', {
        rule: 'kpr-deprecated-value',
        removed: ['kubeProxyReplacement: strict'],
        added: ['kubeProxyReplacement: true'],
      });
      checkFix('# cilium-version: 1.15\nkubeProxyReplacement: "disabled" # off\n', {
        rule: 'kpr-deprecated-value',
        removed: ['kubeProxyReplacement: "disabled" # off'],
        added: ['kubeProxyReplacement: false # off'],
      });
      checkFix('# cilium-version: 1.16\nkubeProxyReplacement: strict\nbpf:\n  masquerade: true\n', {
        rule: 'chart-kpr-invalid',
        removed: ['kubeProxyReplacement: strict'],
        added: ['kubeProxyReplacement: true'],
        title: /what strict means/,
      });
      checkFix('# cilium-version: 1.13\nkubeProxyReplacement: true\nbpf:\n  masquerade: true\n', {
        rule: 'chart-kpr-invalid',
        removed: ['kubeProxyReplacement: true'],
        added: ['kubeProxyReplacement: strict'],
      });
      checkFix(CM('  kube-proxy-replacement: "ture"\n  enable-bpf-masquerade: "true"\n'), {
        rule: 'kpr-invalid-value',
        removed: ['  kube-proxy-replacement: "ture"'],
        added: ['  kube-proxy-replacement: "true"'],
      });
      noFix('# cilium-version: 1.16\nkubeProxyReplacement: partial\n', 'chart-kpr-invalid');
    });

    it('corrects a near miss of an allowed word', () => {
      checkFix(CM('  kube-proxy-replacement: "true"\n  enable-bpf-masquerade: "true"\n  routing-mode: "tunel"\n'), {
        rule: 'routing-mode-invalid',
        removed: ['  routing-mode: "tunel"'],
        added: ['  routing-mode: "tunnel"'],
      });
      checkFix(
        '# cilium-version: 1.16\nkubeProxyReplacement: true\nbpf:\n  masquerade: true\ntunnelProtocol: genve\n',
        { rule: 'routing-mode-invalid', removed: ['tunnelProtocol: genve'], added: ['tunnelProtocol: geneve'] },
      );
      const ingress =
        '# cilium-version: 1.16\nkubeProxyReplacement: true\nbpf:\n  masquerade: true\ningressController:\n  enabled: true\n  service:\n    type: LoadBalancer\n    externalTrafficPolicy: cluster\n';
      checkFix(ingress, {
        rule: 'chart-ingress-external-traffic-policy',
        removed: ['    externalTrafficPolicy: cluster'],
        added: ['    externalTrafficPolicy: Cluster'],
      });
      const gateway =
        '# cilium-version: 1.16\nkubeProxyReplacement: true\nbpf:\n  masquerade: true\ngatewayAPI:\n  enabled: true\n  externalTrafficPolicy: local\n';
      checkFix(gateway, {
        rule: 'chart-gateway-api-external-traffic-policy',
        removed: ['  externalTrafficPolicy: local'],
        added: ['  externalTrafficPolicy: Local'],
      });
      noFix(
        '# cilium-version: 1.16\nkubeProxyReplacement: true\nbpf:\n  masquerade: true\nroutingMode: direct\n',
        'routing-mode-invalid',
      );
    });
  });

  describe('words outside a fixed set (enum rules): the nearest word of the target version', () => {
    // Full KPR and BPF masquerading, so no other finding comes and goes with the fix.
    const head = (v = '1.16') => `# cilium-version: ${v}\nkubeProxyReplacement: true\n`;
    const cases: [string, string, string, string, string?][] = [
      [
        'encryption-type-invalid',
        'encryption:\n  enabled: true\n  type: wiregard  # typo\n',
        '  type: wiregard  # typo',
        '  type: wireguard  # typo',
      ],
      ['ipam-mode-invalid', 'ipam:\n  mode: "clusterpool"\n', '  mode: "clusterpool"', '  mode: "cluster-pool"'],
      ['lb-mode-invalid', 'loadBalancer:\n  mode: snatt\n', '  mode: snatt', '  mode: snat'],
      ['lb-algorithm-invalid', 'loadBalancer:\n  algorithm: magelv\n', '  algorithm: magelv', '  algorithm: maglev'],
      [
        'lb-acceleration-invalid',
        'loadBalancer:\n  acceleration: nativ\n',
        '  acceleration: nativ',
        '  acceleration: native',
      ],
      [
        'lb-dsr-dispatch-invalid',
        'routingMode: native\nipv4NativeRoutingCIDR: 10.0.0.0/8\nloadBalancer:\n  mode: dsr\n  dsrDispatch: ipipp\n',
        '  dsrDispatch: ipipp',
        '  dsrDispatch: ipip',
      ],
      [
        'lb-dsr-dispatch-unchecked',
        'routingMode: native\nipv4NativeRoutingCIDR: 10.0.0.0/8\nloadBalancer:\n  mode: dsr\n  dsrDispatch: ipipp\n',
        '  dsrDispatch: ipipp',
        '  dsrDispatch: ipip',
        '1.18',
      ],
      [
        'datapath-mode-invalid',
        'bpf:\n  masquerade: true\n  datapathMode: netkitl2\n',
        '  datapathMode: netkitl2',
        '  datapathMode: netkit-l2',
      ],
      [
        'identity-allocation-mode-invalid',
        "identityAllocationMode: 'CRD'\n",
        "identityAllocationMode: 'CRD'",
        "identityAllocationMode: 'crd'",
      ],
      [
        'monitor-aggregation-invalid',
        'bpf:\n  masquerade: true\n  monitorAggregation: mediun\n',
        '  monitorAggregation: mediun',
        '  monitorAggregation: medium',
      ],
      [
        'cni-chaining-mode-invalid',
        'cni:\n  chainingMode: generic-vet\n',
        '  chainingMode: generic-vet',
        '  chainingMode: generic-veth',
      ],
      [
        'lb-l7-algorithm-invalid',
        'loadBalancer:\n  l7:\n    backend: envoy\n    algorithm: least_requests # tuned\n',
        '    algorithm: least_requests # tuned',
        '    algorithm: least_request # tuned',
      ],
      [
        'underlay-protocol-invalid',
        'underlayProtocol: ipvv6\n',
        'underlayProtocol: ipvv6',
        'underlayProtocol: ipv6',
        '1.18',
      ],
      [
        'chart-schema-enum',
        'identityManagementMode: operater\n',
        'identityManagementMode: operater',
        'identityManagementMode: operator',
        '1.18',
      ],
    ];
    for (const [rule, tail, removed, added, version] of cases) {
      it(`${rule}: ${removed.trim()} → ${added.trim()}`, () => {
        const text = head(version) + (tail.startsWith('bpf:') ? tail : `bpf:\n  masquerade: true\n${tail}`);
        checkFix(text, { rule, removed: [removed], added: [added], title: /^Change to / });
      });
    }

    it('tunnel-mode-invalid (1.13) and a ConfigMap value keep their quoting', () => {
      checkFix('# cilium-version: 1.13\nkubeProxyReplacement: strict\ntunnel: genev\n', {
        rule: 'tunnel-mode-invalid',
        removed: ['tunnel: genev'],
        added: ['tunnel: geneve'],
      });
      checkFix(CM('  kube-proxy-replacement: "true"\n  enable-bpf-masquerade: "true"\n  bpf-lb-mode: "snatt"\n'), {
        rule: 'lb-mode-invalid',
        removed: ['  bpf-lb-mode: "snatt"'],
        added: ['  bpf-lb-mode: "snat"'],
        title: /^Change to snat$/,
      });
    });

    it('names what the corrected word brings to light (dsr over the default VXLAN tunnel)', () => {
      const f = findingWithFix(
        '# cilium-version: 1.16\nkubeProxyReplacement: true\nloadBalancer:\n  mode: dsrr\n',
        'lb-mode-invalid',
        undefined,
        {},
      );
      assert.equal(f.fixes![0].title, 'Change to dsr — then: dsr-with-vxlan');
    });

    it('offers no fix when no single word is near', () => {
      noFix('# cilium-version: 1.16\nkubeProxyReplacement: true\nipam:\n  mode: something-else\n', 'ipam-mode-invalid');
    });
  });

  describe('dotted keys and Hubble metric names', () => {
    it('nests a dotted key, merging into the mapping that is there', () => {
      const text =
        '# cilium-version: 1.16\nkubeProxyReplacement: true\nbpf:\n  masquerade: true\nprometheus:\n  port: 9962\nprometheus.enabled: true # metrics\n';
      checkFix(text, {
        rule: 'dotted-key',
        removed: ['prometheus.enabled: true # metrics'],
        added: ['  enabled: true # metrics'],
        title: /^Nest prometheus\.enabled under prometheus:$/,
      });
    });

    it('corrects a Hubble metric name and a misspelt context option in place', () => {
      const base =
        '# cilium-version: 1.19\nkubeProxyReplacement: true\nbpf:\n  masquerade: true\nhubble:\n  metrics:\n    enabled:\n';
      checkFix(`${base}      - dns\n      - httpv2:exemplars=true # http\n`, {
        rule: 'hubble-metric-unknown',
        removed: ['      - httpv2:exemplars=true # http'],
        added: ['      - httpV2:exemplars=true # http'],
      });
      checkFix(`${base}      - "drop:sourceContex=pod"\n`, {
        rule: 'hubble-metric-option-ignored',
        removed: ['      - "drop:sourceContex=pod"'],
        added: ['      - "drop:sourceContext=pod"'],
      });
    });
  });

  describe('removed and renamed keys', () => {
    it('renames a removed key to its successor', () => {
      const text = '# cilium-version: 1.16\nkubeProxyReplacement: true\nnativeRoutingCIDR: 10.0.0.0/8 # pods\n';
      checkFix(text, {
        rule: 'key-removed',
        key: 'nativeRoutingCIDR',
        removed: ['nativeRoutingCIDR: 10.0.0.0/8 # pods'],
        added: ['ipv4NativeRoutingCIDR: 10.0.0.0/8 # pods'],
      });
      const hostRouting =
        '# cilium-version: 1.14\nkubeProxyReplacement: true\nbpf:\n  masquerade: true\n  hostRouting: false\n';
      checkFix(hostRouting, {
        rule: 'key-removed',
        key: 'bpf.hostRouting',
        removed: ['  hostRouting: false'],
        added: ['  hostLegacyRouting: false'],
      });
    });

    it('replaces tunnel by routingMode and tunnelProtocol', () => {
      const text =
        '# cilium-version: 1.15\nkubeProxyReplacement: true\ntunnel: vxlan # default\nbpf:\n  masquerade: true\n';
      // The chart fails on it, so its refusal is the one finding and carries the migration.
      checkFix(text, {
        rule: 'chart-tunnel-removed',
        key: 'tunnel',
        removed: ['tunnel: vxlan # default'],
        added: ['routingMode: tunnel', 'tunnelProtocol: vxlan # default'],
      });
      checkFix(text.replace('vxlan # default', 'disabled') + 'ipv4NativeRoutingCIDR: 10.0.0.0/8\n', {
        rule: 'chart-tunnel-removed',
        removed: ['tunnel: disabled'],
        added: ['routingMode: native'],
      });
      // Without the CIDR, native routing brings up its next requirement: the title says so.
      const f = findingWithFix(text.replace('vxlan # default', 'disabled'), 'chart-tunnel-removed', undefined, {});
      assert.match(f.fixes![0].title, /needs ipv4NativeRoutingCIDR.* — then: native-routing-cidr-ipv4/);
      const helmRelease =
        'apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: cilium\nspec:\n  chart:\n    spec:\n      chart: cilium\n      version: 1.16.5\n  values:\n    kubeProxyReplacement: true\n    bpf:\n      masquerade: true\n    tunnel: geneve\n';
      checkFix(helmRelease, {
        rule: 'chart-tunnel-removed',
        removed: ['    tunnel: geneve'],
        added: ['    routingMode: tunnel', '    tunnelProtocol: geneve'],
      });
    });

    it('renames a mapping whose keys all moved (hostServices → socketLB)', () => {
      const text =
        '# cilium-version: 1.16\nkubeProxyReplacement: true\nbpf:\n  masquerade: true\nhostServices:\n  enabled: true # socket LB\n  hostNamespaceOnly: true\n';
      checkFix(text, { rule: 'unknown-key', key: 'hostServices', removed: ['hostServices:'], added: ['socketLB:'] });
    });

    it('moves a key below its new parent', () => {
      const ces =
        '# cilium-version: 1.18\nkubeProxyReplacement: true\nbpf:\n  masquerade: true\nenableCiliumEndpointSlice: true # CES\nhubble:\n  enabled: true\n';
      checkFix(ces, {
        rule: 'chart-ces-legacy-removed',
        removed: ['enableCiliumEndpointSlice: true # CES'],
        added: ['ciliumEndpointSlice:', '  enabled: true # CES'],
      });
      const ipsec =
        '# cilium-version: 1.16\nkubeProxyReplacement: true\nbpf:\n  masquerade: true\nencryption:\n  enabled: true\n  type: wireguard\n  keyFile: mykeys # rotated\n';
      checkFix(ipsec, {
        rule: 'chart-encryption-legacy-keys-removed',
        removed: ['  keyFile: mykeys # rotated'],
        added: ['  ipsec:', '    keyFile: mykeys # rotated'],
      });
      // The chart fails on it, so there is no separate key-removed finding (one finding per root cause).
      assert.ok(!allFindings(ipsec).some((f) => f.rule === 'key-removed'));
    });

    it('turns a single cluster-pool CIDR into the list that replaced it', () => {
      const text =
        '# cilium-version: 1.14\nkubeProxyReplacement: true\nbpf:\n  masquerade: true\nipam:\n  operator:\n    clusterPoolIPv4PodCIDR: "10.0.0.0/8" # pods\n';
      checkFix(text, {
        rule: 'chart-cluster-pool-ipv4-cidr-removed',
        removed: ['    clusterPoolIPv4PodCIDR: "10.0.0.0/8" # pods'],
        added: ['    clusterPoolIPv4PodCIDRList: ["10.0.0.0/8"] # pods'],
      });
      const v6 =
        '# cilium-version: 1.14\nkubeProxyReplacement: true\nbpf:\n  masquerade: true\nipv6:\n  enabled: true\nipam:\n  operator:\n    clusterPoolIPv6PodCIDR: fd00::/104\n';
      checkFix(v6, {
        rule: 'chart-cluster-pool-ipv6-cidr-removed',
        removed: ['    clusterPoolIPv6PodCIDR: fd00::/104'],
        added: ['    clusterPoolIPv6PodCIDRList: [fd00::/104]'],
      });
    });

    it('removes keys the chart dropped for good, or fails on', () => {
      const base = '# cilium-version: 1.16\nkubeProxyReplacement: true\nbpf:\n  masquerade: true\n';
      checkFix(`${base}remoteNodeIdentity: false\n`, {
        rule: 'key-removed',
        key: 'remoteNodeIdentity',
        removed: ['remoteNodeIdentity: false'],
        added: [],
      });
      const cases: [string, string, string[], AnalyzeOptions?][] = [
        ['chart-remote-node-identity-removed', 'remoteNodeIdentity: true', ['remoteNodeIdentity: true']],
        [
          'chart-endpoint-status-removed',
          'endpointStatus:\n  enabled: true\n  status: policy',
          ['endpointStatus:', '  enabled: true', '  status: policy'],
        ],
        [
          'chart-cri-integration-removed',
          'containerRuntime:\n  integration: crio',
          ['containerRuntime:', '  integration: crio'],
        ],
        ['chart-etcd-managed-removed', 'etcd:\n  enabled: true\n  managed: true', ['  managed: true']],
        // proxy itself is gone from the 1.16 chart, with everything in it: the whole block goes.
        [
          'chart-proxy-prometheus-removed',
          'proxy:\n  prometheus:\n    enabled: false\n    port: 9964\n  sidecarImageRegex: cilium/istio_proxy',
          [
            'proxy:',
            '  prometheus:',
            '    enabled: false',
            '    port: 9964',
            '  sidecarImageRegex: cilium/istio_proxy',
          ],
        ],
        [
          'chart-event-handover-removed',
          'enableK8sEventHandover: true',
          ['enableK8sEventHandover: true'],
          { version: '1.15' },
        ],
        [
          'chart-cnp-status-removed',
          'enableCnpStatusUpdates: true',
          ['enableCnpStatusUpdates: true'],
          { version: '1.15' },
        ],
        [
          'chart-endpoint-slice-mode-removed',
          'ciliumEndpointSlice:\n  enabled: true\n  sliceMode: fcfs',
          ['  sliceMode: fcfs'],
          { version: '1.18' },
        ],
      ];
      for (const [rule, lines, removed, options] of cases) {
        checkFix(`${base}${lines}\nhubble:\n  enabled: true # keep\n`, { rule, removed, added: [], options });
      }
      // A comment inside the block would be lost: no removal.
      noFix(
        `${base}endpointStatus:\n  # for the policy dashboards\n  enabled: true\n`,
        'chart-endpoint-status-removed',
      );
    });
  });

  describe('unknown keys', () => {
    it('corrects a typo to the suggested key, keeping quotes', () => {
      checkFix('# cilium-version: 1.16\nkubeProxyReplacement: true\nbpf:\n  masqurade: true\n', {
        rule: 'unknown-key',
        removed: ['  masqurade: true'],
        added: ['  masquerade: true'],
      });
      checkFix('# cilium-version: 1.16\nkubeProxyReplacement: true\nbpf:\n  "masqurade": true # typo\n', {
        rule: 'unknown-key',
        removed: ['  "masqurade": true # typo'],
        added: ['  "masquerade": true # typo'],
      });
      checkFix(
        '# cilium-version: 1.16\nKubeProxyReplacement: true\nbpf:\n  masquerade: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\n',
        { rule: 'unknown-key', removed: ['KubeProxyReplacement: true'], added: ['kubeProxyReplacement: true'] },
      );
    });

    it('moves a key written at the wrong level when exactly one mapping has it', () => {
      const text =
        '# cilium-version: 1.16\nkubeProxyReplacement: true\nmasquerade: true # BPF\nbpf:\n  preallocateMaps: true\nipam:\n  mode: kubernetes\n';
      checkFix(text, {
        rule: 'unknown-key',
        key: 'masquerade',
        removed: ['masquerade: true # BPF'],
        added: ['  masquerade: true # BPF'],
        title: /Move masquerade to bpf\.masquerade/,
      });
      const last = '# cilium-version: 1.16\nkubeProxyReplacement: true\nmasquerade: true\n';
      checkFix(last, {
        rule: 'unknown-key',
        key: 'masquerade',
        removed: ['masquerade: true'],
        added: ['bpf:', '  masquerade: true'],
      });
      const right =
        '# cilium-version: 1.16\nkubeProxyReplacement: true\nbpf:\n  preallocateMaps: true\nmasquerade: true\n';
      const after = checkFix(right, {
        rule: 'unknown-key',
        key: 'masquerade',
        removed: ['masquerade: true'],
        added: ['  masquerade: true'],
        title: /Move/,
      });
      assert.equal(
        after,
        '# cilium-version: 1.16\nkubeProxyReplacement: true\nbpf:\n  preallocateMaps: true\n  masquerade: true\n',
      );
    });

    it('offers nothing when the key could belong to several mappings or is misspelt beyond recognition', () => {
      noFix('# cilium-version: 1.16\nenabled: true\nkubeProxyReplacement: true\n', 'unknown-key');
      noFix('# cilium-version: 1.16\nkubeProxyReplacement: true\nbpf:\n  xyzzy: true\n', 'unknown-key');
    });
  });

  describe('other settings', () => {
    const cases: { rule: string; text: string; removed: string[]; added: string[]; options?: AnalyzeOptions }[] = [
      {
        rule: 'host-routing-explicit-legacy',
        text: '# cilium-version: 1.16\nkubeProxyReplacement: true\nbpf:\n  masquerade: true\n  hostLegacyRouting: true # old habit\n',
        removed: ['  hostLegacyRouting: true # old habit'],
        added: ['  hostLegacyRouting: false # old habit'],
      },
      {
        rule: 'chart-hubble-relay-needs-hubble',
        text: '# cilium-version: 1.16\nhubble:\n  enabled: false\n  relay:\n    enabled: true\n',
        removed: ['  enabled: false'],
        added: ['  enabled: true'],
      },
      {
        rule: 'chart-hubble-ui-needs-relay',
        text: '# cilium-version: 1.16\nhubble:\n  ui:\n    enabled: true\n',
        removed: [],
        added: ['  relay:', '    enabled: true'],
      },
      {
        rule: 'chart-l7-proxy-required',
        text: '# cilium-version: 1.16\nkubeProxyReplacement: true\nl7Proxy: false\ningressController:\n  enabled: true\n',
        removed: ['l7Proxy: false'],
        added: ['l7Proxy: true'],
      },
      {
        rule: 'chart-node-taints',
        text: '# cilium-version: 1.16\noperator:\n  setNodeTaints: true\n  removeNodeTaints: false\n',
        removed: ['  removeNodeTaints: false'],
        added: ['  removeNodeTaints: true'],
      },
      {
        rule: 'chart-spire-needs-authentication',
        text: '# cilium-version: 1.16\nkubeProxyReplacement: true\nbpf:\n  masquerade: true\nauthentication:\n  mutual:\n    spire:\n      enabled: true\n  enabled: false\n',
        removed: ['  enabled: false'],
        added: ['  enabled: true'],
      },
      {
        rule: 'chart-aksbyocni-needs-tunnel',
        text: '# cilium-version: 1.16\nkubeProxyReplacement: true\nbpf:\n  masquerade: true\naksbyocni:\n  enabled: true\nroutingMode: native\n',
        removed: ['routingMode: native'],
        added: ['routingMode: tunnel'],
      },
      {
        rule: 'chart-envoy-needs-kpr',
        text: '# cilium-version: 1.15\nkubeProxyReplacement: disabled\ningressController:\n  enabled: true\n',
        removed: ['kubeProxyReplacement: disabled'],
        added: ['kubeProxyReplacement: false'],
      },
      {
        rule: 'l7-proxy-needs-iptables',
        text: '# cilium-version: 1.12\nkubeProxyReplacement: strict\nbpf:\n  masquerade: true\ninstallIptablesRules: false\n',
        removed: ['installIptablesRules: false'],
        added: ['installIptablesRules: true'],
      },
      {
        rule: 'l7-proxy-needs-iptables',
        text: CM(
          '  kube-proxy-replacement: "true"\n  enable-bpf-masquerade: "true"\n  install-iptables-rules: "false"\n',
        ),
        removed: ['  install-iptables-rules: "false"'],
        added: ['  install-iptables-rules: "true"'],
      },
      {
        rule: 'auto-direct-node-routes-tunnel',
        text: '# cilium-version: 1.16\nkubeProxyReplacement: true\nbpf:\n  masquerade: true\nroutingMode: tunnel\nautoDirectNodeRoutes: true # copied\n',
        removed: ['autoDirectNodeRoutes: true # copied'],
        added: ['autoDirectNodeRoutes: false # copied'],
      },
      {
        rule: 'dsr-tunnel-needs-geneve-dispatch',
        text: '# cilium-version: 1.16\nkubeProxyReplacement: true\nbpf:\n  masquerade: true\nroutingMode: tunnel\ntunnelProtocol: geneve\nloadBalancer:\n  mode: dsr\n',
        removed: [],
        added: ['  dsrDispatch: geneve'],
      },
      {
        rule: 'bpf-masquerade-needs-socket-lb',
        text: '# cilium-version: 1.14\nkubeProxyReplacement: partial\nnodePort:\n  enabled: true\nbpf:\n  masquerade: true\n',
        removed: [],
        added: ['socketLB:', '  enabled: true'],
      },
      {
        rule: 'host-routing-bpf-masquerade-fallback',
        text: '# cilium-version: 1.13\nkubeProxyReplacement: disabled\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nbpf:\n  masquerade: true\n',
        removed: ['kubeProxyReplacement: disabled'],
        added: ['kubeProxyReplacement: strict'],
      },
      {
        rule: 'eni-in-tunnel-mode',
        text: '# cilium-version: 1.16\nkubeProxyReplacement: true\nbpf:\n  masquerade: true\neni:\n  enabled: true\nipam:\n  mode: eni\nroutingMode: tunnel\n',
        removed: ['routingMode: tunnel'],
        added: ['routingMode: native'],
      },
      {
        rule: 'xdp-acceleration-not-encrypted',
        text: '# cilium-version: 1.16\nkubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nbpf:\n  masquerade: true\nloadBalancer:\n  acceleration: native # XDP\nencryption:\n  enabled: true\n  type: wireguard\n  nodeEncryption: true\n',
        removed: ['  acceleration: native # XDP'],
        added: ['  acceleration: disabled # XDP'],
      },
    ];
    for (const c of cases) {
      it(`${c.rule}${c.text.includes('ConfigMap') ? ' (ConfigMap)' : ''}`, () => {
        checkFix(c.text, { rule: c.rule, removed: c.removed, added: c.added, options: c.options });
      });
    }

    it('leaves endpoint routes alone when a cloud integration forces them', () => {
      const f = allFindings(
        '# cilium-version: 1.13\nkubeProxyReplacement: strict\nbpf:\n  masquerade: true\neni:\n  enabled: true\nendpointRoutes:\n  enabled: true\n',
      ).find((x) => x.rule === 'host-routing-endpoint-routes');
      assert.ok(f);
      assert.equal(f.fixes, undefined);
    });
  });

  describe('fix all', () => {
    const text =
      '# cilium-version: 1.16\n# cluster A\nkubeProxyReplacement: false\nenableIPv4Masquerade: true\nbpf:\n  preallocateMaps: "true" # tuned\n  masqurade: false\nnativeRoutingCIDR: 10.0.0.0/8 # pods\n';

    it('from one analysis: non-overlapping edits, each fix once, later collisions skipped', () => {
      const a = analyze(text);
      const edits = fixAllEdits(a, text);
      for (let i = 1; i < edits.length; i++)
        assert.ok(
          edits[i - 1].range.end <= edits[i].range.start && edits[i - 1].range.start !== edits[i].range.start,
          'edits overlap',
        );
      const after = applyEdits(text, edits);
      const left = allFindings(after).map((f) => f.rule);
      for (const rule of ['host-routing-kpr-off', 'quoted-boolean', 'unknown-key', 'key-removed'])
        assert.ok(!left.includes(rule), `${rule} left:\n${after}`);
      assert.deepEqual(comments(after), comments(text));
      // Two fixes that would both create bpf.masquerade in the same place: only the first is taken.
      const clash = '# cilium-version: 1.16\nkubeProxyReplacement: true\negressGateway:\n  enabled: true\n';
      const both = analyze(clash);
      assert.equal(both.documents[0].findings.filter((f) => f.fixes).length, 2);
      const once = applyEdits(clash, fixAllEdits(both, clash));
      assert.equal(once.match(/masquerade: true/g)?.length, 1, once);
      assert.deepEqual(leftAfterFixAll(allFindings(once).map((f) => f.rule)), []);
    });

    it('from the text: round after round, until nothing is left to fix', () => {
      const edits = fixAllEdits(text);
      assert.equal(edits.length, 1);
      const after = applyEdits(text, edits);
      assert.deepEqual(
        allFindings(after)
          .filter((f) => f.fixes)
          .map((f) => f.rule),
        [],
        after,
      );
      assert.deepEqual(leftAfterFixAll(allFindings(after).map((f) => f.rule)), [], after);
      assert.deepEqual(comments(after), comments(text));
      // bpf.masquerade comes only once kube-proxy replacement is on (the second round).
      // The typo masqurade is renamed in the first round; its false becomes true in the second.
      assert.equal(
        after,
        '# cilium-version: 1.16\n# cluster A\nkubeProxyReplacement: true\nenableIPv4Masquerade: true\nbpf:\n  preallocateMaps: true # tuned\n  masquerade: true\nipv4NativeRoutingCIDR: 10.0.0.0/8 # pods\n',
      );
    });

    it('keeps CRLF, and a clean file needs nothing', () => {
      const crlf = text.replace(/\n/g, '\r\n');
      const after = applyEdits(crlf, fixAllEdits(crlf));
      assert.equal(after.replace(/\r\n/g, '').includes('\n'), false);
      assert.deepEqual(leftAfterFixAll(allFindings(after).map((f) => f.rule)), []);
      assert.deepEqual(
        fixAllEdits('# cilium-version: 1.16\nkubeProxyReplacement: true\nbpf:\n  masquerade: true\n'),
        [],
      );
    });

    it('leaves findings alone that the filter rejects', () => {
      const edits = fixAllEdits(text, {}, (f) => f.rule !== 'key-removed');
      assert.match(applyEdits(text, edits), /^nativeRoutingCIDR: 10\.0\.0\.0\/8 # pods$/m);
    });
  });

  it('on real files: every fix clears its finding, keeps every comment, and brings up only what its title names', () => {
    const root = findRepoRoot();
    const walk = (dir: string): string[] =>
      !existsSync(dir)
        ? []
        : readdirSync(dir).flatMap((f) =>
            statSync(path.join(dir, f)).isDirectory()
              ? walk(path.join(dir, f))
              : /\.ya?ml$/.test(f)
                ? [path.join(dir, f)]
                : [],
          );
    const files = [...walk(path.join(root, 'examples')), ...walk(path.resolve(root, '../shared/corpus'))];
    let fixes = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const before = new Set(findingIds(text, {}));
      for (const f of allFindings(text)) {
        for (const fix of f.fixes ?? []) {
          fixes++;
          const after = applyEdits(text, fix.edits);
          const where = `${path.basename(file)}: ${f.rule} → ${fix.title}`;
          assert.deepEqual(shape(after, {}), shape(text, {}), where);
          assert.ok(
            !allFindings(after).some((x) => x.rule === f.rule && x.key === f.key),
            `${where}: finding still there`,
          );
          assert.deepEqual(comments(after), comments(text), `${where}: comments changed`);
          const unnamed = findingIds(after, {}).filter((x) => !before.has(x) && !namedByTitle(x, fix.title));
          assert.deepEqual(unnamed, [], where);
        }
      }
      const all = applyEdits(text, fixAllEdits(text));
      assert.deepEqual(
        allFindings(all)
          .filter((f) => f.fixes)
          .map((f) => f.rule),
        [],
        `${path.basename(file)}: fix-all left fixable findings`,
      );
    }
    assert.ok(fixes > 0, 'no fix was tried');
  });

  describe('cilium-config key renames (configmap-unknown-key, -key-removed, -key-deprecated)', () => {
    it('a misspelt key becomes the did-you-mean of the target version', () => {
      const text = CM(
        '  # algorithm for services\n  load-balancer-algorithm: "maglev"  # tuned\n  enable-ipv4: "true"\n',
        '1.19',
      );
      checkFix(text, {
        rule: 'configmap-unknown-key',
        removed: ['  load-balancer-algorithm: "maglev"  # tuned'],
        added: ['  bpf-lb-algorithm: "maglev"  # tuned'],
        title: /Rename load-balancer-algorithm to bpf-lb-algorithm/,
      });
    });

    it('a removed key becomes the successor its deprecation named', () => {
      const text = CM('  enable-host-reachable-services: "true"\n', '1.16');
      checkFix(text, {
        rule: 'configmap-key-removed',
        removed: ['  enable-host-reachable-services: "true"'],
        added: ['  bpf-lb-sock: "true"'],
      });
    });

    it('a deprecated key becomes its successor', () => {
      // With what the egress gateway needs (BPF masquerading, kube-proxy replacement), so the rename reveals nothing.
      const text = CM(
        '  kube-proxy-replacement: "true"\n  enable-bpf-masquerade: "true"\n  enable-ipv4-egress-gateway: "true"\n',
        '1.18',
      );
      checkFix(text, {
        rule: 'configmap-key-deprecated',
        removed: ['  enable-ipv4-egress-gateway: "true"'],
        added: ['  enable-egress-gateway: "true"'],
      });
    });

    it('no rename without a trusted target', () => {
      noFix(CM('  tunnel: vxlan\n', '1.16'), 'configmap-key-removed');
      noFix(CM('  wait-bpf-mount: "true"\n', '1.16'), 'configmap-unknown-key');
      noFix(CM('  enable-dsr: "true"\n', '1.16'), 'configmap-unknown-key');
    });
  });

  it('key-deprecated: localRedirectPolicy moves under localRedirectPolicies (the 1.18+ chart ORs both)', () => {
    const text =
      '# cilium-version: 1.18\nkubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nbpf:\n  masquerade: true\nlocalRedirectPolicy: true # for node-local DNS\n';
    checkFix(text, {
      rule: 'key-deprecated',
      key: 'localRedirectPolicy',
      title: /localRedirectPolicies\.enabled/,
      removed: ['localRedirectPolicy: true # for node-local DNS'],
      added: ['localRedirectPolicies:', '  enabled: true # for node-local DNS'],
    });
  });

  it('every fixer is keyed by a real rule id and was exercised above', () => {
    for (const id of Object.keys(FIXERS)) assert.ok(ruleInfo(id), `${id} is not a rule id`);
    assert.deepEqual(
      Object.keys(FIXERS).filter((id) => !exercised.has(id)),
      [],
    );
  });
});
