// The language server over stdio, driven the way an editor drives it: a client without workspace/configuration
// (settings from initializationOptions) that supports versioned workspace edits.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type {
  CodeAction,
  CodeLens,
  CompletionItem,
  Diagnostic,
  Hover,
  InitializeResult,
  PublishDiagnosticsParams,
  TextDocumentEdit,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../../server/src/core/analyze';
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

const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => String(d.code));
const byCode = (p: PublishDiagnosticsParams, code: string) => p.diagnostics.find((d) => d.code === code);
const markdown = (h: Hover | null) => (h?.contents as { kind: string; value: string } | undefined)?.value ?? '';

/** Applies a WorkspaceEdit for `uri` to `text`, as an editor would. */
function applyWorkspaceEdit(text: string, uri: string, edit: WorkspaceEdit | undefined): string {
  assert.ok(edit, 'code action without an edit');
  const edits: TextEdit[] = edit.documentChanges
    ? (edit.documentChanges as TextDocumentEdit[])
        .filter((c) => c.textDocument.uri === uri)
        .flatMap((c) => c.edits as TextEdit[])
    : (edit.changes?.[uri] ?? []);
  assert.ok(edits.length > 0, 'the edit changes nothing in this document');
  return TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 0, text), edits);
}

describe('language server over stdio', () => {
  let c: TestClient;
  let init: InitializeResult;
  /** The client's copy of the document, kept in step with what was sent. */
  let text = TEXT;
  let version = 1;

  before(async () => {
    c = startClient();
    init = await c.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {
        workspace: { configuration: false, workspaceEdit: { documentChanges: true } },
        textDocument: {
          hover: { contentFormat: ['markdown'] },
          publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true },
        },
      },
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
    assert.deepEqual((caps.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds, [
      'quickfix',
      'source.fixAll.cilium',
    ]);
    assert.ok(caps.codeLensProvider);
    assert.deepEqual(caps.executeCommandProvider?.commands, ['cilium.explain']);
    assert.equal(init.serverInfo?.name, 'cilium-config');
  });

  it('reports a bad setting (version: 42) as a warning naming cilium.version, and keeps serving with the default', async () => {
    for (let i = 0; i < 100 && c.messages.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    assert.ok(
      c.messages.some((m) => /cilium\.version/.test(m) && /42/.test(m)),
      `messages: ${JSON.stringify(c.messages)}`,
    );
  });

  it('publishes both fallback findings for a 1.13 file, with rule codes, documentation links, source and severity', async () => {
    const wait = c.nextDiagnostics(URI, 1);
    await c.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: URI, languageId: 'yaml', version: 1, text },
    });
    const p = await wait;
    assert.equal(p.version, 1);
    assert.deepEqual(codes(p).sort(), ['host-routing-endpoint-routes', 'host-routing-iptables-masquerade']);
    const er = byCode(p, 'host-routing-endpoint-routes')!;
    // One short sentence in plain words; the agent's log line and the rest follow as relatedInformation.
    assert.equal(
      er.message,
      'Per-endpoint routes make Host Routing Legacy on Cilium 1.13; from 1.14 both work together.',
    );
    assert.ok(
      er.relatedInformation?.some((r) => /Agent log/.test(r.message) && r.location.range.start.line === 6),
      JSON.stringify(er.relatedInformation),
    );
    assert.deepEqual(er.range.start, { line: 6, character: 2 });
    assert.equal(er.source, 'cilium');
    assert.equal(er.severity, 2);
    assert.equal(er.codeDescription!.href, 'cilium-docs:///rules/host-routing-endpoint-routes.md');
    const masq = byCode(p, 'host-routing-iptables-masquerade')!;
    assert.equal(masq.range.start.line, 7);
    assert.match(masq.codeDescription!.href, /^cilium-docs:\/\/\/rules\/host-routing-iptables-masquerade\.md$/);
    // The link leads somewhere: the server serves that page (no link to a web page that may not exist).
    const page = await c.connection.sendRequest<{
      text: string | null;
    }>('cilium/virtualDocument', { uri: er.codeDescription!.href });
    assert.match(page.text ?? '', /host-routing-endpoint-routes/);
  });

  it('sends the cilium/verdict notification for that version with the status preview', async () => {
    for (let i = 0; i < 100 && !c.notifications.some((n) => (n.params as { uri: string }).uri === URI); i++)
      await new Promise((r) => setTimeout(r, 20));
    const mine = c.notifications
      .map(
        (n) =>
          n.params as {
            uri: string;
            version: number;
            documents: { hostRouting: string; masquerading: string; fellBack: boolean; ciliumVersion: string }[];
          },
      )
      .filter((x) => x.uri === URI)
      .pop();
    assert.ok(mine, 'no verdict notification');
    assert.equal(mine.version, 1);
    assert.equal(mine.documents.length, 1);
    assert.equal(mine.documents[0].ciliumVersion, '1.13');
    assert.equal(mine.documents[0].hostRouting, 'Legacy');
    assert.equal(mine.documents[0].masquerading, 'IPTables');
    assert.equal(mine.documents[0].fellBack, true);
  });

  it('applies an incremental change and publishes diagnostics for the new version only', async () => {
    const before = c.diagnostics.get(URI)!.length;
    const change = {
      range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } },
      text: '# owner: network team\n',
    };
    text = TextDocument.applyEdits(TextDocument.create(URI, 'yaml', version, text), [
      { range: change.range, newText: change.text },
    ]);
    version = 2;
    const wait = c.nextDiagnostics(URI, 2);
    await c.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: 2 },
      contentChanges: [change],
    });
    const p = await wait;
    // Everything published since the change is for version 2, and the ranges moved down one line with the text.
    assert.deepEqual(
      c.diagnostics
        .get(URI)!
        .slice(before)
        .map((x) => x.version),
      [2],
    );
    assert.equal(byCode(p, 'host-routing-endpoint-routes')!.range.start.line, 7);
    assert.equal(byCode(p, 'host-routing-iptables-masquerade')!.range.start.line, 8);
  });

  it('hovers endpointRoutes with the version-specific explanation as Markdown', async () => {
    const h = await c.connection.sendRequest<Hover>('textDocument/hover', {
      textDocument: { uri: URI },
      position: { line: 6, character: 3 },
    });
    assert.equal((h.contents as { kind: string }).kind, 'markdown');
    const value = markdown(h);
    assert.match(value, /endpointRoutes/);
    assert.match(value, /Legacy/);
    assert.deepEqual(h.range?.start, { line: 6, character: 0 });
  });

  it('completes keys under bpf: with documentation, and no top-level keys there', async () => {
    const bpfLine = text.split('\n').indexOf('bpf:');
    const items = await c.connection.sendRequest<CompletionItem[]>('textDocument/completion', {
      textDocument: { uri: URI },
      position: { line: bpfLine + 1, character: 2 },
    });
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes('masquerade'), labels.join(','));
    assert.ok(!labels.includes('kubeProxyReplacement'), 'a top-level key offered under bpf:');
    const masq = items.find((i) => i.label === 'masquerade')!;
    assert.equal(masq.kind, 10, 'CompletionItemKind.Property');
    assert.equal((masq.documentation as { kind: string }).kind, 'markdown');
    assert.match((masq.documentation as { value: string }).value, /eBPF/);
  });

  it('shows the verdict (worst outcome first) and the version as code lenses on the first key', async () => {
    const lenses = await c.connection.sendRequest<CodeLens[]>('textDocument/codeLens', {
      textDocument: { uri: URI },
    });
    assert.equal(lenses.length, 2);
    assert.equal(lenses[0].range.start.line, 3);
    // The worst outcome leads; the rest of the verdict follows without repeating it.
    assert.equal(
      lenses[0].command!.title,
      'Host Routing Legacy · Masq IPTables — KubeProxyReplacement: Strict · Masquerading: IPTables · Routing: Tunnel [vxlan]',
    );
    assert.equal(lenses[0].command!.command, 'cilium.explain');
    assert.deepEqual(lenses[0].command!.arguments, [URI]);
    // The version and where it came from, one click from changing it.
    assert.equal(lenses[1].command!.title, 'Cilium 1.13 · comment');
    assert.equal(lenses[1].command!.command, 'cilium.selectVersion');
  });

  it('offers the bpf.masquerade quick-fix; applied, it keeps the comments and the finding is gone', async () => {
    const diags = c.diagnostics.get(URI)!.at(-1)!.diagnostics;
    const d = diags.find((x) => x.code === 'host-routing-iptables-masquerade')!;
    const actions = await c.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: d.range,
      context: { diagnostics: [d] },
    });
    const fix = actions.find((a) => a.kind === 'quickfix' && /bpf\.masquerade/.test(a.title));
    assert.ok(fix, `actions: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(fix.isPreferred, true);
    assert.deepEqual(
      (fix.diagnostics as Diagnostic[]).map((x) => x.code),
      ['host-routing-iptables-masquerade'],
    );
    const change = fix.edit!.documentChanges![0] as TextDocumentEdit;
    assert.deepEqual(change.textDocument, { uri: URI, version: 2 }, 'a versioned edit for the version the client has');

    const fixed = applyWorkspaceEdit(text, URI, fix.edit);
    assert.match(fixed, /\nbpf:\n {2}preallocateMaps: true # keep\n {2}masquerade: true\n/);
    assert.match(fixed, /# Production cluster\n# owner: network team\n/);
    // Parsed again by the core: the finding is gone, the other one stays.
    const again = analyze(fixed, { path: '/work/values-113.yaml' }).documents[0].findings.map((f) => f.rule);
    assert.deepEqual(again, ['host-routing-endpoint-routes']);

    // And by the server, after the edit arrives as an incremental change.
    text = fixed;
    version = 3;
    const wait = c.nextDiagnostics(URI, 3);
    await c.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: 3 },
      contentChanges: change.edits.map((e) => ({ range: e.range, text: e.newText })),
    });
    assert.deepEqual(codes(await wait), ['host-routing-endpoint-routes']);
  });

  it('fixes everything with source.fixAll.cilium', async () => {
    const actions = await c.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.deepEqual(
      actions.map((a) => a.kind),
      ['source.fixAll.cilium'],
    );
    const all = applyWorkspaceEdit(text, URI, actions[0].edit);
    assert.match(all, /endpointRoutes:\n {2}enabled: false/);
    assert.deepEqual(analyze(all, { path: '/work/values-113.yaml' }).documents[0].findings, []);
    // Only what was asked for: no quick-fixes when `only` names the fix-all kind.
    assert.ok(actions.every((a) => a.kind !== 'quickfix'));
  });

  it('explains the datapath through workspace/executeCommand and the custom requests', async () => {
    const md = await c.connection.sendRequest<string>('workspace/executeCommand', {
      command: 'cilium.explain',
      arguments: [URI],
    });
    assert.match(md, /### Host Routing: Legacy/);
    const ex = await c.connection.sendRequest<{
      markdown: string;
      documents: { ciliumVersion: string; summary: string }[];
    }>('cilium/explain', { uri: URI });
    assert.equal(ex.markdown, md);
    assert.equal(ex.documents[0].ciliumVersion, '1.13');
    assert.match(ex.documents[0].summary, /Host Routing: Legacy/);
    const rc = await c.connection.sendRequest<{ yaml: string }>('cilium/renderedConfig', { uri: URI });
    assert.match(rc.yaml, /kind: ConfigMap/);
    assert.match(rc.yaml, /enable-bpf-masquerade: "true"/);
    await assert.rejects(
      c.connection.sendRequest('workspace/executeCommand', { command: 'cilium.nope', arguments: [URI] }),
      /unknown command/,
    );
  });

  it('points relatedInformation at the other keys involved, in the same document', async () => {
    const uri = 'file:///work/related/values.yaml';
    const src =
      '# cilium-version: 1.16\nkubeProxyReplacement: true\nenableIPv4Masquerade: true\nbpf:\n  masquerade: false\n';
    const wait = c.nextDiagnostics(uri, 1);
    await c.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'yaml', version: 1, text: src },
    });
    const d = byCode(await wait, 'host-routing-iptables-masquerade')!;
    assert.equal(d.range.start.line, 2);
    // Besides the rest of the message (on the finding's own line), one entry points at the other key.
    const others = (d.relatedInformation ?? []).filter((r) => r.location.range.start.line !== d.range.start.line);
    assert.equal(others.length, 1, JSON.stringify(d));
    const rel = others[0];
    assert.equal(rel.location.uri, uri);
    assert.deepEqual(rel.location.range, { start: { line: 4, character: 2 }, end: { line: 4, character: 12 } });
    assert.match(rel.message, /bpf\.masquerade/);
  });

  it('leaves unrelated YAML silent, and clears diagnostics on close', async () => {
    const uri = 'file:///work/deploy.yaml';
    const wait = c.nextDiagnostics(uri, 1);
    await c.connection.sendNotification('textDocument/didOpen', {
      textDocument: {
        uri,
        languageId: 'yaml',
        version: 1,
        text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  name: dup\n',
      },
    });
    assert.deepEqual((await wait).diagnostics, []);
    assert.deepEqual(await c.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } }), []);
    assert.deepEqual(
      await c.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 4, character: 0 } },
        context: { diagnostics: [] },
      }),
      [],
    );
    const ex = await c.connection.sendRequest<{ documents: unknown[] }>('cilium/explain', { uri });
    assert.deepEqual(ex.documents, []);

    const cleared = c.nextDiagnostics(URI);
    await c.connection.sendNotification('textDocument/didClose', { textDocument: { uri: URI } });
    assert.deepEqual((await cleared).diagnostics, []);
    await assert.rejects(
      c.connection.sendRequest('textDocument/hover', {
        textDocument: { uri: URI },
        position: { line: 0, character: 0 },
      }),
      /unknown document/,
    );
    // Opened again for the rest of the tests.
    const back = c.nextDiagnostics(URI, version);
    await c.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: URI, languageId: 'yaml', version, text },
    });
    await back;
  });

  it('answers failing requests with an error response and keeps serving', async () => {
    await assert.rejects(
      c.connection.sendRequest('textDocument/hover', {
        textDocument: { uri: 'file:///nope.yaml' },
        position: { line: 0, character: 0 },
      }),
      /hover failed: unknown document/,
    );
    await assert.rejects(
      c.connection.sendRequest('textDocument/hover', { textDocument: { uri: URI } }),
      /hover failed/,
    ); // no position
    await assert.rejects(c.connection.sendRequest('textDocument/completion', { garbage: true }), /completion failed/);
    await assert.rejects(
      c.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: URI }, range: null, context: {} }),
      /codeAction failed/,
    );
    await assert.rejects(c.connection.sendRequest('cilium/explain', { uri: 42 }), /cilium\/explain failed/);
    await assert.rejects(c.connection.sendRequest('cilium/renderedConfig', null), /cilium\/renderedConfig failed/);
    // Garbage notifications are not answered and change nothing.
    await c.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: 'file:///never-opened.yaml', version: 9 },
      contentChanges: [{ text: 'x' }],
    });
    await c.connection.sendNotification('workspace/didChangeConfiguration', { settings: { cilium: 'not an object' } });
    const h = await c.connection.sendRequest<Hover>('textDocument/hover', {
      textDocument: { uri: URI },
      position: { line: 3, character: 2 },
    });
    assert.match(markdown(h), /kubeProxyReplacement/);
    assert.ok(
      c.messages.some((m) => /Setting cilium must be an object/.test(m)),
      JSON.stringify(c.messages),
    );
  });

  it('gives a 3 MB file one diagnostic: too large to analyse', async () => {
    const uri = 'file:///work/huge-values.yaml';
    const big = '# cilium-version: 1.16\n' + 'kubeProxyReplacement: true\n' + '# padding\n'.repeat(300_000);
    assert.ok(big.length > 3_000_000);
    const wait = c.nextDiagnostics(uri, 1);
    await c.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'yaml', version: 1, text: big },
    });
    const p = await wait;
    assert.deepEqual(codes(p), ['file-too-large']);
    assert.equal(p.diagnostics[0].range.start.line, 0);
    await c.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  });

  it('never publishes a superseded version: a burst of changes ends with the last version', async () => {
    const uri = 'file:///work/typing-values.yaml';
    await c.connection.sendNotification('textDocument/didOpen', {
      textDocument: {
        uri,
        languageId: 'yaml',
        version: 1,
        text: '# cilium-version: 1.16\nkubeProxyReplacement: true\n',
      },
    });
    await c.nextDiagnostics(uri, 1);
    const before = c.diagnostics.get(uri)!.length;
    const last = c.nextDiagnostics(uri, 6);
    for (let v = 2; v <= 6; v++) {
      await c.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: v },
        contentChanges: [
          { text: `# cilium-version: 1.16\nkubeProxyReplacement: true\nenableIPv4Masquerade: ${v % 2 === 0}\n` },
        ],
      });
    }
    assert.ok(codes(await last).includes('host-routing-iptables-masquerade'));
    // Let any straggler arrive: the server must not publish an older version after version 6.
    const check = c.nextDiagnostics(uri, 7);
    await c.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 7 },
      contentChanges: [{ text: '# cilium-version: 1.16\nkubeProxyReplacement: true\n' }],
    });
    await check;
    const published = c.diagnostics
      .get(uri)!
      .slice(before)
      .map((p) => p.version!);
    assert.deepEqual(
      [...published].sort((a, b) => a - b),
      published,
      `versions published in order: ${published.join(',')}`,
    );
    assert.ok(published.includes(6) && published.at(-1) === 7, published.join(','));
  });

  it('shuts down on request and exits with code 0 on exit', async () => {
    assert.equal(await c.connection.sendRequest('shutdown'), null);
    await c.connection.sendNotification('exit');
    assert.equal(await c.exited, 0);
  });
});
