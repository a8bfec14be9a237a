// When the server analyses a document: on the next turns of the event loop (no fixed delay), once per open, and
// once per burst of changes at the burst's latest version. Counts turns and analyses, never the clock.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Validator, type ValidatorContext } from '../../server/src/lsp/validation';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';
import { startClient } from './client';

const turn = () => new Promise<void>((r) => setImmediate(r));

/** A fake server: documents by uri, analyses counted by version, publishDiagnostics recorded. */
function fakeContext() {
  const docs = new Map<string, TextDocument>();
  const analysed: number[] = [];
  const published: (number | undefined)[] = [];
  const ctx = {
    connection: {
      sendDiagnostics: async (p: { version?: number }) => void published.push(p.version),
      sendNotification: async () => undefined,
      console: { error: (m: string) => assert.fail(m) },
    },
    documents: { get: (uri: string) => docs.get(uri), all: () => [...docs.values()] },
    settings: { forDocument: async () => DEFAULT_SETTINGS },
    analyses: {
      get: (doc: TextDocument) => {
        analysed.push(doc.version);
        return { documents: [], fileFindings: [], internalErrors: [] };
      },
    },
  } as unknown as ValidatorContext;
  return { ctx, docs, analysed, published };
}

/** Plays JSON-RPC's message queue: one message handled per turn, the next turn queued after handling. */
function deliverOnePerTurn(messages: (() => void)[]): Promise<void> {
  return new Promise((resolve) => {
    const next = () => {
      const m = messages.shift();
      if (!m) return resolve();
      m();
      setImmediate(next);
    };
    setImmediate(next);
  });
}

describe('analysis scheduling', () => {
  it('analyses an opened document within a few turns of the event loop, once', async () => {
    const { ctx, docs, analysed, published } = fakeContext();
    const v = new Validator(ctx);
    const doc = TextDocument.create('file:///a.yaml', 'yaml', 1, 'kubeProxyReplacement: true\n');
    docs.set(doc.uri, doc);
    v.changed(doc);
    // A fixed debounce (a timer of some milliseconds) would not have fired after a handful of turns.
    for (let i = 0; i < 5 && published.length === 0; i++) await turn();
    assert.deepEqual(published, [1]);
    for (let i = 0; i < 5; i++) await turn();
    assert.deepEqual(analysed, [1], 'an open is analysed once');
  });

  it('analyses a burst of changes once, at its latest version', async () => {
    const { ctx, docs, analysed, published } = fakeContext();
    const v = new Validator(ctx);
    const uri = 'file:///b.yaml';
    let doc = TextDocument.create(uri, 'yaml', 1, 'a: 1\n');
    docs.set(uri, doc);
    const changes: (() => void)[] = [];
    for (let version = 2; version <= 12; version++) {
      changes.push(() => {
        doc = TextDocument.update(doc, [{ text: `a: ${version}\n` }], version);
        docs.set(uri, doc);
        v.changed(doc);
      });
    }
    await deliverOnePerTurn(changes);
    for (let i = 0; i < 10; i++) await turn();
    assert.deepEqual(analysed, [12], 'only the latest version of the burst is analysed');
    assert.deepEqual(published, [12]);
    assert.equal(v.validations, 1);
  });

  it('analyses changes that come one at a time, each of them', async () => {
    const { ctx, docs, analysed } = fakeContext();
    const v = new Validator(ctx);
    const uri = 'file:///c.yaml';
    let doc = TextDocument.create(uri, 'yaml', 1, 'a: 1\n');
    docs.set(uri, doc);
    for (let version = 1; version <= 3; version++) {
      if (version > 1) doc = TextDocument.update(doc, [{ text: `a: ${version}\n` }], version);
      docs.set(uri, doc);
      v.changed(doc);
      for (let i = 0; i < 6; i++) await turn();
    }
    assert.deepEqual(analysed, [1, 2, 3]);
  });

  it('the real server: changes written in one go are analysed once, at the last version', async () => {
    const c = startClient();
    const uri = 'file:///ws/burst.yaml';
    try {
      await c.connection.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} });
      await c.connection.sendNotification('initialized', {});
      const opened = c.nextDiagnostics(uri, 1);
      await c.connection.sendNotification('textDocument/didOpen', {
        textDocument: {
          uri,
          languageId: 'yaml',
          version: 1,
          text: '# cilium-version: 1.16\nkubeProxyReplacement: true\n',
        },
      });
      await opened;
      const last = 30;
      const frames = [];
      for (let version = 2; version <= last; version++) {
        const body = JSON.stringify({
          jsonrpc: '2.0',
          method: 'textDocument/didChange',
          params: {
            textDocument: { uri, version },
            contentChanges: [
              { text: `# cilium-version: 1.16\nkubeProxyReplacement: ${version % 2 ? 'true' : '"maybe"'}\n` },
            ],
          },
        });
        frames.push(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      }
      const final = c.nextDiagnostics(uri, last);
      c.child.stdin!.write(frames.join(''));
      await final;
      // A hover round trip: anything the server published before answering it has arrived.
      await c.connection.sendRequest('textDocument/hover', {
        textDocument: { uri },
        position: { line: 1, character: 2 },
      });
      const versions = (c.diagnostics.get(uri) ?? []).map((p) => p.version);
      assert.deepEqual(versions, [1, last], `published for versions ${versions.join(', ')}`);
    } finally {
      await c.close();
    }
  });
});
