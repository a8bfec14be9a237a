// The standard language features an editor expects of a values file, over the protocol, on real files: the
// upstream 4,600-line 1.18 values.yaml and a HelmRelease from the corpus. Outline (nested keys with values as
// detail), folding, selection ranges, go-to-definition into the chart's values.yaml served by the server as
// `cilium-chart:/1.NN/values.yaml`, and links from rule ids in comments to pages the server serves too.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type {
  DocumentLink,
  DocumentSymbol,
  FoldingRange,
  InitializeResult,
  Location,
  SelectionRange,
} from 'vscode-languageserver-protocol';
import { chartValuesText } from '../../server/src/core/chart/values/chartValues';
import { findRepoRoot } from '../../tools/repoRoot';
import { startClient, type TestClient } from './client';

const CHART_URI = 'file:///work/charts/cilium-values-1.18.yaml';
const CHART_TEXT = chartValuesText('1.18')!;
const CORPUS = path.resolve(findRepoRoot(), '../shared/corpus/real/007-falkwinkler-k3s-helmrelease.yaml');
const CORPUS_URI = 'file:///work/flux/cilium-helmrelease.yaml';
const USER_URI = 'file:///work/values-user.yaml';
const USER_TEXT = [
  '# cilium-version: 1.18',
  '# cilium-lint: ignore host-routing-explicit-legacy',
  'bpf:',
  '  masquerade: true',
  '  hostLegacyRouting: true',
  'extraConfig:',
  '  my-own-key: "1"',
  'kubeProxyReplacement: true',
  '',
].join('\n');
const PLAIN_URI = 'file:///work/app/deployment.yaml';

const lineOf = (text: string, needle: RegExp): number => text.split('\n').findIndex((l) => needle.test(l));
const find = (symbols: DocumentSymbol[] | undefined, name: string) => symbols?.find((s) => s.name === name);
const count = (symbols: DocumentSymbol[]): number => symbols.reduce((n, s) => n + 1 + count(s.children ?? []), 0);

