// The language server over stdio, driven the way an editor drives it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CompletionItem, Hover, InitializeResult, PublishDiagnosticsParams, TextEdit } from 'vscode-languageserver-protocol';
import { startClient, type TestClient } from './client';

const URI = 'file:///work/values-113.yaml';
const TEXT = [
  '# cilium-version: 1.13',
  '# Production cluster',
  'kubeProxyReplacement: strict',
  'k8sServiceHost: 10.0.0.10',
  'k8sServicePort: 6443',
  'endpointRoutes:',
  '  enabled: true',
  'enableIPv4Masquerade: true',
  'bpf:',
  '  preallocateMaps: true # keep',
  '',
].join('\n');

function codes(p: PublishDiagnosticsParams): string[] {
  return p.diagnostics.map((d) => String(d.code));
}

function applyWorkspaceEdit(text: string, uri: string, edit: CodeAction['edit']): string {
  assert.ok(edit, 'code action without an edit');
  const edits: TextEdit[] = edit.documentChanges
    ? edit.documentChanges.flatMap((c) => ('edits' in c && c.textDocument.uri === uri ? c.edits.map((e) => ('newText' in e ? e : e)) : []))
    : edit.changes?.[uri] ?? [];
  return TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 0, text), edits as TextEdit[]);
}

