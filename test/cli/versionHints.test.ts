// cilium-lint and the language server read Chart.yaml / Chart.lock beside or above a values file (never above the
// workspace folder or a repository root) and say in the report where the version came from, or that it is assumed.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { run } from '../../server/src/cli/main';
import { chartFilesNear } from '../../server/src/io/chartFiles';

function cli(args: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = run(
    args,
    (s) => (stdout += s),
    (s) => (stderr += s),
  );
  return { code, stdout, stderr };
}

const UMBRELLA =
  'apiVersion: v2\nname: platform\nversion: 0.1.0\ndependencies:\n  - name: cilium\n    version: 1.16.3\n    repository: https://helm.cilium.io\n';
const VALUES = 'cilium:\n  kubeProxyReplacement: true\n  bpf:\n    masquerade: true\n';

describe('version from chart files', () => {
  let tmp: string;
  before(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'cilium-version-hints-'));
    mkdirSync(path.join(tmp, 'repo/.git'), { recursive: true });
    mkdirSync(path.join(tmp, 'repo/charts/platform/values'), { recursive: true });
    writeFileSync(path.join(tmp, 'Chart.yaml'), UMBRELLA.replace('1.16.3', '1.12.0')); // above the repository: never read
    writeFileSync(path.join(tmp, 'repo/charts/platform/Chart.yaml'), UMBRELLA);
    writeFileSync(path.join(tmp, 'repo/charts/platform/values/prod.yaml'), VALUES);
    writeFileSync(path.join(tmp, 'repo/plain.yaml'), 'kubeProxyReplacement: true\n');
    writeFileSync(path.join(tmp, 'repo/few.yaml'), 'ipam:\n  mode: kubernetes\n');
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('finds the nearest Chart.yaml that depends on cilium, above the values file', () => {
    const found = chartFilesNear(path.join(tmp, 'repo/charts/platform/values/prod.yaml'));
    assert.deepEqual(
      found.map((f) => [f.kind, path.relative(tmp, f.path)]),
      [['chart-yaml', path.join('repo', 'charts', 'platform', 'Chart.yaml')]],
    );
  });

  it('stops at a repository root and at the given workspace folder', () => {
    assert.deepEqual(chartFilesNear(path.join(tmp, 'repo/plain.yaml')), []);
    assert.deepEqual(
      chartFilesNear(
        path.join(tmp, 'repo/charts/platform/values/prod.yaml'),
        path.join(tmp, 'repo/charts/platform/values'),
      ),
      [],
    );
    assert.deepEqual(chartFilesNear(path.join(tmp, 'elsewhere.yaml'), path.join(tmp, 'repo')), []);
  });

  it('the CLI header names the source, or says the version is assumed', () => {
    const withChart = cli([path.join(tmp, 'repo/charts/platform/values/prod.yaml')]);
    assert.match(withChart.stdout, /— Cilium 1\.16 \(from Chart\.yaml dependency: .*Chart\.yaml\)/);
    const plain = cli([path.join(tmp, 'repo/plain.yaml')]);
    assert.match(plain.stdout, /— assumed Cilium 1\.19 \(no version found; set --cilium-version/);
    assert.match(
      cli(['--format', 'json', path.join(tmp, 'repo/charts/platform/values/prod.yaml')]).stdout,
      /"versionSource": "chart-yaml"/,
    );
  });

  it('a file named with --cilium-version is analysed even with few Cilium keys; in a directory walk it is not', () => {
    const named = cli(['--cilium-version', '1.16', path.join(tmp, 'repo/few.yaml')]);
    assert.match(named.stdout, /few\.yaml:1 Helm values — Cilium 1\.16 \(from --cilium-version\)/);
    const bare = cli([path.join(tmp, 'repo/few.yaml')]);
    assert.match(bare.stderr, /no Cilium configuration found/);
  });
});