describe('outline, folding, selection, definition and links over the protocol', () => {
  let c: TestClient;
  let init: InitializeResult;

  before(async () => {
    c = startClient();
    init = await c.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: { textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true } } },
      initializationOptions: { settings: { version: 'auto' } },
    });
    await c.connection.sendNotification('initialized', {});
    const open = (uri: string, text: string) =>
      c.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'yaml', version: 1, text },
      });
    await open(CHART_URI, `# cilium-version: 1.18\n${CHART_TEXT}`);
    await open(CORPUS_URI, readFileSync(CORPUS, 'utf8'));
    await open(USER_URI, USER_TEXT);
    await open(PLAIN_URI, 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n');
  });

  after(async () => {
    await c.close();
  });

  it('announces document symbols, folding, selection ranges, definition and document links', () => {
    const caps = init.capabilities;
    assert.ok(caps.documentSymbolProvider);
    assert.ok(caps.foldingRangeProvider);
    assert.ok(caps.selectionRangeProvider);
    assert.ok(caps.definitionProvider);
    assert.ok(caps.documentLinkProvider);
  });

  it('outlines the whole upstream values.yaml: nested keys, scalar values as detail', async () => {
    const symbols: DocumentSymbol[] = await c.connection.sendRequest('textDocument/documentSymbol', {
      textDocument: { uri: CHART_URI },
    });
    const bpf = find(symbols, 'bpf');
    assert.ok(
      bpf,
      `top level: ${symbols
        .slice(0, 20)
        .map((s) => s.name)
        .join(', ')}`,
    );
    const masq = find(bpf.children, 'masquerade');
    assert.ok(masq, 'bpf.masquerade nested under bpf');
    assert.equal(masq.detail, '~');
    // The symbol's key sits on the line values.yaml has it on (+1 for the version comment we put on top).
    assert.equal(masq.selectionRange.start.line, lineOf(CHART_TEXT, /^  masquerade:/) + 1);
    assert.equal(find(find(symbols, 'hubble')?.children, 'relay')?.kind, 2 /* Module: a mapping */);
    assert.ok(count(symbols) > 1400, `only ${count(symbols)} symbols`);
  });

  it('sends the Outline lean: only the members a symbol needs, no empty lists, short details', async () => {
    const symbols: DocumentSymbol[] = await c.connection.sendRequest('textDocument/documentSymbol', {
      textDocument: { uri: CHART_URI },
    });
    const all: DocumentSymbol[] = [];
    const walk = (list: DocumentSymbol[]) => list.forEach((s) => (all.push(s), walk(s.children ?? [])));
    walk(symbols);
    const members = new Set(['name', 'kind', 'range', 'selectionRange', 'detail', 'children']);
    for (const s of all) {
      const where = `${s.name} at line ${s.selectionRange.start.line}`;
      assert.deepEqual(
        Object.keys(s).filter((k) => !members.has(k)),
        [],
        where,
      );
      assert.ok(s.children === undefined || s.children.length > 0, `${where}: empty children`);
      assert.ok(s.detail === undefined || (s.detail.length > 0 && s.detail.length <= 80), `${where}: ${s.detail}`);
      assert.ok(!/\n/.test(s.detail ?? ''), `${where}: detail on one line`);
      // A mapping or list says what it holds through its children; only an item of a list shows its first entry.
      if (s.kind === 2 /* Module */ && s.detail !== undefined) assert.match(s.name, /^\d+$/, where);
    }
    // What is left per symbol is mostly the two ranges the protocol requires (~150 bytes of JSON).
    const bytes = JSON.stringify(symbols).length;
    assert.ok(bytes / all.length < 240, `${Math.round(bytes / all.length)} bytes of JSON per symbol`);
  });

  it('answers the Outline, folds and links again from the same document version, and anew after an edit', async () => {
    const uri = 'file:///work/values-outline-edit.yaml';
    const outline = (): Promise<DocumentSymbol[]> =>
      c.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    const folds = (): Promise<FoldingRange[]> =>
      c.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri } });
    await c.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'yaml', version: 1, text: 'bpf:\n  masquerade: true\n' },
    });
    const first = await outline();
    assert.deepEqual(await outline(), first);
    assert.deepEqual(await folds(), await folds());
    assert.deepEqual(
      (await folds()).map((f) => [f.startLine, f.endLine]),
      [[0, 1]],
    );
    assert.equal(find(first, 'bpf')?.children?.[0]?.name, 'masquerade');
    const links = (): Promise<DocumentLink[]> =>
      c.connection.sendRequest('textDocument/documentLink', { textDocument: { uri } });
    assert.deepEqual(await links(), []);
    assert.deepEqual(await links(), []);
    await c.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [
        { text: 'bpf:\n  hostLegacyRouting: false # host-routing-explicit-legacy\nipam:\n  mode: kubernetes\n' },
      ],
    });
    assert.deepEqual(
      (await links()).map((l) => l.target),
      ['cilium-docs:///rules/host-routing-explicit-legacy.md'],
    );
    const edited = await outline();
    assert.deepEqual(
      find(edited, 'bpf')?.children?.map((x) => `${x.name}=${x.detail}`),
      ['hostLegacyRouting=false'],
    );
    assert.equal(find(find(edited, 'ipam')?.children, 'mode')?.detail, 'kubernetes');
    assert.deepEqual(
      (await folds()).map((f) => [f.startLine, f.endLine]),
      [
        [0, 1],
        [2, 3],
      ],
    );
  });

  it('outlines a HelmRelease from the corpus down to its values', async () => {
    const symbols: DocumentSymbol[] = await c.connection.sendRequest('textDocument/documentSymbol', {
      textDocument: { uri: CORPUS_URI },
    });
    const values = find(find(symbols, 'spec')?.children, 'values');
    assert.ok(values, JSON.stringify(symbols.map((s) => s.name)));
    assert.equal(find(find(values.children, 'cni')?.children, 'exclusive')?.detail, 'false');
  });

  it("leaves YAML that is not Cilium configuration to the user's YAML extension", async () => {
    const symbols: DocumentSymbol[] = await c.connection.sendRequest('textDocument/documentSymbol', {
      textDocument: { uri: PLAIN_URI },
    });
    assert.deepEqual(symbols, []);
  });

  it('folds each mapping from its key to its last line, and comment blocks', async () => {
    const folds: FoldingRange[] = await c.connection.sendRequest('textDocument/foldingRange', {
      textDocument: { uri: CHART_URI },
    });
    const lines = CHART_TEXT.split('\n');
    const bpfLine = lineOf(CHART_TEXT, /^bpf:/) + 1;
    const bpf = folds.find((f) => f.startLine === bpfLine);
    assert.ok(bpf, 'no fold on bpf:');
    // The fold ends on the last line of the bpf block: the next top-level key follows it.
    const nextTop = lines.findIndex((l, i) => i > bpfLine - 1 && /^[A-Za-z]/.test(l)) + 1;
    assert.ok(
      bpf.endLine < nextTop && bpf.endLine > nextTop - 6,
      `bpf fold ends at ${bpf.endLine}, next key at ${nextTop}`,
    );
    assert.ok(
      folds.some((f) => f.kind === 'comment'),
      'no comment folds',
    );
    assert.ok(folds.length > 300, `${folds.length} folds`);
  });

  it('expands the selection from a key to its entry, the mapping, the parent entry and the document', async () => {
    const [sel]: SelectionRange[] = await c.connection.sendRequest('textDocument/selectionRange', {
      textDocument: { uri: USER_URI },
      positions: [{ line: 3, character: 4 }],
    });
    const chain: string[] = [];
    const lines = USER_TEXT.split('\n');
    for (let s: SelectionRange | undefined = sel; s; s = s.parent) {
      const r = s.range;
      chain.push(
        r.start.line === r.end.line
          ? lines[r.start.line].slice(r.start.character, r.end.character)
          : `${r.start.line}-${r.end.line}`,
      );
    }
    assert.deepEqual(chain.slice(0, 2), ['masquerade', 'masquerade: true']);
    assert.ok(chain.includes('3-5'), `no step for the bpf mapping: ${JSON.stringify(chain)}`);
    assert.ok(chain.length >= 4, JSON.stringify(chain));
  });

  it('goes from bpf.masquerade to its line in the 1.18 chart, served as cilium-chart:/1.18/values.yaml', async () => {
    const loc: Location = await c.connection.sendRequest('textDocument/definition', {
      textDocument: { uri: USER_URI },
      position: { line: 3, character: 4 },
    });
    assert.equal(loc.uri, 'cilium-chart:///1.18/values.yaml');
    const { text } = await c.connection.sendRequest<{ text: string | null }>('cilium/virtualDocument', {
      uri: loc.uri,
    });
    assert.equal(text, CHART_TEXT);
    const line = text!.split('\n')[loc.range.start.line];
    assert.equal(line.slice(loc.range.start.character, loc.range.end.character), 'masquerade');
    assert.equal(loc.range.start.line, lineOf(CHART_TEXT, /^  masquerade:/));
  });

  it('goes from a key the chart does not have to its nearest ancestor (extraConfig)', async () => {
    const loc: Location = await c.connection.sendRequest('textDocument/definition', {
      textDocument: { uri: USER_URI },
      position: { line: 6, character: 4 },
    });
    assert.equal(loc.range.start.line, lineOf(CHART_TEXT, /^extraConfig:/));
  });

  it('follows the target version: the same key in a 1.14 file goes to the 1.14 chart', async () => {
    const uri = 'file:///work/values-114.yaml';
    await c.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'yaml', version: 1, text: '# cilium-version: 1.14\nbpf:\n  masquerade: true\n' },
    });
    const loc: Location = await c.connection.sendRequest('textDocument/definition', {
      textDocument: { uri },
      position: { line: 2, character: 4 },
    });
    assert.equal(loc.uri, 'cilium-chart:///1.14/values.yaml');
    assert.equal(loc.range.start.line, lineOf(chartValuesText('1.14')!, /^  masquerade:/));
    assert.notEqual(loc.range.start.line, lineOf(CHART_TEXT, /^  masquerade:/));
  });

  it('links a rule id in a comment to its page and the version comment to the Helm reference', async () => {
    const links: DocumentLink[] = await c.connection.sendRequest('textDocument/documentLink', {
      textDocument: { uri: USER_URI },
    });
    const rule = links.find((l) => l.range.start.line === 1);
    assert.equal(rule?.target, 'cilium-docs:///rules/host-routing-explicit-legacy.md');
    const { text } = await c.connection.sendRequest<{ text: string | null }>('cilium/virtualDocument', {
      uri: rule!.target,
    });
    assert.match(text ?? '', /^# host-routing-explicit-legacy\n\nLegacy host routing was chosen explicitly/);
    const version = links.find((l) => l.range.start.line === 0);
    assert.equal(version?.target, 'https://docs.cilium.io/en/v1.18/helm-reference/');
    // Only comments: the key `bpf` or a value never becomes a link.
    assert.equal(links.length, 2);
  });

  it('serves the same document for the URI written without the empty authority (cilium-chart:/1.18/values.yaml)', async () => {
    const r = await c.connection.sendRequest<{ text: string | null }>('cilium/virtualDocument', {
      uri: 'cilium-chart:/1.18/values.yaml',
    });
    assert.equal(r.text, CHART_TEXT);
  });

  it('answers null for a virtual document it does not have', async () => {
    for (const uri of [
      'cilium-chart:/1.99/values.yaml',
      'cilium-docs:/rules/not-a-rule.md',
      'file:///etc/passwd',
      'cilium-chart:/../../etc/passwd',
    ]) {
      const r = await c.connection.sendRequest<{ text: string | null }>('cilium/virtualDocument', { uri });
      assert.equal(r.text, null, uri);
    }
  });
});
