// A pre-serialized answer (lsp/preSerialized.ts) must reach the client as exactly the bytes vscode-jsonrpc would
// have written for the plain value, on every path: the byte-stream encoder splices its JSON in, and anything that
// serialises the message itself (node-ipc's process.send, the protocol trace) meets `toJSON`. The Outline is served
// that way: written once per version, and a second request for the same version gets the same answer object.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Message } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { chartValuesText } from '../../server/src/core/chart/values/chartValues';
import type { ServerContext } from '../../server/src/lsp/context';
import { DocumentAnalyses, trackedDocuments } from '../../server/src/lsp/documentAnalyses';
import { outlineOf } from '../../server/src/lsp/outline';
import { jsonEncoder, PreSerialized, preSerialize } from '../../server/src/lsp/preSerialized';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';

/** What vscode-jsonrpc's own application/json encoder writes for a message. */
const plainBytes = (msg: unknown) => Buffer.from(JSON.stringify(msg, undefined, 0), 'utf-8');
const encode = async (msg: unknown) => Buffer.from(await jsonEncoder.encode(msg as Message, { charset: 'utf-8' }));

const VALUE = [
  { name: 'bpf', kind: 2, children: [{ name: 'masquerade', kind: 17, detail: 'true' }] },
  { name: 'Grüße "quoted" \\ ✓', kind: 15, detail: 'line\nbreak' },
];

describe('pre-serialized answers', () => {
  it('are written by the stream encoder as the same bytes as the plain value, whatever the id', async () => {
    for (const id of [7, 'req-1', 0]) {
      const plain = { jsonrpc: '2.0', id, result: VALUE };
      const pre = { jsonrpc: '2.0', id, result: preSerialize(VALUE) };
      assert.deepEqual(await encode(pre), plainBytes(plain), `id ${JSON.stringify(id)}`);
    }
  });

  it('splice their own text in: the encoder does not serialise the value again', async () => {
    // Text that differs from the value proves the spliced text is what goes out.
    const marked = preSerialize(VALUE, Buffer.from('["as kept"]'));
    const out = await encode({ jsonrpc: '2.0', id: 3, result: marked });
    assert.equal(out.toString('utf8'), '{"jsonrpc":"2.0","id":3,"result":["as kept"]}');
  });

  it('leave every other message to the ordinary encoding', async () => {
    const others = [
      { jsonrpc: '2.0', id: 1, result: VALUE },
      { jsonrpc: '2.0', id: 2, result: null },
      { jsonrpc: '2.0', id: 3, error: { code: -32603, message: 'failed' } },
      { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a', diagnostics: [] } },
      { jsonrpc: '2.0', id: 4, method: 'workspace/configuration', params: { items: [] } },
    ];
    for (const msg of others) assert.deepEqual(await encode(msg), plainBytes(msg));
  });

  it('serialise as the plain value where the message is serialised whole (node-ipc, traces)', () => {
    const pre = { jsonrpc: '2.0', id: 9, result: preSerialize(VALUE) };
    assert.equal(JSON.stringify(pre), JSON.stringify({ jsonrpc: '2.0', id: 9, result: VALUE }));
    assert.equal(JSON.stringify(pre.result, null, 4), JSON.stringify(VALUE, null, 4));
  });

  it('serve the Outline: written once per version, as the JSON of its symbols', () => {
    // The parts of the server's context the Outline reads: the open document, its settings and its analyses.
    const analyses = new DocumentAnalyses();
    const uri = 'file:///ws/values.yaml';
    let doc: TextDocument | undefined;
    const open = (version: number, text: string) =>
      (doc = trackedDocuments(analyses).create(uri, 'yaml', version, text));
    const ctx = {
      documents: { get: (u: string) => (u === uri ? doc : undefined) },
      analyses,
      settings: { cached: () => DEFAULT_SETTINGS },
    } as unknown as ServerContext;
    open(1, `# cilium-version: 1.18\n${chartValuesText('1.18')!}`);
    const first = outlineOf(ctx, uri);
    assert.ok(first instanceof PreSerialized, 'the Outline answer carries its JSON');
    assert.ok(first.value.length > 100);
    assert.equal(first.bytes.toString('utf8'), JSON.stringify(first.value));
    assert.equal(outlineOf(ctx, uri), first, 'asked again for the same version: the same answer, not written again');
    open(2, 'bpf:\n  masquerade: true\n');
    const next = outlineOf(ctx, uri);
    assert.notEqual(next, first);
    assert.equal(next.bytes.toString('utf8'), JSON.stringify(next.value));
    assert.deepEqual(
      next.value.map((s) => s.name),
      ['bpf'],
    );
  });
});
