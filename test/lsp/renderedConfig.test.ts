// `cilium/renderedConfig` over stdio (the request behind VS Code's "Show Rendered cilium-config" and any other
// editor's): the whole annotated cilium-config of the open document, one YAML document by index, the chart's
// refusal at the top, the text as it is after an edit, and a clear error for a bad index.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import type { RenderedConfigResult } from '../../server/src/lsp/protocol';
import { startClient, type TestClient } from './client';

const URI = 'file:///work/rendered/values.yaml';
const TEXT = [
  '# cilium-version: 1.18', // line 1
  'kubeProxyReplacement: true', // line 2
  'bpf:', // line 3
  '  masquerade: true', // line 4
  '---', // line 5
  '# cilium-version: 1.16', // line 6
  'kubeProxyReplacement: strict', // line 7: the 1.16 chart refuses it
  '',
].join('\n');

describe('cilium/renderedConfig', () => {
  let c: TestClient;
  const request = (params: unknown) => c.connection.sendRequest<RenderedConfigResult>('cilium/renderedConfig', params);

  before(async () => {
    c = startClient();
    await c.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: { workspace: { configuration: false } },
    });
    await c.connection.sendNotification('initialized', {});
    const wait = c.nextDiagnostics(URI, 1);
    await c.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: URI, languageId: 'yaml', version: 1, text: TEXT },
    });
    await wait;
  });

  after(async () => {
    await c.close();
  });

  it('returns every Cilium document: the whole ConfigMap, each key annotated, and the refusal of the second', async () => {
    const r = await request({ uri: URI });
    assert.deepEqual(r.documents, [
      { documentIndex: 0, rendered: true },
      { documentIndex: 1, rendered: false },
    ]);
    const [first, second] = r.yaml!.split('---\n');
    assert.match(first, /\n {2}enable-bpf-masquerade: "true" {2}# your value: bpf\.masquerade \(line 4\)\n/);
    assert.match(first, /\n {2}kube-proxy-replacement: "true" {2}# your value: kubeProxyReplacement \(line 2\)\n/);
    const data = parseAllDocuments(first)[0].toJS().data as Record<string, string>;
    assert.ok(Object.keys(data).length > 100, 'the whole ConfigMap');
    assert.match(
      second.split('\n').slice(0, 3).join('\n'),
      /Helm stops the install in cilium\/templates\/cilium-configmap\.yaml/,
    );
    assert.match(second, /kubeProxyReplacement must be explicitly set/);
  });

  it('returns one document by its index, and null for an index without a Cilium document', async () => {
    const r = await request({ uri: URI, documentIndex: 1 });
    assert.deepEqual(r.documents, [{ documentIndex: 1, rendered: false }]);
    assert.doesNotMatch(r.yaml!, /enable-bpf-masquerade/);
    assert.deepEqual(await request({ uri: URI, documentIndex: 5 }), { yaml: null, documents: [] });
  });

  it('follows the document as it is edited', async () => {
    const edited = TEXT.replace('  masquerade: true', '  masquerade: false');
    const wait = c.nextDiagnostics(URI, 2);
    await c.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: 2 },
      contentChanges: [{ text: edited }],
    });
    await wait;
    const r = await request({ uri: URI, documentIndex: 0 });
    assert.match(r.yaml!, /\n {2}enable-bpf-masquerade: "false" {2}# your value: bpf\.masquerade \(line 4\)\n/);
  });

  it('answers a bad index or an unknown document with an error naming the request, and keeps serving', async () => {
    await assert.rejects(
      request({ uri: URI, documentIndex: -1 }),
      /cilium\/renderedConfig: documentIndex must be a whole number/,
    );
    await assert.rejects(request({ uri: URI, documentIndex: 'x' }), /documentIndex must be a whole number/);
    await assert.rejects(
      request({ uri: 'file:///never-opened.yaml' }),
      /cilium\/renderedConfig failed: unknown document/,
    );
    assert.equal((await request({ uri: URI })).documents.length, 2);
  });
});
