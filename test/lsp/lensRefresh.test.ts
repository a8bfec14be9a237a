// The code lens on the first file opened after start-up: an editor asks for lenses as soon as it shows the file,
// before the server has analysed it, and not again until an edit. The server asks the client to fetch them again
// (`workspace/codeLens/refresh`) once the first analysis is out, and when settings change the verdict; an edit
// needs no refresh (the editor asks again by itself).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CodeLens } from 'vscode-languageserver-protocol';
import { startClient, type TestClient } from './client';

const URI = 'file:///work/first-values.yaml';

async function until(cond: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500 && !cond(); i++) await new Promise((r) => setTimeout(r, 20));
  assert.ok(cond(), what);
}

describe('code lens refresh', () => {
  let c: TestClient;
  let refreshes = 0;
  let version: unknown = '1.16';

  before(async () => {
    c = startClient({ configuration: () => ({ version }) });
    c.connection.onRequest('workspace/codeLens/refresh', () => {
      refreshes++;
      return null;
    });
    await c.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: { workspace: { configuration: true, codeLens: { refreshSupport: true } } },
    });
    await c.connection.sendNotification('initialized', {});
  });

  after(async () => {
    await c.close();
  });

  it('asks for lenses again once the first analysis of the first opened file is out', async () => {
    const wait = c.nextDiagnostics(URI, 1);
    await c.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: URI, languageId: 'yaml', version: 1, text: 'kubeProxyReplacement: false\n' },
    });
    await wait;
    await until(() => refreshes === 1, `refreshes: ${refreshes}`);
    const lenses = await c.connection.sendRequest<CodeLens[]>('textDocument/codeLens', {
      textDocument: { uri: URI },
    });
    assert.match(lenses[0].command!.title, /^Host Routing Legacy/);
    assert.equal(lenses[1].command!.title, 'Cilium 1.16 · your setting');
  });

  it('does not ask again after an edit (the editor does by itself)', async () => {
    const wait = c.nextDiagnostics(URI, 2);
    await c.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: 2 },
      contentChanges: [{ text: 'kubeProxyReplacement: true\nbpf:\n  masquerade: true\n' }],
    });
    await wait;
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(refreshes, 1);
  });

  it('asks again when a settings change moves the verdict without an edit', async () => {
    version = '1.12';
    const wait = c.nextDiagnostics(URI, 2);
    await c.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await wait;
    await until(() => refreshes === 2, `refreshes: ${refreshes}`);
  });
});
