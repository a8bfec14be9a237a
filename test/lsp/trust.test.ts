// Workspace trust, enforced by the server for every way settings arrive: in an untrusted workspace no chart is
// read (workspace folder or Helm cache), even when initializationOptions, a workspace/configuration answer or a
// raw didChangeConfiguration value says readHelmCache: true. Granting trust (cilium/didChangeWorkspaceTrust)
// allows it; withdrawing it drops what was read.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Hover } from 'vscode-languageserver-protocol';
import { pathToFileURL } from 'node:url';
import { startClient, type TestClient } from './client';
import { tgz } from './tgz';

const markdown = (h: Hover | null) =>
  h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '';
const TEXT = '# cilium-version: 1.15\nkubeProxyReplacement: true\nbpf:\n  masquerade: true\n';

describe('workspace trust', () => {
  let c: TestClient;
  let uri = '';
  let uri14 = '';

  before(async () => {
    const cache = mkdtempSync(join(tmpdir(), 'cilium-trust-cache-'));
    mkdirSync(join(cache, 'helm/repository'), { recursive: true });
    writeFileSync(
      join(cache, 'helm/repository/cilium-1.15.7.tgz'),
      tgz({ 'cilium/values.yaml': 'bpf:\n  # -- From the cached 1.15 chart\n  masquerade: false\n' }),
    );
    const ws = mkdtempSync(join(tmpdir(), 'cilium-trust-ws-'));
    mkdirSync(join(ws, 'charts/cilium'), { recursive: true });
    // No version: this chart answers for versions without a chart of their own (1.14 here).
    writeFileSync(join(ws, 'charts/cilium/Chart.yaml'), 'name: cilium\n');
    writeFileSync(
      join(ws, 'charts/cilium/values.yaml'),
      'kubeProxyReplacement: false\n# -- From the workspace chart\nk8sServiceHost: ""\n',
    );
    uri = pathToFileURL(join(ws, 'values.yaml')).href;
    uri14 = pathToFileURL(join(ws, 'values-114.yaml')).href;
    // The client answers workspace/configuration with readHelmCache: true, as an unpatched client would.
    c = startClient({
      env: { XDG_CACHE_HOME: cache, HELM_CACHE_HOME: '' },
      configuration: (section) => (section === 'cilium' ? { readHelmCache: true } : null),
    });
    await c.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(ws).href,
      capabilities: { workspace: { configuration: true } },
      initializationOptions: { settings: { readHelmCache: true }, workspaceTrusted: false },
    });
    await c.connection.sendNotification('initialized', {});
    const next = c.nextDiagnostics(uri, 1);
    await c.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'yaml', version: 1, text: TEXT },
    });
    await c.connection.sendNotification('textDocument/didOpen', {
      textDocument: {
        uri: uri14,
        languageId: 'yaml',
        version: 1,
        text: '# cilium-version: 1.14\nk8sServiceHost: "10.0.0.1"\n',
      },
    });
    await next;
  });

  after(async () => {
    await c.close();
  });

  const hoverAt = async (on: string, line: number, character: number) =>
    markdown(
      await c.connection.sendRequest<Hover>('textDocument/hover', {
        textDocument: { uri: on },
        position: { line, character },
      }),
    );
  const cacheHover = () => hoverAt(uri, 3, 4);
  const workspaceHover = () => hoverAt(uri14, 1, 4);

  it('reads neither the Helm cache nor a workspace chart in an untrusted workspace', async () => {
    const h = await cacheHover();
    assert.match(h, /masquerade/);
    assert.doesNotMatch(h, /From the cached 1\.15 chart/);
    assert.doesNotMatch(await workspaceHover(), /From the workspace chart/);
  });

  it('ignores readHelmCache: true pushed raw through didChangeConfiguration', async () => {
    const next = c.nextDiagnostics(uri, 1);
    await c.connection.sendNotification('workspace/didChangeConfiguration', {
      settings: { cilium: { readHelmCache: true } },
    });
    await next;
    assert.doesNotMatch(await cacheHover(), /From the cached 1\.15 chart/);
  });

  it('reads them once trust is granted', async () => {
    const next = c.nextDiagnostics(uri, 1);
    await c.connection.sendNotification('cilium/didChangeWorkspaceTrust', { trusted: true });
    await next;
    assert.match(await cacheHover(), /From the cached 1\.15 chart/);
    assert.match(await workspaceHover(), /From the workspace chart/);
  });

  it('drops what it read when trust is withdrawn', async () => {
    await c.connection.sendNotification('cilium/didChangeWorkspaceTrust', { trusted: false });
    assert.doesNotMatch(await cacheHover(), /From the cached 1\.15 chart/);
    assert.doesNotMatch(await workspaceHover(), /From the workspace chart/);
  });
});