describe('language server over stdio', () => {
  let c: TestClient;
  let init: InitializeResult;

  before(async () => {
    c = startClient();
    init = await c.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: { workspace: { configuration: false, workspaceEdit: { documentChanges: true } }, textDocument: { hover: { contentFormat: ['markdown'] } } },
      initializationOptions: { settings: { version: 42, rules: { 'template-syntax': 'off' } } },
    });
    await c.connection.sendNotification('initialized', {});
  });

  after(async () => {
    await c.close();
  });

  it('announces incremental sync, hover, completion, code actions, code lenses and the explain command', () => {
    const caps = init.capabilities;
    assert.equal(typeof caps.textDocumentSync === 'object' && caps.textDocumentSync.change, 2);
    assert.ok(caps.hoverProvider);
    assert.ok(caps.completionProvider);
    assert.deepEqual((caps.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds, ['quickfix', 'source.fixAll.cilium']);
    assert.ok(caps.codeLensProvider);
    assert.deepEqual(caps.executeCommandProvider?.commands, ['cilium.explain']);
  });

  it('reports a bad setting and keeps serving with the default', async () => {
    for (let i = 0; i < 50 && c.messages.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    assert.ok(c.messages.some((m) => /cilium\.version/.test(m)), `messages: ${JSON.stringify(c.messages)}`);
  });

  it('publishes both fallback findings for a 1.13 file, with rule codes, links and related keys', async () => {
    const wait = c.nextDiagnostics(URI, 1);
    await c.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'yaml', version: 1, text: TEXT } });
    const p = await wait;
    const got = codes(p);
    assert.ok(got.includes('host-routing-endpoint-routes'), got.join(','));
    assert.ok(got.includes('host-routing-iptables-masquerade'), got.join(','));
    const er = p.diagnostics.find((d) => d.code === 'host-routing-endpoint-routes')!;
    assert.match(er.message, /endpointRoutes=true bypasses cilium_host → Legacy/);
    assert.equal(er.range.start.line, 6);
    assert.equal(er.source, 'cilium');
    assert.match(er.codeDescription!.href, /docs\/rules\.md#host-routing-endpoint-routes$/);
    const withRelated = p.diagnostics.filter((d) => d.relatedInformation && d.relatedInformation.length > 0);
    for (const d of withRelated) for (const r of d.relatedInformation!) assert.equal(r.location.uri, URI);
  });

  it('sends the cilium/verdict notification with the status preview', async () => {
    for (let i = 0; i < 100 && !c.notifications.some((n) => n.method === 'cilium/verdict'); i++) await new Promise((r) => setTimeout(r, 20));
    const v = c.notifications.filter((n) => n.method === 'cilium/verdict').map((n) => n.params as { uri: string; documents: { hostRouting: string; fellBack: boolean; summary: string }[] });
    const mine = v.filter((x) => x.uri === URI).pop();
    assert.ok(mine, 'no verdict notification');
    assert.equal(mine.documents[0].hostRouting, 'Legacy');
    assert.equal(mine.documents[0].fellBack, true);
  });

  it('hovers endpointRoutes with the version-specific explanation', async () => {
    const h = (await c.connection.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line: 6, character: 3 } })) as Hover;
    const value = (h.contents as { value: string }).value;
    assert.match(value, /endpointRoutes\.enabled/);
    assert.match(value, /This line makes Host Routing Legacy/);
  });

  it('completes keys under bpf:', async () => {
    const items = (await c.connection.sendRequest('textDocument/completion', { textDocument: { uri: URI }, position: { line: 9, character: 2 } })) as CompletionItem[];
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes('masquerade'), labels.join(','));
    assert.ok(!labels.includes('kubeProxyReplacement'), 'a top-level key offered under bpf:');
    const masq = items.find((i) => i.label === 'masquerade')!;
    assert.match((masq.documentation as { value: string }).value, /eBPF/);
  });

  it('shows the verdict as a code lens on the first key', async () => {
    const lenses = (await c.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: URI } })) as { range: { start: { line: number } }; command: { title: string } }[];
    assert.equal(lenses.length, 1);
    assert.equal(lenses[0].range.start.line, 2);
    assert.match(lenses[0].command.title, /KubeProxyReplacement: Strict · Host Routing: Legacy · Masquerading: IPTables/);
  });

  let fixedText = '';
  it('offers the bpf.masquerade quick-fix, which keeps comments and removes the finding', async () => {
    const diags = c.diagnostics.get(URI)!.at(-1)!.diagnostics;
    const d = diags.find((x) => x.code === 'host-routing-iptables-masquerade')!;
    const actions = (await c.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: URI }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
    const fix = actions.find((a) => a.kind === 'quickfix' && /bpf\.masquerade/.test(a.title));
    assert.ok(fix, `actions: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(fix.isPreferred, true);
    fixedText = applyWorkspaceEdit(TEXT, URI, fix.edit);
    assert.match(fixedText, /bpf:\n {2}preallocateMaps: true # keep\n {2}masquerade: true\n/);
    assert.match(fixedText, /# Production cluster/);
    const change = fix.edit!.documentChanges![0] as { edits: TextEdit[]; textDocument: { version: number } };
    assert.equal(change.textDocument.version, 1);
    // Send it as an incremental change, as an editor would.
    const wait = c.nextDiagnostics(URI, 2);
    await c.connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: 2 }, contentChanges: change.edits.map((e) => ({ range: e.range, text: e.newText })) });
    const p = await wait;
    assert.ok(!codes(p).includes('host-routing-iptables-masquerade'), codes(p).join(','));
    assert.ok(codes(p).includes('host-routing-endpoint-routes'));
  });

  it('fixes everything with source.fixAll.cilium', async () => {
    const actions = (await c.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.cilium'] },
    })) as CodeAction[];
    assert.equal(actions.length, 1);
    const all = applyWorkspaceEdit(fixedText, URI, actions[0].edit);
    assert.match(all, /endpointRoutes:\n {2}enabled: false/);
  });

  it('explains the datapath through the command and the custom requests', async () => {
    const md = (await c.connection.sendRequest('workspace/executeCommand', { command: 'cilium.explain', arguments: [URI] })) as string;
    assert.match(md, /### Host Routing: Legacy/);
    const ex = (await c.connection.sendRequest('cilium/explain', { uri: URI })) as { markdown: string; documents: { ciliumVersion: string }[] };
    assert.equal(ex.documents[0].ciliumVersion, '1.13');
    const rc = (await c.connection.sendRequest('cilium/renderedConfig', { uri: URI })) as { yaml: string };
    assert.match(rc.yaml, /enable-bpf-masquerade: "true"/);
  });

  it('leaves unrelated YAML silent', async () => {
    const uri = 'file:///work/deploy.yaml';
    const wait = c.nextDiagnostics(uri, 1);
    await c.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n' } });
    assert.deepEqual((await wait).diagnostics, []);
    assert.deepEqual(await c.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } }), []);
  });

  it('answers a failing request with an error and keeps serving', async () => {
    await assert.rejects(c.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///nope.yaml' }, position: { line: 0, character: 0 } }), /failed/);
    await assert.rejects(c.connection.sendRequest('cilium/explain', { uri: 42 }));
    const h = (await c.connection.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line: 2, character: 2 } })) as Hover;
    assert.match((h.contents as { value: string }).value, /kubeProxyReplacement/);
  });

  it('gives a file over the size limit one diagnostic', async () => {
    const uri = 'file:///work/huge-values.yaml';
    const big = '# cilium-version: 1.16\n' + 'kubeProxyReplacement: true\n' + '# padding\n'.repeat(300_000);
    const wait = c.nextDiagnostics(uri, 1);
    await c.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: big } });
    const p = await wait;
    assert.deepEqual(codes(p), ['file-too-large']);
  });

  it('drops results of superseded versions', async () => {
    const uri = 'file:///work/typing-values.yaml';
    await c.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: '# cilium-version: 1.16\nkubeProxyReplacement: true\n' } });
    await c.nextDiagnostics(uri, 1);
    const before = c.diagnostics.get(uri)!.length;
    for (let v = 2; v <= 6; v++) {
      await c.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ text: `# cilium-version: 1.16\nkubeProxyReplacement: true\nenableIPv4Masquerade: ${v % 2 === 0}\n` }] });
    }
    const last = await c.nextDiagnostics(uri, 6);
    assert.ok(codes(last).includes('host-routing-iptables-masquerade'));
    const published = c.diagnostics.get(uri)!.slice(before).map((p) => p.version!);
    // Bursts are coalesced (fewer analyses than changes), versions only move forward, and the last one wins.
    assert.ok(published.length < 5, `published for versions ${published.join(',')}`);
    assert.deepEqual([...published].sort((a, b) => a - b), published);
    assert.equal(published.at(-1), 6);
  });
});
