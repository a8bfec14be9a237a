// `cilium/upgradePlan` over stdio: the upgrade report as Markdown and the migration as edits that, applied,
// leave nothing to migrate at the target.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { UPGRADE_PLAN_REQUEST, type UpgradePlanResult } from '../../server/src/lsp/protocol';
import { analyze } from '../../server/src/core/analyze';
import { isMigrationRule } from '../../server/src/core/upgrade';
import { startClient, type TestClient } from './client';

const OLD = [
  '# cilium-version: 1.14',
  'tunnel: vxlan',
  'kubeProxyReplacement: strict  # no kube-proxy',
  'k8sServiceHost: 10.0.0.1',
  'k8sServicePort: 6443',
  '',
].join('\n');

describe('cilium/upgradePlan', () => {
  let c: TestClient;
  const uri = 'file:///work/upgrade/values.yaml';
  before(async () => {
    c = startClient();
    await c.connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    await c.connection.sendNotification('initialized', {});
    const next = c.nextDiagnostics(uri, 1);
    await c.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'yaml', version: 1, text: OLD },
    });
    await next;
  });
  after(async () => {
    await c.close();
  });

  it('answers the report and edits that migrate the document', async () => {
    const r = await c.connection.sendRequest<UpgradePlanResult>(UPGRADE_PLAN_REQUEST, { uri, to: '1.19' });
    assert.equal(r.version, 1);
    assert.match(r.markdown, /^\| \| 1\.14 \| 1\.19 \| 1\.19 after migration \| why \|$/m);
    assert.match(r.markdown, /`chart-tunnel-removed` `tunnel`/);
    assert.ok(r.edits.length > 0);
    const doc = TextDocument.create(uri, 'yaml', 1, OLD);
    const migrated = TextDocument.applyEdits(doc, r.edits);
    assert.match(migrated, /^routingMode: tunnel\ntunnelProtocol: vxlan$/m);
    assert.match(migrated, /^kubeProxyReplacement: true {2}# no kube-proxy$/m);
    const left = analyze(migrated, { version: '1.19' })
      .documents.flatMap((d) => d.findings)
      .filter((f) => isMigrationRule(f.rule));
    assert.deepEqual(left, []);
  });

  it('refuses a target that is not a supported version, and keeps serving', async () => {
    await assert.rejects(
      c.connection.sendRequest(UPGRADE_PLAN_REQUEST, { uri, to: '2.7' }),
      /supported Cilium version/,
    );
    const r = await c.connection.sendRequest<UpgradePlanResult>(UPGRADE_PLAN_REQUEST, { uri, to: '1.15' });
    assert.match(r.markdown, /1\.14 → 1\.15/);
  });
});
