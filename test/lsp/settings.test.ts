// Settings pulled through workspace/configuration (per document), and the user's chart copy in hovers.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Hover } from 'vscode-languageserver-protocol';
import { startClient, type TestClient } from './client';

describe('language server settings from the client', () => {
  let c: TestClient;
  let ws: string;
  const asked: (string | undefined)[] = [];

  before(async () => {
    ws = mkdtempSync(join(tmpdir(), 'cilium-lsp-ws-'));
    mkdirSync(join(ws, 'charts/cilium'), { recursive: true });
    writeFileSync(join(ws, 'charts/cilium/Chart.yaml'), 'apiVersion: v2\nname: cilium\nversion: 1.16.3\n');
    writeFileSync(join(ws, 'charts/cilium/values.yaml'), 'bpf:\n  # -- Our chart says: masquerade with eBPF programs\n  masquerade: false\n');
    c = startClient({
      configuration: (section, scope) => {
        asked.push(scope);
        return section === 'cilium' ? { version: '1.16', rules: { 'host-routing-iptables-masquerade': 'error', 'host-routing-kpr-off': 'off' }, kernelVersion: 'five' } : null;
      },
    });
    await c.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(ws).href,
      workspaceFolders: [{ uri: pathToFileURL(ws).href, name: 'ws' }],
      capabilities: { workspace: { configuration: true } },
    });
    await c.connection.sendNotification('initialized', {});
  });

  after(async () => {
    await c.close();
  });

  const uri = () => pathToFileURL(join(ws, 'values.yaml')).href;
  const TEXT = '# cilium-version: 1.13\nkubeProxyReplacement: false\nendpointRoutes:\n  enabled: true\nenableIPv4Masquerade: true\nbpf:\n  masquerade: false\n';

  it('uses the configured version over the file comment, with severity overrides and disabled rules', async () => {
    const wait = c.nextDiagnostics(uri(), 1);
    await c.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(), languageId: 'yaml', version: 1, text: TEXT } });
    const p = await wait;
    const codes = p.diagnostics.map((d) => d.code);
    assert.ok(!codes.includes('host-routing-endpoint-routes'), `1.16 has no endpoint-routes fallback: ${codes.join(',')}`);
    assert.ok(!codes.includes('host-routing-kpr-off'), 'a rule set to off is not published');
    const masq = p.diagnostics.find((d) => d.code === 'host-routing-iptables-masquerade');
    assert.equal(masq?.severity, 1, 'severity override to error');
    assert.ok(asked.includes(uri()), 'configuration requested for the document');
  });

  it('reports a bad setting (kernelVersion) once and keeps going', async () => {
    for (let i = 0; i < 50 && !c.messages.some((m) => /kernelVersion/.test(m)); i++) await new Promise((r) => setTimeout(r, 20));
    assert.equal(c.messages.filter((m) => /cilium\.kernelVersion/.test(m)).length, 1, JSON.stringify(c.messages));
  });

  it("adds the workspace chart's own description to the hover", async () => {
    const h = (await c.connection.sendRequest('textDocument/hover', { textDocument: { uri: uri() }, position: { line: 6, character: 4 } })) as Hover;
    const value = (h.contents as { value: string }).value;
    assert.match(value, /From your chart: Our chart says: masquerade with eBPF programs/);
  });

  it('re-reads settings on didChangeConfiguration', async () => {
    const wait = c.nextDiagnostics(uri(), 1);
    await c.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const p = await wait;
    assert.ok(p.diagnostics.length > 0);
  });
});
