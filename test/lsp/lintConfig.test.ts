// The language server reads the same .cilium-lint.yaml as cilium-lint (rule levels, version, exclude), under
// the editor's settings: a version or rule level set in the editor wins, "auto" leaves the file's.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { startClient, type TestClient } from './client';

describe('language server and .cilium-lint.yaml', () => {
  let c: TestClient;
  let ws: string;
  let answer: Record<string, unknown> = { version: 'auto', rules: {} };
  // With 1.13 endpoint routes force Legacy host routing; from 1.14 they do not. A typo gives unknown-key.
  // `strict` is a value of both charts (the 1.13 chart stops on a boolean: Go's `ne` compares it with strings).
  const TEXT =
    'kubeProxyReplacement: strict\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nendpointRoutes:\n  enabled: true\nbpf:\n  masquerade: true\n  masqurade: true\n';

  before(async () => {
    ws = mkdtempSync(join(tmpdir(), 'cilium-lsp-cfg-'));
    mkdirSync(join(ws, 'legacy'), { recursive: true });
    writeFileSync(
      join(ws, '.cilium-lint.yaml'),
      'version: "1.13"\nrules:\n  unknown-key: off\n  host-routing-endpoint-routes: error\nexclude: [legacy]\n',
    );
    c = startClient({ configuration: (section) => (section === 'cilium' ? answer : null) });
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

  it('applies the version and rule levels of the file when the settings say auto', async () => {
    const uri = pathToFileURL(join(ws, 'cilium-values.yaml')).href;
    const next = c.nextDiagnostics(uri, 1);
    await c.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'yaml', version: 1, text: TEXT },
    });
    const p = await next;
    const codes = p.diagnostics.map((d) => d.code);
    assert.ok(!codes.includes('unknown-key'), `unknown-key is off in .cilium-lint.yaml: ${codes.join(',')}`);
    const er = p.diagnostics.find((d) => d.code === 'host-routing-endpoint-routes');
    assert.ok(er, `version 1.13 from the file: ${codes.join(',')}`);
    assert.equal(er.severity, 1, 'level error from the file');
  });

  it('publishes nothing for a file the configuration excludes', async () => {
    const uri = pathToFileURL(join(ws, 'legacy/cilium-values.yaml')).href;
    const next = c.nextDiagnostics(uri, 1);
    await c.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'yaml', version: 1, text: TEXT + 'bpf: [\n' },
    });
    assert.deepEqual((await next).diagnostics, []);
  });

  it("the editor's version and rule levels win over the file's", async () => {
    answer = { version: '1.16', rules: { 'unknown-key': 'warning' } };
    const uri = pathToFileURL(join(ws, 'cilium-values.yaml')).href;
    const next = c.nextDiagnostics(uri, 1);
    await c.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const codes = (await next).diagnostics.map((d) => d.code);
    assert.ok(codes.includes('unknown-key'), codes.join(','));
    assert.ok(!codes.includes('host-routing-endpoint-routes'), `1.16 from the settings: ${codes.join(',')}`);
  });
});
