// Two ordering problems of document sync: new text sent under a version number already used must be analysed
// afresh, and a request sent before the client has answered workspace/configuration must be answered with the
// settings it is about to give, not the defaults.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Hover } from 'vscode-languageserver-protocol';
import { startClient } from './client';

const markdown = (h: Hover | null) =>
  h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '';

describe('document sync races', () => {
  it('analyses new text sent under the same version number instead of reusing the first analysis', async () => {
    const c = startClient();
    const uri = 'file:///ws/same-version.yaml';
    try {
      await c.connection.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} });
      await c.connection.sendNotification('initialized', {});
      let next = c.nextDiagnostics(uri, 1);
      await c.connection.sendNotification('textDocument/didOpen', {
        textDocument: {
          uri,
          languageId: 'yaml',
          version: 1,
          text: '# cilium-version: 1.16\nkubeProxyReplacement: true\n',
        },
      });
      await next;
      next = c.nextDiagnostics(uri, 2);
      await c.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [{ text: '# cilium-version: 1.16\nkubeProxyReplacement: "maybe"\n' }],
      });
      const first = await next;
      assert.ok(
        first.diagnostics.some((d) => d.code === 'kpr-invalid-value' || d.code === 'chart-kpr-invalid'),
        JSON.stringify(first.diagnostics.map((d) => d.code)),
      );
      next = c.nextDiagnostics(uri, 2);
      await c.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [{ text: '# cilium-version: 1.16\nkubeProxyReplacement: true\n' }],
      });
      const second = await next;
      assert.ok(
        !second.diagnostics.some((d) => d.code === 'kpr-invalid-value' || d.code === 'chart-kpr-invalid'),
        `the second text (valid) got the first text's findings: ${JSON.stringify(second.diagnostics.map((d) => d.code))}`,
      );
    } finally {
      await c.close();
    }
  });

  it('answers a hover sent before the workspace/configuration answer with the configured version', async () => {
    let release!: () => void;
    const answered = new Promise<void>((r) => (release = r));
    let asked = 0;
    const c = startClient({
      configuration: async (section) => {
        asked++;
        await answered; // the client is slow to answer
        return section === 'cilium' ? { version: '1.14' } : null;
      },
    });
    const uri = 'file:///ws/slow-settings.yaml';
    try {
      await c.connection.sendRequest('initialize', {
        processId: null,
        rootUri: null,
        capabilities: { workspace: { configuration: true } },
      });
      await c.connection.sendNotification('initialized', {});
      await c.connection.sendNotification('textDocument/didOpen', {
        textDocument: {
          uri,
          languageId: 'yaml',
          version: 1,
          text: 'kubeProxyReplacement: true\nbpf:\n  masquerade: true\n',
        },
      });
      const hover = c.connection.sendRequest<Hover>('textDocument/hover', {
        textDocument: { uri },
        position: { line: 2, character: 4 },
      });
      while (asked === 0) await new Promise((r) => setTimeout(r, 10));
      release();
      assert.match(markdown(await hover), /cilium chart 1\.14/);
    } finally {
      await c.close();
    }
  });
});
