// `cilium-lint --format configmap`: prints the cilium-config ConfigMap the real chart renders, through the
// bundled dist/cli.js (what users run). Checked against our renderer's own data (every key, sorted as kubectl
// sorts them, each marked as the user's value or the chart's default) and against the chart's fail text.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { renderChart } from '../../server/src/core/chart/helm/render';
import { findRepoRoot } from '../../tools/repoRoot';

const repoRoot = findRepoRoot();
const cliJs = path.join(repoRoot, 'dist/cli.js');
let tmp = '';

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [cliJs, ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 120_000 });
  if (r.error) throw r.error;
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function file(name: string, text: string): string {
  const p = path.join(tmp, name);
  writeFileSync(p, text);
  return p;
}

const VALUES = 'kubeProxyReplacement: true\nbpf:\n  masquerade: true\nextraConfig:\n  my-key: "x y"\n';

describe('cilium-lint --format configmap', () => {
  before(() => {
    if (!existsSync(cliJs)) throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does)');
    tmp = mkdtempSync(path.join(os.tmpdir(), 'cli-configmap-'));
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('prints every key the chart renders, sorted, with the values Helm writes', () => {
    const r = cli(['--format', 'configmap', '--cilium-version', '1.18', file('values.yaml', VALUES)]);
    assert.equal(r.code, 0, r.stderr);
    const doc = parse(r.stdout) as { kind: string; metadata: { name: string }; data: Record<string, string> };
    assert.equal(doc.kind, 'ConfigMap');
    assert.equal(doc.metadata.name, 'cilium-config');
    const expected = renderChart('1.18', VALUES)!.configMap!;
    assert.deepEqual(Object.keys(doc.data), [...expected.keys()].sort());
    for (const [k, v] of expected) assert.equal(doc.data[k], v.value, k);
    assert.equal(doc.data['enable-bpf-masquerade'], 'true');
    assert.equal(doc.data['my-key'], 'x y');
  });

  it('marks each key, in a trailing comment, as the user value (with its line) or the chart default', () => {
    const out = cli(['--format', 'configmap', '--cilium-version', '1.18', file('values.yaml', VALUES)]).stdout;
    assert.match(out, /\n {2}enable-bpf-masquerade: "true" {2}# your value: bpf\.masquerade \(line 3\)\n/);
    assert.match(out, /\n {2}enable-ipv6-masquerade: "true" {2}# chart default: enableIPv6Masquerade\n/);
    assert.match(out, /\n {2}my-key: x y {2}# your value: extraConfig\.my-key \(line 5\)\n/);
  });

  it("says why nothing renders when the chart refuses the values, quoting the chart's own message", () => {
    const r = cli([
      '--format',
      'configmap',
      '--cilium-version',
      '1.16',
      file('strict.yaml', 'kubeProxyReplacement: strict\n'),
    ]);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /Helm stops the install in cilium\/templates\/cilium-configmap\.yaml/);
    assert.match(r.stdout, /kubeProxyReplacement must be explicitly set to a valid value \(true or false\)/);
  });

  it('a ConfigMap file is not rendered again', () => {
    const cm =
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cilium-config\n  namespace: kube-system\ndata:\n  kube-proxy-replacement: "true"\n';
    const r = cli(['--format', 'configmap', file('cm.yaml', cm)]);
    assert.match(r.stdout, /already a cilium-config ConfigMap/);
  });
});
