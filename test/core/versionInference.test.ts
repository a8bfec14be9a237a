// Where the target version comes from when the user did not set it, in order: `# cilium-version:` comment, wrapper,
// Chart.yaml dependency, Chart.lock, Cilium image tag, helm.sh/chart label; with none of them the newest
// *release* (1.19) is assumed and every verdict says so. Also: what counts as a Cilium file.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, type AnalyzeOptions } from '../../server/src/core/analyze';
import { verdictOf } from '../../server/src/core/explain';
import { NEWEST_RELEASED, PRERELEASE_VERSIONS } from '../../server/src/core/version';
import { ciliumDependencyVersion, type ChartFileHint } from '../../server/src/core/versionHints';
import { doc } from '../helpers';

const umbrella = (version: string) =>
  `apiVersion: v2\nname: platform\nversion: 0.1.0\ndependencies:\n  - name: cilium\n    version: ${version}\n    repository: https://helm.cilium.io\n`;
const lock = (version: string) =>
  `dependencies:\n- name: cilium\n  repository: https://helm.cilium.io\n  version: ${version}\ndigest: sha256:0\n`;
const yamlHint = (text: string): ChartFileHint => ({ kind: 'chart-yaml', path: 'charts/platform/Chart.yaml', text });
const lockHint = (text: string): ChartFileHint => ({ kind: 'chart-lock', path: 'charts/platform/Chart.lock', text });
const VALUES = 'kubeProxyReplacement: true\nbpf:\n  masquerade: true\n';

function source(text: string, o: AnalyzeOptions = {}) {
  const d = doc(text, o);
  return { version: d.version, from: d.versionSource, file: d.versionFile };
}

