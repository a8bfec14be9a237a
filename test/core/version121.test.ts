// Cilium 1.21 (built from the v1.21.0-pre.0 pre-release, commit e864986222) as a target: the one version table,
// how a file asks for it, the pre-release marking, and each fact that differs from or is checked again against
// 1.20. Nothing here reads ../shared, so a new v1.NN folder there changes nothing.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { completeAt } from '../../server/src/core/completion';
import { explainMarkdown } from '../../server/src/core/explain';
import { hoverAt } from '../../server/src/core/hover';
import {
  NEWEST_RELEASED,
  NEWEST_VERSION,
  PRERELEASE_VERSIONS,
  SUPPORTED_VERSIONS,
  VERSION_TABLE,
  versionLabel,
} from '../../server/src/core/version';
import { findRepoRoot } from '../../tools/repoRoot';
import { doc, finding, noFinding, yaml } from '../helpers';

const cm = (version: string, data: string) =>
  `# cilium-version: ${version}\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cilium-config\n  namespace: kube-system\ndata:\n${data}`;

describe('1.21 in the version table', () => {
  it('is supported, the newest, and a pre-release; files without a version still get the newest release', () => {
    assert.ok(SUPPORTED_VERSIONS.includes('1.21'));
    assert.equal(NEWEST_VERSION, '1.21');
    assert.ok(PRERELEASE_VERSIONS.has('1.21'));
    assert.ok(PRERELEASE_VERSIONS.has('1.20'));
    assert.equal(NEWEST_RELEASED, '1.19');
    assert.equal(versionLabel('1.21'), '1.21 (pre-release)');
    assert.equal(versionLabel('1.19'), '1.19');
    assert.equal(doc('kubeProxyReplacement: true\nbpf:\n  masquerade: true\n').version, '1.19');
  });

  it("package.json's cilium.version setting lists exactly the table, pre-releases marked", () => {
    const pkg = JSON.parse(readFileSync(path.join(findRepoRoot(), 'package.json'), 'utf8'));
    const setting = pkg.contributes.configuration.properties['cilium.version'];
    assert.deepEqual(setting.enum, ['auto', ...SUPPORTED_VERSIONS]);
    assert.deepEqual(
      setting.enumDescriptions.slice(1),
      VERSION_TABLE.map((r) => `Cilium ${r.minor}${r.prerelease ? ' (pre-release)' : ''}`),
    );
  });
});

describe('asking for 1.21', () => {
  const VALUES = 'kubeProxyReplacement: true\nbpf:\n  masquerade: true\n';
  it('from a v1.21 image tag (the pre-release tag too), the comment, a wrapper chart version and the option', () => {
    assert.equal(doc(`${VALUES}image:\n  tag: v1.21.0-pre.0\n`).version, '1.21');
    assert.equal(doc(`${VALUES}image:\n  tag: v1.21.0-pre.0\n`).versionSource, 'image');
    assert.equal(doc(`# cilium-version: 1.21\n${VALUES}`).version, '1.21');
    const release =
      'apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: cilium\nspec:\n  chart:\n    spec:\n      chart: cilium\n      version: 1.21.0-pre.0\n  values:\n    kubeProxyReplacement: true\n';
    assert.equal(doc(release).version, '1.21');
    assert.equal(doc(VALUES, { version: '1.21' }).version, '1.21');
    noFinding(doc(`# cilium-version: v1.21.0-pre.0\n${VALUES}`), 'unsupported-version');
  });
});

describe('1.21 is marked pre-release wherever it is shown', () => {
  const text = '# cilium-version: 1.21\nkubeProxyReplacement: true\nbpf:\n  masquerade: true\n';
  it('in the explanation, the hover and its documentation link', () => {
    assert.match(explainMarkdown(analyze(text), text), /Cilium 1\.21 \(pre-release\)/);
    const md = hoverAt(analyze(text), text, text.indexOf('kubeProxyReplacement') + 1)?.markdown ?? '';
    assert.match(md, /1\.21 \(pre-release\)/);
    assert.match(md, /docs\.cilium\.io\/en\/latest\/helm-reference\//, 'no versioned docs for a pre-release');
  });
});

describe('1.21 agent facts (checked at v1.21.0-pre.0, e864986222)', () => {
  it('KPR off logs "requires kube-proxy-replacement" like 1.20: no silent path (pkg/kpr/initializer l.45-59)', () => {
    const d = doc(yaml`
      # cilium-version: 1.21
      kubeProxyReplacement: false
      enableIPv4Masquerade: false
    `);
    assert.equal(d.datapath.hostRouting.status, 'Legacy');
    noFinding(d, 'host-routing-kpr-off');
    const logged = d.datapath.hostRouting.reasons.find((r) => r.logged);
    assert.equal(logged?.id, 'host-routing-needs-kpr');
  });

  it('full KPR with BPF masquerading gives BPF host routing', () => {
    const d = doc(
      '# cilium-version: 1.21\nkubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nbpf:\n  masquerade: true\n',
    );
    assert.equal(d.datapath.hostRouting.status, 'BPF');
    assert.equal(d.datapath.masquerading.mode, 'BPF');
    assert.equal(d.datapath.agentStarts, true);
  });

  it('bpf.datapathMode offers auto (connector/config.go ModeAuto, unchanged from 1.20)', () => {
    const text = '# cilium-version: 1.21\nbpf:\n  datapathMode: ';
    assert.ok(
      completeAt(analyze(text), text, text.length)
        .map((c) => c.label)
        .includes('auto'),
    );
    noFinding(doc('# cilium-version: 1.21\nbpf:\n  datapathMode: auto\n'), 'datapath-mode-invalid');
  });

  it('the agent still needs Linux 5.10 (system_requirements.rst l.23)', () => {
    const text = '# cilium-version: 1.21\nkubeProxyReplacement: true\nbpf:\n  masquerade: true\n';
    assert.match(
      explainMarkdown(analyze(text, { kernel: '5.4' }), text),
      /Cilium 1\.21 itself: Linux 5\.10 or newer — \*\*not met\*\*/,
    );
  });

  it('encrypt-node is deprecated from 1.21 (daemon/cmd/daemon_main.go l.242), not in 1.20', () => {
    const f = finding(doc(cm('1.21', '  encrypt-node: "true"\n')), 'configmap-key-deprecated');
    assert.match(f.message, /obsolete and will be removed in v1\.22/);
    noFinding(doc(cm('1.20', '  encrypt-node: "true"\n')), 'configmap-key-deprecated');
  });

  it('enable-network-driver is new in 1.21 (agent key and networkDriver.enabled in the chart)', () => {
    noFinding(doc(cm('1.21', '  enable-network-driver: "false"\n')), 'configmap-key-not-yet-available');
    finding(doc(cm('1.20', '  enable-network-driver: "false"\n')), 'configmap-key-not-yet-available');
    noFinding(doc('# cilium-version: 1.21\nnetworkDriver:\n  enabled: false\n'), 'unknown-key');
  });
});
