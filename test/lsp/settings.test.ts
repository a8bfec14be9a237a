// Settings pulled through workspace/configuration (per document), settings validation, the user's chart copy
// in hovers (workspace folder or Helm cache, the latter only when allowed), and a client without versioned edits.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Hover } from 'vscode-languageserver-protocol';
import { parseSettings, readSettings } from '../../server/src/lsp/settings';
import { startClient, type TestClient } from './client';
import { tgz } from './tgz';

const markdown = (h: Hover | null) => (h?.contents as { value: string } | undefined)?.value ?? '';
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('settings validation', () => {
  it('keeps the good fields when one is bad, and names the bad one', () => {
    const { settings, problems } = readSettings({
      version: '1.15',
      kernelVersion: 5.1,
      rules: { 'host-routing-kpr-off': 'OFF', 'unknown-key': 'loud' },
      readHelmCache: 'yes',
    });
    assert.equal(settings.version, '1.15');
    assert.equal(settings.kernelVersion, undefined);
    assert.deepEqual(settings.rules, { 'host-routing-kpr-off': 'off' });
    assert.equal(settings.readHelmCache, true);
    assert.equal(problems.length, 3, problems.join('\n'));
    assert.match(problems.join('\n'), /cilium\.kernelVersion/);
    assert.match(problems.join('\n'), /cilium\.rules\["unknown-key"\]/);
    assert.match(problems.join('\n'), /cilium\.readHelmCache/);
  });

  it('"auto", "" and null mean: detect the version from the file', () => {
    for (const v of ['auto', '', null]) {
      const { values, problems } = parseSettings({ version: v });
      assert.deepEqual(problems, []);
      assert.ok('version' in values && values.version === undefined, JSON.stringify(v));
    }
    assert.match(
      readSettings({ version: '2.0' }).problems[0],
      /cilium\.version must be "auto" or a supported Cilium version/,
    );
    assert.match(
      readSettings({ rules: { 'no-such-rule': 'off' } }).problems[0],
      /"no-such-rule" is not a known rule id/,
    );
    assert.match(readSettings([1]).problems[0], /Setting cilium must be an object/);
  });

  it('leaves out what a source does not set, so the other source still decides it', () => {
    assert.deepEqual(parseSettings({}).values, {});
    assert.deepEqual(parseSettings(null).values, {});
    assert.deepEqual(parseSettings({ readHelmCache: false }).values, { readHelmCache: false });
  });
});