describe('target version inference', () => {
  it('with no hint the newest release is assumed, never a pre-release, and the verdict says "assumed"', () => {
    assert.equal(NEWEST_RELEASED, '1.19');
    assert.ok(!PRERELEASE_VERSIONS.has(NEWEST_RELEASED));
    const d = doc(VALUES);
    assert.equal(d.version, '1.19');
    assert.equal(d.versionSource, 'default');
    assert.equal(verdictOf(d, VALUES).versionText, 'assumed 1.19 — set the version');
  });

  it('a Chart.yaml that depends on cilium names the version and the file', () => {
    assert.deepEqual(source(VALUES, { chartFiles: [yamlHint(umbrella('1.16.3'))] }), {
      version: '1.16',
      from: 'chart-yaml',
      file: 'charts/platform/Chart.yaml',
    });
    const d = doc(VALUES, { chartFiles: [yamlHint(umbrella('1.16.3'))] });
    assert.equal(verdictOf(d, VALUES).versionText, 'Cilium 1.16, from Chart.yaml dependency');
    // A version range takes its lower bound.
    assert.equal(source(VALUES, { chartFiles: [yamlHint(umbrella('">=1.17.0 <1.18.0"'))] }).version, '1.17');
  });

  it('Chart.lock comes after Chart.yaml, and is used when Chart.yaml says no version', () => {
    assert.equal(
      source(VALUES, { chartFiles: [yamlHint(umbrella('1.16.3')), lockHint(lock('1.17.2'))] }).from,
      'chart-yaml',
    );
    assert.deepEqual(source(VALUES, { chartFiles: [yamlHint(umbrella('"*"')), lockHint(lock('1.17.2'))] }), {
      version: '1.17',
      from: 'chart-lock',
      file: 'charts/platform/Chart.lock',
    });
  });

  it('a chart of something else gives no version', () => {
    const other = 'apiVersion: v2\nname: app\nversion: 1.16.0\ndependencies:\n  - name: redis\n    version: 1.18.0\n';
    assert.equal(ciliumDependencyVersion(other), undefined);
    assert.equal(source(VALUES, { chartFiles: [yamlHint(other)] }).from, 'default');
    assert.equal(ciliumDependencyVersion('dependencies: [unclosed'), undefined);
    assert.equal(ciliumDependencyVersion('apiVersion: v2\nname: cilium\nversion: 1.15.6\n'), '1.15.6');
    assert.equal(
      ciliumDependencyVersion('dependencies:\n  - name: cilium-chart\n    alias: cilium\n    version: 1.14.1\n'),
      '1.14.1',
    );
  });

  it('image tags of Cilium images: image.tag in the values, or an image reference anywhere in the file', () => {
    assert.deepEqual(source(`${VALUES}image:\n  repository: quay.io/cilium/cilium\n  tag: v1.18.2\n`), {
      version: '1.18',
      from: 'image',
      file: undefined,
    });
    const override = `${VALUES}operator:\n  image:\n    override: quay.io/cilium/operator-generic:v1.15.7@sha256:abc\n`;
    assert.equal(source(override).version, '1.15');
    // Another project's image tag is not a Cilium version.
    assert.equal(
      source(`${VALUES}hubble:\n  relay:\n    image:\n      override: quay.io/example/relay:v1.17.0\n`).from,
      'default',
    );
  });

  it('a helm.sh/chart label of a rendered manifest', () => {
    const cm =
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cilium-config\n  labels:\n    helm.sh/chart: cilium-1.16.3\ndata:\n  kube-proxy-replacement: "true"\n';
    assert.deepEqual(source(cm), { version: '1.16', from: 'label', file: undefined });
  });

  it('the order: setting, comment, wrapper, Chart.yaml, Chart.lock, image, label', () => {
    const clues = `${VALUES}image:\n  tag: v1.18.2\n`;
    const all = `# cilium-version: 1.12\n${clues}`;
    const hints = { chartFiles: [yamlHint(umbrella('1.16.3')), lockHint(lock('1.17.2'))] };
    assert.equal(source(all, { ...hints, version: '1.14' }).from, 'option');
    assert.deepEqual(source(all, hints), { version: '1.12', from: 'comment', file: undefined });
    assert.equal(source(clues, hints).from, 'chart-yaml');
    assert.equal(source(clues, { chartFiles: [lockHint(lock('1.17.2'))] }).from, 'chart-lock');
    assert.equal(source(clues).from, 'image');
    const release =
      'apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: cilium\nspec:\n  chart:\n    spec:\n      chart: cilium\n      version: 1.15.1\n  values:\n    kubeProxyReplacement: true\n    image:\n      tag: v1.18.2\n';
    assert.equal(source(release, hints).from, 'wrapper');
    assert.equal(source(`# cilium-version: 1.17\n${release}`, hints).version, '1.17');
  });

  it("the comment is the user's statement about the file: it beats every clue, and a clue that disagrees is noted", () => {
    const text = `# cilium-version: 1.16\n${VALUES}image:\n  tag: v1.18.2\n`;
    const d = doc(text);
    assert.equal(d.version, '1.16');
    assert.equal(verdictOf(d, text).versionText, 'Cilium 1.16, from the # cilium-version comment');
    const note = d.findings.find((f) => f.rule === 'version-comment-disagrees');
    assert.ok(note, 'the disagreement is noted');
    assert.equal(note.severity, 'info');
    assert.match(
      note.message,
      /comment says 1\.16, so this file is analysed for 1\.16; but the Cilium image tag says 1\.18/,
    );
    assert.equal(text.slice(note.range.start, note.range.end), '# cilium-version: 1.16');
    // Agreeing clues (another patch of the same minor) are no news.
    assert.ok(!doc(text.replace('v1.18.2', 'v1.16.9')).findings.some((f) => f.rule === 'version-comment-disagrees'));
    // A Chart.yaml that disagrees is named with its path.
    const withChart = doc(`# cilium-version: 1.16\n${VALUES}`, { chartFiles: [yamlHint(umbrella('1.17.1'))] });
    assert.match(
      withChart.findings.find((f) => f.rule === 'version-comment-disagrees')!.message,
      /Chart\.yaml dependency \(charts\/platform\/Chart\.yaml\) says 1\.17/,
    );
  });

  it('an unsupported comment falls through to the clues, and the note names the version used', () => {
    const d = doc(`# cilium-version: 1.11\n${VALUES}image:\n  tag: v1.17.3\n`);
    assert.equal(d.version, '1.17');
    assert.match(
      d.findings.find((f) => f.rule === 'unsupported-version')!.message,
      /Analysing for 1\.17 \(from the Cilium image tag\) instead\./,
    );
  });

  it('a pre-release only when something asks for it', () => {
    assert.equal(source(`${VALUES}image:\n  tag: v1.20.0-pre.3\n`).version, '1.20');
    assert.equal(source(VALUES, { version: '1.20' }).version, '1.20');
  });

  it('an unsupported version found in a chart file is a note, and the newest release is used', () => {
    const a = analyze(VALUES, { chartFiles: [yamlHint(umbrella('1.11.5'))] });
    const note = a.documents[0].findings.find((f) => f.rule === 'unsupported-version');
    assert.ok(note);
    assert.match(note.message, /Chart\.yaml/);
    assert.match(note.message, /1\.19 instead/);
    assert.equal(a.documents[0].version, '1.19');
  });
});

describe('what counts as a Cilium file', () => {
  it("a top-level hubble: with Cilium's own sub-keys is Cilium, even alone", () => {
    const hubbleOnly = 'hubble:\n  relay:\n    enabled: true\n  metrics:\n    enabled:\n      - dns\n';
    assert.equal(analyze(hubbleOnly).documents.length, 1);
    // A `hubble:` with nothing Cilium-specific (another chart may have one) is not enough.
    assert.equal(analyze('hubble:\n  enabled: true\nreplicas: 2\n').documents.length, 0);
  });

  it('a file the user says is Cilium is analysed with few keys; without that it is not', () => {
    const few = 'image:\n  tag: v1.16.1\nipam:\n  mode: kubernetes\n';
    assert.equal(analyze(few).documents.length, 0);
    const d = analyze(few, { assumeCilium: true }).documents;
    assert.equal(d.length, 1);
    assert.equal(d[0].version, '1.16');
  });
});
