// The language server's side of the version and recognition: Chart.yaml inside the workspace names the version,
// a guessed version gets a code lens that runs "Select Target Cilium Version", and `cilium.files` makes the
// server analyse files with few Cilium keys.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeLens } from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';
import { matchesCiliumFiles } from '../../server/src/lsp/fileGlobs';
import { readSettings } from '../../server/src/lsp/settings';
import { startClient, type TestClient } from './client';

describe('cilium.files patterns', () => {
  const root = path.join(os.tmpdir(), 'ws');
  const at = (rel: string) => path.join(root, ...rel.split('/'));
  it('a folder covers everything below it; globs match within and across folders', () => {
    assert.ok(matchesCiliumFiles(at('deploy/cilium/values.yaml'), [root], ['deploy/cilium']));
    assert.ok(matchesCiliumFiles(at('deploy/cilium/prod/values.yaml'), [root], ['deploy/cilium/']));
    assert.ok(!matchesCiliumFiles(at('deploy/ciliumx/values.yaml'), [root], ['deploy/cilium']));
    assert.ok(matchesCiliumFiles(at('clusters/a/b/cilium-values.yaml'), [root], ['clusters/**/cilium-values.yaml']));
    assert.ok(matchesCiliumFiles(at('clusters/cilium-values.yaml'), [root], ['clusters/**/cilium-values.yaml']));
    assert.ok(matchesCiliumFiles(at('env/prod/net.yaml'), [root], ['env/*/net.yaml']));
    assert.ok(!matchesCiliumFiles(at('env/prod/x/net.yaml'), [root], ['env/*/net.yaml']));
    assert.ok(!matchesCiliumFiles(at('deploy/cilium/values.yaml'), [root], []));
    assert.ok(
      matchesCiliumFiles(at('deploy/cilium/values.yaml'), [root], [`${root.split(path.sep).join('/')}/deploy/**`]),
    );
  });

  it('the setting is validated like the others', () => {
    assert.deepEqual(readSettings({ files: [' deploy/cilium ', ''] }).settings.files, ['deploy/cilium']);
    const bad = readSettings({ files: 'deploy' });
    assert.deepEqual(bad.settings.files, []);
    assert.match(bad.problems[0], /cilium\.files must be a list of folders or globs/);
  });
});

describe('language server: version hints and cilium.files', () => {
  let c: TestClient;
  let tmp: string;
  const uriOf = (rel: string) => URI.file(path.join(tmp, rel)).toString();

  before(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'cilium-lsp-version-'));
    mkdirSync(path.join(tmp, 'charts/platform'), { recursive: true });
    mkdirSync(path.join(tmp, 'deploy/cilium'), { recursive: true });
    writeFileSync(
      path.join(tmp, 'charts/platform/Chart.yaml'),
      'apiVersion: v2\nname: platform\nversion: 0.1.0\ndependencies:\n  - name: cilium\n    version: 1.16.3\n',
    );
    mkdirSync(path.join(tmp, 'kust'), { recursive: true });
    writeFileSync(
      path.join(tmp, 'kust/kustomization.yaml'),
      'helmCharts:\n- name: cilium\n  version: 1.13.3\n  valuesFile: cilium.values.yaml\n',
    );
    c = startClient();
    await c.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: URI.file(tmp).toString(),
      capabilities: { workspace: { configuration: false } },
      initializationOptions: { settings: { files: ['deploy/cilium'] } },
    });
    await c.connection.sendNotification('initialized', {});
  });

  after(async () => {
    await c.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  async function open(rel: string, text: string): Promise<CodeLens[]> {
    const uri = uriOf(rel);
    const wait = c.nextDiagnostics(uri, 1);
    await c.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'yaml', version: 1, text },
    });
    await wait;
    return await c.connection.sendRequest<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
  }

  it('a Chart.yaml above the file in the workspace names the version: the version lens says so, no "assumed"', async () => {
    const lenses = await open('charts/platform/values.yaml', 'cilium:\n  kubeProxyReplacement: true\n');
    assert.equal(lenses.length, 2);
    assert.equal(lenses[1].command!.title, 'Cilium 1.16 · Chart.yaml');
    const verdict = c.notifications
      .filter((n) => n.method === 'cilium/verdict')
      .map(
        (n) =>
          n.params as {
            uri: string;
            documents: { ciliumVersion: string; versionSource: string; versionText: string }[];
          },
      )
      .find((p) => p.uri === uriOf('charts/platform/values.yaml'));
    assert.deepEqual(
      verdict?.documents.map((d) => [d.ciliumVersion, d.versionSource, d.versionText]),
      [['1.16', 'chart-yaml', 'Cilium 1.16, from Chart.yaml dependency']],
    );
  });

  it('a kustomization that names the file as its valuesFile gives its chart version', async () => {
    const lenses = await open(
      'kust/cilium.values.yaml',
      'kubeProxyReplacement: strict\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\n',
    );
    assert.equal(lenses[1].command!.title, 'Cilium 1.13 · wrapper file');
  });

  it('a guessed version gets a lens, "Cilium 1.19 · assumed — set the version", that runs Select Target Version', async () => {
    const lenses = await open('values.yaml', 'kubeProxyReplacement: true\n');
    assert.equal(lenses.length, 2);
    assert.equal(lenses[1].command!.title, 'Cilium 1.19 · assumed — set the version');
    assert.equal(lenses[1].command!.command, 'cilium.selectVersion');
    assert.deepEqual(lenses[1].range, lenses[0].range);
  });

  it('files under a cilium.files folder are analysed with few Cilium keys; the same text elsewhere is not', async () => {
    const few = 'ipam:\n  mode: kubernetes\n';
    assert.ok((await open('deploy/cilium/net.yaml', few)).length > 0);
    assert.equal((await open('other/net.yaml', few)).length, 0);
  });
});