describe('language server settings from the client', () => {
  let c: TestClient;
  let ws: string;
  const asked: (string | undefined)[] = [];
  let answer: Record<string, unknown> = {
    version: '1.16',
    rules: { 'host-routing-iptables-masquerade': 'error', 'host-routing-kpr-off': 'off' },
    kernelVersion: 'five',
  };

  before(async () => {
    ws = mkdtempSync(join(tmpdir(), 'cilium-lsp-ws-'));
    mkdirSync(join(ws, 'charts/cilium'), { recursive: true });
    writeFileSync(join(ws, 'charts/cilium/Chart.yaml'), 'apiVersion: v2\nname: cilium\nversion: 1.16.3\n');
    writeFileSync(
      join(ws, 'charts/cilium/values.yaml'),
      'bpf:\n  # -- Our chart says: masquerade with eBPF programs\n  masquerade: false\n',
    );
    c = startClient({
      configuration: (section, scope) => {
        asked.push(scope);
        return section === 'cilium' ? answer : null;
      },
      // An empty Helm cache: nothing from the home directory leaks into the test.
      env: { XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), 'cilium-empty-cache-')) },
    });
    await c.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(ws).href,
      workspaceFolders: [{ uri: pathToFileURL(ws).href, name: 'ws' }],
      capabilities: { workspace: { configuration: true } }, // no workspaceEdit.documentChanges
    });
    await c.connection.sendNotification('initialized', {});
  });

  after(async () => {
    await c.close();
  });

  const uri = () => pathToFileURL(join(ws, 'values.yaml')).href;
  const TEXT =
    '# cilium-version: 1.13\nkubeProxyReplacement: false\nendpointRoutes:\n  enabled: true\nenableIPv4Masquerade: true\nbpf:\n  masquerade: false\n';

  it('uses the configured version over the file comment, with severity overrides and disabled rules', async () => {
    const next = c.nextDiagnostics(uri(), 1);
    await c.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: uri(), languageId: 'yaml', version: 1, text: TEXT },
    });
    const p = await next;
    const codes = p.diagnostics.map((d) => d.code);
    assert.ok(
      !codes.includes('host-routing-endpoint-routes'),
      `1.16 has no endpoint-routes fallback: ${codes.join(',')}`,
    );
    assert.ok(!codes.includes('host-routing-kpr-off'), 'a rule set to off is not published');
    const masq = p.diagnostics.find((d) => d.code === 'host-routing-iptables-masquerade');
    assert.equal(masq?.severity, 1, 'severity override to error');
    assert.ok(asked.includes(uri()), 'configuration requested for the document');
  });

  it('reports a bad setting (kernelVersion) once and keeps going', async () => {
    for (let i = 0; i < 100 && !c.messages.some((m) => /kernelVersion/.test(m)); i++) await wait(20);
    assert.equal(c.messages.filter((m) => /cilium\.kernelVersion/.test(m)).length, 1, JSON.stringify(c.messages));
  });

  it('answers quick-fixes with `changes` when the client has no versioned edits', async () => {
    const other = pathToFileURL(join(ws, 'kpr-values.yaml')).href;
    const next = c.nextDiagnostics(other, 1);
    await c.connection.sendNotification('textDocument/didOpen', {
      textDocument: {
        uri: other,
        languageId: 'yaml',
        version: 1,
        text: 'kubeProxyReplacement: true\nenableIPv4Masquerade: true\n',
      },
    });
    await next;
    const actions = await c.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: other },
      range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } },
      context: { diagnostics: [] },
    });
    const fix = actions.find((a) => a.kind === 'quickfix' && /bpf\.masquerade/.test(a.title));
    assert.ok(fix?.edit?.changes?.[other]?.length, JSON.stringify(actions));
    assert.equal(fix.edit.documentChanges, undefined);
    // Beside the light bulb's quick-fixes: the fix-all action.
    assert.ok(actions.some((a) => a.kind === 'source.fixAll.cilium'));
    await c.connection.sendNotification('textDocument/didClose', { textDocument: { uri: other } });
  });

  it("adds the workspace chart's own description to the hover (chart version 1.16 = target version)", async () => {
    const h = await c.connection.sendRequest<Hover>('textDocument/hover', {
      textDocument: { uri: uri() },
      position: { line: 6, character: 4 },
    });
    assert.match(markdown(h), /Our chart says: masquerade with eBPF programs/);
  });

  it('re-reads settings on didChangeConfiguration (here: back to auto, so the file says 1.13)', async () => {
    answer = { version: 'auto' };
    const next = c.nextDiagnostics(uri(), 1);
    await c.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const p = await next;
    const codes = p.diagnostics.map((d) => d.code);
    assert.ok(codes.includes('host-routing-endpoint-routes'), codes.join(','));
    // The real 1.13 chart reads `false` as empty and writes its default "disabled" (coalesce in
    // templates/cilium-configmap.yaml@v1.13.18): no refusal, and KPR is off.
    assert.ok(!codes.includes('chart-kpr-invalid'), codes.join(','));
    assert.ok(codes.includes('host-routing-kpr-off'), codes.join(','));
    // A 1.16 chart says nothing about a 1.13 file.
    const h = await c.connection.sendRequest<Hover>('textDocument/hover', {
      textDocument: { uri: uri() },
      position: { line: 6, character: 4 },
    });
    assert.doesNotMatch(markdown(h), /Our chart says/);
  });
});

describe('chart descriptions from the Helm cache', () => {
  let c: TestClient;
  const uri = 'file:///work/cached/values.yaml';
  const TEXT = '# cilium-version: 1.15\nkubeProxyReplacement: true\nbpf:\n  masquerade: true\n';

  before(async () => {
    const cache = mkdtempSync(join(tmpdir(), 'cilium-xdg-cache-'));
    mkdirSync(join(cache, 'helm/repository'), { recursive: true });
    writeFileSync(
      join(cache, 'helm/repository/cilium-1.15.7.tgz'),
      tgz({
        'cilium/Chart.yaml': 'name: cilium\nversion: 1.15.7\n',
        'cilium/values.yaml': 'bpf:\n  # -- From the cached 1.15 chart\n  masquerade: false\n',
      }),
    );
    // Like Helix: workspace/configuration is supported but has no `cilium` section, so initializationOptions decide.
    c = startClient({ env: { XDG_CACHE_HOME: cache }, configuration: () => null });
    await c.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: { workspace: { configuration: true } },
      initializationOptions: { settings: { readHelmCache: false } },
    });
    await c.connection.sendNotification('initialized', {});
    const next = c.nextDiagnostics(uri, 1);
    await c.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'yaml', version: 1, text: TEXT },
    });
    await next;
  });

  after(async () => {
    await c.close();
  });

  const hover = async () =>
    markdown(
      await c.connection.sendRequest<Hover>('textDocument/hover', {
        textDocument: { uri },
        position: { line: 3, character: 4 },
      }),
    );

  it('does not read the Helm cache when readHelmCache is false', async () => {
    const h = await hover();
    assert.match(h, /masquerade/);
    assert.doesNotMatch(h, /From the cached 1\.15 chart/);
  });

  it('reads the matching chart version from the Helm cache once allowed', async () => {
    const next = c.nextDiagnostics(uri, 1);
    await c.connection.sendNotification('workspace/didChangeConfiguration', {
      settings: { cilium: { readHelmCache: true } },
    });
    await next;
    assert.match(await hover(), /From the cached 1\.15 chart/);
  });
});
